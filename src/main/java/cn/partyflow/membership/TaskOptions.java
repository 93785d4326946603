package cn.partyflow.membership;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${memberDevelopmentTaskOptions}}, on create of the tasks where a person is chosen: puts the people the form
 * offers on the task ({@code valuesKey} variables), read from the registry at that moment so that a changed branch
 * committee reaches the next task.
 */
@Component("memberDevelopmentTaskOptions")
class TaskOptions implements TaskListener {

  private final MemberDevelopmentService service;

  TaskOptions(MemberDevelopmentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    Object branchId = task.getVariable(MemberDevelopment.BRANCH_ID);
    if (branchId != null) {
      task.setVariablesLocal(service.taskOptions(task.getTaskDefinitionKey(), branchId.toString()));
    }
  }
}
