package cn.partyflow.dues;

import cn.partyflow.shared.RuleViolation;
import java.math.BigDecimal;

/** The rule ids and Chinese messages of this module, so every refusal names its source. */
final class DuesRules {

  static final String REGULATION_2008 = "《关于中国共产党党费收缴、使用和管理的规定》";
  static final String NOTICE_2017 = "《关于进一步规范党费工作的通知》";

  private DuesRules() {}

  static RuleViolation negativeBase(BigDecimal base) {
    return new RuleViolation(
        "dues.base.notNegative",
        "党费计算基数不能为负数（" + REGULATION_2008 + "第一条），当前计得" + base.toPlainString() + "元");
  }

  static RuleViolation negativeAmount(String what, BigDecimal value) {
    return new RuleViolation(
        "dues.amount.notNegative",
        what + "不能为负数，当前为" + value.toPlainString() + "元");
  }

  static RuleViolation finerThanFen(String what, BigDecimal value) {
    return new RuleViolation(
        "dues.amount.fen", what + "以元为单位，最多精确到分（两位小数），当前为" + value.toPlainString());
  }

  static RuleViolation farmerAmountOutOfRange(BigDecimal amount) {
    return new RuleViolation(
        "dues.farmer.range",
        "农民党员每月交纳党费须在0.20元至1.00元之间（" + REGULATION_2008 + "），当前设置为"
            + amount.toPlainString() + "元");
  }

  static RuleViolation reductionWithoutReason() {
    return new RuleViolation(
        "dues.reduction.reason", "少交或免交党费须写明生活困难等原因（" + REGULATION_2008 + "第七条）");
  }

  static RuleViolation reductionWithoutBranchDecision() {
    return new RuleViolation(
        "dues.reduction.branchDecision", "少交或免交党费须经党支部研究（" + REGULATION_2008 + "第七条）");
  }

  static RuleViolation reductionWithoutHigherApproval(MemberCategory category) {
    return new RuleViolation(
        "dues.reduction.higherApproval",
        category.label() + "党员少交或免交党费须经党支部研究并报上一级党委批准（" + REGULATION_2008
            + "第七条）；仅生活困难的离退休党员经党支部同意即可（" + NOTICE_2017 + "）");
  }

  static RuleViolation approvalBeforeBranchDecision() {
    return new RuleViolation(
        "dues.reduction.approvalOrder",
        "上一级党委批准日期不能早于党支部研究日期：先由党支部研究，再报上一级党委批准（" + REGULATION_2008 + "第七条）");
  }

  static RuleViolation reductionAboveComputed(BigDecimal reduced, BigDecimal computed) {
    return new RuleViolation(
        "dues.reduction.notAboveComputed",
        "少交后的党费" + reduced.toPlainString() + "元不能超过按规定计算的" + computed.toPlainString()
            + "元（" + REGULATION_2008 + "第七条只允许少交或免交）");
  }
}
