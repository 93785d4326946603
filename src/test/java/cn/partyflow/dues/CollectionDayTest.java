package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollectionDayTest {

  DuesSettings properties = new DuesSettings();
  DuesCollectionService service =
      new DuesCollectionService(null, null, null, null, null, ChinaCalendarFixture.calendar(false), properties, null,
          null);

  DuesCollectionDay duty = new DuesCollectionDay(service, properties);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWorkingDayIsKept() {
    assertThat(service.startDay(YearMonth.of(2026, 3))).isEqualTo(LocalDate.of(2026, 3, 20));
  }

  @Test
  void aWeekendMovesToMonday() {
    assertThat(service.startDay(YearMonth.of(2026, 6))).isEqualTo(LocalDate.of(2026, 6, 22));
  }

  @Test
  void theSpringFestivalMovesToTheFirstWorkingDayAfterIt() {
    assertThat(service.startDay(YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 2, 24));
  }

  @Test
  void aDayBeyondTheMonthEndIsItsLastDay() {
    properties.setCollectionDay(31);
    assertThat(service.startDay(YearMonth.of(2026, 4))).isEqualTo(LocalDate.of(2026, 4, 30));
  }

  @Test
  void theDailyDutyFindsTheMonthOnItsCollectionDayOnly() {
    clock(2026, 6, 20);
    assertThat(duty.dueMonth()).isNull();
    clock(2026, 6, 22);
    assertThat(duty.dueMonth()).isEqualTo("2026-06");
    clock(2026, 6, 23);
    assertThat(duty.dueMonth()).isNull();
  }

  @Test
  void theDailyDutyStartsNothingWhenTheSchedulerIsOff() {
    properties.setScheduler(false);
    clock(2026, 3, 20);
    assertThat(duty.dueMonth()).isNull();
  }

  private static void clock(int year, int month, int day) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(year, month, day, 7, 0)));
  }
}
