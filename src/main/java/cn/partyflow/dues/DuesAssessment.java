package cn.partyflow.dues;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A member's monthly dues and why. {@code amount} is what the rules require after rounding and the
 * cap; {@link #due()} applies an approved reduction; {@link #total()} adds the voluntary extra,
 * which the cap never limits.
 *
 * @param rate the flat rate on the whole base, e.g. 0.015; {@code null} for fixed-amount categories
 * @param rule the rule applied, in Chinese, for the ledger and the member
 * @param reduction {@code null} unless a reduction or exemption was approved
 */
public record DuesAssessment(
    MemberCategory category,
    BigDecimal base,
    BigDecimal rate,
    BigDecimal amount,
    String rule,
    boolean capApplied,
    BigDecimal voluntaryExtra,
    DuesReduction reduction) {

  public DuesAssessment {
    Objects.requireNonNull(category, "category");
    base = Money.nonNegativeYuan(base, "党费计算基数");
    amount = Money.nonNegativeYuan(amount, "应交党费");
    Objects.requireNonNull(rule, "rule");
    voluntaryExtra = Money.nonNegativeYuan(voluntaryExtra, "自愿多交的党费");
  }

  public DuesAssessment withVoluntaryExtra(BigDecimal voluntaryExtra) {
    return new DuesAssessment(category, base, rate, amount, rule, capApplied, voluntaryExtra, reduction);
  }

  /**
   * Retired members in hardship need only the branch's consent (2017 circular); everyone else also
   * needs the higher 党委's approval (2008 regulation, Art. 7).
   */
  public DuesAssessment withReduction(DuesReduction reduction) {
    Objects.requireNonNull(reduction, "reduction");
    if (reduction.higherApprovalDate() == null && category != MemberCategory.RETIRED) {
      throw DuesRules.reductionWithoutHigherApproval(category);
    }
    if (reduction.reducedAmount().compareTo(amount) > 0) {
      throw DuesRules.reductionAboveComputed(reduction.reducedAmount(), amount);
    }
    return new DuesAssessment(category, base, rate, amount, rule, capApplied, voluntaryExtra, reduction);
  }

  /** What the rules require this month, after any approved reduction. */
  public BigDecimal due() {
    return reduction == null ? amount : reduction.reducedAmount();
  }

  public BigDecimal total() {
    return due().add(voluntaryExtra);
  }
}
