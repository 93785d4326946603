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

@Deployment(resources = {"processes/dues/dues-assessment.bpmn", "forms/dues/dues-import-income.form",
    "forms/dues/dues-review-amounts.form", "forms/dues/dues-confirm-by-secretary.form",
    "forms/dues/dues-approve-by-org-dept.form"})
class DuesAssessmentProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  DuesAssessmentSteps steps = mock(DuesAssessmentSteps.class);

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("duesAssessmentSteps", steps);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
  }

  ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(DuesProcesses.ASSESSMENT, "rmyy-nk:2027", Map.of(
        "orgId", "rmyy-nk", "assessYear", 2027, "branchName", "内科党支部", "monthlyTotal", "120.00"));
  }

  @Test
  void importGoesToTheBranchDuesKeeperWithTheBranchAndYearInItsName() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("Task_ImportIncome");
    assertThat(task(pi)).hasCandidateGroup("rmyy-nk.dues").hasName("导入内科党支部2027年度党员收入数据");
    org.assertj.core.api.Assertions.assertThat(task(pi).getDueDate()).isNotNull();
  }

  @Test
  void passesReviewConfirmationAndApprovalThenFixesTheAmounts() {
    ProcessInstance pi = start();
    complete(task(pi));
    verify(steps).imported(any(DelegateTask.class));
    verify(steps).compute(any(DelegateExecution.class));
    assertThat(pi).isWaitingAt("Task_ReviewAmounts");
    complete(task(pi));
    assertThat(pi).isWaitingAt("Task_ConfirmBySecretary");
    assertThat(task(pi)).hasCandidateGroup("rmyy-nk.secretary");
    complete(task(pi), withVariables("secretaryConfirmed", true));
    assertThat(pi).isWaitingAt("Task_ApproveByOrgDept");
    assertThat(task(pi)).hasCandidateGroup("rmyy.orgdept");
    complete(task(pi), withVariables("orgDeptApproved", true));
    verify(steps).fix(any(DelegateExecution.class));
    assertThat(pi).isEnded().hasPassed("Task_FixAmounts").isEnded();
  }

  @Test
  void secretaryReturnsTheTableForCorrection() {
    ProcessInstance pi = start();
    complete(task(pi));
    complete(task(pi));
    complete(task(pi), withVariables("secretaryConfirmed", false, "secretaryComment", "P019基数有误"));
    assertThat(pi).isWaitingAt("Task_ReviewAmounts");
  }

  @Test
  void organizationDepartmentReturnsTheTableForCorrection() {
    ProcessInstance pi = start();
    complete(task(pi));
    complete(task(pi));
    complete(task(pi), withVariables("secretaryConfirmed", true));
    complete(task(pi), withVariables("orgDeptApproved", false, "approvalComment", "免交理由不足"));
    assertThat(pi).isWaitingAt("Task_ReviewAmounts");
    verify(steps, never()).fix(any(DelegateExecution.class));
  }

  @Test
  void aRefusedImportKeepsTheTaskOpen() {
    doThrow(new RuleViolation("dues.assessment.imported", "尚未导入党员收入数据")).when(steps)
        .imported(any(DelegateTask.class));
    ProcessInstance pi = start();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi)))
        .hasMessageContaining("尚未导入");
    assertThat(pi).isWaitingAt("Task_ImportIncome");
  }
}
