package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.calendar.ChinaCalendarFixture;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CollectionDayTest {

  DuesProperties properties = new DuesProperties();
  DuesCollectionService service =
      new DuesCollectionService(null, null, null, null, null, ChinaCalendarFixture.calendar(false), properties);

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
}
