package cn.partyflow.organizationallife;

import java.time.LocalDate;

/** A stretch of days a meeting is required in, from {@code start} to {@code end} inclusive, named in Chinese. */
public record Period(LocalDate start, LocalDate end, String label) {

  static final String[] QUARTERS = {"第一", "第二", "第三", "第四"};

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  /** Quarter {@code q} (1-4) of a year. */
  public static Period quarter(int year, int q) {
    LocalDate start = LocalDate.of(year, 3 * (q - 1) + 1, 1);
    return new Period(start, start.plusMonths(3).minusDays(1), year + "年" + QUARTERS[q - 1] + "季度");
  }

  public static Period year(int year) {
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年");
  }

  public static Period month(int year, int month) {
    LocalDate start = LocalDate.of(year, month, 1);
    return new Period(start, start.plusMonths(1).minusDays(1), year + "年" + month + "月");
  }
}
