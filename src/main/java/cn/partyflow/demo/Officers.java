package cn.partyflow.demo;

import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What the demo's seeding does as an officer: start forms and task forms submitted through the engine with the
 * officer's login, so the engine's authorization, the form rules and the procedures' checks apply as in Tasklist,
 * and the engine clock set to the day the step is dated.
 */
@Component
class Officers {

  private final FormService forms;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final IdentityService identity;

  Officers(FormService forms, TaskService tasks, RepositoryService repository, IdentityService identity) {
    this.forms = forms;
    this.tasks = tasks;
    this.repository = repository;
    this.identity = identity;
  }

  /** Runs the action with the user's login and groups, as a request of that user would. */
  <T> T as(String user, Supplier<T> action) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
    try {
      return action.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  void as(String user, Runnable action) {
    as(user, () -> {
      action.run();
      return null;
    });
  }

  /** The start form of the procedure's latest version, submitted by the user; answers the process instance id. */
  String start(String user, String processKey, String businessKey, Object... keyValues) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getId();
    return as(user, () -> forms.submitStartForm(definition, businessKey, values(keyValues)).getId());
  }

  /** The case's one open task with this key, its form submitted by the user. */
  void submit(String user, String pi, String taskKey, Object... keyValues) {
    submit(user, task(pi, taskKey), keyValues);
  }

  void submit(String user, Task task, Object... keyValues) {
    as(user, () -> forms.submitTaskForm(task.getId(), values(keyValues)));
  }

  Task task(String pi, String taskKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).list();
    if (open.size() != 1) {
      throw new IllegalStateException(taskKey + " is open " + open.size() + " times in case " + pi);
    }
    return open.get(0);
  }

  boolean open(String pi, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).count() > 0;
  }

  /** The engine's today becomes {@code day} at 10:00, or the real time when the day is not in the past. */
  static void clock(LocalDate day) {
    if (day.isBefore(ChinaClock.toLocalDate(new java.util.Date()))) {
      ClockUtil.setCurrentTime(ChinaClock.toDate(day.atTime(10, 0)));
    } else {
      ClockUtil.reset();
    }
  }

  static Object json(String text) {
    return SpinValues.jsonValue(text).create();
  }

  static Map<String, Object> values(Object... keyValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return values;
  }
}
