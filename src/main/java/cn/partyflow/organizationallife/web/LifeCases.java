package cn.partyflow.organizationallife.web;

import cn.partyflow.organization.TaskHolders;
import cn.partyflow.organizationallife.OrganizationalLife;
import cn.partyflow.security.WriteScopePlugin;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine side of the page: a start made as the signed-in user (so the engine's authorization and its check of
 * whom the user acts for apply) and the case's open tasks with who holds them.
 */
@Component
class LifeCases {

  static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

  private final TaskService tasks;
  private final IdentityService identity;
  private final TaskHolders holders;

  LifeCases(TaskService tasks, IdentityService identity, TaskHolders holders) {
    this.tasks = tasks;
    this.identity = identity;
    this.holders = holders;
  }

  record OpenTask(String id, String name, String holder, String link, java.util.Date due) {}

  String startAs(String user, Supplier<String> start) {
    identity.setAuthentication(user, groups(user));
    try {
      return WriteScopePlugin.startFromPage(start);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs a page's write as the signed-in user, so the engine checks the user against each task it completes. */
  <T> T asUser(String user, Supplier<T> write) {
    identity.setAuthentication(user, groups(user));
    try {
      return write.get();
    } finally {
      identity.clearAuthentication();
    }
  }

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
    return new OpenTask(t.getId(), t.getName(), holders.describe(t), TASKLIST + t.getId(), t.getDueDate());
  }

  private List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }
}
