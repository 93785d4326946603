package cn.partyflow.memberdevelopment;

import cn.partyflow.calendar.WorkdayCalendar;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of the 《中国共产党发展党员工作细则》 and the 党章 that a 发展党员 case must keep, as plain Java. Each check
 * throws a {@link RuleViolation} whose Chinese message names the rule. Dates are the dates officers record.
 */
public class MemberDevelopmentRules {

  static final String XIZE = "《中国共产党发展党员工作细则》";

  private final MemberDevelopmentSettings settings;
  private final WorkdayCalendar workdays;

  public MemberDevelopmentRules(MemberDevelopmentSettings settings, WorkdayCalendar workdays) {
    this.settings = settings;
    this.workdays = workdays;
  }

  public MemberDevelopmentSettings settings() {
    return settings;
  }

  /** A recorded date of something that has happened cannot lie after today. */
  public void notInFuture(String what, LocalDate date, LocalDate today) {
    if (date != null && date.isAfter(today)) {
      throw new RuleViolation("memberDevelopment.dateInFuture", what + "（" + date + "）不能晚于今天（" + today + "），请填写实际发生的日期");
    }
  }

  public void notBefore(String what, LocalDate date, String earlierWhat, LocalDate earlier) {
    if (date != null && earlier != null && date.isBefore(earlier)) {
      throw new RuleViolation("memberDevelopment.dateOrder", what + "（" + date + "）不能早于" + earlierWhat + "（" + earlier + "）");
    }
  }

  public void age(LocalDate birthDate, LocalDate applicationDate) {
    require("memberDevelopment.birthDate", birthDate, "出生日期");
    require("memberDevelopment.applicationDate", applicationDate, "入党申请日期");
    if (birthDate.plusYears(settings.getMinimumAge()).isAfter(applicationDate)) {
      throw new RuleViolation("memberDevelopment.minimumAge", "入党申请人须年满" + chineseNumber(settings.getMinimumAge())
          + "周岁（" + XIZE + "第五条）：出生于" + birthDate + "，申请日期" + applicationDate + "时未满"
          + settings.getMinimumAge() + "周岁");
    }
  }

  public LocalDate talkDeadline(LocalDate applicationDate) {
    return applicationDate.plusMonths(settings.getTalkMonths());
  }

  /** The talk is held after the application; later than one month only with the reason for the delay. */
  public void talk(LocalDate applicationDate, LocalDate talkDate, String delayReason) {
    require("memberDevelopment.talkDate", talkDate, "谈话日期");
    notBefore("谈话日期", talkDate, "入党申请日期", applicationDate);
    if (talkDate.isAfter(talkDeadline(applicationDate)) && blank(delayReason)) {
      throw new RuleViolation("memberDevelopment.talkWithinMonth", "党组织应在收到入党申请书后一个月内派人谈话（" + XIZE
          + "第七条）：申请日期" + applicationDate + "，谈话日期" + talkDate + "已超期，须填写超期原因");
    }
  }

  /** The branch sends its 书记, 副书记 or 组织委员 to talk with the applicant: the one chosen must be among them. */
  public void talker(String personId, List<Person> branchOfficers, String branchName) {
    if (branchOfficers.stream().noneMatch(p -> p.id().equals(personId.trim()))) {
      throw new RuleViolation("memberDevelopment.talkerBranchOfficer", "党组织派人谈话，谈话人须是党支部书记、副书记或组织委员（" + XIZE
          + "第七条）：所选的人不是" + (branchName == null ? "本支部" : branchName) + "的书记、副书记或组织委员，请从列表中选择");
    }
  }

  /** Before approval a member of the approving 党委 or its 组织员 talks with the 发展对象. */
  public void approvalTalker(String personId, List<Person> talkers) {
    if (talkers.stream().noneMatch(p -> p.id().equals(personId.trim()))) {
      throw new RuleViolation("memberDevelopment.talkerCommittee", "上级党委审批前，须指派党委委员或组织员同发展对象谈话（" + XIZE
          + "）：所选的人不是审批党委的委员或组织员，请从列表中选择");
    }
  }

  public void activist(LocalDate applicationDate, LocalDate talkDate, LocalDate activistDate) {
    require("memberDevelopment.activistDate", activistDate, "确定为入党积极分子的日期");
    notBefore("确定为入党积极分子的日期", activistDate, "谈话日期", talkDate);
    notBefore("确定为入党积极分子的日期", activistDate, "入党申请日期", applicationDate);
    int months = settings.getMinMonthsApplicationToActivist();
    if (months > 0 && applicationDate != null && activistDate.isBefore(applicationDate.plusMonths(months))) {
      throw new RuleViolation("memberDevelopment.applicationToActivist", "递交入党申请书" + months
          + "个月后方可确定为入党积极分子（本地规定）：申请日期" + applicationDate + "，最早" + applicationDate.plusMonths(months));
    }
  }

  /** The nomination source the form offers for a recommendation by the 共青团 organization. */
  public static final String LEAGUE_RECOMMENDATION = "团组织推优（28周岁以下）";

  /**
   * [L] 团推优: where the county sets an age ({@code league-recommendation-max-age}), an applicant of that age or
   * younger on the day of becoming an activist must have been recommended by the 共青团 organization.
   */
  public void leagueRecommendation(LocalDate birthDate, LocalDate activistDate, Collection<String> sources) {
    int maxAge = settings.getLeagueRecommendationMaxAge();
    if (maxAge <= 0 || birthDate == null || activistDate == null) {
      return;
    }
    int age = Period.between(birthDate, activistDate).getYears();
    if (age <= maxAge && (sources == null || !sources.contains(LEAGUE_RECOMMENDATION))) {
      throw new RuleViolation("memberDevelopment.leagueRecommendation", maxAge + "周岁以下的申请人确定为入党积极分子，须经团组织推优（本地规定）："
          + "申请人届时" + age + "周岁，请在推荐方式中选择“团组织推优”并附团组织的推荐意见");
    }
  }

  /** 1–2 培养联系人, all 正式党员 in good standing. */
  public void contacts(String applicantId, List<String> contactIds, Function<String, Optional<Person>> people) {
    int n = distinctCount(contactIds, "培养联系人");
    if (n < settings.getMinContacts() || n > settings.getMaxContacts()) {
      throw new RuleViolation("memberDevelopment.contactCount", "应指定" + settings.getMinContacts() + "至" + settings.getMaxContacts()
          + "名正式党员作培养联系人（" + XIZE + "），现为" + n + "名");
    }
    fullMembers("培养联系人", applicantId, contactIds, people);
  }

  /** Exactly 2 入党介绍人, all 正式党员 in good standing. */
  public void sponsors(String applicantId, List<String> sponsorIds, Function<String, Optional<Person>> people) {
    int n = distinctCount(sponsorIds, "入党介绍人");
    if (n != settings.getSponsors()) {
      throw new RuleViolation("memberDevelopment.sponsorCount", "发展党员须有" + chineseNumber(settings.getSponsors())
          + "名正式党员作入党介绍人（《中国共产党章程》第五条），现为" + n + "名");
    }
    fullMembers("入党介绍人", applicantId, sponsorIds, people);
  }

  public LocalDate earliestTargetDate(LocalDate activistDate) {
    return activistDate.plusMonths(settings.getCultivationMonths());
  }

  /** At least one year of cultivation, and one assessment recorded for each half-year of it. */
  public void developmentTarget(LocalDate activistDate, LocalDate targetDate, int assessmentsRecorded) {
    require("memberDevelopment.activistDate", activistDate, "确定为入党积极分子的日期");
    require("memberDevelopment.targetDate", targetDate, "确定为发展对象的日期");
    notBefore("确定为发展对象的日期", targetDate, "确定为入党积极分子的日期", activistDate);
    if (targetDate.isBefore(earliestTargetDate(activistDate))) {
      throw new RuleViolation("memberDevelopment.cultivationOneYear", "入党积极分子须经过一年以上培养教育和考察，方可列为发展对象（"
          + XIZE + "第十三条）：确定为积极分子" + activistDate + "，最早可于" + earliestTargetDate(activistDate) + "列为发展对象");
    }
    int halfYears = (int) (java.time.temporal.ChronoUnit.MONTHS.between(activistDate, targetDate)
        / settings.getAssessmentIntervalMonths());
    if (assessmentsRecorded < halfYears) {
      throw new RuleViolation("memberDevelopment.halfYearlyAssessment", "党支部每半年应对入党积极分子进行一次考察（" + XIZE
          + "）：培养期间应有" + halfYears + "次考察记录，现只有" + assessmentsRecorded + "次");
    }
  }

  public void trainingSufficient(Integer days, Integer hours) {
    int d = days == null ? 0 : days;
    int h = hours == null ? 0 : hours;
    if (d < 0 || h < 0) {
      throw new RuleViolation("memberDevelopment.trainingNegative", "培训天数和学时不能为负数");
    }
    if (d < settings.getTrainingMinDays() && h < settings.getTrainingMinHours()) {
      throw new RuleViolation("memberDevelopment.trainingMinimum", "发展对象须经过集中培训，时间一般不少于"
          + settings.getTrainingMinDays() + "天或不少于" + settings.getTrainingMinHours() + "个学时（" + XIZE
          + "）：现为" + d + "天、" + h + "学时");
    }
  }

  /** Before the branch meeting: a passed, still valid 政审 and completed 集中培训. */
  public void readyForMeeting(Boolean politicalReviewPassed, LocalDate politicalReviewDate, Integer trainingDays,
      Integer trainingHours, LocalDate trainingEnd, LocalDate meetingDate) {
    if (!Boolean.TRUE.equals(politicalReviewPassed)) {
      throw new RuleViolation("memberDevelopment.politicalReview", "未经政治审查或政治审查不合格的，不能发展入党（" + XIZE + "）");
    }
    if (politicalReviewDate != null
        && meetingDate.isAfter(politicalReviewDate.plusMonths(settings.getPoliticalReviewValidityMonths()))) {
      throw new RuleViolation("memberDevelopment.politicalReviewExpired", "政治审查结论已超过" + settings.getPoliticalReviewValidityMonths()
          + "个月有效期（本地规定）：政审日期" + politicalReviewDate + "，须重新政审");
    }
    trainingSufficient(trainingDays, trainingHours);
    if (trainingEnd == null || trainingEnd.isAfter(meetingDate)) {
      throw new RuleViolation("memberDevelopment.trainingBeforeMeeting", "未经集中培训的，除个别特殊情况外，不能发展入党（" + XIZE
          + "）：集中培训须在支部大会（" + meetingDate + "）之前完成");
    }
  }

  /** The last day of the 发展对象 publicity that starts on {@code start}, on the working-day calendar. */
  public LocalDate publicityEnd(LocalDate start) {
    return workdays.plusWorkdays(start, settings.getPublicityWorkdays());
  }

  /**
   * An objection pauses the publicity: once it is found unfounded, the end moves by the working days the
   * investigation took.
   */
  public LocalDate publicityEndAfterPause(LocalDate publicityEnd, LocalDate objectionDate, LocalDate resumedDate) {
    return workdays.plusWorkdays(publicityEnd, workdays.workdaysBetween(objectionDate, resumedDate));
  }

  /** The 党委's pre-review comes after the full publicity period. */
  public void preReviewAfterPublicity(LocalDate publicityStart, LocalDate publicityEnd, LocalDate preReviewDate) {
    if (publicityStart == null || publicityEnd == null) {
      throw new RuleViolation("memberDevelopment.publicityMissing", "发展对象须公示" + settings.getPublicityWorkdays()
          + "个工作日后方可报上级党委预审（本地规定）：尚无公示记录");
    }
    if (!preReviewDate.isAfter(publicityEnd)) {
      throw new RuleViolation("memberDevelopment.publicityBeforePreReview", "发展对象公示" + settings.getPublicityWorkdays()
          + "个工作日期满（" + publicityEnd + "）后方可预审（本地规定）：预审日期" + preReviewDate);
    }
  }

  /**
   * The branch meeting: valid only when the members present with a vote are more than half of those entitled
   * (细则第二十条); a resolution passes only when the votes for are more than half of those ENTITLED (细则第二十一条),
   * so exactly half fails. Returns whether the resolution passed.
   */
  public boolean meeting(Integer entitled, Integer present, Integer votesFor) {
    return meeting(entitled, present, 0, votesFor, null, null);
  }

  /**
   * The branch meeting's vote as it was taken: the written opinions of absent voting members, formally submitted
   * before the meeting, are counted with the ballots of those present (细则第二十一条), but the quorum is of those
   * present (细则第二十条).
   */
  public boolean meeting(Integer entitled, Integer present, Integer writtenOpinions, Integer votesFor,
      Integer votesAgainst, Integer abstentions) {
    if (entitled == null || present == null || votesFor == null) {
      throw new RuleViolation("memberDevelopment.meetingNumbers", "请填写应到会、实到会有表决权的正式党员人数和赞成票数");
    }
    int written = writtenOpinions == null ? 0 : writtenOpinions;
    if (entitled <= 0 || present < 0 || votesFor < 0 || written < 0 || negative(votesAgainst)
        || negative(abstentions)) {
      throw new RuleViolation("memberDevelopment.meetingNumbers", "应到会人数须大于零，实到会人数、书面意见数和票数不能为负数");
    }
    if (present > entitled) {
      throw new RuleViolation("memberDevelopment.meetingNumbers", "实到会人数（" + present + "）不能多于应到会人数（" + entitled + "）");
    }
    if (present + written > entitled) {
      throw new RuleViolation("memberDevelopment.meetingNumbers", "实到会人数（" + present + "）与会前提交书面意见的缺席党员数（" + written
          + "）之和不能多于应到会人数（" + entitled + "）");
    }
    if (votesFor > present + written) {
      throw new RuleViolation("memberDevelopment.meetingNumbers", "赞成票数（" + votesFor + "）不能多于实到会人数（" + present + "）"
          + (written == 0 ? "" : "与会前提交书面意见的缺席党员数（" + written + "）之和"));
    }
    int cast = votesFor + (votesAgainst == null ? 0 : votesAgainst) + (abstentions == null ? 0 : abstentions);
    if (cast > present + written) {
      throw new RuleViolation("memberDevelopment.meetingNumbers", "赞成、反对、弃权票数之和（" + cast + "）不能多于实到会人数（" + present
          + "）与会前提交书面意见的缺席党员数（" + written + "）之和");
    }
    if (present * 2 <= entitled) {
      throw new RuleViolation("memberDevelopment.meetingQuorum", "到会有表决权的正式党员须超过应到会人数的半数，支部大会方为有效（" + XIZE
          + "第二十条）：应到" + entitled + "人，实到" + present + "人");
    }
    return votesFor * 2 > entitled;
  }

  private static boolean negative(Integer n) {
    return n != null && n < 0;
  }

  /**
   * 火线入党 (中组部 notice of 2020-02-23): an activist or 发展对象 outstanding on the front line may be proposed before
   * a full year of cultivation, only where the county has enabled the path, with the front-line record; the 党委
   * authorizes it separately.
   */
  public void frontline(String duty, String performance) {
    if (!settings.isFrontlineAdmissionEnabled()) {
      throw new RuleViolation("memberDevelopment.frontlineDisabled", "本地未启用火线入党（在重大任务一线发展党员）的特殊程序，须按"
          + XIZE + "第十三条培养考察一年以上（设置 partyflow.member-development.frontline-admission-enabled）");
    }
    if (blank(duty) || blank(performance)) {
      throw new RuleViolation("memberDevelopment.frontlineRecord", "火线入党须记录所在一线岗位（任务）和突出表现事迹"
          + "（中组部《关于抓紧做好在新冠肺炎疫情防控第一线发展党员工作的通知》）");
    }
  }

  /** 细则第十九条: a 发展对象 who will leave the work or study unit within three months is generally not admitted. */
  public void notLeavingSoon(boolean leaving) {
    if (leaving) {
      throw new RuleViolation("memberDevelopment.leavingUnit", "发展对象未来" + settings.getLeavingUnitMonths()
          + "个月内将离开工作、学习单位的，一般不办理接收预备党员的手续（" + XIZE + "第十九条）：请退回，待其到新单位后由新单位党组织继续培养考察");
    }
  }

  /** The last day of the [L] 转正公示 that starts on {@code start}. */
  public LocalDate conversionPublicityEnd(LocalDate start) {
    return workdays.plusWorkdays(start, settings.getConversionPublicityWorkdays());
  }

  /** The last day the 党委 may approve at all; after it the 支部大会 discusses the admission again. */
  public LocalDate approvalMaxDeadline(LocalDate meetingDate) {
    return meetingDate.plusMonths(settings.getApprovalMaxMonths());
  }

  public LocalDate approvalDeadline(LocalDate meetingDate) {
    return meetingDate.plusMonths(settings.getApprovalMonths());
  }

  /** Within 3 months of the meeting; up to 6 months only with a recorded reason; later the procedure is redone. */
  public void approvalInTime(LocalDate meetingDate, LocalDate approvalDate, String extensionReason) {
    require("memberDevelopment.approvalDate", approvalDate, "审批日期");
    notBefore("审批日期", approvalDate, "支部大会日期", meetingDate);
    LocalDate max = meetingDate.plusMonths(settings.getApprovalMaxMonths());
    if (approvalDate.isAfter(max)) {
      throw new RuleViolation("memberDevelopment.approvalMax", "上级党委审批最长不超过支部大会后" + settings.getApprovalMaxMonths()
          + "个月（" + max + "）：已超期，须提交支部大会重新讨论");
    }
    if (approvalDate.isAfter(approvalDeadline(meetingDate)) && blank(extensionReason)) {
      throw new RuleViolation("memberDevelopment.approvalWithinMonths", "上级党委应在支部大会后" + settings.getApprovalMonths()
          + "个月内（" + approvalDeadline(meetingDate) + "前）审批；因特殊情况延长的（最长" + settings.getApprovalMaxMonths()
          + "个月），须填写延长原因");
    }
  }

  /** 预备期 is one year from the day the branch meeting passed the admission resolution (党章第七条, 细则第三十二条). */
  public LocalDate probationEnd(LocalDate admissionMeetingDate) {
    return admissionMeetingDate.plusMonths(settings.getProbationMonths());
  }

  public LocalDate conversionReminder(LocalDate probationEndDate) {
    return probationEndDate.minusMonths(settings.getConversionReminderMonths());
  }

  public void conversionMeetingAfterProbation(LocalDate probationEndDate, LocalDate meetingDate) {
    require("memberDevelopment.conversionMeetingDate", meetingDate, "转正支部大会日期");
    if (meetingDate.isBefore(probationEndDate)) {
      throw new RuleViolation("memberDevelopment.conversionBeforeEnd", "预备期满（" + probationEndDate
          + "）前不得召开支部大会讨论转正（本地规定）：会议日期" + meetingDate);
    }
  }

  /** Probation may be extended once only, by 6 to 12 months (细则第三十二条). */
  public void extension(boolean alreadyExtended, Integer months) {
    if (alreadyExtended) {
      throw new RuleViolation("memberDevelopment.extensionOnce", "预备期只能延长一次（" + XIZE + "第三十二条）：该预备党员已延长过预备期");
    }
    if (months == null || months < settings.getExtensionMinMonths() || months > settings.getExtensionMaxMonths()) {
      throw new RuleViolation("memberDevelopment.extensionLength", "延长预备期的时间不能少于" + settings.getExtensionMinMonths()
          + "个月、最长不超过" + settings.getExtensionMaxMonths() + "个月（" + XIZE + "第三十二条）：现为"
          + (months == null ? "未填写" : months + "个月"));
    }
  }

  /** 党龄 counts from the day probation ends; after an extension, from the end of the extension (党章第七条). */
  public LocalDate partyStandingFrom(LocalDate probationEndDate) {
    return probationEndDate;
  }

  public LocalDate archiveDeadline(LocalDate conversionApprovalDate) {
    return conversionApprovalDate.plusDays(settings.getArchiveDays());
  }

  private void fullMembers(String role, String applicantId, List<String> ids, Function<String, Optional<Person>> people) {
    String code = "memberDevelopment." + ("入党介绍人".equals(role) ? "sponsor" : "contact");
    for (String id : ids) {
      if (id.equals(applicantId)) {
        throw new RuleViolation(code + "Self", "申请人本人不能作自己的" + role);
      }
      Person p = people.apply(id)
          .orElseThrow(() -> new RuleViolation("memberDevelopment.unknownPerson", role + "“" + id + "”不在人员名册中"));
      if (p.status() == MemberStatus.PROBATIONARY) {
        throw new RuleViolation(code + "Probationary", "预备党员不能作" + role + "（" + XIZE + "）：" + p.name());
      }
      if (p.onProbationDiscipline()) {
        throw new RuleViolation(code + "Discipline", "受留党察看处分、尚未恢复党员权利的党员不能作" + role + "（" + XIZE
            + "）：" + p.name());
      }
      if (!p.isFullMemberInGoodStanding()) {
        throw new RuleViolation(code + "NotMember", role + "须为正式党员（" + XIZE + "）：" + p.name() + "现为"
            + p.status().label());
      }
    }
  }

  private static int distinctCount(List<String> ids, String role) {
    if (new HashSet<>(ids).size() != ids.size()) {
      throw new RuleViolation("memberDevelopment.duplicatePerson", role + "中有重复的人员");
    }
    return ids.size();
  }

  private static void require(String rule, Object value, String what) {
    if (value == null) {
      throw new RuleViolation(rule, "请填写" + what);
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String chineseNumber(int n) {
    return switch (n) {
      case 2 -> "两";
      case 18 -> "十八";
      default -> String.valueOf(n);
    };
  }
}
