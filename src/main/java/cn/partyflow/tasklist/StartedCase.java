package cn.partyflow.tasklist;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Groups;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where a case just started in Tasklist went: its first open task when the starter may work it (Tasklist then opens
 * it), otherwise a sentence naming the organization, role and people who hold it. Only the person who started the
 * case (or the administrator) may ask; the starter may not be able to read a task routed to another organization,
 * so the answer names its holders without opening it.
 */
@RestController
class StartedCase {

  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final OrganizationDirectory directory;

  StartedCase(HistoryService history, TaskService tasks, IdentityService identity, OrganizationDirectory directory) {
    this.history = history;
    this.tasks = tasks;
    this.identity = identity;
    this.directory = directory;
  }

  record NextStep(String taskId, String message) {}

  @GetMapping("/api/cases/{processInstanceId}/next-step")
  NextStep nextStep(@PathVariable String processInstanceId, Authentication auth) {
    HistoricProcessInstance started = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (started == null || !(auth.getName().equals(started.getStartUserId()) || AccessScope.isAdmin(auth))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到您发起的这件案件");
    }
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc()
        .list();
    if (open.isEmpty()) {
      return new NextStep(null, started.getEndTime() == null ? "案件已发起，目前没有待办步骤（等待规定的期限届满）"
          : "案件已发起并已办结");
    }
    Set<String> groups = identity.createGroupQuery().groupMember(auth.getName()).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
    for (Task t : open) {
      boolean mine = auth.getName().equals(t.getAssignee())
          || (t.getAssignee() == null && candidateGroups(t.getId()).stream().anyMatch(groups::contains));
      if (mine) {
        return new NextStep(t.getId(), null);
      }
    }
    Map<String, String> steps = new LinkedHashMap<>();
    for (Task t : open) {
      String holders = t.getAssignee() != null ? nameOf(t.getAssignee())
          : candidateGroups(t.getId()).stream().map(this::describeGroup).collect(Collectors.joining("或"));
      steps.merge(t.getName(), holders, (a, b) -> a + "；" + b);
    }
    return new NextStep(null, "案件已发起。" + steps.entrySet().stream()
        .map(e -> "下一步“" + e.getKey() + "”由" + e.getValue() + "办理").collect(Collectors.joining("；"))
        + "，不在您的待办中。");
  }

  private Set<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** A group as people say it: “县人民医院党委的组织部门干事（赵志强）”. */
  private String describeGroup(String groupId) {
    if (Groups.ADMINS.equals(groupId)) {
      return "系统管理员";
    }
    int dot = groupId.lastIndexOf('.');
    Optional<Role> role = dot < 0 ? Optional.empty() : Role.parse(groupId.substring(dot + 1));
    String orgId = dot < 0 ? groupId : groupId.substring(0, dot);
    String orgName = directory.organization(orgId).map(o -> o.name()).orElse("上级组织");
    if (role.isEmpty()) {
      return orgName;
    }
    String people = directory.holders(orgId, role.get()).stream().filter(p -> p.username() != null)
        .map(Person::name).collect(Collectors.joining("、"));
    return orgName + "的" + role.get().label() + (people.isEmpty() ? "" : "（" + people + "）");
  }

  private String nameOf(String username) {
    return directory.personByUsername(username).map(Person::name).orElse("另一位同事");
  }
}
