package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrearsRulesTest {

  static ArrearsRules.Month month(String period, String due, String paid) {
    return new ArrearsRules.Month(period, new BigDecimal(due), new BigDecimal(paid));
  }

  @Test
  void monthsWithNothingPaidMakeTheRun() {
    List<ArrearsRules.Month> months = List.of(month("2027-06", "40.00", "0.00"), month("2027-05", "40.00", "0.00"),
        month("2027-04", "40.00", "0.00"), month("2027-03", "40.00", "40.00"));
    assertThat(ArrearsRules.unpaidRun(months, "2027-06", null)).hasSize(3);
  }

  @Test
  void aMonthPaidShortIsNotAMonthUnpaidAndBreaksTheRun() {
    List<ArrearsRules.Month> months = List.of(month("2027-06", "40.00", "0.00"), month("2027-05", "40.00", "10.00"),
        month("2027-04", "40.00", "0.00"), month("2027-03", "40.00", "0.00"));
    assertThat(ArrearsRules.unpaidRun(months, "2027-06", null)).hasSize(1);
    assertThat(ArrearsRules.paidShort(months.get(1))).isTrue();
    assertThat(ArrearsRules.nothingPaid(months.get(1))).isFalse();
  }

  @Test
  void everyMonthPaidShortIsNoRunAtAll() {
    List<ArrearsRules.Month> months = List.of(month("2027-06", "40.00", "39.99"), month("2027-05", "40.00", "20.00"),
        month("2027-04", "40.00", "1.00"), month("2027-03", "40.00", "1.00"), month("2027-02", "40.00", "1.00"),
        month("2027-01", "40.00", "1.00"));
    assertThat(ArrearsRules.unpaidRun(months, "2027-06", null)).isEmpty();
  }

  @Test
  void monthsOwedBeforeTheAdmissionWasApprovedDoNotCount() {
    List<ArrearsRules.Month> months = List.of(month("2027-08", "35.00", "0.00"), month("2027-07", "35.00", "0.00"),
        month("2027-06", "35.00", "0.00"), month("2027-05", "35.00", "0.00"), month("2027-04", "35.00", "0.00"),
        month("2027-03", "35.00", "0.00"), month("2027-02", "35.00", "0.00"), month("2027-01", "35.00", "0.00"));
    assertThat(ArrearsRules.unpaidRun(months, "2027-08", null)).hasSize(8);
    assertThat(ArrearsRules.unpaidRun(months, "2027-08", "2027-08")).hasSize(1);
    assertThat(ArrearsRules.beforeAdmission("2027-01", "2027-01", "2027-08")).isTrue();
    assertThat(ArrearsRules.beforeAdmission("2027-08", "2027-01", "2027-08")).isFalse();
    assertThat(ArrearsRules.beforeAdmission("2026-12", "2027-01", "2027-08")).isFalse();
  }
}
