package cn.partyflow.dues.web;

import cn.partyflow.organization.TaskHolders;
import cn.partyflow.security.ProcedurePages;
import cn.partyflow.shared.RuleViolation;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The dues cases behind a branch's page: their open tasks, who holds each, and starts and completions made from
 * the page as the signed-in user, so the engine's authorization and every start and completion listener apply.
 */
@Component
class DuesCases {


  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final TaskHolders holders;
  private final ProcedurePages pages;

  DuesCases(TaskService tasks, HistoryService history, IdentityService identity, TaskHolders holders,
      ProcedurePages pages) {
    this.pages = pages;
    this.holders = holders;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
  }

  /** One open task as the page shows it. */
  record OpenTask(String id, String key, String name, String holder, boolean mine, String link) {}

  Optional<HistoricProcessInstance> instance(String processKey, String businessKey) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().desc().list().stream().findFirst();
  }

  List<OpenTask> open(String processKey, String businessKey, String user) {
    List<String> groups = groups(user);
    return tasks.createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
        .orderByTaskCreateTime().asc().list().stream().map(t -> view(t, user, groups)).toList();
  }

  List<OpenTask> openOfInstance(String instanceId, String user) {
    List<String> groups = groups(user);
    return tasks.createTaskQuery().processInstanceId(instanceId).list().stream().map(t -> view(t, user, groups))
        .toList();
  }

  private OpenTask view(Task t, String user, List<String> groups) {
    List<String> candidates = holders.candidateGroups(t);
    boolean mine = user.equals(t.getAssignee())
        || (t.getAssignee() == null && candidates.stream().anyMatch(groups::contains));
    String holder = holders.describe(t);
    return new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), holder, mine,
        ProcedurePages.TASKLIST + t.getId());
  }

  /**
   * Runs a start as the user: the engine checks the user may create the case and acts for its branch, and records
   * the user as its starter. Dues cases are started here, not in Tasklist.
   */
  String startAs(String user, Supplier<String> start) {
    return pages.startAs(user, start);
  }

  /** Completes the task as the user, claiming it first when nobody holds it; somebody else's task is refused. */
  void completeAs(String user, Task task) {
    completeAs(user, task, java.util.Map.of());
  }

  /** As {@link #completeAs(String, Task)}, submitting the values the task's form would. */
  void completeAs(String user, Task task, java.util.Map<String, Object> values) {
    if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
      throw new RuleViolation("dues.task.held", "“" + task.getName() + "”已由" + holders.userName(task.getAssignee())
          + "认领，只能由认领人办理");
    }
    pages.asUser(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), values);
      return null;
    });
  }

  String businessKey(String instanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  /** Whether the user holds the task or, unclaimed, is one of its candidates. */
  boolean mayWork(String user, Task task) {
    return view(task, user, groups(user)).mine();
  }

  /** The open approval task of an adjustment's case, if any. */
  Optional<Task> adjustmentTask(String branchId, long adjustmentId) {
    return tasks.createTaskQuery().processDefinitionKey(cn.partyflow.dues.DuesProcesses.ADJUSTMENT)
        .processInstanceBusinessKey(cn.partyflow.dues.DuesProcesses.adjustmentKey(branchId, adjustmentId)).list()
        .stream().findFirst();
  }

  Optional<Task> task(String taskId) {
    return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).singleResult());
  }

  private List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }
}
