package cn.partyflow.dues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Which ledger months count against a member. The six-month rule (2008 regulation Art. 13) and the talk before it
 * count months with nothing paid; a month paid short is 不按规定交纳, met with a talk and a deadline, not a step towards
 * 自行脱党. Months before the member's admission was approved were owed before anybody could ask for them (a
 * 预备党员 owes from the 支部大会, Art. 8, but is told only at approval), so they never count.
 */
final class ArrearsRules {

  private ArrearsRules() {}

  /** One ledger month of a member. */
  record Month(String period, BigDecimal due, BigDecimal paid) {}

  static boolean nothingPaid(Month m) {
    return m.due().signum() > 0 && m.paid().signum() == 0;
  }

  static boolean paidShort(Month m) {
    return m.paid().signum() > 0 && m.paid().compareTo(m.due()) < 0;
  }

  /**
   * The unbroken run of months with nothing paid that ends in {@code period}, newest first.
   *
   * @param newestFirst the member's ledger months, newest first
   * @param countFrom the first month that may count (the month the admission was approved), or null
   */
  static List<Month> unpaidRun(List<Month> newestFirst, String period, String countFrom) {
    List<Month> run = new ArrayList<>();
    String expected = period;
    for (Month m : newestFirst) {
      if (!m.period().equals(expected) || !nothingPaid(m)
          || (countFrom != null && m.period().compareTo(countFrom) < 0)) {
        break;
      }
      run.add(m);
      expected = Periods.plus(expected, -1);
    }
    return run;
  }

  /** A back payment for a month owed before the member's admission was approved is not arrears. */
  static boolean beforeAdmission(String month, String duesFrom, String admittedIn) {
    return duesFrom != null && admittedIn != null && month.compareTo(duesFrom) >= 0
        && month.compareTo(admittedIn) < 0;
  }
}
