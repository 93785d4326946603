package cn.partyflow.organizationallife.web;

import cn.partyflow.organization.TaskHolders;
import cn.partyflow.organizationallife.OrganizationalLife;
import cn.partyflow.security.ProcedurePages;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The engine side of the page: the case's open tasks with who holds them. */
@Component
class LifeCases {


  private final TaskService tasks;
  private final TaskHolders holders;

  LifeCases(TaskService tasks, TaskHolders holders) {
    this.tasks = tasks;
    this.holders = holders;
  }

  record OpenTask(String id, String name, String holder, String link, java.util.Date due) {}

  List<OpenTask> open(String branchId, int year) {
    return tasks.createTaskQuery().processDefinitionKey(OrganizationalLife.PROCESS_KEY)
        .processInstanceBusinessKey(OrganizationalLife.businessKey(branchId, year)).orderByTaskCreateTime().asc()
        .list().stream().map(this::view).toList();
  }

  /** The open tasks of one case (组织生活会, or the rectification case it started). */
  List<OpenTask> openOf(String processInstanceId) {
    return processInstanceId == null ? List.of() : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .orderByTaskCreateTime().asc().list().stream().map(this::view).toList();
  }

  private OpenTask view(Task t) {
    return new OpenTask(t.getId(), t.getName(), holders.describe(t), ProcedurePages.TASKLIST + t.getId(),
        t.getDueDate());
  }
}
