package cn.partyflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The working-day calendar as shipped, read from the migration that seeds it, for tests without a database. */
public final class ChinaCalendarFixture {

  private static final Pattern ROW = Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})', (true|false)");

  private ChinaCalendarFixture() {}

  public static WorkdayCalendar calendar(boolean countStartDay) {
    return new WorkdayCalendar(days(), countStartDay);
  }

  public static CalendarDays days() {
    try (InputStream in = ChinaCalendarFixture.class.getResourceAsStream("/db/migration/V2__calendar_2025_2026.sql")) {
      Matcher m = ROW.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Map<LocalDate, Boolean> days = new HashMap<>();
      while (m.find()) {
        days.put(LocalDate.parse(m.group(1)), Boolean.parseBoolean(m.group(2)));
      }
      return CalendarDays.of(days);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
