package cn.partyflow.memberdevelopment;

import cn.partyflow.shared.RuleSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code partyflow.member-development.*}: the limits of the 发展党员 procedure. Values fixed by the 细则 have their legal value
 * as default; local practice ([L]/[M] in the domain rules) has the common default and may be changed per county.
 */
@RuleSetting.Fixed("预备期未满不召开讨论转正的支部大会")
@ConfigurationProperties(prefix = "partyflow.member-development")
public class MemberDevelopmentSettings {

  /** 细则第五条: 年满十八岁. */
  @RuleSetting(value = "申请入党的最低年龄（周岁）", article = "《中国共产党章程》第一条、《发展党员工作细则》第五条")
  private int minimumAge = 18;
  /** 细则第七条: talk within one month of receiving the application. */
  @RuleSetting(value = "收到入党申请书后派人谈话的期限（月）", article = "《发展党员工作细则》第七条")
  private int talkMonths = 1;
  /** Days before the talk deadline when the task shows as due for follow-up. */
  @RuleSetting("谈话期限前提醒的天数")
  private int talkReminderDays = 7;
  /** [L] Months between application and activist status; 0 switches the check off. */
  @RuleSetting("递交申请书至确定入党积极分子的最短间隔（月，0为不检查）")
  private int minMonthsApplicationToActivist = 6;
  /**
   * [L] 团推优: applicants up to this age become activists only on the recommendation of the 共青团 organization
   * (28 where the county requires it); 0 switches the check off.
   */
  @RuleSetting("须经共青团推优的入党申请人年龄上限（0为不要求）")
  private int leagueRecommendationMaxAge = 0;
  /** 细则第十三条: 一年以上 cultivation before becoming a 发展对象. */
  @RuleSetting(value = "入党积极分子培养教育的最短时间（月）", article = "《发展党员工作细则》第十三条")
  private int cultivationMonths = 12;
  /** One assessment of each activist per half-year. */
  @RuleSetting(value = "对入党积极分子考察的间隔（月）", article = "《发展党员工作细则》第十二条（每半年考察一次）")
  private int assessmentIntervalMonths = 6;
  @RuleSetting(value = "培养联系人最少人数", article = "《发展党员工作细则》第十一条")
  private int minContacts = 1;
  @RuleSetting(value = "培养联系人最多人数", article = "《发展党员工作细则》第十一条")
  private int maxContacts = 2;
  @RuleSetting(value = "入党介绍人人数", article = "《中国共产党章程》第五条")
  private int sponsors = 2;
  /** 集中培训: at least this many days, or at least {@link #trainingMinHours} class hours. */
  @RuleSetting(value = "发展对象集中培训最少天数", article = "《发展党员工作细则》第十七条")
  private int trainingMinDays = 3;
  @RuleSetting(value = "发展对象集中培训最少学时", article = "《发展党员工作细则》第十七条")
  private int trainingMinHours = 24;
  /** [L] A political review older than this at the branch meeting must be redone. */
  @RuleSetting("政治审查结论的有效期（月，支部大会时超过须重新审查）")
  private int politicalReviewValidityMonths = 12;
  /** [L] 发展对象公示 in working days before the 党委's pre-review. */
  @RuleSetting("发展对象公示的工作日数")
  private int publicityWorkdays = 5;
  /** Months within which the 党委 approves, and the maximum with a recorded reason. */
  @RuleSetting(value = "上级党委审批的期限（月）", article = "《发展党员工作细则》（三个月内审批）")
  private int approvalMonths = 3;
  @RuleSetting(value = "特殊情况下审批期限的上限（月）", article = "《发展党员工作细则》（特殊情况可适当延长，不超过六个月）")
  private int approvalMaxMonths = 6;
  /** 党章第七条: probation of one year from the branch meeting's resolution. */
  @RuleSetting(value = "预备期（月）", article = "《中国共产党章程》第七条")
  private int probationMonths = 12;
  /** [L] Reminder to submit the 转正申请 this many months before probation ends. */
  @RuleSetting("预备期满前提醒提交转正申请的月数")
  private int conversionReminderMonths = 1;
  /** 细则第三十二条: extension once only, at least 6 and at most 12 months. */
  @RuleSetting(value = "延长预备期最短（月）", article = "《发展党员工作细则》第三十二条")
  private int extensionMinMonths = 6;
  @RuleSetting(value = "延长预备期最长（月）", article = "《发展党员工作细则》第三十二条")
  private int extensionMaxMonths = 12;
  /** [L] Archive the file within this many days of the conversion approval. */
  @RuleSetting("转正批准后材料归档的期限（天）")
  private int archiveDays = 7;
  /**
   * [M] How many committee members must attend a 党委会 that approves new members. The 细则 says the 党委 decides
   * collectively; the attendance it needs is not found in a public source.
   */
  @RuleSetting("党委会审批发展党员时到会委员的最低人数（过半数或三分之二）")
  private Quorum committeeQuorum = Quorum.MORE_THAN_HALF;
  /**
   * 火线入党 (2020-02-23 中组部 notice): an activist or 发展对象 outstanding on the front line of an emergency may be
   * admitted before a full year of cultivation, on the 党委's separate authorization. A special path, off by default.
   */
  @RuleSetting(value = "是否启用火线入党（党委另行批准的特殊程序）", article = "中组部2020年关于在疫情防控一线火线发展党员的通知")
  private boolean frontlineAdmissionEnabled = false;
  /** [L] 转正公示 in working days before the conversion meeting; 0 (the default) means the county has none. */
  @RuleSetting("转正公示的工作日数（0为不公示）")
  private int conversionPublicityWorkdays = 0;
  /** 细则第十九条: a 发展对象 leaving the unit within this many months is generally not admitted. */
  @RuleSetting(value = "三个月内将离开工作单位的发展对象一般不予发展（月）", article = "《中国共产党发展党员工作细则》第十九条")
  private int leavingUnitMonths = 3;

  /** The attendance a 党委会 needs to decide. */
  public enum Quorum {
    MORE_THAN_HALF("超过应到会委员的半数", "本地设置，参照" + MemberDevelopmentRules.XIZE + "第二十条"),
    TWO_THIRDS("达到应到会委员的三分之二以上", "本地设置");

    final String label;
    final String source;

    Quorum(String label, String source) {
      this.label = label;
      this.source = source;
    }

    boolean met(int entitled, int present) {
      return this == MORE_THAN_HALF ? present * 2 > entitled : present * 3 >= entitled * 2;
    }
  }

  public Quorum getCommitteeQuorum() {
    return committeeQuorum;
  }

  public void setCommitteeQuorum(Quorum committeeQuorum) {
    this.committeeQuorum = committeeQuorum;
  }

  public boolean isFrontlineAdmissionEnabled() {
    return frontlineAdmissionEnabled;
  }

  public void setFrontlineAdmissionEnabled(boolean frontlineAdmissionEnabled) {
    this.frontlineAdmissionEnabled = frontlineAdmissionEnabled;
  }

  public int getConversionPublicityWorkdays() {
    return conversionPublicityWorkdays;
  }

  public void setConversionPublicityWorkdays(int conversionPublicityWorkdays) {
    this.conversionPublicityWorkdays = conversionPublicityWorkdays;
  }

  public int getLeavingUnitMonths() {
    return leavingUnitMonths;
  }

  public void setLeavingUnitMonths(int leavingUnitMonths) {
    this.leavingUnitMonths = leavingUnitMonths;
  }

  public int getMinimumAge() {
    return minimumAge;
  }

  public void setMinimumAge(int minimumAge) {
    this.minimumAge = minimumAge;
  }

  public int getTalkMonths() {
    return talkMonths;
  }

  public void setTalkMonths(int talkMonths) {
    this.talkMonths = talkMonths;
  }

  public int getTalkReminderDays() {
    return talkReminderDays;
  }

  public void setTalkReminderDays(int talkReminderDays) {
    this.talkReminderDays = talkReminderDays;
  }

  public int getLeagueRecommendationMaxAge() {
    return leagueRecommendationMaxAge;
  }

  public void setLeagueRecommendationMaxAge(int leagueRecommendationMaxAge) {
    this.leagueRecommendationMaxAge = leagueRecommendationMaxAge;
  }

  public int getMinMonthsApplicationToActivist() {
    return minMonthsApplicationToActivist;
  }

  public void setMinMonthsApplicationToActivist(int minMonthsApplicationToActivist) {
    this.minMonthsApplicationToActivist = minMonthsApplicationToActivist;
  }

  public int getCultivationMonths() {
    return cultivationMonths;
  }

  public void setCultivationMonths(int cultivationMonths) {
    this.cultivationMonths = cultivationMonths;
  }

  public int getAssessmentIntervalMonths() {
    return assessmentIntervalMonths;
  }

  public void setAssessmentIntervalMonths(int assessmentIntervalMonths) {
    this.assessmentIntervalMonths = assessmentIntervalMonths;
  }

  public int getMinContacts() {
    return minContacts;
  }

  public void setMinContacts(int minContacts) {
    this.minContacts = minContacts;
  }

  public int getMaxContacts() {
    return maxContacts;
  }

  public void setMaxContacts(int maxContacts) {
    this.maxContacts = maxContacts;
  }

  public int getSponsors() {
    return sponsors;
  }

  public void setSponsors(int sponsors) {
    this.sponsors = sponsors;
  }

  public int getTrainingMinDays() {
    return trainingMinDays;
  }

  public void setTrainingMinDays(int trainingMinDays) {
    this.trainingMinDays = trainingMinDays;
  }

  public int getTrainingMinHours() {
    return trainingMinHours;
  }

  public void setTrainingMinHours(int trainingMinHours) {
    this.trainingMinHours = trainingMinHours;
  }

  public int getPoliticalReviewValidityMonths() {
    return politicalReviewValidityMonths;
  }

  public void setPoliticalReviewValidityMonths(int politicalReviewValidityMonths) {
    this.politicalReviewValidityMonths = politicalReviewValidityMonths;
  }

  public int getPublicityWorkdays() {
    return publicityWorkdays;
  }

  public void setPublicityWorkdays(int publicityWorkdays) {
    this.publicityWorkdays = publicityWorkdays;
  }

  public int getApprovalMonths() {
    return approvalMonths;
  }

  public void setApprovalMonths(int approvalMonths) {
    this.approvalMonths = approvalMonths;
  }

  public int getApprovalMaxMonths() {
    return approvalMaxMonths;
  }

  public void setApprovalMaxMonths(int approvalMaxMonths) {
    this.approvalMaxMonths = approvalMaxMonths;
  }

  public int getProbationMonths() {
    return probationMonths;
  }

  public void setProbationMonths(int probationMonths) {
    this.probationMonths = probationMonths;
  }

  public int getConversionReminderMonths() {
    return conversionReminderMonths;
  }

  public void setConversionReminderMonths(int conversionReminderMonths) {
    this.conversionReminderMonths = conversionReminderMonths;
  }

  public int getExtensionMinMonths() {
    return extensionMinMonths;
  }

  public void setExtensionMinMonths(int extensionMinMonths) {
    this.extensionMinMonths = extensionMinMonths;
  }

  public int getExtensionMaxMonths() {
    return extensionMaxMonths;
  }

  public void setExtensionMaxMonths(int extensionMaxMonths) {
    this.extensionMaxMonths = extensionMaxMonths;
  }

  public int getArchiveDays() {
    return archiveDays;
  }

  public void setArchiveDays(int archiveDays) {
    this.archiveDays = archiveDays;
  }
}
