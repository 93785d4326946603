package cn.partyflow.dues;

import cn.partyflow.shared.RuleViolation;

/**
 * When dues may be paid late or early (2008 regulation Art. 10 and 12): monthly by default; back payments of at most
 * the configured months (6), more only with the exception recorded; prepayment with the branch's consent by the
 * quarter, for the year only where the local setting allows it.
 */
final class PaymentRules {

  static final int QUARTER = 3;

  private PaymentRules() {}

  /**
   * @param behind months between the month paid for and the month collected in
   * @param owedBeforeAdmission the month was owed before the admission was approved, which is no arrears
   */
  static void backPayment(String name, String month, long behind, int limit, String exceptionNote,
      boolean owedBeforeAdmission) {
    if (behind <= limit || owedBeforeAdmission || !blank(exceptionNote)) {
      return;
    }
    throw new RuleViolation("dues.payment.backLimit", name + "补交" + month + "的党费已超过" + limit
        + "个月，补交党费一般不超过6个月（" + DuesRules.REGULATION_2008 + "第十二条）；确属特殊情况的，请填写"
        + "“超期补交的特殊情况”记录（经支部研究的情况）后再登记；连续6个月不交纳党费的按自行脱党程序处理");
  }

  /** {@code months} is how many months one payment covers from the month paid for; more than one is a prepayment. */
  static void prepayment(String name, int months, String consentNote, boolean yearAllowed) {
    if (months <= 1) {
      return;
    }
    if (blank(consentNote)) {
      throw new RuleViolation("dues.payment.prepayConsent", name + "预交" + months
          + "个月党费须经党支部同意（" + DuesRules.REGULATION_2008 + "第十条：按月交纳，特殊情况经支部同意可按季度"
          + "交纳），请填写支部同意的记录");
    }
    if (months > QUARTER && !yearAllowed) {
      throw new RuleViolation("dues.payment.prepayQuarter", name + "预交" + months + "个月党费：经支部同意可按季度"
          + "预交，最多" + QUARTER + "个月（" + DuesRules.REGULATION_2008 + "第十条）；本地未规定可按年预交");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
