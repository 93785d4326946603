package cn.partyflow.rectification.web;

import cn.partyflow.organization.Groups;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.rectification.ProblemImport;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The open “登记反馈问题清单” tasks: those a user may work (claimed by them, or unclaimed for one of their roles), who
 * holds the others of the user's organizations, and the 问题清单 imported into one of the user's own.
 */
@Component
class RegistrationTasks {

  static final String TASK = "Task_RegisterFeedback";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One open registration task as the import page lists it. */
  record Registration(String taskId, String name, Date created, LocalDate due, String assignee,
      String assigneeName, String holders, int imported) {

    public LocalDate createdOn() {
      return ChinaClock.toLocalDate(created);
    }


    public boolean claimed() {
      return assignee != null;
    }
  }

  private final TaskService tasks;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final OrganizationDirectory directory;
  private final Viewer viewer;
  private final ProblemImport problemImport;

  RegistrationTasks(TaskService tasks, IdentityService identity, RuntimeService runtime, HistoryService history,
      OrganizationDirectory directory, Viewer viewer, ProblemImport problemImport) {
    this.tasks = tasks;
    this.identity = identity;
    this.runtime = runtime;
    this.history = history;
    this.directory = directory;
    this.viewer = viewer;
    this.problemImport = problemImport;
  }

  /** The user's own: claimed by them first, then unclaimed ones of their roles; the newest first in each. */
  List<Registration> mine(Authentication auth) {
    return describe(workable(auth)).stream()
        .sorted(Comparator.comparing((Registration r) -> !auth.getName().equals(r.assignee()))
            .thenComparing(Registration::created, Comparator.reverseOrder()))
        .toList();
  }

  /**
   * Open registration tasks the user cannot work but should know about: those of the organizations the user sees
   * and those of the cases the user started, with who holds them.
   */
  List<Registration> heldByOthers(Authentication auth) {
    Set<String> own = workable(auth).stream().map(Task::getId).collect(Collectors.toSet());
    List<Task> open = tasks.createTaskQuery().taskDefinitionKey(TASK).processDefinitionKey(Rectification.PROCESS_KEY)
        .active().list().stream().filter(t -> !own.contains(t.getId())).toList();
    if (open.isEmpty()) {
      return List.of();
    }
    Set<String> instances = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    Map<String, String> orgOf = runtime.createVariableInstanceQuery().variableName("orgId")
        .processInstanceIdIn(instances.toArray(String[]::new)).list().stream()
        .filter(v -> v.getExecutionId().equals(v.getProcessInstanceId()) && v.getValue() != null)
        .collect(Collectors.toMap(VariableInstance::getProcessInstanceId, v -> v.getValue().toString(), (a, b) -> a));
    Set<String> startedByUser = history.createHistoricProcessInstanceQuery()
        .processInstanceIds(instances).startedBy(auth.getName()).list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    Set<String> visible = viewer.organizations(auth);
    return describe(open.stream()
        .filter(t -> visible.contains(orgOf.get(t.getProcessInstanceId()))
            || startedByUser.contains(t.getProcessInstanceId()))
        .toList());
  }

  /** Replaces the problem list of the task's case with the sheet's rows, all or nothing; returns how many. */
  int importInto(String taskId, String filename, byte[] content, Authentication auth) {
    Task task = workable(auth).stream().filter(t -> t.getId().equals(taskId)).findFirst().orElse(null);
    if (task == null) {
      Task open = tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(TASK).singleResult();
      if (open != null && open.getAssignee() != null && inCandidateGroups(open, auth)) {
        throw new RuleViolation("rectification.registration.claimed",
            "该“登记反馈问题清单”任务已由" + nameOf(open.getAssignee()) + "认领，只有认领人可以导入问题清单");
      }
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到您可办理的“登记反馈问题清单”任务");
    }
    List<Map<String, Object>> problems = problemImport.read(filename, content);
    try {
      tasks.setVariable(taskId, "problems", SpinValues.jsonValue(JSON.writeValueAsString(problems)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return problems.size();
  }

  /** Claimed by the user, or unclaimed and offered to one of the user's groups; every open one for the admin. */
  private List<Task> workable(Authentication auth) {
    if (Viewer.isAdmin(auth)) {
      return tasks.createTaskQuery().taskDefinitionKey(TASK).active().list();
    }
    Map<String, Task> found = new LinkedHashMap<>();
    tasks.createTaskQuery().taskDefinitionKey(TASK).taskAssignee(auth.getName()).active().list()
        .forEach(t -> found.put(t.getId(), t));
    List<String> groups = groupsOf(auth);
    if (!groups.isEmpty()) {
      // A candidate query leaves out claimed tasks: a colleague's claimed task is theirs, not the user's.
      tasks.createTaskQuery().taskDefinitionKey(TASK).taskCandidateGroupIn(groups).active().list()
          .forEach(t -> found.putIfAbsent(t.getId(), t));
    }
    return new ArrayList<>(found.values());
  }

  private boolean inCandidateGroups(Task task, Authentication auth) {
    Set<String> groups = new HashSet<>(groupsOf(auth));
    return candidateGroups(task.getId()).stream().anyMatch(groups::contains);
  }

  private List<String> groupsOf(Authentication auth) {
    return identity.createGroupQuery().groupMember(auth.getName()).list().stream().map(Group::getId).toList();
  }

  private List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private List<Registration> describe(List<Task> open) {
    return open.stream().map(t -> new Registration(t.getId(), t.getName(), t.getCreateTime(),
        t.getDueDate() == null ? null : ChinaClock.toLocalDate(t.getDueDate()),
        t.getAssignee(), t.getAssignee() == null ? null : nameOf(t.getAssignee()),
        candidateGroups(t.getId()).stream().map(this::describeGroup).collect(Collectors.joining("；")),
        imported(t.getId()))).toList();
  }

  /** A group as people say it: “县人民医院党委 组织部门干事（赵志强）”. */
  private String describeGroup(String groupId) {
    if (Groups.ADMINS.equals(groupId)) {
      return "系统管理员";
    }
    int dot = groupId.lastIndexOf('.');
    Optional<Role> role = dot < 0 ? Optional.empty() : Role.parse(groupId.substring(dot + 1));
    String orgId = dot < 0 ? groupId : groupId.substring(0, dot);
    String orgName = directory.organization(orgId).map(o -> o.name()).orElse(orgId);
    if (role.isEmpty()) {
      return orgName;
    }
    String people = directory.holders(orgId, role.get()).stream().filter(p -> p.username() != null)
        .map(Person::name).collect(Collectors.joining("、"));
    return orgName + " " + role.get().label() + (people.isEmpty() ? "" : "（" + people + "）");
  }

  private String nameOf(String username) {
    return directory.personByUsername(username).map(Person::name).orElse(username);
  }

  private int imported(String taskId) {
    TypedValue value = tasks.getVariableTyped(taskId, "problems", false);
    String text = value instanceof SerializableValue s ? s.getValueSerialized()
        : value == null || value.getValue() == null ? null : value.getValue().toString();
    try {
      JsonNode list = text == null ? null : JSON.readTree(text);
      return list != null && list.isArray() ? list.size() : 0;
    } catch (JsonProcessingException e) {
      return 0;
    }
  }
}
