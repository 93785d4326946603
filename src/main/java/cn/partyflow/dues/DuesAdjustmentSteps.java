package cn.partyflow.dues;

import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.StepVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The glue of process {@code duesAdjustment}: the start check and the approval, by the branch or the 党委. */
@Component("duesAdjustmentSteps")
public class DuesAdjustmentSteps {

  static final String APPROVE = "APPROVE";
  static final String REFUSE = "REFUSE";

  private final DuesAdjustments service;

  DuesAdjustmentSteps(DuesAdjustments service) {
    this.service = service;
  }

  /** Starting the case (StartEvent_AdjustmentRequested): only for a requested adjustment of the case's branch. */
  public void started(DelegateExecution execution) {
    service.admitAdjustmentCase(adjustmentId(execution), StepSupport.text(execution, DuesProcesses.ORG_ID),
        execution.getProcessInstanceId());
  }

  /** Completing Task_BranchConsent or Task_ApproveAdjustment: approved from the effective month, or refused. */
  public void decide(DelegateTask task) {
    String decision = StepSupport.text(task, "adjustmentDecision");
    if (APPROVE.equals(decision)) {
      service.approveAdjustment(adjustmentId(task), StepVariables.user(task));
    } else if (REFUSE.equals(decision)) {
      service.refuseAdjustment(adjustmentId(task), StepVariables.user(task), StepSupport.text(task, "decisionComment"));
    } else {
      throw new RuleViolation("dues.adjustment.decision", "审批结论须为批准或不批准");
    }
  }

  private static long adjustmentId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    int id = StepSupport.integer(scope, "adjustmentId");
    if (id == 0) {
      throw new RuleViolation("dues.adjustment.unknown", "请在“党费”页面申请党费调整");
    }
    return id;
  }
}
