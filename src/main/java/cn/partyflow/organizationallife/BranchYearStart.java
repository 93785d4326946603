package cn.partyflow.organizationallife;

import static cn.partyflow.shared.StepVariables.text;
import static cn.partyflow.shared.StepVariables.user;

import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The start of a case that belongs to one branch's year (组织生活, 组织生活会): the branch and year it was started
 * with are admitted by the procedure's service, which claims the year and returns the case's first variables, and a
 * case started without a business key (Tasklist, /engine-rest) gets the year's.
 */
final class BranchYearStart {

  /** The procedure's check and claim of the branch's year. */
  interface Admission {
    Map<String, Object> admit(String branchId, Integer year, String instanceId, String user);
  }

  private BranchYearStart() {}

  static void admit(DelegateExecution execution, Admission admission, BiFunction<String, Integer, String> businessKey) {
    String branch = text(execution, OrganizationalLife.ORG_ID);
    Object year = execution.getVariable(OrganizationalLife.YEAR);
    Integer y = year instanceof Number n ? n.intValue() : null;
    execution.setVariables(admission.admit(branch, y, execution.getProcessInstanceId(), user(execution)));
    if (execution.getProcessBusinessKey() == null && y != null) {
      execution.setProcessBusinessKey(businessKey.apply(branch, y));
    }
  }
}
