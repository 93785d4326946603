package cn.partyflow.membership;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code ${memberDevelopmentEscalation.escalate(execution, 'Task_TalkWithApplicant', routing.group(branchId,
 * 'secretary'))}}: when a deadline passes, the open task also lands on the desk of whoever must see it done, at high
 * priority. The officer who had it keeps it.
 */
@Component("memberDevelopmentEscalation")
public class TaskEscalation {

  static final int ESCALATED_PRIORITY = 90;

  public void escalate(DelegateExecution execution, String taskKey, String group) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey).list()) {
      tasks.addCandidateGroup(task.getId(), group);
      task.setPriority(ESCALATED_PRIORITY);
      tasks.saveTask(task);
    }
  }
}
