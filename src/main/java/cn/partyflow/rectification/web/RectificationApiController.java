package cn.partyflow.rectification.web;

import cn.partyflow.rectification.DeadlineChange;
import cn.partyflow.rectification.RectificationItem;
import cn.partyflow.rectification.RectificationItems;
import java.io.IOException;
import java.util.Map;
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

  private final RegistrationTasks registrations;
  private final DeadlineChange deadlineChange;
  private final RectificationItems service;
  private final Viewer viewer;

  RectificationApiController(RegistrationTasks registrations, DeadlineChange deadlineChange,
      RectificationItems service, Viewer viewer) {
    this.registrations = registrations;
    this.deadlineChange = deadlineChange;
    this.service = service;
    this.viewer = viewer;
  }

  /** Replaces the problem list of the case with the sheet's rows; the officer then checks them in the form. */
  @PostMapping("/api/rectification/tasks/{taskId}/problems")
  Map<String, Object> importProblems(@PathVariable String taskId, @RequestParam("file") MultipartFile file,
      Authentication auth) throws IOException {
    return Map.of("imported", registrations.importInto(taskId, file.getOriginalFilename(), file.getBytes(), auth));
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
