package cn.partyflow.dues;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 少交 or 免交 for a member in hardship (2008 regulation, Art. 7). Whether the higher 党委's approval
 * may be missing depends on the member's category, so {@link DuesAssessment#withReduction} checks
 * that, not this record.
 *
 * @param reducedAmount what the member pays instead; zero for an exemption
 * @param higherApprovalDate {@code null} while the higher 党委 has not approved
 */
public record DuesReduction(
    BigDecimal reducedAmount, String reason, LocalDate branchDecisionDate, LocalDate higherApprovalDate) {

  public DuesReduction {
    reducedAmount = Money.nonNegativeYuan(reducedAmount, "少交后的党费");
    if (reason == null || reason.isBlank()) {
      throw DuesRules.reductionWithoutReason();
    }
    if (branchDecisionDate == null) {
      throw DuesRules.reductionWithoutBranchDecision();
    }
    if (higherApprovalDate != null && higherApprovalDate.isBefore(branchDecisionDate)) {
      throw DuesRules.approvalBeforeBranchDecision();
    }
  }

  public static DuesReduction exemption(
      String reason, LocalDate branchDecisionDate, LocalDate higherApprovalDate) {
    return new DuesReduction(BigDecimal.ZERO, reason, branchDecisionDate, higherApprovalDate);
  }
}
