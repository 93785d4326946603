package cn.partyflow.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The dates a report covers, both inclusive, and how the report names them ("2025年", "2025年第二季度"). */
record Period(LocalDate from, LocalDate to, String label, boolean wholeYear) {

  static final int FIRST_YEAR = 1921;
  static final int LAST_YEAR = 2100;
  private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

  static Period year(int year) {
    checkYear(year);
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年", true);
  }

  /**
   * The period a request names: from-to when both are given, else a month or quarter of the year, else the year;
   * nothing at all is {@code defaultYear}. A wrong value is refused with a message saying which.
   */
  static Period parse(Integer year, Integer quarter, Integer month, String from, String to, int defaultYear) {
    if (!blank(from) || !blank(to)) {
      if (blank(from) || blank(to)) {
        throw new IllegalArgumentException("自定义期间须同时填写起止日期");
      }
      LocalDate f = date(from, "起始日期");
      LocalDate t = date(to, "截止日期");
      if (t.isBefore(f)) {
        throw new IllegalArgumentException("截止日期" + t + "早于起始日期" + f);
      }
      checkYear(f.getYear());
      checkYear(t.getYear());
      return new Period(f, t, f + "至" + t, false);
    }
    int y = year == null ? defaultYear : year;
    checkYear(y);
    if (month != null) {
      if (month < 1 || month > 12) {
        throw new IllegalArgumentException("月份须在1至12之间：" + month);
      }
      YearMonth ym = YearMonth.of(y, month);
      return new Period(ym.atDay(1), ym.atEndOfMonth(), y + "年" + month + "月", false);
    }
    if (quarter != null) {
      if (quarter < 1 || quarter > 4) {
        throw new IllegalArgumentException("季度须在1至4之间：" + quarter);
      }
      LocalDate f = LocalDate.of(y, quarter * 3 - 2, 1);
      return new Period(f, f.plusMonths(3).minusDays(1), y + "年" + QUARTERS[quarter - 1], false);
    }
    return year(y);
  }

  boolean contains(LocalDate d) {
    return d != null && !d.isBefore(from) && !d.isAfter(to);
  }

  /** The day a standing figure is read at: the period's last day, or today while the period runs. */
  LocalDate asOf(LocalDate today) {
    return to.isAfter(today) ? today : to;
  }

  /** The months the period touches, as the dues tables name them ("2025-03"). */
  List<String> months() {
    List<String> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }

  private static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException("年份须在" + FIRST_YEAR + "至" + LAST_YEAR + "之间：" + year);
    }
  }

  private static LocalDate date(String text, String label) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(label + "须为yyyy-MM-dd格式的日期：" + text);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
