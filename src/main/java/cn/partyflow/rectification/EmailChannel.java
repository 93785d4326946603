package cn.partyflow.rectification;

import cn.partyflow.organization.Person;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email through the SMTP server of spring.mail.*, to the address in the person's record. */
@Component
class EmailChannel implements NotificationChannel {

  private final JavaMailSender mail;
  private final String from;

  EmailChannel(JavaMailSender mail, @Value("${partyflow.notification.from:partyflow@localhost}") String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Optional<String> addressOf(Person person) {
    return Optional.ofNullable(person.email()).filter(e -> !e.isBlank());
  }

  @Override
  public void send(String address, String subject, String body) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(address);
    message.setSubject(subject);
    message.setText(body);
    mail.send(message);
  }
}
