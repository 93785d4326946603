package cn.partyflow.rectification.web;

import cn.partyflow.rectification.DeadlineChange;
import cn.partyflow.rectification.ProblemImport;
import cn.partyflow.rectification.RectificationItem;
import cn.partyflow.rectification.RectificationService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The 问题清单 import into an open registration task, and the 党委书记's approval of a moved deadline. */
@RestController
class RectificationApiController {

  private final ProblemImport problemImport;
  private final DeadlineChange deadlineChange;
  private final RectificationService service;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Viewer viewer;

  RectificationApiController(ProblemImport problemImport, DeadlineChange deadlineChange, RectificationService service,
      TaskService tasks, IdentityService identity, Viewer viewer) {
    this.problemImport = problemImport;
    this.deadlineChange = deadlineChange;
    this.service = service;
    this.tasks = tasks;
    this.identity = identity;
    this.viewer = viewer;
  }

  /** Replaces the problem list of the case with the sheet's rows; the officer then checks them in the form. */
  @PostMapping("/api/rectification/tasks/{taskId}/problems")
  Map<String, Object> importProblems(@PathVariable String taskId, @RequestParam("file") MultipartFile file,
      Authentication auth) throws IOException {
    List<String> groups = identity.createGroupQuery().groupMember(auth.getName()).list().stream()
        .map(Group::getId).toList();
    Task task = groups.isEmpty() ? null : tasks.createTaskQuery().taskId(taskId).taskCandidateGroupIn(groups)
        .singleResult();
    if (task == null && Viewer.isAdmin(auth)) {
      task = tasks.createTaskQuery().taskId(taskId).singleResult();
    }
    if (task == null || !"Task_RegisterFeedback".equals(task.getTaskDefinitionKey())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到您可办理的“登记反馈问题清单”任务");
    }
    List<Map<String, Object>> problems = problemImport.read(file.getOriginalFilename(), file.getBytes());
    tasks.setVariable(taskId, "problems",
        SpinValues.jsonValue(new ObjectMapper().writeValueAsString(problems)).create());
    return Map.of("imported", problems.size());
  }

  /** The request body: the new deadline ("yyyy-MM-dd") and the reason. */
  record DeadlineRequest(String deadline, String reason) {}

  /** Only the organization's 党委书记 (first responsible person) approves a moved deadline. */
  @PostMapping("/api/rectification/items/{id}/deadline")
  Map<String, Object> moveDeadline(@PathVariable long id, @RequestBody DeadlineRequest request, Authentication auth) {
    RectificationItem item = service.item(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "整改事项不存在"));
    viewer.requireItem(auth, item);
    if (!viewer.approvesDeadlines(auth, item)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "调整完成时限须由党委书记批准");
    }
    RectificationItem moved = deadlineChange.change(id, request.deadline(), request.reason(), auth.getName());
    return Map.of("itemId", id, "deadline", moved.deadline().toString());
  }
}
