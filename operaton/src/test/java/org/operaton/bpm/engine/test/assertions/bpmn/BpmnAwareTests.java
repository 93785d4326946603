package org.operaton.bpm.engine.test.assertions.bpmn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.operaton.bpm.engine.FormService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.JobQuery;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.runtime.ProcessInstanceQuery;
import org.operaton.bpm.engine.runtime.TransitionInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.engine.task.TaskQuery;

/**
 * The part of camunda-bpm-assert's BpmnAwareTests that partyflow's process tests use, for the Operaton build
 * (operaton/renames.xml): Maven Central as reached here serves no operaton-bpm-assert. Same names and meaning:
 * task() and task(key) read the process instance last passed to assertThat.
 */
public class BpmnAwareTests extends Assertions {

  private static final ThreadLocal<ProcessEngine> ENGINE = new ThreadLocal<>();
  private static final ThreadLocal<ProcessInstance> LAST = new ThreadLocal<>();

  protected BpmnAwareTests() {}

  public static void init(ProcessEngine engine) {
    ENGINE.set(engine);
  }

  public static void reset() {
    ENGINE.remove();
    LAST.remove();
  }

  public static ProcessEngine processEngine() {
    return Objects.requireNonNull(ENGINE.get(), "call BpmnAwareTests.init(engine) first");
  }

  public static RuntimeService runtimeService() {
    return processEngine().getRuntimeService();
  }

  public static TaskService taskService() {
    return processEngine().getTaskService();
  }

  public static HistoryService historyService() {
    return processEngine().getHistoryService();
  }

  public static ManagementService managementService() {
    return processEngine().getManagementService();
  }

  public static RepositoryService repositoryService() {
    return processEngine().getRepositoryService();
  }

  public static IdentityService identityService() {
    return processEngine().getIdentityService();
  }

  public static FormService formService() {
    return processEngine().getFormService();
  }

  public static TaskQuery taskQuery() {
    return taskService().createTaskQuery();
  }

  public static JobQuery jobQuery() {
    return managementService().createJobQuery();
  }

  public static ProcessInstanceQuery processInstanceQuery() {
    return runtimeService().createProcessInstanceQuery();
  }

  public static ProcessInstanceAssert assertThat(ProcessInstance actual) {
    LAST.set(actual);
    return new ProcessInstanceAssert(actual);
  }

  public static TaskAssert assertThat(Task actual) {
    return new TaskAssert(actual);
  }

  public static Task task() {
    return task(last());
  }

  public static Task task(String taskDefinitionKey) {
    return task(taskDefinitionKey, last());
  }

  public static Task task(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).singleResult();
  }

  public static Task task(String taskDefinitionKey, ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskDefinitionKey).singleResult();
  }

  public static Task task(TaskQuery query) {
    return query.singleResult();
  }

  public static Job job() {
    return jobQuery().processInstanceId(last().getId()).singleResult();
  }

  public static Job job(ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).singleResult();
  }

  public static Job job(String activityId, ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  public static void execute(Job job) {
    Assertions.assertThat(job).as("the job to execute").isNotNull();
    managementService().executeJob(job.getId());
  }

  public static void complete(Task task) {
    complete(task, Map.of());
  }

  public static void complete(Task task, Map<String, Object> variables) {
    Assertions.assertThat(task).as("the task to complete").isNotNull();
    taskService().complete(task.getId(), variables);
  }

  public static void claim(Task task, String userId) {
    taskService().claim(task.getId(), userId);
  }

  public static Map<String, Object> withVariables(String key, Object value, Object... more) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(key, value);
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return variables;
  }

  private static ProcessInstance last() {
    return Objects.requireNonNull(LAST.get(), "assertThat(processInstance) first");
  }

  /** Where a process instance waits and what it has passed, read from the runtime and the history. */
  public static class ProcessInstanceAssert extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {

    ProcessInstanceAssert(ProcessInstance actual) {
      super(actual, ProcessInstanceAssert.class);
    }

    public ProcessInstanceAssert isWaitingAt(String... activityIds) {
      isNotNull();
      ActivityInstance tree = runtimeService().getActivityInstance(actual.getId());
      Assertions.assertThat(tree).as("process instance %s is not ended", actual.getId()).isNotNull();
      List<String> waiting = new ArrayList<>();
      collect(tree, waiting);
      Assertions.assertThat(waiting).as("activities process instance %s waits at", actual.getId())
          .contains(activityIds);
      return this;
    }

    public ProcessInstanceAssert isNotWaitingAt(String... activityIds) {
      isNotNull();
      ActivityInstance tree = runtimeService().getActivityInstance(actual.getId());
      List<String> waiting = new ArrayList<>();
      if (tree != null) {
        collect(tree, waiting);
      }
      Assertions.assertThat(waiting).as("activities process instance %s waits at", actual.getId())
          .doesNotContain(activityIds);
      return this;
    }

    public ProcessInstanceAssert hasPassed(String... activityIds) {
      Assertions.assertThat(passed()).as("activities process instance %s has passed", actual.getId())
          .contains(activityIds);
      return this;
    }

    public ProcessInstanceAssert hasNotPassed(String... activityIds) {
      Assertions.assertThat(passed()).as("activities process instance %s has passed", actual.getId())
          .doesNotContain(activityIds);
      return this;
    }

    public ProcessInstanceAssert hasPassedInOrder(String... activityIds) {
      Assertions.assertThat(passed()).as("activities process instance %s has passed, in order", actual.getId())
          .containsSubsequence(activityIds);
      return this;
    }

    public ProcessInstanceAssert isEnded() {
      isNotNull();
      Assertions.assertThat(processInstanceQuery().processInstanceId(actual.getId()).singleResult())
          .as("process instance %s still running", actual.getId()).isNull();
      return this;
    }

    public ProcessInstanceAssert isNotEnded() {
      isNotNull();
      Assertions.assertThat(processInstanceQuery().processInstanceId(actual.getId()).singleResult())
          .as("process instance %s running", actual.getId()).isNotNull();
      return this;
    }

    public ProcessInstanceAssert isActive() {
      return isNotEnded();
    }

    /** The variables of the process instance: those it holds while it runs, its history's once it has ended. */
    public MapAssert<String, Object> variables() {
      isNotNull();
      Map<String, Object> variables = new HashMap<>();
      if (processInstanceQuery().processInstanceId(actual.getId()).singleResult() != null) {
        variables.putAll(runtimeService().getVariables(actual.getId()));
      } else {
        for (HistoricVariableInstance v : historyService().createHistoricVariableInstanceQuery()
            .processInstanceId(actual.getId()).list()) {
          variables.put(v.getName(), v.getValue());
        }
      }
      return Assertions.assertThat(variables);
    }

    private List<String> passed() {
      isNotNull();
      List<String> ids = new ArrayList<>();
      for (HistoricActivityInstance ai : historyService().createHistoricActivityInstanceQuery()
          .processInstanceId(actual.getId()).finished().orderPartiallyByOccurrence().asc().list()) {
        ids.add(ai.getActivityId());
      }
      return ids;
    }

    private static void collect(ActivityInstance instance, List<String> into) {
      if (instance.getChildActivityInstances().length == 0 && instance.getChildTransitionInstances().length == 0) {
        into.add(instance.getActivityId());
      }
      for (ActivityInstance child : instance.getChildActivityInstances()) {
        collect(child, into);
      }
      for (TransitionInstance transition : instance.getChildTransitionInstances()) {
        into.add(transition.getActivityId());
      }
    }
  }

  /** A task's name, assignee, candidate groups and due date. */
  public static class TaskAssert extends AbstractAssert<TaskAssert, Task> {

    TaskAssert(Task actual) {
      super(actual, TaskAssert.class);
    }

    public TaskAssert hasName(String name) {
      isNotNull();
      Assertions.assertThat(actual.getName()).as("name of task %s", actual.getTaskDefinitionKey()).isEqualTo(name);
      return this;
    }

    public TaskAssert hasDefinitionKey(String key) {
      isNotNull();
      Assertions.assertThat(actual.getTaskDefinitionKey()).isEqualTo(key);
      return this;
    }

    public TaskAssert isAssignedTo(String userId) {
      isNotNull();
      Assertions.assertThat(actual.getAssignee()).as("assignee of task %s", actual.getTaskDefinitionKey())
          .isEqualTo(userId);
      return this;
    }

    public TaskAssert isNotAssigned() {
      isNotNull();
      Assertions.assertThat(actual.getAssignee()).as("assignee of task %s", actual.getTaskDefinitionKey()).isNull();
      return this;
    }

    public TaskAssert hasDueDate(Date dueDate) {
      isNotNull();
      Assertions.assertThat(actual.getDueDate()).as("due date of task %s", actual.getTaskDefinitionKey())
          .isEqualTo(dueDate);
      return this;
    }

    public TaskAssert hasCandidateGroup(String groupId) {
      isNotNull();
      List<String> groups = new ArrayList<>();
      for (IdentityLink link : taskService().getIdentityLinksForTask(actual.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
      Assertions.assertThat(groups).as("candidate groups of task %s", actual.getTaskDefinitionKey())
          .contains(groupId);
      return this;
    }

    public TaskAssert hasCandidateGroups(String... groupIds) {
      Arrays.stream(groupIds).forEach(this::hasCandidateGroup);
      return this;
    }
  }
}
