package cn.partyflow.rectification;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.partyflow.UnitEngine;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {
    "processes/rectification/inspection-rectification.bpmn",
    "forms/rectification/rc-start-case.form", "forms/rectification/rc-register-feedback.form",
    "forms/rectification/rc-draft-plan.form", "forms/rectification/rc-approve-plan.form",
    "forms/rectification/rc-submit-plan.form", "forms/rectification/rc-report-progress.form",
    "forms/rectification/rc-review-progress.form", "forms/rectification/rc-verify-item.form",
    "forms/rectification/rc-supervise.form", "forms/rectification/rc-escalate.form",
    "forms/rectification/rc-long-term-report.form", "forms/rectification/rc-draft-report.form",
    "forms/rectification/rc-approve-report.form", "forms/rectification/rc-disclosure.form",
    "forms/rectification/rc-review-plan.form", "forms/rectification/rc-life-meeting.form"})
class InspectionRectificationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = UnitEngine.extension();

  static final String PROBLEMS = "[{\"no\":1,\"clause\":\"一、党的领导弱化\",\"problem\":\"党委会议事规则不健全\"},"
      + "{\"no\":2,\"clause\":\"二、全面从严治党\",\"problem\":\"医药购销领域廉洁风险防控不到位\"},"
      + "{\"no\":3,\"clause\":\"三、基层党建\",\"problem\":\"支部三会一课落实不规范\"}]";

  /** Item 1 due Friday 2025-10-10, after the National Day holiday; item 3 is long-term. */
  static final String PLAN = "[{\"problemNo\":1,\"measures\":\"修订党委会议事规则\",\"category\":\"限期整改\","
      + "\"leaderUser\":\"leader1\",\"department\":\"党委办公室\",\"responsibleUser\":\"resp1\",\"deadline\":\"2025-10-10\"},"
      + "{\"problemNo\":2,\"measures\":\"开展医药购销专项治理\",\"category\":\"立行立改\",\"leaderUser\":\"leader1\","
      + "\"department\":\"药剂科\",\"coDepartments\":\"纪委办公室\",\"responsibleUser\":\"resp2\",\"deadline\":\"2025-10-31\"},"
      + "{\"problemNo\":3,\"measures\":\"建立三会一课督查制度\",\"category\":\"长期坚持\",\"leaderUser\":\"leader1\","
      + "\"department\":\"党委办公室\",\"responsibleUser\":\"resp1\"}]";

  /** The 党委会 that studied the plan, as the 书记 records it when signing. */
  static final Map<String, Object> MEETING = Map.of("planApproved", "true", "planMeetingDate", "2025-09-14",
      "planMeetingEntitled", 7, "planMeetingPresent", 6, "planMeetingAttendees", "王书记、赵领导等6名委员");

  RectificationFixture fx;

  @BeforeEach
  void setUp(org.camunda.bpm.engine.ProcessEngine processEngine) {
    init(processEngine);
    use(new RectificationFixture("rc-process-" + System.nanoTime()));
    setClock(LocalDateTime.of(2025, 9, 15, 10, 0));
  }

  void use(RectificationFixture fixture) {
    fx = fixture;
    Mocks.register("workdays", fx.workdays);
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("rectificationSteps", fx.steps);
    Mocks.register("rectificationLadder", fx.ladder);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
    reset();
  }

  @Test
  void planReturnedOnceLoopsToRedraftingAndNeedsAReason() {
    ProcessInstance pi = startAndRegister();
    complete(task(pi), withVariables("planItems", SpinValues.jsonValue(PLAN).create()));
    assertThat(pi).isWaitingAt("Task_ApprovePlan");
    assertThat(task(pi)).hasCandidateGroup("rmyy.secretary");

    RuleViolation noReason = refused(
        () -> taskService().complete(task(pi).getId(), Map.of("planApproved", "false")));
    Assertions.assertThat(noReason.getMessage()).contains("理由");
    assertThat(pi).isWaitingAt("Task_ApprovePlan");

    complete(task(pi), withVariables("planApproved", "false", "planReturnReason", "措施不够具体"));
    assertThat(pi).isWaitingAt("Task_DraftPlan");
    complete(task(pi), withVariables("planItems", SpinValues.jsonValue(PLAN).create()));
    complete(task(pi), MEETING);
    assertThat(pi).isWaitingAt("Task_SubmitPlan");
    complete(task(pi), withVariables("planSubmittedDate", "2025-09-15"));
    complete(task(pi), withVariables("planAccepted", "true"));

    Assertions.assertThat(reportTasks(pi)).hasSize(2);
    Assertions.assertThat(fx.items.items(caseId(pi))).hasSize(3)
        .extracting(RectificationItem::status).containsOnly(Rectification.NOT_STARTED, Rectification.ONGOING);
  }

  @Test
  void planIsSignedOnlyAfterACommitteeMeetingWithMoreThanHalfPresent() {
    ProcessInstance pi = startAndRegister();
    complete(task(pi), withVariables("planItems", SpinValues.jsonValue(PLAN).create()));
    RuleViolation noMeeting = refused(() -> taskService().complete(task(pi).getId(), Map.of("planApproved", "true")));
    Assertions.assertThat(noMeeting.getMessage()).contains("党委（党组）会日期");
    Map<String, Object> half = new HashMap<>(MEETING);
    half.put("planMeetingPresent", 3);
    half.put("planMeetingEntitled", 6);
    RuleViolation noQuorum = refused(() -> taskService().complete(task(pi).getId(), half));
    Assertions.assertThat(noQuorum.getMessage()).contains("须有半数以上委员到会");
    assertThat(pi).isWaitingAt("Task_ApprovePlan");

    complete(task(pi), MEETING);
    assertThat(pi).isWaitingAt("Task_SubmitPlan");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "planMeetingPresent")).isEqualTo(6);
  }

  @Test
  void inspectionOfficeReturnsThePlanWithOpinionsAndItGoesBackThroughTheMeeting() {
    ProcessInstance pi = startAndRegister();
    complete(task(pi), withVariables("planItems", SpinValues.jsonValue(PLAN).create()));
    complete(task(pi), MEETING);
    Assertions.assertThat(task(pi).getName()).isEqualTo("向县委巡察办报送rmyy整改方案");
    complete(task(pi), withVariables("planSubmittedDate", "2025-09-15"));
    Task review = task(pi);
    Assertions.assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewPlan");
    Assertions.assertThat(candidateGroups(review)).containsExactly("xw.inspection");
    refused(() -> taskService().complete(review.getId(), Map.of("planAccepted", "false")));

    complete(review, withVariables("planAccepted", "false", "planReviewOpinion", "问题2的措施缺少时间节点"));
    assertThat(pi).isWaitingAt("Task_DraftPlan");
    Assertions.assertThat(taskService().getVariable(task(pi).getId(), "planReturnReason"))
        .isEqualTo("县委巡察办退回意见：问题2的措施缺少时间节点");
    complete(task(pi), withVariables("planItems", SpinValues.jsonValue(PLAN).create()));
    assertThat(pi).isWaitingAt("Task_ApprovePlan");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "planApproved")).isNull();
    complete(task(pi), MEETING);
    complete(task(pi), withVariables("planSubmittedDate", "2025-09-15"));
    complete(task(pi), withVariables("planAccepted", "true"));
    Assertions.assertThat(reportTasks(pi)).hasSize(2);
  }

  @Test
  void democraticLifeMeetingListGoesToTheHigherCommitteeAndHasNoTwoMonthRule() {
    ProcessInstance pi = approvedPlanOf(startAndRegister("民主生活会"), "wjj.orgdept", "wjj.auditor");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), "reportDue")).as("the plan's last deadline")
        .isEqualTo("2025-10-31");
    long item = itemId(pi, 1);
    fx.evidence(item);
    complete(reportTask(pi, item), withVariables("progress", "已完成", "readyForVerification", true));
    complete(itemTask(pi, item, "Task_LeaderReview"), withVariables("leaderApproved", "true"));
    Task verify = itemTask(pi, item, "Task_VerifyItem");
    Assertions.assertThat(candidateGroups(verify)).containsExactlyInAnyOrder("wjj.orgdept", "wjj.auditor");
    Assertions.assertThat(verify.getName()).startsWith("县卫生健康局党组验收销号");

    Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RecordLifeMeeting")
        .count()).as("no 专题民主生活会 on a 民主生活会's own list").isZero();
    Job compile = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_ReportCompile")
        .singleResult();
    Assertions.assertThat(compile.getDuedate()).isEqualTo(at(2025, 10, 24, 9));
    setClock(LocalDateTime.of(2025, 10, 24, 9, 0));
    execute(compile);
    Task draft = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_DraftReport").singleResult();
    complete(draft, withVariables("reportText", "民主生活会整改情况报告"));
    complete(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ApproveReport").singleResult(),
        withVariables("reportApproved", "true"));
    Task disclosure = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RecordDisclosure")
        .singleResult();
    Assertions.assertThat(disclosure.getName()).isEqualTo("rmyy整改情况报送县卫生健康局党组并公开");
  }

  @Test
  void planWithUncoveredProblemOrUnknownPersonIsRefused() {
    ProcessInstance pi = startAndRegister();
    String bad = "[{\"problemNo\":1,\"measures\":\"修订规则\",\"category\":\"限期整改\",\"leaderUser\":\"nobody\","
        + "\"department\":\"党办\",\"responsibleUser\":\"resp1\",\"deadline\":\"2025-10-10\"}]";
    RuleViolation e = refused(() -> taskService().complete(task(pi).getId(),
        Map.of("planItems", SpinValues.jsonValue(bad).create())));
    Assertions.assertThat(e.getMessage()).contains("问题2没有对应的整改事项").contains("“nobody”不是系统用户");
    assertThat(pi).isWaitingAt("Task_DraftPlan");
  }

  @Test
  void itemIsAcceptedAndClosedByTheInspectionOfficeNotByTheUnit() {
    ProcessInstance pi = approvedPlan();
    long item = itemId(pi, 1);
    Task report = reportTask(pi, item);
    assertThat(report).isAssignedTo("resp1");
    Assertions.assertThat(report.getDueDate()).isEqualTo(at(2025, 10, 10, 18));

    complete(report, withVariables("progress", "已起草新规则", "readyForVerification", false));
    Assertions.assertThat(fx.items.item(item).orElseThrow().status()).isEqualTo(Rectification.IN_PROGRESS);
    fx.evidence(item);
    complete(reportTask(pi, item), withVariables("progress", "新规则已经党委会通过", "readyForVerification", true));
    Task review = itemTask(pi, item, "Task_LeaderReview");
    assertThat(review).isAssignedTo("leader1");
    complete(review, withVariables("leaderApproved", "true"));
    Assertions.assertThat(fx.items.item(item).orElseThrow().status()).isEqualTo(Rectification.ACCEPTANCE);
    Task verify = itemTask(pi, item, "Task_VerifyItem");
    Assertions.assertThat(candidateGroups(verify)).containsExactly("xw.inspection");
    Assertions.assertThat(verify.getName()).startsWith("县委巡察办验收销号");
    complete(verify, withVariables("verified", "true", "verifyComment", "查阅会议记录，规则已执行"));

    Assertions.assertThat(fx.items.item(item).orElseThrow().status()).isEqualTo(Rectification.CLOSED);
    Assertions.assertThat(fx.events(item))
        .containsExactly("planned", "progress", "evidence", "progress", "reviewed", "closed");
    // The other item's answers are its own: nothing leaked into its report task.
    Assertions.assertThat(taskService().getVariable(reportTask(pi, itemId(pi, 2)).getId(), "progress")).isNull();
  }

  @Test
  void applyingForClosureWithoutEvidenceIsRefused() {
    ProcessInstance pi = approvedPlan();
    long item = itemId(pi, 1);
    Task report = reportTask(pi, item);
    RuleViolation e = refused(() -> taskService().complete(report.getId(),
        Map.of("progress", "已完成", "readyForVerification", true)));
    Assertions.assertThat(e.getMessage()).startsWith("申请销号须先上传证明材料");
    Assertions.assertThat(fx.items.item(item).orElseThrow().status()).isEqualTo(Rectification.NOT_STARTED);
    Assertions.assertThat(reportTask(pi, item).getId()).isEqualTo(report.getId());
  }

  @Test
  void itemSentBackByTheInspectionOfficeReturnsToTheResponsiblePerson() {
    ProcessInstance pi = approvedPlan();
    long item = itemId(pi, 2);
    fx.evidence(item);
    complete(reportTask(pi, item), withVariables("progress", "已完成专项治理", "readyForVerification", true));
    complete(itemTask(pi, item, "Task_LeaderReview"), withVariables("leaderApproved", "true"));
    Task verify = itemTask(pi, item, "Task_VerifyItem");
    refused(
        () -> taskService().complete(verify.getId(), Map.of("verified", "false")));

    complete(verify, withVariables("verified", "false", "verifyComment", "缺少整改台账"));
    Assertions.assertThat(fx.items.item(item).orElseThrow().status()).isEqualTo(Rectification.RETURNED);
    Assertions.assertThat(fx.events(item)).endsWith("returned");
    Task again = reportTask(pi, item);
    Assertions.assertThat(taskService().getVariable(again.getId(), "returnReason").toString())
        .contains("验收未通过：缺少整改台账").contains("县委巡察办");
  }

  @Test
  void jointTeamAcceptsWhenTheCountyUsesOne() {
    use(new RectificationFixture("rc-joint-" + System.nanoTime(),
        RectificationSettings.defaults().withJointAcceptance(true)));
    ProcessInstance pi = approvedPlanOf(startAndRegister(), "xw.inspection", "xw.auditor", "xw.orgdept");
    long item = itemId(pi, 1);
    fx.evidence(item);
    complete(reportTask(pi, item), withVariables("progress", "已完成", "readyForVerification", true));
    complete(itemTask(pi, item, "Task_LeaderReview"), withVariables("leaderApproved", "true"));
    Task verify = itemTask(pi, item, "Task_VerifyItem");
    Assertions.assertThat(candidateGroups(verify)).containsExactlyInAnyOrder("xw.inspection", "xw.auditor", "xw.orgdept");
    Assertions.assertThat(verify.getName()).startsWith("县委巡察办、纪委监委、组织部门联合验收组验收销号");
  }

  @Test
  void longTermItemReportsEachPeriodAndClosesOnEvaluation() {
    ProcessInstance pi = approvedPlan();
    long item = itemId(pi, 3);
    Assertions.assertThat(fx.items.item(item).orElseThrow().status()).isEqualTo(Rectification.ONGOING);
    Job first = periodJob(pi);
    Assertions.assertThat(first.getDuedate()).isEqualTo(at(2025, 12, 15, 10));

    setClock(LocalDateTime.of(2025, 12, 15, 10, 0));
    execute(first);
    Task report = itemTask(pi, item, "Task_LongTermReport");
    complete(report, withVariables("progress", "督查制度已执行一季度", "readyForVerification", false));
    Assertions.assertThat(itemTask(pi, item, "Task_LongTermReport")).isNull();
    Assertions.assertThat(periodJob(pi).getDuedate()).isEqualTo(at(2026, 3, 15, 10));

    setClock(LocalDateTime.of(2026, 3, 15, 10, 0));
    execute(periodJob(pi));
    // No evidence uploaded: a 长期坚持 item reports each period and applies for its evaluation without it.
    complete(itemTask(pi, item, "Task_LongTermReport"),
        withVariables("progress", "已形成长效机制", "readyForVerification", true));
    Task evaluate = itemTask(pi, item, "Task_VerifyLongTerm");
    Assertions.assertThat(candidateGroups(evaluate)).containsExactly("xw.inspection");
    complete(evaluate, withVariables("verified", "true", "verifyComment", "评估合格"));
    Assertions.assertThat(fx.items.item(item).orElseThrow().status()).isEqualTo(Rectification.CLOSED);
  }

  @Test
  void ladderFiresOnWorkingDaysAcrossTheNationalDayHoliday() {
    ProcessInstance pi = approvedPlan();
    long item = itemId(pi, 1);
    // Deadline Fri 2025-10-10; 1-8 October are holidays, Sun 28 September and Sat 11 October are make-up days.
    Assertions.assertThat(ladderJob(pi, item, "BoundaryEvent_Reminder").getDuedate()).isEqualTo(at(2025, 9, 29, 9));
    Assertions.assertThat(ladderJob(pi, item, "BoundaryEvent_DeadlineReached").getDuedate())
        .isEqualTo(at(2025, 10, 10, 18));
    Assertions.assertThat(ladderJob(pi, item, "BoundaryEvent_Escalation").getDuedate()).isEqualTo(at(2025, 10, 16, 9));

    setClock(LocalDateTime.of(2025, 9, 29, 9, 0));
    execute(ladderJob(pi, item, "BoundaryEvent_Reminder"));
    Assertions.assertThat(fx.channel.sent).containsExactly("resp1@test.cn 【整改提醒】整改事项1将于2025-10-10到期");
    Assertions.assertThat(fx.jdbc.queryForList("select detail from pf_rectification_event where item_id = ?"
        + " and kind = ?", String.class, item, Rectification.EVENT_REMINDER)).as("the item's history names people")
        .containsExactly("提醒责任人钱主任");
    Assertions.assertThat(reportTask(pi, item)).isNotNull();

    setClock(LocalDateTime.of(2025, 10, 10, 18, 0));
    execute(ladderJob(pi, item, "BoundaryEvent_DeadlineReached"));
    Task supervise = itemTask(pi, item, "Task_Supervise");
    assertThat(supervise).hasCandidateGroup("rmyy.orgdept");
    Assertions.assertThat(fx.channel.sent).anyMatch(s -> s.startsWith("leader1@test.cn 【整改告诫】"));

    setClock(LocalDateTime.of(2025, 10, 16, 9, 0));
    execute(ladderJob(pi, item, "BoundaryEvent_Escalation"));
    Task escalate = itemTask(pi, item, "Task_Escalate");
    assertThat(escalate).hasCandidateGroup("rmyy.secretary").hasCandidateGroup("rmyy.auditor");
    complete(supervise, withVariables("superviseNote", "已电话督办，承诺10月20日前完成"));
    complete(escalate, withVariables("accountabilityAction", "约谈", "accountabilityNote", "约谈责任领导"));
    Assertions.assertThat(fx.events(item))
        .containsSubsequence("reminder", "warning", "escalation", "supervised", "accountability");
    Assertions.assertThat(reportTask(pi, item)).as("the item itself is still open").isNotNull();
  }

  @Test
  void approvedDeadlineChangeReschedulesTheLadder() {
    ProcessInstance pi = approvedPlan();
    long item = itemId(pi, 1);
    DeadlineChange change = new DeadlineChange(fx.items, runtimeService(), managementService());
    change.change(item, LocalDate.of(2025, 10, 20), "需提交党委会审议，会期推迟", "rmyy_shuji");

    Assertions.assertThat(ladderJob(pi, item, "BoundaryEvent_Reminder").getDuedate()).isEqualTo(at(2025, 10, 15, 9));
    Assertions.assertThat(ladderJob(pi, item, "BoundaryEvent_DeadlineReached").getDuedate())
        .isEqualTo(at(2025, 10, 20, 18));
    Assertions.assertThat(ladderJob(pi, item, "BoundaryEvent_Escalation").getDuedate()).isEqualTo(at(2025, 10, 27, 9));
    Assertions.assertThat(fx.items.item(item).orElseThrow().deadline()).isEqualTo(LocalDate.of(2025, 10, 20));
    Assertions.assertThat(fx.events(item)).endsWith("deadline-moved");
    refused(() -> change.change(item, LocalDate.of(2025, 11, 1), " ", "rmyy_shuji"));
  }

  @Test
  void reportIsCompiledFromTheItemsApprovedAndDisclosed() {
    ProcessInstance pi = approvedPlan();
    Task lifeMeeting = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RecordLifeMeeting")
        .singleResult();
    refused(() -> taskService().complete(lifeMeeting.getId(), Map.of("lifeMeetingDate", "2025-09-01")));
    complete(lifeMeeting, withVariables("lifeMeetingDate", "2025-09-15", "lifeMeetingNote", "县纪委监委、县委组织部派员列席"));
    Job compile = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_ReportCompile")
        .singleResult();
    // Feedback 2025-09-12 -> report due 2025-11-12, compiled 5 working days before.
    Assertions.assertThat(compile.getDuedate()).isEqualTo(at(2025, 11, 5, 9));
    setClock(LocalDateTime.of(2025, 11, 5, 9, 0));
    execute(compile);
    Task draft = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_DraftReport").singleResult();
    Object summary = taskService().getVariable(draft.getId(), "reportSummary");
    Assertions.assertThat(summary.toString()).contains("共3项").contains("逾期未完成2项").contains("长期坚持1项");
    RuleViolation noLeaderReport = refused(() -> taskService().complete(draft.getId(),
        Map.of("reportText", "整改情况报告")));
    Assertions.assertThat(noLeaderReport.getMessage()).contains("主要负责人组织落实整改情况的报告");
    complete(draft, withVariables("reportText", "整改情况报告", "leaderReportText", "书记履行第一责任人职责的情况"));
    complete(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ApproveReport").singleResult(),
        withVariables("reportApproved", "true"));
    Task disclosure = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_RecordDisclosure")
        .singleResult();
    setClock(LocalDateTime.of(2025, 11, 12, 15, 0));
    Map<String, Object> values = new HashMap<>(Map.of("reportSubmittedDate", "2025-11-10", "disclosedContent",
        "整改情况通报", "disclosureChannel", "门户网站", "disclosureDate", "2025-11-12", "withheldContent", "问题线索2"));
    refused(() -> taskService().complete(disclosure.getId(), values));
    values.put("withheldReason", "正在初核的问题线索");
    RuleViolation noConsent = refused(() -> taskService().complete(disclosure.getId(), values));
    Assertions.assertThat(noConsent.getMessage()).contains("须经巡察领导小组同意");
    values.put("withheldConsentBy", "县委巡察工作领导小组（组长李某）");
    values.put("withheldConsentDate", "2025-11-11");
    taskService().complete(disclosure.getId(), values);
    assertThat(pi).hasPassed("EndEvent_ReportDisclosed");
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  ProcessInstance startAndRegister() {
    return startAndRegister("巡察");
  }

  ProcessInstance startAndRegister(String source) {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(Rectification.PROCESS_KEY,
        Map.of("orgId", "rmyy", "source", source));
    assertThat(pi).isWaitingAt("Task_RegisterFeedback");
    assertThat(task(pi)).hasCandidateGroup("rmyy.orgdept");
    refused(() -> taskService().complete(task(pi).getId(),
        Map.of("feedbackDate", "2025-09-12", "problems", SpinValues.jsonValue("[]").create())));
    complete(task(pi), withVariables("feedbackDate", "2025-09-12", "roundName", "县委第五轮巡察",
        "groupName", "第二巡察组", "problems", SpinValues.jsonValue(PROBLEMS).create()));
    assertThat(pi).isWaitingAt("Task_DraftPlan");
    return pi;
  }

  ProcessInstance approvedPlan() {
    return approvedPlan(startAndRegister());
  }

  ProcessInstance approvedPlan(ProcessInstance pi) {
    return approvedPlanOf(pi, "xw.inspection");
  }

  /** Drafted, signed after the 党委会, submitted, and accepted by the reviewing body with these groups. */
  ProcessInstance approvedPlanOf(ProcessInstance pi, String... reviewers) {
    complete(task(pi), withVariables("planItems", SpinValues.jsonValue(PLAN).create()));
    complete(task(pi), MEETING);
    complete(task(pi), withVariables("planSubmittedDate", "2025-09-15"));
    assertThat(pi).isWaitingAt("Task_ReviewPlan");
    Assertions.assertThat(candidateGroups(task(pi))).containsExactlyInAnyOrder(reviewers);
    complete(task(pi), withVariables("planAccepted", "true"));
    return pi;
  }

  List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(l -> l.getGroupId()).toList();
  }

  long caseId(ProcessInstance pi) {
    return ((Number) runtimeService().getVariable(pi.getId(), "caseId")).longValue();
  }

  long itemId(ProcessInstance pi, int seq) {
    return fx.items.items(caseId(pi)).get(seq - 1).id();
  }

  List<Task> reportTasks(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReportProgress").list();
  }

  Task reportTask(ProcessInstance pi, long item) {
    return itemTask(pi, item, "Task_ReportProgress");
  }

  Task itemTask(ProcessInstance pi, long item, String key) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list().stream()
        .filter(t -> ((Number) taskService().getVariable(t.getId(), "itemId")).longValue() == item)
        .findFirst().orElse(null);
  }

  Job ladderJob(ProcessInstance pi, long item, String activityId) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list().stream()
        .filter(j -> ((Number) runtimeService().getVariable(j.getExecutionId(), "itemId")).longValue() == item)
        .findFirst().orElseThrow();
  }

  Job periodJob(ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_NextReport")
        .singleResult();
  }

  /** A rule refused the step: listeners' violations reach the caller wrapped by the engine (ENGINE-03051). */
  static RuleViolation refused(org.junit.jupiter.api.function.Executable step) {
    Throwable t = assertThrows(Exception.class, step);
    while (t != null && !(t instanceof RuleViolation)) {
      t = t.getCause();
    }
    Assertions.assertThat(t).as("a RuleViolation in the cause chain").isNotNull();
    return (RuleViolation) t;
  }

  static Task task(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).singleResult();
  }

  static Date at(int y, int m, int d, int h) {
    return ChinaClock.toDate(LocalDateTime.of(y, m, d, h, 0));
  }

  static void setClock(LocalDateTime t) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(t));
  }
}
