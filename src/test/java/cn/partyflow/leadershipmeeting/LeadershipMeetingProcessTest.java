package cn.partyflow.leadershipmeeting;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.partyflow.UnitEngine;
import cn.partyflow.VersionDeployments;
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.deployment.RunningCaseUpgrade;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.rectification.ProblemListHandover;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * The 民主生活会 of 县人民医院党委 (four 班子成员, higher level 县卫生健康局党组) on an in-memory engine with the real
 * Steps and rules over a stubbed service and a mocked rectification handover.
 */
@Deployment(resources = {"processes/leadership-meeting/leadership-meeting.bpmn",
    "forms/leadership-meeting/lm-start.form", "forms/leadership-meeting/lm-draft-plan.form",
    "forms/leadership-meeting/lm-review-plan.form", "forms/leadership-meeting/lm-prepare.form",
    "forms/leadership-meeting/lm-hold-meeting.form", "forms/leadership-meeting/lm-report.form",
    "forms/leadership-meeting/lm-review-report.form", "forms/leadership-meeting/lm-review-date-change.form"})
class LeadershipMeetingProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  static final Map<String, String> FOUR = LeadershipMeetingRulesTest.FOUR;

  LeadershipMeetingService service = mock(LeadershipMeetingService.class);
  ProblemListHandover handover = mock(ProblemListHandover.class);
  LocalDate today = ChinaClock.today();
  int year = today.getYear();
  AtomicReference<LocalDate> planned = new AtomicReference<>();

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("leadershipMeetingSteps", new LeadershipMeetingSteps(service, handover));
    when(service.admitStart(eq("rmyy"), anyInt(), anyString(), any())).thenAnswer(call -> Map.of(
        LeadershipMeeting.ORG_NAME, "县人民医院党委", LeadershipMeeting.HIGHER_ORG_ID, "wjj",
        LeadershipMeeting.HIGHER_ORG_NAME, "县卫生健康局党组", LeadershipMeeting.MEETING_NAME,
        call.getArgument(1) + "年度民主生活会", LeadershipMeeting.ANSWER_WORKDAYS, 10, LeadershipMeeting.ADVANCE_DAYS,
        15, LeadershipMeeting.REPORT_DAYS, 15));
    when(service.settings()).thenReturn(LeadershipMeetingSettings.defaults());
    when(service.members(anyString())).thenReturn(FOUR);
    doAnswer(call -> {
      planned.set(call.getArgument(2));
      return null;
    }).when(service).plan(anyString(), anyString(), any(), any());
    when(service.plannedDate(anyString())).thenAnswer(call -> planned.get());
    when(handover.start(anyString(), anyString(), any(), anyString(), anyList())).thenReturn("rectification-1");
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    reset();
    ClockUtil.reset();
  }

  @Test
  void anApprovedPlanLeadsToThePreparationAtTheOrganizationDepartment() {
    ProcessInstance pi = start();
    Task draft = task(LeadershipMeeting.DRAFT_PLAN, pi);
    assertThat(draft).hasCandidateGroup("rmyy.orgdept").hasName("拟定县人民医院党委" + year + "年度民主生活会的主题和方案");
    RuleViolation early = assertThrows(RuleViolation.class, () -> complete(draft, plan(today.plusDays(10))));
    Assertions.assertThat(early.getMessage()).contains("须提前15天报上级党组织");
    assertThat(draft).isNotNull();
    complete(draft, plan(today.plusDays(15)));

    Task review = task(LeadershipMeeting.REVIEW_PLAN, pi);
    assertThat(review).hasCandidateGroup("wjj.orgdept");
    Assertions.assertThat(review.getDueDate()).isNotNull();
    complete(review, withVariables("decision", "APPROVE"));

    verify(service).planApproved(pi.getId());
    Task prepare = task(LeadershipMeeting.PREPARE, pi);
    assertThat(prepare).hasCandidateGroup("rmyy.orgdept");
    Assertions.assertThat(taskService().getVariable(prepare.getId(), LeadershipMeeting.MATERIALS).toString())
        .contains("王建国", "陈静");
  }

  @Test
  void aReturnedPlanGoesBackToTheOrganizationDepartmentWithItsReason() {
    ProcessInstance pi = start();
    complete(task(LeadershipMeeting.DRAFT_PLAN, pi), plan(today.plusDays(20)));
    Task review = task(LeadershipMeeting.REVIEW_PLAN, pi);
    RuleViolation noReason = assertThrows(RuleViolation.class, () -> complete(review,
        withVariables("decision", "RETURN")));
    Assertions.assertThat(noReason.getMessage()).isEqualTo("退回时请写明理由");
    complete(review, withVariables("decision", "RETURN", "opinion", "主题应聚焦巡察反馈问题整改"));

    assertThat(pi).isWaitingAt(LeadershipMeeting.DRAFT_PLAN);
    verify(service).log(eq(pi.getId()), any(), eq("审核县人民医院党委" + year + "年度民主生活会的方案：退回，主题应聚焦巡察反馈问题整改"));
    verify(service, never()).planApproved(anyString());
    complete(task(LeadershipMeeting.DRAFT_PLAN, pi), plan(today.plusDays(20)));
    assertThat(pi).isWaitingAt(LeadershipMeeting.REVIEW_PLAN);
  }

  @Test
  void theDrafterSeesTheReasonOfAReturnAndTheNextReviewOpensWithoutTheOldAnswer() {
    ProcessInstance pi = start();
    formService().submitTaskForm(task(LeadershipMeeting.DRAFT_PLAN, pi).getId(), plan(today.plusDays(20)));
    formService().submitTaskForm(task(LeadershipMeeting.REVIEW_PLAN, pi).getId(),
        withVariables("decision", "RETURN", "opinion", "请补充征求意见范围"));

    Task draft = task(LeadershipMeeting.DRAFT_PLAN, pi);
    Assertions.assertThat(formService().getTaskFormVariables(draft.getId()).get(LeadershipMeeting.RETURN_REASON))
        .isEqualTo("请补充征求意见范围");
    formService().submitTaskForm(draft.getId(), plan(today.plusDays(20)));

    Task again = task(LeadershipMeeting.REVIEW_PLAN, pi);
    Map<String, Object> shown = formService().getTaskFormVariables(again.getId());
    Assertions.assertThat(shown.get(LeadershipMeeting.DECISION)).as("no answer ticked in advance").isNull();
    Assertions.assertThat(shown.get(LeadershipMeeting.OPINION)).as("the old reason not offered again").isNull();
    formService().submitTaskForm(again.getId(), withVariables("decision", "APPROVE"));

    verify(service).log(eq(pi.getId()), any(), eq("审核县人民医院党委" + year + "年度民主生活会的方案：同意"));
    assertThat(pi).isWaitingAt(LeadershipMeeting.PREPARE);
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), LeadershipMeeting.RETURN_REASON)).isEqualTo("");
  }

  @Test
  void theMeetingIsReportedUpwardAndItsProblemListHandedOverToRectification() {
    ProcessInstance pi = start();
    complete(task(LeadershipMeeting.DRAFT_PLAN, pi), plan(today.plusDays(15)));
    complete(task(LeadershipMeeting.REVIEW_PLAN, pi), withVariables("decision", "APPROVE"));

    Task prepare = task(LeadershipMeeting.PREPARE, pi);
    RuleViolation uncovered = assertThrows(RuleViolation.class, () -> complete(prepare, preparation(5)));
    Assertions.assertThat(uncovered.getMessage()).contains("尚未登记周强与陈静的谈话");
    complete(prepare, preparation(6));

    Task meeting = task(LeadershipMeeting.HOLD_MEETING, pi);
    RuleViolation early = assertThrows(RuleViolation.class, () -> complete(meeting,
        meeting(List.of("P001", "P002", "P005"), today)));
    Assertions.assertThat(early.getMessage()).contains("早于上级同意的拟召开日期" + today.plusDays(15))
        .contains("提前召开须经上级党组织批准");
    LocalDate held = today.plusDays(15);
    ClockUtil.setCurrentTime(ChinaClock.toDate(held.atTime(LocalTime.of(10, 0))));
    RuleViolation quorum = assertThrows(RuleViolation.class, () -> complete(meeting,
        meeting(List.of("P001", "P002"), held)));
    Assertions.assertThat(quorum.getMessage()).contains("三分之二以上").contains("至少须到3人");
    complete(meeting, meeting(List.of("P001", "P002", "P005"), held));
    verify(service).meeting(eq(pi.getId()), eq(held), eq(4), eq(3), eq("县卫生健康局党组书记 刘卫国"), eq("陈静因公出差"),
        any(), any(), anyList(), any());

    Task report = task(LeadershipMeeting.REPORT, pi);
    assertThat(report).hasCandidateGroup("rmyy.orgdept");
    Assertions.assertThat(report.getDueDate()).isNotNull();
    complete(report, withVariables("reportText", "会议情况和整改措施", "reportDate", held.toString()));
    Task reviewReport = task(LeadershipMeeting.REVIEW_REPORT, pi);
    assertThat(reviewReport).hasCandidateGroup("wjj.orgdept");
    verify(handover, never()).start(anyString(), anyString(), any(), anyString(), anyList());
    complete(reviewReport, withVariables("decision", "APPROVE"));

    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<ProblemListHandover.Problem>> problems = ArgumentCaptor.forClass(List.class);
    verify(handover).start(eq("rmyy"), eq("民主生活会"), eq(held), eq(year + "年度民主生活会"), problems.capture());
    Assertions.assertThat(problems.getValue()).containsExactly(
        new ProblemListHandover.Problem("职工代表意见", "落实意识形态工作责任制不到位"),
        new ProblemListHandover.Problem("", "联系服务群众不够深入"));
    verify(service).handedOver(pi.getId(), "rectification-1");
    assertThat(pi).isEnded().hasPassed(LeadershipMeeting.HAND_OVER, LeadershipMeeting.END)
        .variables().containsEntry(LeadershipMeeting.RECTIFICATION_CASE, "rectification-1");
  }

  @Test
  void aDateChangeIsAnsweredByTheHigherOrganizationDepartmentAloneAndAMeetingWaitsForTheAnswer() {
    ProcessInstance pi = start();
    complete(task(LeadershipMeeting.DRAFT_PLAN, pi), plan(today.plusDays(15)));
    complete(task(LeadershipMeeting.REVIEW_PLAN, pi), withVariables("decision", "APPROVE"));
    requestDateChange(pi, 7L, today);

    Task review = task(LeadershipMeeting.REVIEW_DATE_CHANGE, pi);
    assertThat(review).hasCandidateGroup("wjj.orgdept").hasName("审批县人民医院党委" + year + "年度民主生活会提前召开");
    assertThat(pi).isWaitingAt(LeadershipMeeting.PREPARE, LeadershipMeeting.REVIEW_DATE_CHANGE);
    identityService().saveUser(identityService().newUser("zhaozq"));
    identityService().saveGroup(identityService().newGroup("rmyyorgdept"));
    identityService().createMembership("zhaozq", "rmyyorgdept");
    identityService().setAuthentication("zhaozq", List.of("rmyyorgdept"));
    try {
      RuleViolation notReviewer = assertThrows(RuleViolation.class, () -> complete(review,
          withVariables("dateChangeDecision", "APPROVE")));
      Assertions.assertThat(notReviewer.getMessage()).contains("由县卫生健康局党组的组织部门审批，您不是审批人");
    } finally {
      identityService().clearAuthentication();
      identityService().deleteUser("zhaozq");
      identityService().deleteGroup("rmyyorgdept");
    }
    RuleViolation noReason = assertThrows(RuleViolation.class, () -> complete(review,
        withVariables("dateChangeDecision", "REFUSE")));
    Assertions.assertThat(noReason.getMessage()).isEqualTo("不同意改期时请写明理由");
    verify(service, never()).dateChangeDecided(anyString(), anyLong(), any(), any(), anyBoolean(), any(), any());

    when(service.pendingDateChange(pi.getId())).thenReturn(Optional.of(new LeadershipMeetingStore.DateChange(7L,
        today.plusDays(15), today, "提前", "rmyy_zzb", null, null, null, null, null)));
    complete(task(LeadershipMeeting.PREPARE, pi), preparation(6));
    RuleViolation waiting = assertThrows(RuleViolation.class, () -> complete(task(LeadershipMeeting.HOLD_MEETING, pi),
        meeting(List.of("P001", "P002", "P005"), today)));
    Assertions.assertThat(waiting.getMessage()).contains("请待上级答复改期申请后再登记会议");

    complete(review, withVariables("dateChangeDecision", "APPROVE"));
    verify(service).dateChangeDecided(pi.getId(), 7L, today.plusDays(15), today, true, null, null);
    assertThat(pi).isWaitingAt(LeadershipMeeting.HOLD_MEETING).hasPassed(LeadershipMeeting.DATE_CHANGE_ANSWERED);

    requestDateChange(pi, 8L, today.plusDays(20));
    Map<String, Object> shown = formService().getTaskFormVariables(task(LeadershipMeeting.REVIEW_DATE_CHANGE, pi)
        .getId());
    Assertions.assertThat(shown.get(LeadershipMeeting.DATE_CHANGE_DECISION)).as("no answer ticked in advance")
        .isNull();
  }

  @Test
  void aCaseStartedBeforeTheDateChangeExistedTakesARequestOnceMovedToTheLatestVersion() {
    VersionDeployments versions = new VersionDeployments(engine.getProcessEngine(), "forms/leadership-meeting");
    try {
      String old = versions.deploy("upgrade/leadership-meeting-eb6cf13.bpmn");
      ProcessInstance pi = runtimeService().startProcessInstanceById(versions.definition(old).getId(),
          withVariables(LeadershipMeeting.ORG_ID, "rmyy", LeadershipMeeting.YEAR, year));
      complete(task(LeadershipMeeting.DRAFT_PLAN, pi), plan(today.plusDays(15)));
      complete(task(LeadershipMeeting.REVIEW_PLAN, pi), withVariables("decision", "APPROVE"));
      Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).count())
          .as("the old version has no date change").isZero();

      versions.deploy("processes/leadership-meeting/leadership-meeting.bpmn");
      Assertions.assertThat(RunningCaseUpgrade.upgrade(engine.getProcessEngine()))
          .isEqualTo(new RunningCaseUpgrade.Result(1, 0));
      requestDateChange(pi, 9L, today);
      complete(task(LeadershipMeeting.REVIEW_DATE_CHANGE, pi), withVariables("dateChangeDecision", "APPROVE"));
      verify(service).dateChangeDecided(pi.getId(), 9L, today.plusDays(15), today, true, null, null);
      assertThat(pi).isWaitingAt(LeadershipMeeting.PREPARE);
    } finally {
      versions.removeAll();
    }
  }

  private void requestDateChange(ProcessInstance pi, long id, LocalDate to) {
    runtimeService().createMessageCorrelation(LeadershipMeeting.DATE_CHANGE_MESSAGE).processInstanceId(pi.getId())
        .setVariables(withVariables(LeadershipMeeting.DATE_CHANGE_ID, id, LeadershipMeeting.DATE_CHANGE_FROM,
            today.plusDays(15).toString(), LeadershipMeeting.DATE_CHANGE_TO, to.toString(),
            LeadershipMeeting.DATE_CHANGE_KIND, to.isBefore(today.plusDays(15)) ? "提前" : "推迟",
            LeadershipMeeting.DATE_CHANGE_REASON, "上级巡察组进驻前召开", LeadershipMeeting.DATE_CHANGE_REQUESTER,
            "赵志强（组织部门干事）"))
        .correlate();
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(LeadershipMeeting.PROCESS_KEY,
        withVariables(LeadershipMeeting.ORG_ID, "rmyy", LeadershipMeeting.YEAR, year));
  }

  private Map<String, Object> plan(LocalDate planned) {
    return withVariables("theme", "深刻领悟“两个确立”的决定性意义", "plan", "学习研讨、征求意见、谈心谈话、撰写对照检查材料",
        "plannedDate", planned.toString());
  }

  /** Talks among the four: the first {@code pairs} of the six pairs. */
  private Map<String, Object> preparation(int pairs) {
    List<String> ids = new ArrayList<>(FOUR.keySet());
    List<Map<String, Object>> talks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        talks.add(Map.of("first", ids.get(i), "second", ids.get(j), "talkDate", today.minusDays(3).toString()));
      }
    }
    List<Map<String, Object>> materials = ids.stream().map(id -> Map.<String, Object>of("name", FOUR.get(id),
        "submittedOn", today.minusDays(1).toString())).toList();
    return withVariables("opinionSources", "中层干部、党支部书记、职工代表", "opinionCount", 36, "opinionSummary",
        "意见建议汇总", "talks", Spin.JSON(talks.subList(0, pairs)), "materials", Spin.JSON(materials));
  }

  private Map<String, Object> meeting(List<String> present, LocalDate date) {
    List<Map<String, Object>> criticism = FOUR.keySet().stream().map(id -> Map.<String, Object>of("name",
        FOUR.get(id), "selfCriticism", present.contains(id) ? "理论学习不够深入" : "")).toList();
    return withVariables("meetingDate", date.toString(), "presentMembers", Spin.JSON(present), "absenceReasons",
        "陈静因公出差", "observer", "县卫生健康局党组书记 刘卫国", "criticism", Spin.JSON(criticism), "problems",
        Spin.JSON(List.of(Map.of("problem", "落实意识形态工作责任制不到位", "clause", "职工代表意见"),
            Map.of("problem", "联系服务群众不够深入"))));
  }
}
