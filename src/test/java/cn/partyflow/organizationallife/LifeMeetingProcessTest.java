package cn.partyflow.organizationallife;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.partyflow.UnitEngine;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.organizationallife.LifeMeetingRules.Decision;
import cn.partyflow.organizationallife.LifeMeetingRules.Disposition;
import cn.partyflow.organizationallife.LifeMeetingService.Outcome;
import cn.partyflow.rectification.ProblemListHandover;
import cn.partyflow.rectification.ProblemListHandover.Problem;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 组织生活会 and 民主评议党员 on an in-memory engine with the real Steps over a stubbed service and handover. */
@Deployment(resources = {"processes/organizational-life/life-meeting.bpmn", "forms/organizational-life/ol-lm-start.form",
    "forms/organizational-life/ol-lm-prepare.form", "forms/organizational-life/ol-lm-meeting.form",
    "forms/organizational-life/ol-lm-decide.form", "forms/organizational-life/ol-lm-approve.form"})
class LifeMeetingProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  static final LocalDate HELD_ON = LocalDate.of(2026, 11, 20);

  LifeMeetingService service = mock(LifeMeetingService.class);
  ProblemListHandover handover = mock(ProblemListHandover.class);

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("lifeMeetingSteps", new LifeMeetingSteps(service, handover));
    when(service.admitStart(eq("rmyy-nk"), eq(2026), anyString(), any()))
        .thenReturn(Map.of(LifeMeeting.BRANCH_NAME, "内科党支部"));
    when(service.meetingHeld("rmyy-nk", 2026)).thenReturn(new Outcome(List.of(), false, "全部合格"));
    when(service.memberName("P030")).thenReturn("宋涛");
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    reset();
  }

  @Test
  void aMeetingWithEveryoneQualifiedAndNoProblemsCloses() {
    ProcessInstance pi = start();
    Task prepare = task(LifeMeeting.PREPARE, pi);
    assertThat(prepare).hasName("内科党支部2026年度组织生活会：登记会前准备")
        .hasCandidateGroup("rmyy-nk.organizer").hasCandidateGroup("rmyy-nk.secretary");
    complete(prepare);
    Task meeting = task(LifeMeeting.HOLD_MEETING, pi);
    assertThat(meeting).hasName("内科党支部2026年度组织生活会：登记会议和民主评议");
    complete(meeting);

    assertThat(pi).isEnded().hasPassed(LifeMeeting.CLOSE).hasNotPassed(LifeMeeting.HAND_OVER_PROBLEMS,
        LifeMeeting.DECIDE_DISPOSITION);
    verify(service).requirePrepared("rmyy-nk", 2026);
    verify(service).close("rmyy-nk", 2026);
    verify(handover, never()).start(any(), any(), any(), any(), any());
  }

  @Test
  void thePreparationIsNotCompletedInTasklistBeforeThePageRecordedIt() {
    doThrow(new RuleViolation("lifeMeeting.page", "请在组织生活页面登记会前准备")).when(service).requirePrepared("rmyy-nk", 2026);
    ProcessInstance pi = start();
    assertThrows(RuleViolation.class, () -> taskService().complete(task(LifeMeeting.PREPARE, pi).getId()));
    assertThat(pi).isWaitingAt(LifeMeeting.PREPARE);
  }

  @Test
  void anUnqualifiedMemberIsDecidedOnByTheBranchThenApprovedByTheCommitteesOrganizationDepartment() {
    when(service.meetingHeld("rmyy-nk", 2026)).thenReturn(new Outcome(List.of("P030"), false, "宋涛：不合格"));
    ProcessInstance pi = heldMeeting();
    Task decide = task(LifeMeeting.DECIDE_DISPOSITION, pi);
    assertThat(decide).hasName("内科党支部：支部大会决定对宋涛的组织处置").hasCandidateGroup("rmyy-nk.secretary");
    verify(service).openFollowUp("rmyy-nk", 2026, "P030");
    complete(decide, correction());
    verify(service).decide("rmyy-nk", 2026, "P030", new Decision(Disposition.CORRECTION, HELD_ON,
        LocalDate.of(2027, 5, 20), 7, 1, 0, "长期不参加组织生活，经谈话仍未改正"), null);

    Task approve = task(LifeMeeting.APPROVE_DISPOSITION, pi);
    assertThat(approve).hasName("审批内科党支部对宋涛的组织处置").hasCandidateGroup("rmyy.orgdept");
    complete(approve, withVariables(LifeMeeting.APPROVAL, LifeMeeting.APPROVE, "approvalOpinion", "同意"));
    verify(service).answer("rmyy-nk", 2026, "P030", true, "同意", null);
    assertThat(pi).isEnded().hasPassed(LifeMeeting.CLOSE);
  }

  @Test
  void aRefusalReturnsTheDecisionToTheBranch() {
    when(service.meetingHeld("rmyy-nk", 2026)).thenReturn(new Outcome(List.of("P030"), false, "宋涛：不合格"));
    ProcessInstance pi = heldMeeting();
    complete(task(LifeMeeting.DECIDE_DISPOSITION, pi), correction());
    complete(task(LifeMeeting.APPROVE_DISPOSITION, pi), withVariables(LifeMeeting.APPROVAL, LifeMeeting.RETURN,
        "approvalOpinion", "改正期限过长"));
    verify(service).answer("rmyy-nk", 2026, "P030", false, "改正期限过长", null);
    assertThat(pi).isWaitingAt(LifeMeeting.DECIDE_DISPOSITION);
    Assertions.assertThat(taskService().getVariable(task(LifeMeeting.DECIDE_DISPOSITION, pi).getId(),
        "approvalOpinion")).isEqualTo("改正期限过长");
  }

  @Test
  void aReturnWithoutItsReasonIsRefused() {
    when(service.meetingHeld("rmyy-nk", 2026)).thenReturn(new Outcome(List.of("P030"), false, "宋涛：不合格"));
    ProcessInstance pi = heldMeeting();
    complete(task(LifeMeeting.DECIDE_DISPOSITION, pi), correction());
    Task approve = task(LifeMeeting.APPROVE_DISPOSITION, pi);
    assertThrows(RuleViolation.class, () -> taskService().complete(approve.getId(),
        withVariables(LifeMeeting.APPROVAL, LifeMeeting.RETURN)));
    assertThat(pi).isWaitingAt(LifeMeeting.APPROVE_DISPOSITION);
  }

  @Test
  void theProblemListStartsARectificationCaseWithSourceBranchLifeMeeting() {
    List<Problem> problems = List.of(new Problem("", "学习流于形式"), new Problem("", "谈心谈话记录不全"));
    when(service.meetingHeld("rmyy-nk", 2026)).thenReturn(new Outcome(List.of(), true, "全部合格"));
    when(service.heldOn("rmyy-nk", 2026)).thenReturn(HELD_ON);
    when(service.problems("rmyy-nk", 2026)).thenReturn(problems);
    when(handover.start("rmyy-nk", "组织生活会", HELD_ON, "2026年度组织生活会", problems)).thenReturn("rect-1");
    ProcessInstance pi = heldMeeting();
    assertThat(pi).isEnded().hasPassed(LifeMeeting.HAND_OVER_PROBLEMS);
    verify(service).rectificationStarted("rmyy-nk", 2026, "rect-1");
  }

  ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(LifeMeeting.PROCESS_KEY,
        Map.of(LifeMeeting.ORG_ID, "rmyy-nk", LifeMeeting.YEAR, 2026));
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo("rmyy-nk:2026:life-meeting");
    return pi;
  }

  ProcessInstance heldMeeting() {
    ProcessInstance pi = start();
    complete(task(LifeMeeting.PREPARE, pi));
    complete(task(LifeMeeting.HOLD_MEETING, pi));
    return pi;
  }

  static Map<String, Object> correction() {
    return withVariables("disposition", "CORRECTION", "decidedOn", "2026-11-20", "correctionDue", "2027-05-20",
        "votesFor", 7L, "votesAgainst", 1L, "votesAbstain", 0L, "dispositionReason", "长期不参加组织生活，经谈话仍未改正");
  }

  Task task(String key, ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }
}
