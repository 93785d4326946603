package cn.partyflow.roster;

import cn.partyflow.audit.CaseStates;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A person's cases and who holds their open steps, read from the engine as the signed-in user, so a case the user
 * may not read is not there.
 */
@Component
class PersonCases {

  /** An open step: its task, and who has it (display names). */
  record Step(String taskId, String name, String holders, boolean mine) {}

  record Case(String id, String procedureName, String status, LocalDate started, LocalDate ended, List<Step> steps) {}

  private final HistoryService history;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final OrganizationDirectory directory;

  PersonCases(HistoryService history, TaskService tasks, RepositoryService repository, IdentityService identity,
      OrganizationDirectory directory) {
    this.history = history;
    this.tasks = tasks;
    this.repository = repository;
    this.identity = identity;
    this.directory = directory;
  }

  /** The cases whose business key is the person's id, newest first. */
  List<Case> of(String personId, String userId) {
    List<String> groups = groups(userId);
    List<HistoricProcessInstance> found = asUser(userId, groups, () -> history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(personId).orderByProcessInstanceStartTime().desc().listPage(0, 50));
    Map<String, String> names = repository.createProcessDefinitionQuery().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getId, d -> d.getName() == null ? d.getKey() : d.getName()));
    List<Case> cases = new ArrayList<>();
    for (HistoricProcessInstance p : found) {
      List<Step> steps = p.getEndTime() != null ? List.of()
          : tasks.createTaskQuery().processInstanceId(p.getId()).list().stream()
              .map(t -> step(t, userId, groups)).toList();
      cases.add(new Case(p.getId(), names.getOrDefault(p.getProcessDefinitionId(), p.getProcessDefinitionKey()),
          CaseStates.label(p.getState()), day(p.getStartTime()), day(p.getEndTime()), steps));
    }
    return cases;
  }

  /** The first open step of a new case, as {@link #of} describes it. */
  Step firstStep(String processInstanceId, String userId) {
    List<String> groups = groups(userId);
    return tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .map(t -> step(t, userId, groups)).findFirst().orElse(null);
  }

  private Step step(Task task, String userId, List<String> groups) {
    if (task.getAssignee() != null) {
      return new Step(task.getId(), task.getName(), displayName(task.getAssignee()), task.getAssignee().equals(userId));
    }
    Set<String> holders = new LinkedHashSet<>();
    boolean mine = false;
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        holders.add(displayName(link.getUserId()));
        mine |= link.getUserId().equals(userId);
      }
      if (link.getGroupId() != null) {
        mine |= groups.contains(link.getGroupId());
        for (User u : identity.createUserQuery().memberOfGroup(link.getGroupId()).list()) {
          holders.add(displayName(u.getId()));
        }
      }
    }
    return new Step(task.getId(), task.getName(), holders.isEmpty() ? "（无人）" : String.join("、", holders), mine);
  }

  private String displayName(String userId) {
    return directory.personByUsername(userId).map(Person::name).orElse(userId);
  }

  private List<String> groups(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  private <T> T asUser(String userId, List<String> groups, Supplier<T> work) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(userId, groups);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  private static LocalDate day(Date date) {
    return date == null ? null : ChinaClock.toLocalDate(date);
  }
}
