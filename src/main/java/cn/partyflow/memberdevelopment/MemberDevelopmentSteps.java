package cn.partyflow.memberdevelopment;

import static cn.partyflow.memberdevelopment.MemberDevelopment.*;
import static cn.partyflow.memberdevelopment.MemberDevelopmentService.midnightAfter;
import static cn.partyflow.memberdevelopment.MemberDevelopmentService.startOfDay;

import cn.partyflow.memberdevelopment.MemberDevelopment.Outcome;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleConflict;
import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code memberDevelopment}, one method per step, called from the BPMN: a user task's completion
 * ({@code <camunda:taskListener event="complete" expression="${memberDevelopmentSteps.talkWithApplicant(task)}"/>}),
 * a service task, a timer or a condition. Each reads the form ({@link Submission}), applies
 * {@link MemberDevelopmentRules} and writes the result; a broken rule is a {@link RuleViolation}, so Tasklist shows
 * the Chinese message and neither the case nor the registry changes.
 */
@Component("memberDevelopmentSteps")
public class MemberDevelopmentSteps {

  static final List<String> ARCHIVE_ITEMS = List.of("入党志愿书", "入党申请书", "政审材料", "转正申请书", "培养教育考察材料");

  static final int ESCALATED_PRIORITY = 90;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MemberDevelopmentService service;
  private final MemberDevelopmentRules rules;
  private final PersonRegistry registry;
  private final CommitteeRecords committeeRecords;

  MemberDevelopmentSteps(MemberDevelopmentService service, MemberDevelopmentRules rules, PersonRegistry registry,
      CommitteeMeetings meetings) {
    this.service = service;
    this.rules = rules;
    this.registry = registry;
    this.committeeRecords = new CommitteeRecords(meetings, rules.settings(),
        id -> registry.organizationName(id).orElse(id));
  }

  // ---- the case as a whole ----------------------------------------------------------------------------------

  /**
   * The process's start: refuses a second running case of the same applicant, fills the applicant's data from the
   * registry, sets the business key to the applicant's person id and checks the historic dates of a case that
   * enters at a later stage.
   */
  public void open(DelegateExecution execution) {
    if (execution.getVariable(APPLICANT_ID) instanceof String applicantId && !applicantId.isBlank()) {
      refuseSecondCase(execution, applicantId);
    }
    execution.setVariables(service.start(execution.getVariables(), execution.getProcessBusinessKey()));
    execution.setProcessBusinessKey((String) execution.getVariable(APPLICANT_ID));
  }

  /**
   * A deadline passed: the open task also lands on the desk of whoever must see it done, at high priority. The
   * officer who had it keeps it.
   */
  public void escalate(DelegateExecution execution, String taskKey, String group) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey).list()) {
      tasks.addCandidateGroup(task.getId(), group);
      task.setPriority(ESCALATED_PRIORITY);
      tasks.saveTask(task);
    }
  }

  // ---- the people a form offers (task create), read from the registry when the task is created -------------

  /** The branch's full members, as 培养联系人 and 入党介绍人. */
  public void offerMembers(DelegateTask task) {
    offer(task, MEMBER_OPTIONS, registry::eligibleMembers);
  }

  /** The branch's officers, as the one who talks with the applicant. */
  public void offerOfficers(DelegateTask task) {
    offer(task, OFFICER_OPTIONS, registry::branchOfficers);
  }

  /** The approving 党委's members, for the talk before approval. */
  public void offerCommitteeMembers(DelegateTask task) {
    offer(task, COMMITTEE_OPTIONS, registry::approvalTalkers);
  }

  // ---- 申请入党 ------------------------------------------------------------------------------------------------

  /** Task_RecordApplication (登记入党申请书): the talk falls due within a month. */
  public void recordApplication(DelegateTask task) {
    Submission s = submission(task);
    LocalDate applied = s.v.requiredDate(APPLICATION_DATE, "入党申请日期");
    rules.age(s.v.requiredDate(BIRTH_DATE, "出生日期"), applied);
    rules.notInFuture("入党申请日期", applied, s.today);
    LocalDate deadline = rules.talkDeadline(applied);
    s.out.put("talkDeadline", deadline.toString());
    s.out.put("talkDeadlineAt", midnightAfter(deadline));
    s.out.put("talkReminderAt", startOfDay(deadline.minusDays(rules.settings().getTalkReminderDays())));
    s.stage(MemberStatus.APPLICANT, StageDate.APPLICATION, applied);
    s.save(service);
  }

  /** Task_TalkWithApplicant (与申请人谈话), by one of the branch's officers. */
  public void talkWithApplicant(DelegateTask task) {
    Submission s = submission(task);
    LocalDate talk = s.v.requiredDate(TALK_DATE, "谈话日期");
    rules.talk(s.v.requiredDate(APPLICATION_DATE, "入党申请日期"), talk, s.v.text("talkDelayReason", "超期原因"));
    rules.notInFuture("谈话日期", talk, s.today);
    rules.talker(s.v.required("talkBy", "谈话人"), registry.branchOfficers(s.v.string(BRANCH_ID)),
        s.v.string(BRANCH_NAME));
    s.v.required("talkRecord", "谈话记录");
    s.save(service);
  }

  // ---- 入党积极分子的确定和培养教育 ----------------------------------------------------------------------------

  /** Task_NominateActivist (推荐和确定入党积极分子). */
  public void nominateActivist(DelegateTask task) {
    Submission s = submission(task);
    if (s.yes("activistSelected", "是否确定为入党积极分子")) {
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
    s.save(service);
  }

  /** Task_FileActivist (入党积极分子备案): the 党委 files it or returns it. */
  public void fileActivist(DelegateTask task) {
    Submission s = submission(task);
    if (s.returned("activistFilingDecision")) {
      s.stage(MemberStatus.APPLICANT, StageDate.ACTIVIST, null);
    } else {
      s.happened("activistFilingDate", "备案日期", ACTIVIST_DATE, "确定为入党积极分子的日期");
    }
    s.save(service);
  }

  /** Task_AppointContacts (指定培养联系人). */
  public void appointContacts(DelegateTask task) {
    Submission s = submission(task);
    rules.contacts(s.applicantId, s.v.ids(CONTACT_IDS, "培养联系人"), registry::person);
    s.save(service);
  }

  /** Task_Cultivate (培养考察): the half-yearly assessments, each dated and within the text limit. */
  public void cultivate(DelegateTask task) {
    Submission s = submission(task);
    LocalDate activist = s.v.date(ACTIVIST_DATE, "确定为入党积极分子的日期");
    int count = 0;
    for (Object o : s.v.list("assessments", "考察记录")) {
      SpinJsonNode a = o instanceof SpinJsonNode n ? n : Spin.JSON(o);
      LocalDate d = new CaseVariables(Map.of("d", a.hasProp("assessmentDate")
          ? a.prop("assessmentDate").stringValue() : "")).requiredDate("d", "考察日期");
      rules.notBefore("考察日期", d, "确定为入党积极分子的日期", activist);
      rules.notInFuture("考察日期", d, s.today);
      count++;
      FormText.limited("第" + count + "次考察意见", a.hasProp("assessmentResult")
          && a.prop("assessmentResult").isString() ? a.prop("assessmentResult").stringValue() : null);
    }
    Integer reports = s.v.integer("thoughtReportsReceived", "已收思想汇报份数");
    if (reports != null && reports < 0) {
      throw new RuleViolation("memberDevelopment.thoughtReportsNegative", "已收思想汇报份数不能为负数：" + reports);
    }
    s.out.put("assessmentCount", count);
    s.save(service);
  }

  /** The half-yearly 考察 of an activist, as a repeating timer cycle from the day cultivation starts. */
  public String assessmentCycle() {
    return "R/P" + rules.settings().getAssessmentIntervalMonths() + "M";
  }

  /**
   * The half-year has come round while the activist is cultivated: the 培养考察 task is marked for follow-up today,
   * its name says which assessment is due, and the case counts the reminders.
   */
  public void remindAssessment(DelegateExecution execution) {
    Object before = execution.getVariable("assessmentReminders");
    int n = (before instanceof Number number ? number.intValue() : 0) + 1;
    LocalDate today = ChinaClock.today();
    execution.setVariable("assessmentReminders", n);
    execution.setVariable("assessmentDueDate", today.toString());
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_CULTIVATE).list()) {
      task.setFollowUpDate(Date.from(ChinaClock.now()));
      task.setDescription("第" + n + "个半年考察期已满（" + today + "），请记入考察登记表（党支部每半年考察一次）");
      tasks.saveTask(task);
    }
  }

  // ---- 发展对象的确定和考察 ------------------------------------------------------------------------------------

  /** Task_DecideTarget (确定发展对象), or back to cultivation; 火线入党 skips the year of cultivation. */
  public void decideTarget(DelegateTask task) {
    Submission s = submission(task);
    if (!s.yes("targetListed", "是否列为发展对象")) {
      s.outcome(Outcome.BACK_TO_CULTIVATION, "CULTIVATION");
      s.save(service);
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
    s.save(service);
  }

  /** Task_AuthorizeFrontline (批准火线入党): the 党委 authorizes it with its own record, or cultivation goes on. */
  public void authorizeFrontline(DelegateTask task) {
    Submission s = submission(task);
    if (s.returned("frontlineAuthorizationDecision")) {
      s.out.put(FRONTLINE_ADMISSION, Boolean.FALSE);
      s.outcome(Outcome.BACK_TO_CULTIVATION, "CULTIVATION");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
    } else {
      s.happened("frontlineAuthorizationDate", "党委批准日期", DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
      s.v.required("frontlineAuthorizationDocument", "党委批准的会议或文件");
    }
    s.save(service);
  }

  /** Task_FileTarget (发展对象备案): the 党委 files it or returns it. */
  public void fileTarget(DelegateTask task) {
    Submission s = submission(task);
    if (s.returned("targetFilingDecision")) {
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
    } else {
      s.happened("targetFilingDate", "备案日期", DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
    }
    s.save(service);
  }

  /** Task_FixSponsors (确定入党介绍人): two full members who agreed. */
  public void fixSponsors(DelegateTask task) {
    Submission s = submission(task);
    rules.sponsors(s.applicantId, s.v.ids(SPONSOR_IDS, "入党介绍人"), registry::person);
    if (!Boolean.TRUE.equals(s.v.bool("sponsorsConsented"))) {
      throw new RuleViolation("memberDevelopment.sponsorConsent", "组织指定的入党介绍人须本人同意，请确认两名入党介绍人均已同意");
    }
    s.save(service);
  }

  /** Task_PoliticalReview (政治审查); a failed review ends the development. */
  public void politicalReview(DelegateTask task) {
    Submission s = submission(task);
    boolean passed = s.yes(POLITICAL_REVIEW_PASSED, "政审结论");
    s.happened("politicalReviewDate", "政审日期", DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
    s.v.required("politicalReviewConclusion", "政审综合性结论");
    if (!passed) {
      s.outcome(Outcome.POLITICAL_REVIEW_FAILED, "");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
    }
    s.save(service);
  }

  /** Task_Training (集中培训): long enough, and after becoming a 发展对象. */
  public void training(DelegateTask task) {
    Submission s = submission(task);
    rules.trainingSufficient(s.v.integer("trainingDays", "培训天数"), s.v.integer(TRAINING_HOURS, "培训学时"));
    s.happened("trainingStart", "培训开始日期", DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
    s.happened("trainingEnd", "培训结束日期", "trainingStart", "培训开始日期");
    s.save(service);
  }

  // ---- 预备党员的接收 ------------------------------------------------------------------------------------------

  /** Task_CommitteeScreening (支委会审查), or back to training. */
  public void committeeScreening(DelegateTask task) {
    Submission s = submission(task);
    s.happened("screeningDate", "支委会审查日期", "trainingEnd", "培训结束日期");
    if (s.returned("screeningDecision")) {
      s.outcome(Outcome.BACK_TO_TARGET, "TRAINING");
    } else {
      rules.notLeavingSoon(s.yes("leavingUnitSoon", "未来三个月内是否将离开工作、学习单位"));
    }
    s.save(service);
  }

  /** Task_StartPublicity (发布发展对象公示): the publicity's end follows from the working-day calendar. */
  public void startPublicity(DelegateTask task) {
    Submission s = submission(task);
    LocalDate start = s.happened(PUBLICITY_START, "公示开始日期", "screeningDate", "支委会审查日期");
    LocalDate end = rules.publicityEnd(start);
    s.out.put(PUBLICITY_END, end.toString());
    s.out.put("publicityEndsAt", midnightAfter(end));
    s.out.put("objectionReceived", Boolean.FALSE);
    s.save(service);
  }

  /** Task_WatchPublicity (公示期受理异议): an objection within the publicity, or nothing until it has run. */
  public void watchPublicity(DelegateTask task) {
    Submission s = submission(task);
    LocalDate end = s.v.requiredDate(PUBLICITY_END, "公示结束日期");
    if (Boolean.TRUE.equals(s.v.bool("objectionReceived"))) {
      LocalDate objection = s.happened("objectionDate", "收到异议日期", PUBLICITY_START, "公示开始日期");
      if (objection.isAfter(end)) {
        throw new RuleViolation("memberDevelopment.objectionAfterPublicity", "收到异议日期（" + objection + "）在公示期（至" + end + "）之后");
      }
      s.v.required("objectionSummary", "异议内容");
    } else if (!s.today.isAfter(end)) {
      throw new RuleViolation("memberDevelopment.publicityRunning", "公示期（至" + end + "）未满，无异议的须待公示期满后由系统自动结束公示");
    }
    s.save(service);
  }

  /** Task_InvestigateObjection (调查异议): a founded objection ends the candidacy, else the publicity resumes. */
  public void investigateObjection(DelegateTask task) {
    Submission s = submission(task);
    boolean founded = s.yes("objectionFounded", "异议是否属实");
    LocalDate objection = s.v.requiredDate("objectionDate", "收到异议日期");
    LocalDate done = s.happened("investigationDate", "调查结束日期", "objectionDate", "收到异议日期");
    s.v.required("investigationConclusion", "调查结论");
    if (founded) {
      s.outcome(Outcome.BACK_TO_CULTIVATION, "CULTIVATION");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
    } else {
      LocalDate end = rules.publicityEndAfterPause(s.v.requiredDate(PUBLICITY_END, "公示结束日期"), objection, done);
      s.out.put(PUBLICITY_END, end.toString());
      s.out.put("publicityEndsAt", midnightAfter(end));
      s.out.put("objectionReceived", Boolean.FALSE);
    }
    s.save(service);
  }

  /** Task_PreReview (上级党委预审), after the publicity. */
  public void preReview(DelegateTask task) {
    Submission s = submission(task);
    LocalDate date = s.happened("preReviewDate", "预审日期", PUBLICITY_START, "公示开始日期");
    rules.preReviewAfterPublicity(s.v.date(PUBLICITY_START, "公示开始日期"), s.v.date(PUBLICITY_END, "公示结束日期"),
        date);
    s.v.required("preReviewOpinion", "书面预审意见");
    if (!s.yes("preReviewPassed", "预审结论")) {
      s.outcome(Outcome.BACK_TO_TARGET, "");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
    }
    s.save(service);
  }

  /** Task_FillVolunteerForm (填写入党志愿书), guided by the sponsors, who add their own opinions. */
  public void fillVolunteerForm(DelegateTask task) {
    Submission s = submission(task);
    s.happened("volunteerFormDate", "填写入党志愿书日期", "preReviewDate", "预审日期");
    if (!Boolean.TRUE.equals(s.v.bool("sponsorOpinionsWritten"))) {
      throw new RuleViolation("memberDevelopment.sponsorOpinions", "入党介绍人须在入党志愿书上填写本人意见后方可提交"
          + "（发展对象在入党介绍人指导下填写入党志愿书，介绍人填写意见）");
    }
    s.save(service);
  }

  /** Task_AdmissionMeeting (支部大会讨论接收): the vote decides; a passed one starts the approval's deadlines. */
  public void admissionMeeting(DelegateTask task) {
    Submission s = submission(task);
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
      s.out.put("approvalDeadlineAt", midnightAfter(deadline));
      s.out.put("approvalMaxAt", midnightAfter(rules.approvalMaxDeadline(meeting)));
    } else {
      s.outcome(Outcome.BACK_TO_CULTIVATION, "CULTIVATION");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
    }
    s.save(service);
  }

  /** Task_PreApprovalTalk (审批前谈话), by a member of the approving 党委. */
  public void preApprovalTalk(DelegateTask task) {
    Submission s = submission(task);
    s.happened("preApprovalTalkDate", "谈话日期", ADMISSION_MEETING_DATE, "支部大会日期");
    rules.approvalTalker(s.v.required("preApprovalTalkBy", "谈话人"),
        registry.approvalTalkers(s.v.string(BRANCH_ID)));
    s.v.required("preApprovalTalkOpinion", "谈话意见");
    s.save(service);
  }

  /**
   * Task_Approval (上级党委审批): decided at a 党委会 recorded on the 党委会研究 page, whose record this reads and checks
   * again; the decision is the one the vote gave. A return goes back to the branch's 支部大会.
   */
  public void approval(DelegateTask task) {
    Submission s = submission(task);
    CommitteeMeeting.Decision d = committee(s, TASK_APPROVAL);
    String decision = d.decision();
    s.out.put("approvalDecision", decision);
    LocalDate date = s.committeeDate;
    if (decision.equals("RETURN")) {
      s.out.put("returnOpinion", d.opinion());
      s.out.put(COMMITTEE_RETURN_DATE, date.toString());
      s.save(service);
      return;
    }
    LocalDate meeting = s.v.requiredDate(ADMISSION_MEETING_DATE, "支部大会日期");
    rules.notBefore("党委会日期", date, "支部大会日期", meeting);
    s.out.put(APPROVAL_DATE, date.toString());
    if (decision.equals("REFUSE")) {
      s.out.put("refusalReason", d.opinion());
      s.outcome(Outcome.REFUSED, "");
      s.stage(MemberStatus.ACTIVIST, StageDate.TARGET, null);
      s.save(service);
      return;
    }
    rules.approvalInTime(meeting, date, d.extensionReason());
    if (d.extensionReason() != null) {
      s.out.put("approvalExtensionReason", d.extensionReason());
    }
    s.out.putAll(service.probation(rules.probationEnd(meeting)));
    s.stage(MemberStatus.PROBATIONARY, StageDate.ADMISSION, meeting);
    s.event = new ProbationaryMemberAdmitted(s.applicantId, s.v.string(BRANCH_ID), meeting);
    s.save(service);
  }

  /**
   * The 党委 did not approve within the longest time allowed after the 支部大会: the admission goes back to the branch
   * meeting, and probation will count from the new meeting (本地规定).
   */
  public void redoAdmission(DelegateExecution execution) {
    LocalDate today = ChinaClock.today();
    execution.setVariable(COMMITTEE_RETURN_DATE, today.toString());
    execution.setVariable("admissionRedoReason", "上级党委自支部大会（" + execution.getVariable(
        ADMISSION_MEETING_DATE) + "）起" + rules.settings().getApprovalMaxMonths()
        + "个月内未审批，按规定重新提交支部大会讨论，预备期自新的支部大会通过之日起计算");
    execution.setVariable("admissionPassed", Boolean.FALSE);
  }

  /** Task_NotifyRefusal (通知未被批准). */
  public void notifyRefusal(DelegateTask task) {
    done(task, "refusalNoticeDate", "通知日期");
  }

  /** Task_FileUpward (报上级组织部门备案). */
  public void fileUpward(DelegateTask task) {
    done(task, "upwardFilingDate", "备案日期");
  }

  // ---- 预备党员的教育考察和转正 --------------------------------------------------------------------------------

  /** Task_Placement (编入党支部和党小组). */
  public void placement(DelegateTask task) {
    done(task, "placementDate", "编入支部和党小组日期");
  }

  /** Task_Oath (入党宣誓). */
  public void oath(DelegateTask task) {
    done(task, OATH_DATE, "入党宣誓日期");
  }

  /** Task_ContinuedAssessment (继续教育考察): the form's record is kept as submitted. */
  public void continuedAssessment(DelegateTask task) {
    submission(task).save(service);
  }

  /** Task_ConversionApplication (接收转正申请). */
  public void conversionApplication(DelegateTask task) {
    done(task, "conversionApplicationDate", "转正申请日期");
  }

  /** Task_ConversionPublicity ([L] 转正公示): the days run on the working-day calendar and the meeting waits. */
  public void conversionPublicity(DelegateTask task) {
    Submission s = submission(task);
    LocalDate start = s.happened("conversionPublicityStart", "转正公示开始日期", "conversionApplicationDate",
        "转正申请日期");
    LocalDate end = rules.conversionPublicityEnd(start);
    if (!s.today.isAfter(end)) {
      throw new RuleViolation("memberDevelopment.publicityRunning", "转正公示期（" + rules.settings().getConversionPublicityWorkdays()
          + "个工作日，至" + end + "）未满，期满后方可提交（本地规定）");
    }
    s.v.required("conversionPublicityPlace", "公示地点（方式）");
    s.v.required("conversionPublicityResult", "公示结果");
    s.out.put("conversionPublicityEnd", end.toString());
    s.save(service);
  }

  /** Whether the county holds a 转正公示 before the conversion meeting ([L], off unless a length is set). */
  public boolean conversionPublicityRequired() {
    return rules.settings().getConversionPublicityWorkdays() > 0;
  }

  /** Task_ConversionMeeting (支部大会讨论转正): convert, extend or cancel, by a vote that must pass. */
  public void conversionMeeting(DelegateTask task) {
    Submission s = submission(task);
    LocalDate meeting = s.happened(CONVERSION_MEETING_DATE, "转正支部大会日期", "conversionApplicationDate",
        "转正申请日期");
    rules.conversionMeetingAfterProbation(s.v.requiredDate(PROBATION_END_DATE, "预备期满日期"), meeting);
    rules.notBefore("转正支部大会日期", meeting, "上级党委退回的日期", s.v.date(COMMITTEE_RETURN_DATE, "退回日期"));
    LocalDate publicityEnd = s.v.date("conversionPublicityEnd", "转正公示结束日期");
    if (publicityEnd != null && !meeting.isAfter(publicityEnd)) {
      throw new RuleViolation("memberDevelopment.conversionPublicity", "转正公示期满（" + publicityEnd + "）后方可召开支部大会讨论转正（本地规定）");
    }
    String outcome = s.v.required(CONVERSION_OUTCOME, "支部大会决议");
    if (!Set.of("CONVERT", "EXTEND", "CANCEL").contains(outcome)) {
      throw new RuleViolation("memberDevelopment.conversionOutcome", "支部大会决议须为按期转正、延长预备期或取消预备党员资格");
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
      s.save(service);
      return;
    }
    if (outcome.equals("EXTEND")) {
      rules.extension(Boolean.TRUE.equals(s.v.bool("extended")), s.v.integer(EXTENSION_MONTHS, "延长预备期月数"));
    }
    if (!outcome.equals("CONVERT")) {
      s.v.required("conversionReason", "延长预备期或取消预备党员资格的理由");
    }
    s.out.put("conversionApprovalDeadlineAt", midnightAfter(rules.approvalDeadline(meeting)));
    s.save(service);
  }

  /** Task_ConversionApproval (上级党委审批转正): decided at a 党委会; a failed vote sends it back. */
  public void conversionApproval(DelegateTask task) {
    Submission s = submission(task);
    CommitteeMeeting.Decision d = committee(s, TASK_CONVERSION_APPROVAL);
    String decision = d.decision();
    s.out.put("conversionApprovalDecision", decision);
    if (decision.equals("RETURN")) {
      s.out.put("returnOpinion", d.opinion());
      s.out.put(COMMITTEE_RETURN_DATE, s.committeeDate.toString());
      s.save(service);
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
        s.out.put("archiveDueAt", midnightAfter(rules.archiveDeadline(approved)));
        s.outcome(Outcome.CONVERTED, "");
        s.stage(MemberStatus.FULL_MEMBER, StageDate.FULL_MEMBER, standing);
      }
      case "EXTEND" -> {
        s.out.putAll(service.probation(end.plusMonths(s.v.integer(EXTENSION_MONTHS, "延长预备期月数"))));
        s.out.put("extended", Boolean.TRUE);
      }
      default -> {
        s.outcome(Outcome.CANCELLED, "");
        s.stage(MemberStatus.NON_MEMBER, StageDate.ADMISSION, s.v.date(ADMISSION_MEETING_DATE, "支部大会日期"));
      }
    }
    s.save(service);
  }

  /** Task_ArchiveMaterials (入党材料归档): every item of 细则第三十七条 is filed. */
  public void archiveMaterials(DelegateTask task) {
    Submission s = submission(task);
    List<String> checked = s.v.ids("archiveChecklist", "归档材料");
    List<String> missing = ARCHIVE_ITEMS.stream().filter(i -> !checked.contains(i)).toList();
    if (!missing.isEmpty()) {
      throw new RuleViolation("memberDevelopment.archiveComplete", "入党材料须完整归入人事档案或党员档案（" + MemberDevelopmentRules.XIZE
          + "第三十七条），尚缺：" + String.join("、", missing));
    }
    s.happened("archiveDate", "归档日期", CONVERSION_APPROVAL_DATE, "审批日期");
    s.v.required("archiveLocation", "档案存放处");
    s.save(service);
  }

  // ---- shared by the steps ----------------------------------------------------------------------------------

  private Submission submission(DelegateTask task) {
    return new Submission(task, rules);
  }

  /** A step that records the date something was done after the approval. */
  private void done(DelegateTask task, String name, String label) {
    Submission s = submission(task);
    s.happened(name, label, APPROVAL_DATE, "审批日期");
    s.save(service);
  }

  /**
   * The 党委会 record of this case's approval task: the meeting named by {@code committeeMeetingId}, of the 党委
   * that approves the branch's members, with a vote on this very case; quorum and vote checked again, so no record
   * approves without the majority. Its account goes into the case for the auditors.
   */
  private CommitteeMeeting.Decision committee(Submission s, String taskKey) {
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

  /** Whoever starts it, and whether or not they may see the other case: one person, one running case. */
  private void refuseSecondCase(DelegateExecution execution, String applicantId) {
    registry.lock(applicantId);
    ProcessEngineServices engine = execution.getProcessEngineServices();
    List<String> steps = Context.getCommandContext().runWithoutAuthorization(() -> {
      for (ProcessInstance running : engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(applicantId).list()) {
        if (!running.getId().equals(execution.getProcessInstanceId())) {
          return engine.getTaskService().createTaskQuery().processInstanceId(running.getId())
              .orderByTaskCreateTime().asc().list().stream().map(Task::getName).toList();
        }
      }
      return null;
    });
    if (steps != null) {
      String name = registry.person(applicantId).map(Person::name).orElse(applicantId);
      throw new RuleConflict("memberDevelopment.runningCase", name + "已有一件进行中的发展党员案件（当前步骤："
          + (steps.isEmpty() ? "等待期限届满" : steps.stream().distinct().collect(Collectors.joining("、")))
          + "），同一申请人同时只能有一件案件，请在该案件中继续办理");
    }
  }

  /** Select options with the person's name as label and the person id as value; ids never reach the screen. */
  private void offer(DelegateTask task, String variable, Function<String, List<Person>> people) {
    Object branchId = task.getVariable(BRANCH_ID);
    if (branchId == null) {
      return;
    }
    ArrayNode options = JSON.createArrayNode();
    PersonLabels.of(people.apply(branchId.toString())).forEach((id, label) -> options.addObject().put("label", label).put("value", id));
    task.setVariableLocal(variable, SpinValues.jsonValue(options.toString()).create());
  }
}
