package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.shared.RuleViolation;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {

  @Test
  void aBackPaymentBeyondSixMonthsNeedsTheRecordedException() {
    assertThatCode(() -> PaymentRules.backPayment("甲", "2027-01", 6, 6, null, false)).doesNotThrowAnyException();
    assertThatThrownBy(() -> PaymentRules.backPayment("甲", "2026-12", 7, 6, " ", false))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("第十二条").hasMessageContaining("超期补交的特殊情况");
    assertThatCode(() -> PaymentRules.backPayment("甲", "2026-12", 7, 6, "2027-07-02支委会研究：长期外派，同意补交", false))
        .doesNotThrowAnyException();
  }

  @Test
  void monthsOwedBeforeTheAdmissionWasApprovedAreNoArrearsToLimit() {
    assertThatCode(() -> PaymentRules.backPayment("新", "2027-01", 7, 6, null, true)).doesNotThrowAnyException();
  }

  @Test
  void prepaymentByTheQuarterNeedsTheBranchsConsent() {
    assertThatThrownBy(() -> PaymentRules.prepayment("甲", 3, "", false)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("须经党支部同意");
    assertThatCode(() -> PaymentRules.prepayment("甲", 3, "支委会同意按季度交纳", false)).doesNotThrowAnyException();
  }

  @Test
  void prepaymentForTheYearOnlyWhereTheSettingAllowsIt() {
    assertThatThrownBy(() -> PaymentRules.prepayment("甲", 12, "支委会同意", false)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("按季度").hasMessageContaining("最多3个月");
    assertThatCode(() -> PaymentRules.prepayment("甲", 12, "支委会同意", true)).doesNotThrowAnyException();
  }
}
