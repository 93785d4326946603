package cn.partyflow.organization;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who holds a task, in the words our pages use: 已由王建国认领, or 待县人民医院党委组织部门干事认领. Names come from the
 * engine's users and groups as the registry derives them; an id is shown only where no name exists.
 */
@Component
public class TaskHolders {

  private final IdentityService identity;
  private final TaskService tasks;

  TaskHolders(IdentityService identity, TaskService tasks) {
    this.identity = identity;
    this.tasks = tasks;
  }

  /** 已由…认领 or 待…认领. */
  public String describe(Task task) {
    if (task.getAssignee() != null) {
      return "已由" + userName(task.getAssignee()) + "认领";
    }
    return "待" + String.join("、", candidateGroups(task).stream().map(this::groupName).toList()) + "认领";
  }

  /** The groups the task is offered to. */
  public List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId)
        .toList();
  }

  public String groupName(String groupId) {
    Group g = identity.createGroupQuery().groupId(groupId).singleResult();
    return g == null || g.getName() == null ? groupId : g.getName();
  }

  public String userName(String userId) {
    User u = identity.createUserQuery().userId(userId).singleResult();
    if (u == null) {
      return userId;
    }
    String name = (u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName());
    return name.isBlank() ? userId : name;
  }
}
