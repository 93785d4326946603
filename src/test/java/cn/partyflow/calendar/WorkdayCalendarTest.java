package cn.partyflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkdayCalendarTest {

  private final WorkdayCalendar startExcluded = ChinaCalendarFixture.calendar(false);
  private final WorkdayCalendar startCounted = ChinaCalendarFixture.calendar(true);

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      "2025-11-17, 5, 2025-11-24",   // an ordinary week: Monday + 5 = next Monday
      "2025-11-21, 1, 2025-11-24",   // Friday + 1 skips the weekend
      "2025-09-30, 3, 2025-10-11",   // National Day: Oct 1-8 off, Saturday Oct 11 is a make-up working day
      "2025-09-26, 1, 2025-09-28",   // Sunday Sep 28 is a make-up working day
      "2026-02-13, 1, 2026-02-14",   // Saturday Feb 14 2026 is worked before the Spring Festival
      "2026-02-14, 1, 2026-02-24",   // Spring Festival Feb 15-23 off
      "2026-10-09, 1, 2026-10-10",   // Saturday Oct 10 2026 is worked
      "2025-10-13, -3, 2025-10-09",  // backwards across the make-up Saturday
      "2025-11-17, 0, 2025-11-17"})
  void countsWorkingDaysAfterTheStartDay(LocalDate start, int days, LocalDate expected) {
    assertThat(startExcluded.plusWorkdays(start, days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "start day counted: {0} + {1} = {2}")
  @CsvSource({
      "2025-11-17, 5, 2025-11-21",   // Monday counts as day 1: Friday is day 5
      "2025-11-17, 1, 2025-11-17",
      "2025-11-22, 1, 2025-11-24",   // a Saturday start does not count
      "2025-09-30, 3, 2025-10-10"})  // Sep 30 is day 1, then Oct 9 and Oct 10
  void countsTheStartDayWhenConfigured(LocalDate start, int days, LocalDate expected) {
    assertThat(startCounted.plusWorkdays(start, days)).isEqualTo(expected);
  }

  @Test
  void holidaysAndMakeUpDaysOverrideTheWeekday() {
    assertThat(startExcluded.isWorkday(LocalDate.parse("2025-10-01"))).isFalse();
    assertThat(startExcluded.isWorkday(LocalDate.parse("2025-10-11"))).isTrue();
    assertThat(startExcluded.isWorkday(LocalDate.parse("2025-11-22"))).isFalse();
    assertThat(startExcluded.isWorkday(LocalDate.parse("2025-11-24"))).isTrue();
  }

  @Test
  void keepsTheTimeOfDayAndAcceptsFormDates() {
    assertThat(startExcluded.plus(LocalDateTime.parse("2025-09-30T10:00"), 3))
        .isEqualTo(ChinaClock.toDate(LocalDateTime.parse("2025-10-11T10:00")));
    assertThat(startExcluded.plusDate("2025-09-30", 3)).isEqualTo("2025-10-11");
  }

  @Test
  void countsWorkingDaysBetweenTwoDates() {
    assertThat(startExcluded.workdaysBetween(LocalDate.parse("2025-09-30"), LocalDate.parse("2025-10-11")))
        .isEqualTo(3);
  }
}
