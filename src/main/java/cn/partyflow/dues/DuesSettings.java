package cn.partyflow.dues;

import cn.partyflow.shared.RuleSetting;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code partyflow.dues.*}, e.g. {@code partyflow.dues.precision=jiao} or {@code
 * partyflow.dues.farmer-monthly-amount=0.50}. Validation lives in {@link DuesCalculation}, so a bad
 * value stops the application at start-up with the rule's message.
 */
@RuleSetting.Unbound(name = "collection-cron", value = "每日检查是否到收缴日的时间（北京时间）",
    operational = true)
@ConfigurationProperties(prefix = "partyflow.dues")
public class DuesSettings {

  @RuleSetting("党费金额精确到分或角")

  private DuesPrecision precision = DuesCalculation.DEFAULTS.precision();
  @RuleSetting("党费金额的舍入方式")
  private RoundingMode roundingMode = DuesCalculation.DEFAULTS.roundingMode();
  @RuleSetting(value = "农民党员每月交纳党费（元，0.2至1元之间由省级确定）", article = "《关于中国共产党党费收缴、使用和管理的规定》（2008）")
  private BigDecimal farmerMonthlyAmount = DuesCalculation.DEFAULTS.farmerMonthlyAmount();
  @RuleSetting(value = "每月党费上限（元，2017年通知：一般不超过1000元）", article = "中组部2017年关于党费的通知")
  private BigDecimal monthlyCap = DuesCalculation.DEFAULTS.monthlyCap();

  /** Day of the month the collection starts; moved to the next working day when it is not one. */
  @RuleSetting("每月收缴党费的日期（遇非工作日顺延）")
  private int collectionDay = 20;
  /** Back payments accepted for at most this many months of arrears (2008 regulation Art. 12; some places 3). */
  @RuleSetting(value = "补交党费最多月数", article = "《关于中国共产党党费收缴、使用和管理的规定》（2008）第十二条")
  private int backPaymentMonths = 6;
  /** Part of the deposited amount a branch remits to its 党委; the province fixes it, commonly all of it. */
  @RuleSetting("党支部上缴党委的比例（由省级确定，通常全额）")
  private BigDecimal remittanceShare = BigDecimal.ONE;
  /** Consecutive unpaid months that call for a talk with the member (local practice: 3). */
  @RuleSetting("连续未交党费多少个月须谈话")
  private int talkAfterMonths = 3;
  /** Consecutive unpaid months without a proper reason treated as 自行脱党 (2008 regulation Art. 13: 6). */
  @RuleSetting(value = "连续未交党费多少个月按自行脱党处理", article = "《关于中国共产党党费收缴、使用和管理的规定》（2008）第十三条、《中国共产党章程》第九条")
  private int withdrawalAfterMonths = 6;
  /** Whether the application starts each month's collection by itself on the collection day. */
  @RuleSetting(value = "是否在收缴日自动发起每月收缴", operational = true)
  private boolean scheduler = true;
  /**
   * Months collected before the year's table is approved: on last year's amounts, the difference settled once the
   * new table is approved (true); or not at all until the approval (false).
   */
  @RuleSetting("新年度党费核定批准前按上年数额暂收，批准后多退少补")
  private boolean collectBeforeApproval = true;
  /** Prepayment for more than a quarter (up to the year's end), with the branch's consent; local rules only. */
  @RuleSetting("经支部同意可预交全年党费（否则最多预交一个季度）")
  private boolean yearlyPrepayment = false;

  public boolean isCollectBeforeApproval() {
    return collectBeforeApproval;
  }

  public void setCollectBeforeApproval(boolean collectBeforeApproval) {
    this.collectBeforeApproval = collectBeforeApproval;
  }

  public boolean isYearlyPrepayment() {
    return yearlyPrepayment;
  }

  public void setYearlyPrepayment(boolean yearlyPrepayment) {
    this.yearlyPrepayment = yearlyPrepayment;
  }

  public int getCollectionDay() {
    return collectionDay;
  }

  public void setCollectionDay(int collectionDay) {
    if (collectionDay < 1 || collectionDay > 31) {
      throw new IllegalArgumentException("partyflow.dues.collection-day must be 1..31: " + collectionDay);
    }
    this.collectionDay = collectionDay;
  }

  public int getBackPaymentMonths() {
    return backPaymentMonths;
  }

  public void setBackPaymentMonths(int backPaymentMonths) {
    this.backPaymentMonths = backPaymentMonths;
  }

  public BigDecimal getRemittanceShare() {
    return remittanceShare;
  }

  public void setRemittanceShare(BigDecimal remittanceShare) {
    if (remittanceShare.signum() <= 0 || remittanceShare.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("partyflow.dues.remittance-share must be in (0, 1]: " + remittanceShare);
    }
    this.remittanceShare = remittanceShare;
  }

  public int getTalkAfterMonths() {
    return talkAfterMonths;
  }

  public void setTalkAfterMonths(int talkAfterMonths) {
    this.talkAfterMonths = talkAfterMonths;
  }

  public int getWithdrawalAfterMonths() {
    return withdrawalAfterMonths;
  }

  public void setWithdrawalAfterMonths(int withdrawalAfterMonths) {
    this.withdrawalAfterMonths = withdrawalAfterMonths;
  }

  public boolean isScheduler() {
    return scheduler;
  }

  public void setScheduler(boolean scheduler) {
    this.scheduler = scheduler;
  }

  public DuesCalculation toCalculation() {
    return new DuesCalculation(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }

  public DuesPrecision getPrecision() {
    return precision;
  }

  public void setPrecision(DuesPrecision precision) {
    this.precision = precision;
  }

  public RoundingMode getRoundingMode() {
    return roundingMode;
  }

  public void setRoundingMode(RoundingMode roundingMode) {
    this.roundingMode = roundingMode;
  }

  public BigDecimal getFarmerMonthlyAmount() {
    return farmerMonthlyAmount;
  }

  public void setFarmerMonthlyAmount(BigDecimal farmerMonthlyAmount) {
    this.farmerMonthlyAmount = farmerMonthlyAmount;
  }

  public BigDecimal getMonthlyCap() {
    return monthlyCap;
  }

  public void setMonthlyCap(BigDecimal monthlyCap) {
    this.monthlyCap = monthlyCap;
  }
}
