package cn.partyflow.tasklist;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The rules of the test procedure datedErrand: what is recorded has happened, and not before 2000. Public because
 * the engine instantiates it by class name.
 */
public class DatedErrandRules implements ExecutionListener {

  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  @Override
  public void notify(DelegateExecution execution) {
    LocalDate happened = LocalDate.parse((String) execution.getVariable("happenedOn"));
    if (happened.isAfter(ChinaClock.today())) {
      throw new RuleViolation("tasklist.errand.dateInFuture", "发生日期（" + happened + "）不能晚于今天");
    }
    if (happened.isBefore(EARLIEST)) {
      throw new RuleViolation("tasklist.errand.dateTooEarly", "发生日期（" + happened + "）不能早于" + EARLIEST);
    }
  }
}
