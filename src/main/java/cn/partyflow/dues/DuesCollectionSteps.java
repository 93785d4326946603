package cn.partyflow.dues;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.StepVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** The glue of process {@code duesCollection}: each method implements one activity or one task listener. */
@Component("duesCollectionSteps")
public class DuesCollectionSteps {

  private final DuesCollectionService service;
  private final DuesArrearsService arrears;

  DuesCollectionSteps(DuesCollectionService service, DuesArrearsService arrears) {
    this.service = service;
    this.arrears = arrears;
  }

  /**
   * Starting the case (StartEvent_CollectionDay): whichever way it was started, the branch and month are checked
   * as {@link DuesCollectionService#start} checks them, and the business key is the branch's month.
   */
  public void started(DelegateExecution execution) {
    String branch = branch(execution);
    Map<String, Object> vars = service.admitStart(branch, period(execution),
        execution.getProcessInstanceId());
    execution.setVariables(vars);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(DuesProcesses.collectionKey(branch, (String) vars.get(DuesProcesses.PERIOD)));
    }
  }

  /** Implements Task_GenerateLedger (生成党费收缴登记表). */
  public void generate(DelegateExecution execution) {
    service.generateLedger(branch(execution), period(execution));
    showLedger(execution);
    execution.setVariable("unassessed", String.join("、", service.unassessed(branch(execution), period(execution))));
  }

  /** Completing Task_CollectDues: records the payments entered in the form, all or nothing. */
  public void collect(DelegateTask task) {
    List<DuesCollectionService.Payment> payments = FormValues.rows(task.getVariable("payments")).stream()
        .map(r -> new DuesCollectionService.Payment(FormValues.text(r.get("personId")),
            FormValues.text(r.get("period")), FormValues.money(r.get("amount"), "交纳金额"),
            FormValues.money(r.get("voluntary"), "自愿多交的党费"),
            FormValues.requiredDate(r.get("paidDate"), "交纳日期"), FormValues.text(r.get("method")),
            months(r.get("months")),
            FormValues.text(r.get("consentNote"))))
        .toList();
    service.record(branch(task), period(task), payments, StepVariables.user(task));
    task.setVariable("payments", null);
    showLedger(task);
  }

  /** Completing Task_CloseMonth: reconciles and decides whether a difference must be handled. */
  public void close(DelegateTask task) {
    DuesCollectionService.Reconciliation r = service.close(branch(task), period(task),
        FormValues.requiredMoney(task.getVariable("deposited"), "存入银行的金额"),
        FormValues.requiredDate(task.getVariable("depositDate"), "存入银行的日期"), StepVariables.user(task),
        task.getProcessInstanceId());
    task.setVariable("expected", r.expected().toPlainString());
    task.setVariable("received", r.received().toPlainString());
    task.setVariable("shortfall", r.shortfall().toPlainString());
    task.setVariable("cashDifference", r.cashDifference().toPlainString());
    task.setVariable("largeVoluntary", r.largeVoluntary().toPlainString());
    task.setVariable("shortPayers", String.join("；", r.shortPayers()));
    task.setVariable("balanced", r.balanced());
    task.setVariable("remittableAmount", service.remittable(branch(task), period(task)).toPlainString());
  }

  /** Completing Task_ResolveDifference: the explanation is kept with the month close. */
  public void explain(DelegateTask task) {
    service.explainDifference(branch(task), period(task), StepSupport.text(task, "differenceExplanation"));
  }

  /** Completing Task_Remit (上缴党费). */
  public void remit(DelegateTask task) {
    service.remit(branch(task), period(task), StepSupport.text(task, DuesProcesses.COMMITTEE_ID),
        FormValues.requiredMoney(task.getVariable("remittedAmount"), "上缴金额"),
        FormValues.requiredDate(task.getVariable("sentDate"), "上缴日期"), StepVariables.user(task),
        task.getProcessInstanceId());
  }

  /** Completing Task_ConfirmReceipt (确认收到上缴党费). */
  public void confirmReceipt(DelegateTask task) {
    boolean confirmed = FormValues.flag(task.getVariable("receiptConfirmed"), "确认收到");
    task.setVariable("receiptConfirmed", confirmed);
    service.confirmReceipt(branch(task), period(task), confirmed,
        FormValues.money(task.getVariable("receivedAmount"), "实收金额"),
        FormValues.date(task.getVariable("receivedDate"), "收到日期"), StepVariables.user(task));
  }

  /** Implements Task_CheckArrears (检查连续未交党费的党员). */
  public void checkArrears(DelegateExecution execution) {
    execution.setVariable("arrearsCasesOpened", arrears.check(branch(execution), period(execution)).size());
    execution.setVariable("closedOn", ChinaClock.today().toString());
  }

  private static int months(Object value) {
    Integer n = FormValues.integer(value);
    return n == null ? 1 : n;
  }

  private void showLedger(VariableScope scope) {
    scope.setVariable("ledgerTable", StepSupport.table(service.ledger(branch(scope), period(scope))));
  }

  private static String branch(VariableScope scope) {
    return StepSupport.text(scope, DuesProcesses.ORG_ID);
  }

  private static String period(VariableScope scope) {
    return StepSupport.text(scope, DuesProcesses.PERIOD);
  }
}
