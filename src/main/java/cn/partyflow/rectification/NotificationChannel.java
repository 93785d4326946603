package cn.partyflow.rectification;

import cn.partyflow.organization.Person;
import java.util.Optional;

/**
 * A way to reach a person: email here; SMS or WeChat Work (企业微信) channels are further beans implementing this.
 * Every channel bean receives every notification; {@link Notifier} records each attempt.
 */
public interface NotificationChannel {

  /** Short name stored with each notification, e.g. "email". */
  String name();

  /** Where this channel reaches the person, if it can. */
  Optional<String> addressOf(Person person);

  /** Sends now; throws when the message could not be handed over. */
  void send(String address, String subject, String body) throws Exception;
}
