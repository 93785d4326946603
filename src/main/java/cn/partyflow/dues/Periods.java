package cn.partyflow.dues;

import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Dues months as {@code yyyy-MM} strings, the form the ledger stores and sorts them in. */
final class Periods {

  private Periods() {}

  static YearMonth parse(String period) {
    try {
      return YearMonth.parse(period == null ? "" : period.trim());
    } catch (DateTimeParseException e) {
      throw new RuleViolation("dues.period", "月份须写成“年-月”，例如2027-03，当前为“" + period + "”");
    }
  }

  static String of(YearMonth month) {
    return month.toString();
  }

  static String of(LocalDate date) {
    return YearMonth.from(date).toString();
  }

  static String plus(String period, int months) {
    return parse(period).plusMonths(months).toString();
  }

  static long between(String from, String to) {
    return ChronoUnit.MONTHS.between(parse(from), parse(to));
  }

  static LocalDate lastDay(String period) {
    return parse(period).atEndOfMonth();
  }

  static int year(String period) {
    return parse(period).getYear();
  }
}
