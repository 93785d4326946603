package cn.partyflow.schedule;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The cron of each calendar duty, read from the settings by the duty's timer start event:
 * {@code <timeCycle>${schedules.cron('rectification.digest-cron')}</timeCycle>} reads
 * {@code partyflow.rectification.digest-cron}. Six fields (second, minute, hour, day of month, month, day of week),
 * in China time. It depends on the settings alone because the engine evaluates it while it deploys, before the beans
 * that need the engine exist.
 */
@Component("schedules")
public class Schedules {

  private final Environment environment;

  public Schedules(Environment environment) {
    this.environment = environment;
  }

  /** The cron of {@code partyflow.<setting>}; a duty without one stops the start rather than never running. */
  public String cron(String setting) {
    String value = environment.getProperty("partyflow." + setting);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("partyflow." + setting + " is not set: the calendar duty needs a cron");
    }
    return value.trim();
  }
}
