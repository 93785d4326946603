package cn.partyflow.calendar;

import java.time.LocalDate;
import java.util.Map;

/**
 * The exceptions to the Monday-to-Friday week: public holidays (off) and make-up working days (调休上班, on).
 * {@code true} means an off day.
 */
public interface CalendarDays {

  Map<LocalDate, Boolean> exceptions();

  static CalendarDays of(Map<LocalDate, Boolean> exceptions) {
    Map<LocalDate, Boolean> copy = Map.copyOf(exceptions);
    return () -> copy;
  }
}
