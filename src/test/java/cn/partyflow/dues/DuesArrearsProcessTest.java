package cn.partyflow.dues;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import cn.partyflow.UnitEngine;
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.organization.FixedRouting;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/dues/dues-arrears.bpmn", "forms/dues/dues-talk-with-member.form",
    "forms/dues/dues-branch-meeting-decision.form", "forms/dues/dues-committee-approval.form",
    "forms/dues/dues-talk-short-payment.form"})
class DuesArrearsProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  DuesArrearsSteps steps = mock(DuesArrearsSteps.class);

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("duesArrearsSteps", steps);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
  }

  ProcessInstance start(String kind, int months) {
    return runtimeService().startProcessInstanceByKey(DuesProcesses.ARREARS, Map.of("orgId", "rmyy-nk",
        "branchName", "内科党支部", "arrearsCaseId", 1L, "arrearsKind", kind, "personId", "P022",
        "personName", "潘悦", "monthsUnpaid", months, "firstUnpaid", "2027-01", "lastUnpaid", "2027-03"));
  }

  @Test
  void threeMonthsCallForATalkByTheBranchSecretary() {
    ProcessInstance pi = start("TALK", 3);
    assertThat(pi).isWaitingAt("Task_TalkWithMember");
    assertThat(task(pi)).hasCandidateGroup("rmyy-nk.secretary").hasName("与潘悦谈话：连续3个月未交党费");
    complete(task(pi));
    verify(steps).talk(any(DelegateTask.class));
    assertThat(pi).isEnded().hasPassed("EndEvent_Talked");
  }

  @Test
  void aMonthPaidShortIsATalkWithADeadlineNotAStepTowardsWithdrawal() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(DuesProcesses.ARREARS, Map.ofEntries(
        Map.entry("orgId", "rmyy-nk"), Map.entry("branchName", "内科党支部"), Map.entry("arrearsCaseId", 2L),
        Map.entry("arrearsKind", "SHORT"), Map.entry("personId", "P022"), Map.entry("personName", "潘悦"),
        Map.entry("monthsUnpaid", 1), Map.entry("firstUnpaid", "2027-01"), Map.entry("lastUnpaid", "2027-01"),
        Map.entry("shortAmount", "5.00")));
    assertThat(pi).isWaitingAt(DuesProcesses.TASK_TALK_SHORT_PAYMENT);
    assertThat(task(pi)).hasCandidateGroup("rmyy-nk.secretary").hasName("与潘悦谈话：2027-01少交党费5.00元");
    complete(task(pi));
    verify(steps).talkShort(any(DelegateTask.class));
    assertThat(pi).isEnded().hasPassed("EndEvent_ShortTalked").hasNotPassed("Task_BranchMeetingDecision");
  }

  @Test
  void sixMonthsGoToTheBranchMeetingAndTheHigherCommittee() {
    ProcessInstance pi = start("WITHDRAWAL", 6);
    assertThat(pi).isWaitingAt("Task_BranchMeetingDecision");
    complete(task(pi), withVariables("removalDecided", true));
    assertThat(pi).isWaitingAt("Task_CommitteeApproval");
    assertThat(task(pi)).hasCandidateGroup("rmyy.orgdept");
    complete(task(pi), withVariables("committeeApproved", true));
    assertThat(pi).isEnded().hasPassed("EndEvent_RemovalApproved");
  }

  @Test
  void theBranchMeetingMayKeepTheMember() {
    ProcessInstance pi = start("WITHDRAWAL", 6);
    complete(task(pi), withVariables("removalDecided", false));
    assertThat(pi).isEnded().hasPassed("EndEvent_KeptByBranch").hasNotPassed("Task_CommitteeApproval");
  }
}
