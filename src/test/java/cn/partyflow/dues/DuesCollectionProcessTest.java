package cn.partyflow.dues;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.partyflow.UnitEngine;
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.shared.RuleViolation;
import java.util.HashMap;
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

@Deployment(resources = {"processes/dues/dues-collection.bpmn", "forms/dues/dues-collect-dues.form",
    "forms/dues/dues-close-month.form", "forms/dues/dues-resolve-difference.form", "forms/dues/dues-remit.form",
    "forms/dues/dues-confirm-receipt.form"})
class DuesCollectionProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  DuesCollectionSteps steps = mock(DuesCollectionSteps.class);

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("duesCollectionSteps", steps);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
  }

  /** The variables the close step computes are given up front, since the steps are mocked. */
  ProcessInstance start() {
    Map<String, Object> vars = new HashMap<>(Map.of("orgId", "rmyy-nk", "period", "2027-03",
        "branchName", "内科党支部", "committeeId", "rmyy", "committeeName", "县人民医院党委"));
    vars.putAll(Map.of("expected", "100.00", "received", "95.00", "deposited", "95.00", "shortfall", "5.00",
        "cashDifference", "0.00", "remittableAmount", "95.00", "largeVoluntary", "0.00", "remittedAmount", "95.00"));
    return runtimeService().startProcessInstanceByKey(DuesProcesses.COLLECTION, "rmyy-nk:2027-03", vars);
  }

  @Test
  void generatesTheLedgerAndAsksTheBranchDuesKeeperToCollect() {
    ProcessInstance pi = start();
    verify(steps).generate(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Task_CollectDues");
    assertThat(task(pi)).hasCandidateGroup("rmyy-nk.dues").hasName("收缴内科党支部2027-03党费");
    org.assertj.core.api.Assertions.assertThat(task(pi).getFollowUpDate()).isNotNull();
  }

  @Test
  void aBalancedMonthGoesStraightToRemittanceAndTheCommitteeConfirms() {
    ProcessInstance pi = start();
    complete(task(pi));
    complete(task(pi), withVariables("balanced", true));
    assertThat(pi).isWaitingAt("Task_Remit");
    complete(task(pi));
    assertThat(pi).isWaitingAt("Task_ConfirmReceipt");
    assertThat(task(pi)).hasCandidateGroup("rmyy.dues");
    complete(task(pi), withVariables("receiptConfirmed", true));
    verify(steps).checkArrears(any(DelegateExecution.class));
    assertThat(pi).hasPassed("Task_CheckArrears").isEnded();
  }

  @Test
  void aDifferenceBecomesATaskShowingIt() {
    ProcessInstance pi = start();
    complete(task(pi));
    complete(task(pi), withVariables("balanced", false));
    assertThat(pi).isWaitingAt("Task_ResolveDifference");
    assertThat(task(pi)).hasName("处理2027-03对账差额：少交5.00元，账款差0.00元");
    complete(task(pi), withVariables("differenceExplanation", "潘悦少交5元，下月补交"));
    verify(steps).explain(any(DelegateTask.class));
    assertThat(pi).isWaitingAt("Task_Remit");
  }

  @Test
  void anUnconfirmedReceiptGoesBackToTheBranch() {
    ProcessInstance pi = start();
    complete(task(pi));
    complete(task(pi), withVariables("balanced", true));
    complete(task(pi));
    complete(task(pi), withVariables("receiptConfirmed", false));
    assertThat(pi).isWaitingAt("Task_Remit");
    verify(steps, never()).checkArrears(any(DelegateExecution.class));
  }

  @Test
  void aRefusedPaymentBatchKeepsTheCollectionOpen() {
    doThrow(new RuleViolation("dues.payment.backLimit", "补交党费一般不超过6个月")).when(steps)
        .collect(any(DelegateTask.class));
    ProcessInstance pi = start();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi))).hasMessageContaining("6个月");
    assertThat(pi).isWaitingAt("Task_CollectDues");
  }
}
