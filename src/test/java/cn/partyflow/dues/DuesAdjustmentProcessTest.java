package cn.partyflow.dues;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import cn.partyflow.UnitEngine;
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.organization.FixedRouting;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An adjustment's approval is a Tasklist task routed to whoever approves it, not a button on a page. */
@Deployment(resources = {"processes/dues/dues-adjustment.bpmn", "forms/dues/dues-approve-adjustment.form"})
class DuesAdjustmentProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  DuesAdjustmentSteps steps = mock(DuesAdjustmentSteps.class);

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("duesAdjustmentSteps", steps);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
  }

  ProcessInstance start(MemberCategory category, BigDecimal reduced) {
    return runtimeService().startProcessInstanceByKey(DuesProcesses.ADJUSTMENT, "rmyy-nk:adjustment-7", Map.of(
        "orgId", "rmyy-nk", "branchName", "内科党支部", "adjustmentId", 7L, "personId", "P022", "personName", "潘悦",
        "adjustmentSummary", "调整", "adjustmentReason", "原因", "requestedByName", "党费管理员",
        "approvalLevel", DuesAdjustments.approvalLevel(category, reduced)));
  }

  @Test
  void aChangeOfBaseIsApprovedByTheHigherCommitteesOrganizationDepartment() {
    ProcessInstance pi = start(MemberCategory.EMPLOYED, null);
    verify(steps).started(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt(DuesProcesses.TASK_APPROVE_ADJUSTMENT);
    assertThat(task(pi)).hasCandidateGroup("rmyy.orgdept").hasName("审批内科党支部潘悦的党费调整");
    complete(task(pi), withVariables("adjustmentDecision", "APPROVE"));
    verify(steps).decide(any(DelegateTask.class));
    assertThat(pi).isEnded().hasPassed("EndEvent_AdjustmentDecided");
  }

  @Test
  void anEmployedMembersReductionAlsoGoesToTheHigherCommittee() {
    ProcessInstance pi = start(MemberCategory.EMPLOYED, new BigDecimal("0.00"));
    assertThat(pi).isWaitingAt(DuesProcesses.TASK_APPROVE_ADJUSTMENT);
  }

  @Test
  void aRetireesReductionInHardshipNeedsTheBranchAlone() {
    ProcessInstance pi = start(MemberCategory.RETIRED, new BigDecimal("5.00"));
    assertThat(pi).isWaitingAt(DuesProcesses.TASK_BRANCH_CONSENT);
    assertThat(task(pi)).hasCandidateGroup("rmyy-nk.secretary");
    complete(task(pi), withVariables("adjustmentDecision", "REFUSE", "decisionComment", "未见困难证明"));
    assertThat(pi).isEnded().hasNotPassed(DuesProcesses.TASK_APPROVE_ADJUSTMENT);
  }
}
