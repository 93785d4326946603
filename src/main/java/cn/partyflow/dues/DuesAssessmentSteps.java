package cn.partyflow.dues;

import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.StepVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The glue of process {@code duesAssessment}: each method implements one activity or one task listener. */
@Component("duesAssessmentSteps")
public class DuesAssessmentSteps {

  private final DuesAssessmentService service;

  DuesAssessmentSteps(DuesAssessmentService service) {
    this.service = service;
  }

  /**
   * Starting the case (StartEvent_AssessmentStarted): whichever way it was started, the branch and year are
   * checked as {@link DuesAssessmentService#start} checks them, and the business key is the branch's year.
   */
  public void started(DelegateExecution execution) {
    String branch = branch(execution);
    int year = year(execution);
    execution.setVariable(DuesProcesses.BRANCH_NAME, service.admitStart(branch, year,
        execution.getProcessInstanceId()));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(DuesProcesses.assessmentKey(branch, year));
    }
  }

  /** Completing Task_ImportIncome (导入收入数据): every member of the branch must be in the imported sheet. */
  public void imported(DelegateTask task) {
    service.requireEveryMember(branch(task), year(task));
  }

  /** Implements Task_ComputeDues (计算应交党费). */
  public void compute(DelegateExecution execution) {
    DuesAssessmentService.Summary s = service.compute(branch(execution), year(execution));
    execution.setVariable("memberCount", s.members());
    execution.setVariable("monthlyTotal", s.monthlyTotal().toPlainString());
    execution.setVariable("assessmentTable", StepSupport.table(service.rows(branch(execution), year(execution))));
  }

  /** Completing Task_ReviewAmounts: applies the 党费管理员's corrections, each with its reason. */
  public void review(DelegateTask task) {
    List<DuesAssessmentService.Correction> corrections = FormValues.rows(task.getVariable("corrections")).stream()
        .map(r -> new DuesAssessmentService.Correction(FormValues.text(r.get("personId")),
            FormValues.text(r.get("category")).isEmpty() ? null
                : MemberCategory.parse(FormValues.text(r.get("category"))).orElseThrow(() -> new RuleViolation(
                    "dues.category", "人员类别“" + r.get("category") + "”无法识别")),
            FormValues.money(r.get("base"), "更正后的计算基数"), FormValues.money(r.get("amount"), "更正后的党费"),
            FormValues.text(r.get("reason"))))
        .toList();
    service.correct(branch(task), year(task), corrections, StepVariables.user(task));
    task.setVariable("corrections", null);
    task.setVariable("monthlyTotal", service.summary(branch(task), year(task)).monthlyTotal().toPlainString());
    task.setVariable("assessmentTable", StepSupport.table(service.rows(branch(task), year(task))));
  }

  /** Completing Task_ConfirmBySecretary: a return needs the secretary's reason. */
  public void confirm(DelegateTask task) {
    decision(task, "secretaryConfirmed", "确认核定表无误", "secretaryComment", "退回更正须写明需要更正的内容");
  }

  /** Completing Task_ApproveByOrgDept: a return needs the department's reason. */
  public void approve(DelegateTask task) {
    decision(task, "orgDeptApproved", "批准全年执行", "approvalComment", "不予批准须写明理由，退回党费管理员更正");
    task.setVariable("approvedBy", StepVariables.user(task));
  }

  /** Implements Task_FixAmounts (核定数额全年执行). */
  public void fix(DelegateExecution execution) {
    Object by = execution.getVariable("approvedBy");
    service.approve(branch(execution), year(execution), by == null ? null : by.toString());
  }

  private static void decision(DelegateTask task, String flag, String label, String comment, String message) {
    boolean yes = FormValues.flag(task.getVariable(flag), label);
    task.setVariable(flag, yes);
    if (!yes && StepSupport.text(task, comment).isEmpty()) {
      throw new RuleViolation("dues.assessment.returnReason", message);
    }
  }

  private static String branch(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return StepSupport.text(scope, DuesProcesses.ORG_ID);
  }

  private static int year(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return StepSupport.integer(scope, DuesProcesses.YEAR);
  }
}
