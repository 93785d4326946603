package cn.partyflow.dues;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Computes monthly dues: {@code base = regular income − tax − excluded items}, one rate on the
 * whole base, rounded per the calculation settings, then capped. Thread-safe; one instance per calculation.
 */
public final class DuesCalculator {

  private static final BigDecimal LOW_INCOME_AMOUNT = new BigDecimal("0.20");

  private final DuesCalculation calculation;

  public DuesCalculator(DuesCalculation calculation) {
    this.calculation = Objects.requireNonNull(calculation, "calculation");
  }

  public DuesCalculator() {
    this(DuesCalculation.DEFAULTS);
  }

  public DuesCalculation calculation() {
    return calculation;
  }

  public BigDecimal base(IncomeStatement statement) {
    BigDecimal base = statement.regularIncome().subtract(statement.tax()).subtract(statement.excluded());
    if (base.signum() < 0) {
      throw DuesRules.negativeBase(base);
    }
    return base;
  }

  public DuesAssessment assess(MemberCategory category, IncomeStatement statement) {
    return assess(category, base(statement));
  }

  /** For fixed-amount categories the base is kept for the ledger but does not change the amount. */
  public DuesAssessment assess(MemberCategory category, BigDecimal base) {
    Objects.requireNonNull(category, "category");
    BigDecimal yuan = Money.yuan(base, "党费计算基数");
    if (yuan.signum() < 0) {
      throw DuesRules.negativeBase(yuan);
    }
    return switch (category) {
      case EMPLOYED, RETIRED -> byRate(category, yuan);
      case STUDENT -> lowIncome(category, yuan, "学生党员");
      case UNEMPLOYED -> lowIncome(category, yuan, "下岗失业的党员");
      case RELIEF -> lowIncome(category, yuan, "依靠救济生活或领取当地最低生活保障金的党员");
      case FARMER -> farmer(yuan);
    };
  }

  private DuesAssessment byRate(MemberCategory category, BigDecimal base) {
    RateTable.Tier tier = RateTable.tierFor(category, base);
    BigDecimal computed =
        base.multiply(tier.rate())
            .setScale(calculation.precision().scale(), calculation.roundingMode())
            .setScale(Money.SCALE);
    BigDecimal cap = calculation.monthlyCap();
    if (computed.compareTo(cap) <= 0) {
      return new DuesAssessment(category, base, tier.rate(), computed, tier.rule(), false, zero(), null);
    }
    String rule =
        tier.rule() + "；每月一般不超过" + cap.toPlainString() + "元（" + DuesRules.NOTICE_2017 + "），按上限交纳";
    return new DuesAssessment(category, base, tier.rate(), cap, rule, true, zero(), null);
  }

  // Fixed amounts are exact sums set by the rules, so the rounding setting does not touch them.
  private static DuesAssessment lowIncome(MemberCategory category, BigDecimal base, String who) {
    String rule = who + "每月交纳党费" + LOW_INCOME_AMOUNT.toPlainString() + "元";
    return new DuesAssessment(category, base, null, LOW_INCOME_AMOUNT, rule, false, zero(), null);
  }

  private DuesAssessment farmer(BigDecimal base) {
    BigDecimal amount = calculation.farmerMonthlyAmount();
    String rule = "农民党员每月交纳党费" + amount.toPlainString() + "元（本省标准）";
    return new DuesAssessment(MemberCategory.FARMER, base, null, amount, rule, false, zero(), null);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(Money.SCALE);
  }
}
