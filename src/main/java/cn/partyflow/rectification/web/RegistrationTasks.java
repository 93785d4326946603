package cn.partyflow.rectification.web;

import cn.partyflow.rectification.ProblemImport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The open “登记反馈问题清单” tasks a user may work, and the 问题清单 imported into one of them. */
@Component
class RegistrationTasks {

  static final String TASK = "Task_RegisterFeedback";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskService tasks;
  private final IdentityService identity;
  private final ProblemImport problemImport;

  RegistrationTasks(TaskService tasks, IdentityService identity, ProblemImport problemImport) {
    this.tasks = tasks;
    this.identity = identity;
    this.problemImport = problemImport;
  }

  List<Task> open(Authentication auth) {
    TaskQuery query = visible(auth);
    return query == null ? List.of() : query.orderByTaskCreateTime().desc().list();
  }

  /** Replaces the problem list of the task's case with the sheet's rows, all or nothing; returns how many. */
  int importInto(String taskId, String filename, byte[] content, Authentication auth) {
    TaskQuery query = visible(auth);
    Task task = query == null ? null : query.taskId(taskId).singleResult();
    if (task == null) {
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

  private TaskQuery visible(Authentication auth) {
    TaskQuery query = tasks.createTaskQuery().taskDefinitionKey(TASK);
    if (Viewer.isAdmin(auth)) {
      return query;
    }
    List<String> groups = identity.createGroupQuery().groupMember(auth.getName()).list().stream()
        .map(Group::getId).toList();
    return groups.isEmpty() ? null : query.taskCandidateGroupIn(groups);
  }
}
