package cn.partyflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberFiguresTest {

  static Person person(MemberStatus status, String applied, String activist, String target, String admitted,
      String full) {
    return new Person("X", "某人", "女", LocalDate.parse("1990-01-01"), status, "b", null, null, null, d(applied),
        d(activist), d(target), d(admitted), d(full), false);
  }

  static LocalDate d(String s) {
    return s == null ? null : LocalDate.parse(s);
  }

  @Test
  void aMemberConvertedAfterTheDayWasProbationaryThen() {
    Person p = person(MemberStatus.FULL_MEMBER, null, null, null, "2025-01-05", "2026-01-05");
    assertThat(MemberFigures.statusAt(p, LocalDate.parse("2025-12-31"))).isEqualTo(MemberStatus.PROBATIONARY);
    assertThat(MemberFigures.statusAt(p, LocalDate.parse("2026-01-05"))).isEqualTo(MemberStatus.FULL_MEMBER);
    assertThat(MemberFigures.statusAt(p, LocalDate.parse("2024-12-31"))).isNull();
  }

  @Test
  void aStatusWithoutItsDateIsTakenAsHeldAlready() {
    assertThat(MemberFigures.statusAt(person(MemberStatus.FULL_MEMBER, null, null, null, null, null),
        LocalDate.parse("2000-01-01"))).isEqualTo(MemberStatus.FULL_MEMBER);
  }

  @Test
  void aPersonSentBackStandsNoHigherThanToday() {
    Person p = person(MemberStatus.ACTIVIST, "2023-01-01", "2024-01-01", null, null, null);
    assertThat(MemberFigures.statusAt(p, LocalDate.parse("2026-01-01"))).isEqualTo(MemberStatus.ACTIVIST);
    assertThat(MemberFigures.statusAt(person(MemberStatus.NON_MEMBER, "2023-01-01", null, null, "2024-01-01", null),
        LocalDate.parse("2024-06-01"))).isNull();
  }

  @Test
  void ageBandsCountCompletedYears() {
    LocalDate day = LocalDate.parse("2025-12-31");
    assertThat(MemberFigures.ageBand(LocalDate.parse("1990-01-01"), day)).isEqualTo("35岁及以下");
    assertThat(MemberFigures.ageBand(LocalDate.parse("1989-12-31"), day)).isEqualTo("36至45岁");
    assertThat(MemberFigures.ageBand(LocalDate.parse("1965-01-01"), day)).isEqualTo("56至60岁");
    assertThat(MemberFigures.ageBand(LocalDate.parse("1964-12-31"), day)).isEqualTo("61岁及以上");
    assertThat(MemberFigures.ageBand(null, day)).isEqualTo("未登记出生日期");
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(MemberFigures.median(List.of(365L, 547L))).isEqualTo("456");
    assertThat(MemberFigures.median(List.of(1L, 2L))).isEqualTo("1.5");
    assertThat(MemberFigures.median(List.of())).isEqualTo("—");
  }

  @Test
  void aPeriodIsAYearQuarterMonthOrRange() {
    assertThat(Period.parse(2025, 2, null, null, null, 2026)).isEqualTo(new Period(LocalDate.parse("2025-04-01"),
        LocalDate.parse("2025-06-30"), "2025年第二季度", false));
    assertThat(Period.parse(null, null, 2, null, null, 2024).to()).isEqualTo(LocalDate.parse("2024-02-29"));
    assertThatThrownBy(() -> Period.parse(null, null, null, "2025-05-01", "2025-04-01", 2025))
        .hasMessageContaining("早于起始日期");
    assertThatThrownBy(() -> Period.parse(2025, 5, null, null, null, 2025)).hasMessageContaining("季度须在1至4之间");
  }
}
