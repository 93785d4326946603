package cn.partyflow.membership;

import static cn.partyflow.membership.MemberDevelopment.*;

import cn.partyflow.membership.MemberDevelopment.Outcome;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Applies the rules to what an officer submits for a step of a 发展党员 case, works out the dates that follow (deadlines,
 * probation end, 党龄), routes the case (stage outcome, entry step) and keeps the person registry in step. Everything
 * is checked before anything is written, and a violation leaves the case and the registry unchanged.
 */
public class MemberDevelopmentService {

  static final List<String> ARCHIVE_ITEMS = List.of("入党志愿书", "入党申请书", "政审材料", "转正申请书", "培养教育考察材料");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MemberDevelopmentRules rules;
  private final PersonRegistry registry;
  private final Consumer<Object> events;
  private final CommitteeRecords committeeRecords;

  MemberDevelopmentService(MemberDevelopmentRules rules, PersonRegistry registry, Consumer<Object> events,
      CommitteeMeetings meetings) {
    this.rules = rules;
    this.registry = registry;
    this.events = events;
    this.committeeRecords = new CommitteeRecords(meetings, rules.settings(),
        id -> registry.organizationName(id).orElse(id));
  }

  /**
   * A new case: the applicant must be in the registry, and the case belongs to the branch the registry names. A case
   * already under way on paper enters at {@code startStage} with its historic dates, which the same rules check.
   */
  Map<String, Object> start(Map<String, Object> variables, String businessKey) {
    CaseVariables v = new CaseVariables(variables);
    String applicantId = v.required(APPLICANT_ID, "申请人（人员编号）");
    if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(applicantId)) {
      throw new RuleViolation("business-key", "业务编号须为申请人的人员编号" + applicantId + "，而不是" + businessKey);
    }
    Person applicant = registry.person(applicantId)
        .orElseThrow(() -> new RuleViolation("unknown-applicant", "人员名册中没有编号为" + applicantId + "的人员，请先录入"));
    String branchId = applicant.orgId();
    for (String submitted : new String[] {v.string(BRANCH_ID), v.string("orgId")}) {
      if (submitted != null && !submitted.isBlank() && !submitted.equals(branchId)) {
        throw new RuleViolation("branch-from-registry", applicant.name() + "的组织关系在"
            + registry.organizationName(branchId).orElse(branchId) + "，案件的党支部以人员名册为准，不能另行指定");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(BRANCH_ID, branchId);
    out.put(BRANCH_NAME, registry.organizationName(branchId).orElse(branchId));
    out.put("orgId", branchId);
    putIfAbsent(out, v, APPLICANT_NAME, applicant.name());
    putIfAbsent(out, v, GENDER, applicant.gender());
    putIfAbsent(out, v, BIRTH_DATE, applicant.birthDate() == null ? null : applicant.birthDate().toString());
    putIfAbsent(out, v, APPLICATION_DATE,
        applicant.applicationDate() == null ? null : applicant.applicationDate().toString());
    String stage = v.string(START_STAGE) == null || v.string(START_STAGE).isEmpty() ? "APPLICATION"
        : v.string(START_STAGE);
    if (v.bool(POLITICAL_REVIEW_PASSED) != null) {
      out.put(POLITICAL_REVIEW_PASSED, v.bool(POLITICAL_REVIEW_PASSED));
    }
    out.put(START_STAGE, stage);
    out.put(STAGE_OUTCOME, Outcome.CONTINUE.name());
    out.put("extended", Boolean.FALSE);
    Map<String, Object> all = new HashMap<>(variables);
    all.putAll(out);
    out.putAll(enter(stage, new CaseVariables(all), applicantId, branchId));
    return out;
  }

  private Map<String, Object> enter(String stage, CaseVariables v, String applicantId, String branchId) {
    Map<String, Object> out = new LinkedHashMap<>();
    LocalDate today = ChinaClock.today();
    if (stage.equals("APPLICATION")) {
      out.put(ENTRY_STEP, "");
      return out;
    }
    List<String> stages = List.of("ACTIVIST", "TARGET", "ADMISSION", "PROBATION");
    int depth = stages.indexOf(stage);
    if (depth < 0) {
      throw new RuleViolation("start-stage", "未知的起始阶段：" + stage + "（可选 APPLICATION、ACTIVIST、TARGET、ADMISSION、PROBATION）");
    }
    LocalDate applied = v.requiredDate(APPLICATION_DATE, "入党申请日期");
    rules.age(v.requiredDate(BIRTH_DATE, "出生日期"), applied);
    LocalDate talk = v.date(TALK_DATE, "谈话日期");
    if (talk != null) {
      rules.talk(applied, talk, v.string("talkDelayReason"));
    }
    LocalDate activist = v.requiredDate(ACTIVIST_DATE, "确定为入党积极分子的日期");
    rules.activist(applied, talk, activist);
    rules.notInFuture("确定为入党积极分子的日期", activist, today);
    Map<StageDate, LocalDate> dates = new EnumMap<>(StageDate.class);
    dates.put(StageDate.APPLICATION, applied);
    dates.put(StageDate.ACTIVIST, activist);
    MemberStatus status = MemberStatus.ACTIVIST;
    out.put(ENTRY_STEP, "CONTACTS");
    if (!v.ids(CONTACT_IDS, "培养联系人").isEmpty()) {
      rules.contacts(applicantId, v.ids(CONTACT_IDS, "培养联系人"), registry::person);
    }
    if (depth >= 1) {
      LocalDate target = v.requiredDate(DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
      rules.developmentTarget(activist, target, v.raw("assessments") == null ? Integer.MAX_VALUE
          : v.list("assessments", "考察记录").size());
      rules.notInFuture("确定为发展对象的日期", target, today);
      dates.put(StageDate.TARGET, target);
      status = MemberStatus.TARGET;
      out.put(ENTRY_STEP, "SPONSORS");
    }
    if (depth >= 2) {
      rules.sponsors(applicantId, v.ids(SPONSOR_IDS, "入党介绍人"), registry::person);
      if (!Boolean.TRUE.equals(v.bool(POLITICAL_REVIEW_PASSED))) {
        throw new RuleViolation("political-review", "未经政治审查或政治审查不合格的，不能发展入党（" + MemberDevelopmentRules.XIZE + "）");
      }
      rules.trainingSufficient(v.integer("trainingDays", "培训天数"), v.integer(TRAINING_HOURS, "培训学时"));
      // The later steps check the training's end (支委会审查, 支部大会) and the review's age (支部大会): a case
      // entered here must bring both, or it could never hold its branch meeting.
      LocalDate trainingEnd = depth == 2 ? v.requiredDate("trainingEnd", "集中培训结束日期")
          : v.date("trainingEnd", "集中培训结束日期");
      rules.notInFuture("集中培训结束日期", trainingEnd, today);
      LocalDate reviewed = depth == 2 ? v.requiredDate("politicalReviewDate", "政审日期")
          : v.date("politicalReviewDate", "政审日期");
      rules.notInFuture("政审日期", reviewed, today);
      out.put(ENTRY_STEP, "");
    }
    if (depth >= 3) {
      LocalDate meeting = v.requiredDate(ADMISSION_MEETING_DATE, "接收预备党员的支部大会日期");
      if (v.integer(VOTERS_ENTITLED, "应到会人数") != null
          && !rules.meeting(v.integer(VOTERS_ENTITLED, "应到会人数"), v.integer(VOTERS_PRESENT, "实到会人数"),
              v.integer(VOTES_FOR, "赞成票数"))) {
        throw new RuleViolation("admission-vote", "赞成票未超过应到会有表决权正式党员的半数，不能接收为预备党员（"
            + MemberDevelopmentRules.XIZE + "第二十一条）");
      }
      LocalDate approval = v.requiredDate(APPROVAL_DATE, "上级党委审批日期");
      rules.approvalInTime(meeting, approval, v.string("approvalExtensionReason"));
      rules.notInFuture("上级党委审批日期", approval, today);
      dates.put(StageDate.ADMISSION, meeting);
      status = MemberStatus.PROBATIONARY;
      out.putAll(probation(rules.probationEnd(meeting)));
      out.put(ENTRY_STEP, "ASSESSMENT");
      events.accept(new ProbationaryMemberAdmitted(applicantId, branchId, meeting));
    }
    registry.update(applicantId, status, dates);
    return out;
  }

  Map<String, Object> complete(String taskKey, Map<String, Object> variables) {
    return complete(taskKey, null, variables);
  }

  /** What the officer submitted for step {@code taskKey}: checked, completed with derived values, registry updated. */
  Map<String, Object> complete(String taskKey, String processInstanceId, Map<String, Object> variables) {
    CaseVariables v = new CaseVariables(variables);
    Step step = new Step(v, ChinaClock.today(), v.string(APPLICANT_ID));
    step.processInstanceId = processInstanceId;
    switch (taskKey) {
      case "Task_RecordApplication" -> recordApplication(step);
      case "Task_TalkWithApplicant" -> talk(step);
      case "Task_NominateActivist" -> nominateActivist(step);
      case "Task_FileActivist" -> fileActivist(step);
      case "Task_AppointContacts" -> rules.contacts(step.applicantId, v.ids(CONTACT_IDS, "培养联系人"), registry::person);
      case "Task_Cultivate" -> cultivate(step);
      case "Task_DecideTarget" -> decideTarget(step);
      case "Task_FileTarget" -> fileTarget(step);
      case "Task_FixSponsors" -> fixSponsors(step);
      case "Task_PoliticalReview" -> politicalReview(step);
      case "Task_Training" -> training(step);
      case "Task_AuthorizeFrontline" -> authorizeFrontline(step);
      case "Task_CommitteeScreening" -> committeeScreening(step);
      case "Task_StartPublicity" -> startPublicity(step);
      case "Task_WatchPublicity" -> watchPublicity(step);
      case "Task_InvestigateObjection" -> investigateObjection(step);
      case "Task_PreReview" -> preReview(step);
      case "Task_FillVolunteerForm" -> fillVolunteerForm(step);
      case "Task_AdmissionMeeting" -> admissionMeeting(step);
      case "Task_PreApprovalTalk" -> preApprovalTalk(step);
      case "Task_Approval" -> approval(step);
      case "Task_NotifyRefusal" -> step.happened("refusalNoticeDate", "通知日期", APPROVAL_DATE, "审批日期");
      case "Task_FileUpward" -> step.happened("upwardFilingDate", "备案日期", APPROVAL_DATE, "审批日期");
      case "Task_Placement" -> step.happened("placementDate", "编入支部和党小组日期", APPROVAL_DATE, "审批日期");
      case "Task_Oath" -> step.happened(OATH_DATE, "入党宣誓日期", APPROVAL_DATE, "审批日期");
      case "Task_ContinuedAssessment" -> { }
      case "Task_ConversionApplication" ->
          step.happened("conversionApplicationDate", "转正申请日期", APPROVAL_DATE, "审批日期");
      case "Task_ConversionPublicity" -> conversionPublicity(step);
      case "Task_ConversionMeeting" -> conversionMeeting(step);
      case "Task_ConversionApproval" -> conversionApproval(step);
      case "Task_ArchiveMaterials" -> archive(step);
      default -> throw new IllegalArgumentException("no rules for step " + taskKey);
    }
    step.writeRegistry();
    return step.out;
  }

  private void recordApplication(Step s) {
    LocalDate applied = s.v.requiredDate(APPLICATION_DATE, "入党申请日期");
    rules.age(s.v.requiredDate(BIRTH_DATE, "出生日期"), applied);
    rules.notInFuture("入党申请日期", applied, s.today);
    LocalDate deadline = rules.talkDeadline(applied);
    s.out.put("talkDeadline", deadline.toString());
    s.out.put("talkDeadlineAt", endOfDay(deadline));
    s.out.put("talkReminderAt", startOfDay(deadline.minusDays(rules.settings().getTalkReminderDays())));
    s.stage(MemberStatus.APPLICANT, StageDate.APPLICATION, applied);
  }

  private void talk(Step s) {
    LocalDate talk = s.v.requiredDate(TALK_DATE, "谈话日期");
    rules.talk(s.v.requiredDate(APPLICATION_DATE, "入党申请日期"), talk, s.v.text("talkDelayReason", "超期原因"));
    rules.notInFuture("谈话日期", talk, s.today);
    rules.talker(s.v.required("talkBy", "谈话人"), registry.branchOfficers(s.v.string(BRANCH_ID)),
        s.v.string(BRANCH_NAME));
    s.v.required("talkRecord", "谈话记录");
  }

  private void nominateActivist(Step s) {
    if (!s.yes("activistSelected", "是否确定为入党积极分子")) {
      return;
    }
    LocalDate activist = s.v.requiredDate(ACTIVIST_DATE, "确定为入党积极分子的日期");
    rules.activist(s.v.date(APPLICATION_DATE, "入党申请日期"), s.v.date(TALK_DATE, "谈话日期"), activist);
    rules.leagueRecommendation(s.v.date(BIRTH_DATE, "出生日期"), activist,
        s.v.ids("nominationSources", "推荐方式"));
    rules.notInFuture("确定为入党积极分子的日期", activist, s.today);
    LocalDate committeeMeeting = s.v.date("committeeMeetingDate", "支委会（支部党员大会）研究日期");
    rules.notInFuture("支委会（支部党员大会）研究日期", committeeMeeting, s.today);
    rules.notBefore("确定为入党积极分子的日期", activist, "支委会（支部党员大会）研究日期", committeeMeeting);
    s.stage(MemberStatus.ACTIVIST, StageDate.ACTIVIST, activist);
  }

  /** 发展对象 fills in the 入党志愿书 guided by the sponsors, who add their own opinions. */
  private void fillVolunteerForm(Step s) {
    s.happened("volunteerFormDate", "填写入党志愿书日期", "preReviewDate", "预审日期");
    if (!Boolean.TRUE.equals(s.v.bool("sponsorOpinionsWritten"))) {
      throw new RuleViolation("sponsor-opinions", "入党介绍人须在入党志愿书上填写本人意见后方可提交"
          + "（发展对象在入党介绍人指导下填写入党志愿书，介绍人填写意见）");
    }
  }

  private void fileActivist(Step s) {
    if (s.returned("activistFilingDecision")) {
      s.stage(MemberStatus.APPLICANT, StageDate.ACTIVIST, null);
      return;
    }
    s.happened("activistFilingDate", "备案日期", ACTIVIST_DATE, "确定为入党积极分子的日期");
  }

  private void cultivate(Step s) {
    LocalDate activist = s.v.date(ACTIVIST_DATE, "确定为入党积极分子的日期");
    int count = 0;
    for (Object o : s.v.list("assessments", "考察记录")) {
      SpinJsonNode a = o instanceof SpinJsonNode n ? n : Spin.JSON(o);
      LocalDate d = new CaseVariables(Map.of("d", a.hasProp("assessmentDate") ? a.prop("assessmentDate").stringValue() : ""))
          .requiredDate("d", "考察日期");
      rules.notBefore("考察日期", d, "确定为入党积极分子的日期", activist);
      rules.notInFuture("考察日期", d, s.today);
      count++;
      FormText.limited("第" + count + "次考察意见", a.hasProp("assessmentResult") && a.prop("assessmentResult").isString()
          ? a.prop("assessmentResult").stringValue() : null);
    }
    Integer reports = s.v.integer("thoughtReportsReceived", "已收思想汇报份数");
    if (reports != null && reports < 0) {
      throw new RuleViolation("thought-reports-negative", "已收思想汇报份数不能为负数：" + reports);
    }
    s.out.put("assessmentCount", count);
  }

  private void decideTarget(Step s) {
    if (!s.yes("targetListed", "是否列为发展对象")) {
      s.outcome(Outcome.BACK_TO_CULTIVATION, "CULTIVATION");
      return;
    }
    LocalDate target = s.v.requiredDate(DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
    Integer count = s.v.integer("assessmentCount", "考察次数");
    boolean frontline = Boolean.TRUE.equals(s.v.bool(FRONTLINE_ADMISSION));
    s.out.put(FRONTLINE_ADMISSION, frontline);
    if (frontline) {
      rules.frontline(s.v.text("frontlineDuty", "一线岗位（任务）"), s.v.text("frontlinePerformance", "突出表现事迹"));
      rules.notBefore("确定为发展对象的日期", target, "确定为入党积极分子的日期",
          s.v.requiredDate(ACTIVIST_DATE, "确定为入党积极分子的日期"));
    } else {
      rules.developmentTarget(s.v.requiredDate(ACTIVIST_DATE, "确定为入党积极分子的日期"), target,
          count == null ? 0 : count);
    }
    rules.notInFuture("确定为发展对象的日期", target, s.today);
    s.v.required("targetOpinions", "党小组、培养联系人和党员群众的意见");
    s.out.put(STAGE_OUTCOME, Outcome.CONTINUE.name());
    s.stage(MemberStatus.TARGET, StageDate.TARGET, target);
  }

  /** 火线入党: the 党委 authorizes the special path with its own record, or the activist is cultivated on. */
  private void authorizeFrontline(Step s) {
    if (s.returned("frontlineAuthorizationDecision")) {
      s.out.put(FRONTLINE_ADMISSION, Boolean.FALSE);
      s.outcome(Outcome.BACK_TO_CULTIVATION, "CULTIVATION");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
      return;
    }
    s.happened("frontlineAuthorizationDate", "党委批准日期", DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
    s.v.required("frontlineAuthorizationDocument", "党委批准的会议或文件");
  }

  private void fileTarget(Step s) {
    if (s.returned("targetFilingDecision")) {
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
      return;
    }
    s.happened("targetFilingDate", "备案日期", DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
  }

  private void fixSponsors(Step s) {
    rules.sponsors(s.applicantId, s.v.ids(SPONSOR_IDS, "入党介绍人"), registry::person);
    if (!Boolean.TRUE.equals(s.v.bool("sponsorsConsented"))) {
      throw new RuleViolation("sponsor-consent", "组织指定的入党介绍人须本人同意，请确认两名入党介绍人均已同意");
    }
  }

  private void politicalReview(Step s) {
    boolean passed = s.yes(POLITICAL_REVIEW_PASSED, "政审结论");
    s.happened("politicalReviewDate", "政审日期", DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
    s.v.required("politicalReviewConclusion", "政审综合性结论");
    if (!passed) {
      s.outcome(Outcome.POLITICAL_REVIEW_FAILED, "");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
    }
  }

  private void training(Step s) {
    rules.trainingSufficient(s.v.integer("trainingDays", "培训天数"), s.v.integer(TRAINING_HOURS, "培训学时"));
    s.happened("trainingStart", "培训开始日期", DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
    s.happened("trainingEnd", "培训结束日期", "trainingStart", "培训开始日期");
  }

  private void committeeScreening(Step s) {
    s.happened("screeningDate", "支委会审查日期", "trainingEnd", "培训结束日期");
    if (s.returned("screeningDecision")) {
      s.outcome(Outcome.BACK_TO_TARGET, "TRAINING");
      return;
    }
    rules.notLeavingSoon(s.yes("leavingUnitSoon", "未来三个月内是否将离开工作、学习单位"));
  }

  private void startPublicity(Step s) {
    LocalDate start = s.happened(PUBLICITY_START, "公示开始日期", "screeningDate", "支委会审查日期");
    LocalDate end = rules.publicityEnd(start);
    s.out.put(PUBLICITY_END, end.toString());
    s.out.put("publicityEndsAt", endOfDay(end));
    s.out.put("objectionReceived", Boolean.FALSE);
  }

  private void watchPublicity(Step s) {
    LocalDate end = s.v.requiredDate(PUBLICITY_END, "公示结束日期");
    if (Boolean.TRUE.equals(s.v.bool("objectionReceived"))) {
      LocalDate objection = s.happened("objectionDate", "收到异议日期", PUBLICITY_START, "公示开始日期");
      if (objection.isAfter(end)) {
        throw new RuleViolation("objection-after-publicity", "收到异议日期（" + objection + "）在公示期（至" + end + "）之后");
      }
      s.v.required("objectionSummary", "异议内容");
    } else if (!s.today.isAfter(end)) {
      throw new RuleViolation("publicity-running", "公示期（至" + end + "）未满，无异议的须待公示期满后由系统自动结束公示");
    }
  }

  private void investigateObjection(Step s) {
    boolean founded = s.yes("objectionFounded", "异议是否属实");
    LocalDate objection = s.v.requiredDate("objectionDate", "收到异议日期");
    LocalDate done = s.happened("investigationDate", "调查结束日期", "objectionDate", "收到异议日期");
    s.v.required("investigationConclusion", "调查结论");
    if (founded) {
      s.outcome(Outcome.BACK_TO_CULTIVATION, "CULTIVATION");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
      return;
    }
    LocalDate end = rules.publicityEndAfterPause(s.v.requiredDate(PUBLICITY_END, "公示结束日期"), objection, done);
    s.out.put(PUBLICITY_END, end.toString());
    s.out.put("publicityEndsAt", endOfDay(end));
    s.out.put("objectionReceived", Boolean.FALSE);
  }

  private void preReview(Step s) {
    LocalDate date = s.happened("preReviewDate", "预审日期", PUBLICITY_START, "公示开始日期");
    rules.preReviewAfterPublicity(s.v.date(PUBLICITY_START, "公示开始日期"), s.v.date(PUBLICITY_END, "公示结束日期"), date);
    s.v.required("preReviewOpinion", "书面预审意见");
    if (!s.yes("preReviewPassed", "预审结论")) {
      s.outcome(Outcome.BACK_TO_TARGET, "");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
    }
  }

  private void admissionMeeting(Step s) {
    LocalDate meeting = s.happened(ADMISSION_MEETING_DATE, "支部大会日期", "volunteerFormDate", "填写入党志愿书日期");
    rules.notBefore("支部大会日期", meeting, "上级党委退回或超期的日期", s.v.date(COMMITTEE_RETURN_DATE, "退回日期"));
    rules.readyForMeeting(s.v.bool(POLITICAL_REVIEW_PASSED), s.v.date("politicalReviewDate", "政审日期"),
        s.v.integer("trainingDays", "培训天数"), s.v.integer(TRAINING_HOURS, "培训学时"),
        s.v.date("trainingEnd", "培训结束日期"), meeting);
    boolean passed = rules.meeting(s.v.integer(VOTERS_ENTITLED, "应到会人数"), s.v.integer(VOTERS_PRESENT, "实到会人数"),
        s.v.integer(WRITTEN_OPINIONS, "会前提交书面意见的缺席党员数"), s.v.integer(VOTES_FOR, "赞成票数"),
        s.v.integer("votesAgainst", "反对票数"), s.v.integer("abstentions", "弃权票数"));
    s.v.required("admissionMeetingRecord", "会议记录（决议内容）");
    s.out.put("admissionPassed", passed);
    if (passed) {
      LocalDate deadline = rules.approvalDeadline(meeting);
      s.out.put("approvalDeadline", deadline.toString());
      s.out.put("approvalDeadlineAt", endOfDay(deadline));
      s.out.put("approvalMaxAt", endOfDay(rules.approvalMaxDeadline(meeting)));
    } else {
      s.outcome(Outcome.BACK_TO_CULTIVATION, "CULTIVATION");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
    }
  }

  private void preApprovalTalk(Step s) {
    s.happened("preApprovalTalkDate", "谈话日期", ADMISSION_MEETING_DATE, "支部大会日期");
    rules.approvalTalker(s.v.required("preApprovalTalkBy", "谈话人"),
        registry.approvalTalkers(s.v.string(BRANCH_ID)));
    s.v.required("preApprovalTalkOpinion", "谈话意见");
  }

  /**
   * The 党委's approval of the admission: decided at a 党委会 recorded on the 党委会研究 page, whose record this reads
   * and checks again; the decision is the one the vote gave. A return goes back to the branch's 支部大会.
   */
  private void approval(Step s) {
    CommitteeMeeting.Decision d = committee(s, TASK_APPROVAL);
    String decision = d.decision();
    s.out.put("approvalDecision", decision);
    LocalDate date = s.committeeDate;
    if (decision.equals("RETURN")) {
      s.out.put("returnOpinion", d.opinion());
      s.out.put(COMMITTEE_RETURN_DATE, date.toString());
      return;
    }
    LocalDate meeting = s.v.requiredDate(ADMISSION_MEETING_DATE, "支部大会日期");
    rules.notBefore("党委会日期", date, "支部大会日期", meeting);
    s.out.put(APPROVAL_DATE, date.toString());
    if (decision.equals("REFUSE")) {
      s.out.put("refusalReason", d.opinion());
      s.outcome(Outcome.REFUSED, "");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
      return;
    }
    rules.approvalInTime(meeting, date, d.extensionReason());
    if (d.extensionReason() != null) {
      s.out.put("approvalExtensionReason", d.extensionReason());
    }
    s.out.putAll(probation(rules.probationEnd(meeting)));
    s.stage(MemberStatus.PROBATIONARY, StageDate.ADMISSION, meeting);
    s.event = new ProbationaryMemberAdmitted(s.applicantId, s.v.string(BRANCH_ID), meeting);
  }

  /**
   * The 党委会 record of this case's approval task: the meeting named by {@code committeeMeetingId}, of the 党委
   * that approves the branch's members, with a vote on this very case; quorum and vote checked again, so no record
   * approves without the majority. Its account goes into the case for the auditors.
   */
  private CommitteeMeeting.Decision committee(Step s, String taskKey) {
    Integer id = s.v.integer(COMMITTEE_MEETING_ID, "党委会记录编号");
    CommitteeRecords.Checked c = committeeRecords.checked(id == null ? null : id.longValue(), s.processInstanceId,
        taskKey, s.v.string(APPLICANT_NAME), registry.approvingCommittee(s.v.string(BRANCH_ID)), s.today,
        CommitteeDecisionRules.COLLECTIVE);
    CommitteeMeeting m = c.meeting();
    CommitteeMeeting.Decision d = c.decision();
    s.committeeDate = m.date();
    s.out.put(COMMITTEE_MEETING_ID, id.longValue());
    s.out.put(COMMITTEE_VOTE_RECORD, m.describe(d));
    return d;
  }

  private void conversionMeeting(Step s) {
    LocalDate meeting = s.happened(CONVERSION_MEETING_DATE, "转正支部大会日期", "conversionApplicationDate", "转正申请日期");
    rules.conversionMeetingAfterProbation(s.v.requiredDate(PROBATION_END_DATE, "预备期满日期"), meeting);
    rules.notBefore("转正支部大会日期", meeting, "上级党委退回的日期", s.v.date(COMMITTEE_RETURN_DATE, "退回日期"));
    LocalDate publicityEnd = s.v.date("conversionPublicityEnd", "转正公示结束日期");
    if (publicityEnd != null && !meeting.isAfter(publicityEnd)) {
      throw new RuleViolation("conversion-publicity", "转正公示期满（" + publicityEnd + "）后方可召开支部大会讨论转正（本地规定）");
    }
    String outcome = s.v.required(CONVERSION_OUTCOME, "支部大会决议");
    if (!Set.of("CONVERT", "EXTEND", "CANCEL").contains(outcome)) {
      throw new RuleViolation("conversion-outcome", "支部大会决议须为按期转正、延长预备期或取消预备党员资格");
    }
    boolean passed = rules.meeting(s.v.integer("conversionVotersEntitled", "应到会人数"),
        s.v.integer("conversionVotersPresent", "实到会人数"),
        s.v.integer("conversionWrittenOpinions", "会前提交书面意见的缺席党员数"),
        s.v.integer("conversionVotesFor", "赞成票数"), s.v.integer("conversionVotesAgainst", "反对票数"),
        s.v.integer("conversionAbstentions", "弃权票数"));
    s.out.put(CONVERSION_VOTE_PASSED, passed);
    if (!passed) {
      // 细则第二十一条: no resolution is formed; the vote is kept with its outcome and the branch meets again.
      s.v.required("conversionVoteFailedOpinion", "表决未通过后的处理意见");
      return;
    }
    if (outcome.equals("EXTEND")) {
      rules.extension(Boolean.TRUE.equals(s.v.bool("extended")), s.v.integer(EXTENSION_MONTHS, "延长预备期月数"));
    }
    if (!outcome.equals("CONVERT")) {
      s.v.required("conversionReason", "延长预备期或取消预备党员资格的理由");
    }
    LocalDate deadline = rules.approvalDeadline(meeting);
    s.out.put("conversionApprovalDeadlineAt", endOfDay(deadline));
  }

  /** The 党委's approval of the branch's conversion resolution, decided at a 党委会; a failed vote sends it back. */
  private void conversionApproval(Step s) {
    CommitteeMeeting.Decision d = committee(s, TASK_CONVERSION_APPROVAL);
    String decision = d.decision();
    s.out.put("conversionApprovalDecision", decision);
    if (decision.equals("RETURN")) {
      s.out.put("returnOpinion", d.opinion());
      s.out.put(COMMITTEE_RETURN_DATE, s.committeeDate.toString());
      return;
    }
    LocalDate meeting = s.v.requiredDate(CONVERSION_MEETING_DATE, "转正支部大会日期");
    LocalDate approved = s.committeeDate;
    rules.notBefore("党委会日期", approved, "转正支部大会日期", meeting);
    s.out.put(CONVERSION_APPROVAL_DATE, approved.toString());
    rules.approvalInTime(meeting, approved, d.extensionReason());
    if (d.extensionReason() != null) {
      s.out.put("conversionApprovalExtensionReason", d.extensionReason());
    }
    LocalDate end = s.v.requiredDate(PROBATION_END_DATE, "预备期满日期");
    switch (s.v.required(CONVERSION_OUTCOME, "支部大会决议")) {
      case "CONVERT" -> {
        LocalDate standing = rules.partyStandingFrom(end);
        s.out.put(PARTY_STANDING_FROM, standing.toString());
        s.out.put("archiveDueAt", endOfDay(rules.archiveDeadline(approved)));
        s.outcome(Outcome.CONVERTED, "");
        s.stage(MemberStatus.FULL_MEMBER, StageDate.FULL_MEMBER, standing);
      }
      case "EXTEND" -> {
        s.out.putAll(probation(end.plusMonths(s.v.integer(EXTENSION_MONTHS, "延长预备期月数"))));
        s.out.put("extended", Boolean.TRUE);
      }
      default -> {
        s.outcome(Outcome.CANCELLED, "");
        s.stage(MemberStatus.NON_MEMBER, StageDate.ADMISSION, s.v.date(ADMISSION_MEETING_DATE, "支部大会日期"));
      }
    }
  }

  /** [L] 转正公示: the days run on the working-day calendar and the meeting waits for their end. */
  private void conversionPublicity(Step s) {
    LocalDate start = s.happened("conversionPublicityStart", "转正公示开始日期", "conversionApplicationDate", "转正申请日期");
    LocalDate end = rules.conversionPublicityEnd(start);
    if (!s.today.isAfter(end)) {
      throw new RuleViolation("publicity-running", "转正公示期（" + rules.settings().getConversionPublicityWorkdays()
          + "个工作日，至" + end + "）未满，期满后方可提交（本地规定）");
    }
    s.v.required("conversionPublicityPlace", "公示地点（方式）");
    s.v.required("conversionPublicityResult", "公示结果");
    s.out.put("conversionPublicityEnd", end.toString());
  }

  private void archive(Step s) {
    List<String> checked = s.v.ids("archiveChecklist", "归档材料");
    List<String> missing = ARCHIVE_ITEMS.stream().filter(i -> !checked.contains(i)).toList();
    if (!missing.isEmpty()) {
      throw new RuleViolation("archive-complete", "入党材料须完整归入人事档案或党员档案（" + MemberDevelopmentRules.XIZE
          + "第三十七条），尚缺：" + String.join("、", missing));
    }
    s.happened("archiveDate", "归档日期", CONVERSION_APPROVAL_DATE, "审批日期");
    s.v.required("archiveLocation", "档案存放处");
  }

  private Map<String, Object> probation(LocalDate end) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(PROBATION_END_DATE, end.toString());
    out.put("probationEndAt", endOfDay(end));
    out.put("conversionReminderAt", startOfDay(rules.conversionReminder(end)));
    return out;
  }

  /**
   * The people a task's form offers, as {@code valuesKey} variables of the task, read from the registry when the
   * task is created: the branch's full members as contacts and sponsors, its officers as the one who talks with the
   * applicant, the approving 党委's members for the talk before approval. The rules check the same lists on
   * submission.
   */
  Map<String, Object> taskOptions(String taskKey, String branchId) {
    return switch (taskKey) {
      case "Task_AppointContacts", "Task_FixSponsors" ->
          Map.of(MEMBER_OPTIONS, options(registry.eligibleMembers(branchId)));
      case "Task_TalkWithApplicant" -> Map.of(OFFICER_OPTIONS, options(registry.branchOfficers(branchId)));
      case "Task_PreApprovalTalk" -> Map.of(COMMITTEE_OPTIONS, options(registry.approvalTalkers(branchId)));
      default -> Map.of();
    };
  }

  static final String MEMBER_OPTIONS = "memberOptions";
  static final String OFFICER_OPTIONS = "officerOptions";
  static final String COMMITTEE_OPTIONS = "committeeOptions";

  /** Select options with the person's name as label and the person id as value; ids never reach the screen. */
  static Object options(List<Person> people) {
    ArrayNode options = JSON.createArrayNode();
    PersonLabels.of(people).forEach((id, label) -> options.addObject().put("label", label).put("value", id));
    return SpinValues.jsonValue(options.toString()).create();
  }

  private static void putIfAbsent(Map<String, Object> out, CaseVariables v, String name, Object value) {
    if (v.raw(name) == null && value != null) {
      out.put(name, value);
    }
  }

  static Date endOfDay(LocalDate d) {
    return ChinaClock.toDate(d.plusDays(1).atStartOfDay());
  }

  static Date startOfDay(LocalDate d) {
    return ChinaClock.toDate(d.atStartOfDay());
  }

  /** One submitted step: the variables, what it adds, and the registry change written once everything passed. */
  private final class Step {
    final CaseVariables v;
    final LocalDate today;
    final String applicantId;
    final Map<String, Object> out = new LinkedHashMap<>();
    MemberStatus status;
    final Map<StageDate, LocalDate> dates = new EnumMap<>(StageDate.class);
    Object event;
    String processInstanceId;
    LocalDate committeeDate;

    Step(CaseVariables v, LocalDate today, String applicantId) {
      this.v = v;
      this.today = today;
      this.applicantId = applicantId;
    }

    /** A required date of something done: not in the future and not before the step it follows. */
    LocalDate happened(String name, String label, String earlierName, String earlierLabel) {
      LocalDate d = v.requiredDate(name, label);
      rules.notInFuture(label, d, today);
      rules.notBefore(label, d, earlierLabel, v.date(earlierName, earlierLabel));
      return d;
    }

    /** A yes/no choice; forms send "true"/"false", the case keeps a Boolean for gateways and reports. */
    boolean yes(String name, String label) {
      boolean b = v.requiredBool(name, label);
      out.put(name, b);
      return b;
    }

    /** A review step's PASS or RETURN; a return needs the opinion that goes back with it. */
    boolean returned(String decisionName) {
      String decision = v.required(decisionName, "审核结论");
      if (decision.equals("RETURN")) {
        v.required("returnOpinion", "退回意见");
        return true;
      }
      if (!decision.equals("PASS")) {
        throw new RuleViolation("review-decision", "审核结论须为通过或退回");
      }
      return false;
    }

    void outcome(Outcome outcome, String entryStep) {
      out.put(STAGE_OUTCOME, outcome.name());
      out.put(ENTRY_STEP, entryStep);
    }

    void stage(MemberStatus newStatus, StageDate stageDate, LocalDate date) {
      status = newStatus;
      dates.put(stageDate, date);
    }

    void writeRegistry() {
      if (status != null) {
        registry.update(applicantId, status, dates);
      }
      if (event != null) {
        events.accept(event);
      }
    }
  }
}
