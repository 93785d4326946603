package cn.partyflow.calendar;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Working days in China: Monday to Friday, less public holidays, plus the make-up working days. For BPMN
 * expressions, e.g. {@code <timeDate>${workdays.plus(deadline, -3)}</timeDate>} or {@code ${workdays.plus(5)}}.
 *
 * <p>"N working days after D" is the N-th working day after D, keeping D's time of day. With
 * {@code partyflow.calendar.count-start-day=true}, D itself is the first day when it is a working day.
 * A negative N counts backwards: the N-th working day before D.
 *
 * <p>Spans are counted day by day, so they are bounded: at most {@value #MAX_WORKDAYS} working days (about ten
 * years) either way, and at most {@value #MAX_SPAN_DAYS} calendar days between two dates. Anything longer is no
 * deadline of a party procedure and is refused with a Chinese message.
 */
@Component("workdays")
public class WorkdayCalendar {

  /** About ten years of Chinese working days (some 250 a year). */
  static final int MAX_WORKDAYS = 2600;
  /** Ten years and a few days of calendar days. */
  static final int MAX_SPAN_DAYS = 3660;

  private final CalendarDays days;
  private final boolean countStartDay;

  public WorkdayCalendar(CalendarDays days, @Value("${partyflow.calendar.count-start-day:false}") boolean countStartDay) {
    this.days = days;
    this.countStartDay = countStartDay;
  }

  public boolean isWorkday(LocalDate date) {
    Boolean off = days.exceptions().get(date);
    if (off != null) {
      return !off;
    }
    DayOfWeek d = date.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  public LocalDate plusWorkdays(LocalDate start, int n) {
    if (n > MAX_WORKDAYS || n < -MAX_WORKDAYS) {
      throw new RuleViolation("calendar.span", "工作日数" + n + "超出范围：最多向前或向后推算" + MAX_WORKDAYS
          + "个工作日（约10年）");
    }
    if (n == 0) {
      return start;
    }
    int step = n > 0 ? 1 : -1;
    int remaining = Math.abs(n);
    if (countStartDay && isWorkday(start)) {
      remaining--;
      if (remaining == 0) {
        return start;
      }
    }
    LocalDate d = start;
    while (remaining > 0) {
      d = d.plusDays(step);
      if (isWorkday(d)) {
        remaining--;
      }
    }
    return d;
  }

  /** N working days from now (engine clock), same time of day. */
  public Date plus(int n) {
    return plus(ChinaClock.localNow(), n);
  }

  /** N working days after a Date, a LocalDate, a LocalDateTime, or a "yyyy-MM-dd" string (as forms store dates). */
  public Date plus(Object start, int n) {
    LocalDateTime t = toLocalDateTime(start);
    return ChinaClock.toDate(plusWorkdays(t.toLocalDate(), n).atTime(t.toLocalTime()));
  }

  /** As {@link #plus(Object, int)}, as the "yyyy-MM-dd" string a form shows. */
  public String plusDate(Object start, int n) {
    return plusWorkdays(toLocalDateTime(start).toLocalDate(), n).toString();
  }

  /** How many working days lie after {@code from} up to and including {@code to}. */
  public int workdaysBetween(LocalDate from, LocalDate to) {
    if (ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
      throw new RuleViolation("calendar.span", "从" + from + "到" + to + "超过10年，不能按工作日计算");
    }
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkday(d)) {
        n++;
      }
    }
    return n;
  }

  static LocalDateTime toLocalDateTime(Object value) {
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(ChinaClock.ZONE).toLocalDateTime();
    }
    if (value instanceof Date d) {
      return LocalDateTime.ofInstant(d.toInstant(), ChinaClock.ZONE);
    }
    if (value instanceof String s && !s.isBlank()) {
      String t = s.trim();
      return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t.replace(' ', 'T'));
    }
    throw new IllegalArgumentException("不是日期：" + value);
  }
}
