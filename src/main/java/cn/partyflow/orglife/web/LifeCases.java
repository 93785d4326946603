package cn.partyflow.orglife.web;

import cn.partyflow.orglife.OrganizationalLife;
import cn.partyflow.security.WriteScopePlugin;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
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

  LifeCases(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
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

  List<OpenTask> open(String branchId, int year) {
    return tasks.createTaskQuery().processDefinitionKey(OrganizationalLife.PROCESS_KEY)
        .processInstanceBusinessKey(OrganizationalLife.businessKey(branchId, year)).orderByTaskCreateTime().asc()
        .list().stream().map(this::view).toList();
  }

  private OpenTask view(Task t) {
    List<String> candidates = tasks.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId)
        .toList();
    String holder = t.getAssignee() != null ? "已由" + userName(t.getAssignee()) + "认领"
        : "待" + String.join("、", candidates.stream().map(this::groupName).toList()) + "认领";
    return new OpenTask(t.getId(), t.getName(), holder, TASKLIST + t.getId(), t.getDueDate());
  }

  private List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private String groupName(String groupId) {
    Group g = identity.createGroupQuery().groupId(groupId).singleResult();
    return g == null || g.getName() == null ? groupId : g.getName();
  }

  private String userName(String userId) {
    User u = identity.createUserQuery().userId(userId).singleResult();
    if (u == null) {
      return userId;
    }
    String name = (u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName());
    return name.isBlank() ? userId : name;
  }
}
