package cn.partyflow.dues;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Computes monthly dues: {@code base = regular income − tax − excluded items}, one rate on the
 * whole base, rounded per the settings, then capped. Thread-safe; one instance per settings.
 */
public final class DuesCalculator {

  private static final BigDecimal LOW_INCOME_AMOUNT = new BigDecimal("0.20");

  private final DuesSettings settings;

  public DuesCalculator(DuesSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public DuesCalculator() {
    this(DuesSettings.DEFAULTS);
  }

  public DuesSettings settings() {
    return settings;
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

  /** For fixed-amount categories the base is recorded for the ledger but does not change the amount. */
  public DuesAssessment assess(MemberCategory category, BigDecimal base) {
    Objects.requireNonNull(category, "category");
    BigDecimal yuan = Money.yuan(base, "党费计算基数");
    if (yuan.signum() < 0) {
      throw DuesRules.negativeBase(yuan);
    }
    return switch (category) {
      case EMPLOYED, RETIRED -> byRate(category, yuan);
      case STUDENT -> fixed(category, yuan, LOW_INCOME_AMOUNT, "学生党员每月交纳党费0.20元");
      case UNEMPLOYED -> fixed(category, yuan, LOW_INCOME_AMOUNT, "下岗失业党员每月交纳党费0.20元");
      case RELIEF -> fixed(category, yuan, LOW_INCOME_AMOUNT, "依靠救济生活或领取当地最低生活保障金的党员每月交纳党费0.20元");
      case FARMER -> fixed(category, yuan, settings.farmerMonthlyAmount(),
          "农民党员每月交纳党费" + settings.farmerMonthlyAmount().toPlainString() + "元（本地标准）");
    };
  }

  private DuesAssessment byRate(MemberCategory category, BigDecimal base) {
    RateTable.Tier tier = RateTable.tierFor(category, base);
    BigDecimal computed =
        base.multiply(tier.rate())
            .setScale(settings.precision().scale(), settings.roundingMode())
            .setScale(Money.SCALE);
    boolean capped = computed.compareTo(settings.monthlyCap()) > 0;
    if (!capped) {
      return new DuesAssessment(category, base, tier.rate(), computed, tier.rule(), false, zero(), null);
    }
    String rule = tier.rule() + "；每月一般不超过" + settings.monthlyCap().toPlainString() + "元（" + DuesRules.NOTICE_2017 + "），按上限交纳";
    return new DuesAssessment(category, base, tier.rate(), settings.monthlyCap(), rule, true, zero(), null);
  }

  /** Fixed amounts are exact sums set by the rules, so the rounding setting does not touch them. */
  private static DuesAssessment fixed(MemberCategory category, BigDecimal base, BigDecimal amount, String rule) {
    return new DuesAssessment(category, base, null, amount, rule, false, zero(), null);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(Money.SCALE);
  }
}
