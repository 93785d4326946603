package cn.partyflow.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Dates as officers record them: China time, taken from the engine clock so tests can move it. */
public final class ChinaClock {

  public static final String ZONE_ID = "Asia/Shanghai";
  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

  private ChinaClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }

  public static LocalDateTime localNow() {
    return LocalDateTime.ofInstant(now(), ZONE);
  }

  public static Date toDate(LocalDateTime time) {
    return Date.from(time.atZone(ZONE).toInstant());
  }

  public static LocalDate toLocalDate(Date date) {
    return LocalDate.ofInstant(date.toInstant(), ZONE);
  }
}
