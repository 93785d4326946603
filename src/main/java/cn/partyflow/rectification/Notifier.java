package cn.partyflow.rectification;

import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends a notification to people (by user id) through every channel and records each attempt in pf_notification,
 * delivered or not. A channel failure never stops the process step that caused it: the record says what failed.
 */
@Service
public class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final List<NotificationChannel> channels;
  private final OrganizationDirectory directory;
  private final JdbcTemplate jdbc;

  public Notifier(List<NotificationChannel> channels, OrganizationDirectory directory, JdbcTemplate jdbc) {
    this.channels = channels;
    this.directory = directory;
    this.jdbc = jdbc;
  }

  /** A login's holder by name, as item histories and pages show people. */
  String nameOf(String user) {
    return directory.personByUsername(user).map(Person::name).orElse(user);
  }

  public void send(Collection<String> users, String kind, Long itemId, String subject, String body) {
    for (String user : new LinkedHashSet<>(users)) {
      Optional<Person> person = directory.personByUsername(user);
      for (NotificationChannel channel : channels) {
        Optional<String> address = person.flatMap(channel::addressOf);
        if (address.isEmpty()) {
          record(channel.name(), user, null, kind, itemId, subject, body, false, "没有可用的联系地址");
          continue;
        }
        try {
          channel.send(address.get(), subject, body);
          record(channel.name(), user, address.get(), kind, itemId, subject, body, true, null);
        } catch (Exception e) {
          LOG.warn("{} notification to {} failed: {}", channel.name(), user, e.toString());
          record(channel.name(), user, address.get(), kind, itemId, subject, body, false, e.toString());
        }
      }
    }
  }

  private void record(String channel, String user, String address, String kind, Long itemId, String subject,
      String body, boolean delivered, String error) {
    jdbc.update("insert into pf_notification (channel, recipient_user, address, subject, body, kind, item_id, sent_at,"
            + " delivered, error, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " (select c.process_instance_id from pf_rectification_item i"
            + " join pf_rectification_case c on c.id = i.case_id where i.id = ?))",
        channel, user, address, cut(subject, 500), cut(body, 8000), kind, itemId, Timestamp.from(ChinaClock.now()),
        delivered, error == null ? null : cut(error, 1000), itemId);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
