package cn.partyflow.memberdevelopment;

import cn.partyflow.memberdevelopment.CommitteeMeetingService.Submission;
import cn.partyflow.memberdevelopment.CommitteeMeetingService.Vote;
import cn.partyflow.organization.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A 党委会 at which every entitled committee member is present and votes for each case named, recorded as the
 * 党委会研究 page records it (the same rules, the same meeting record, the approval tasks completed with it). For
 * the demo setup, which walks cases past the 党委's approvals.
 */
@Component
public class CommitteeApprovalRecord {

  private final CommitteeMeetingService service;
  private final TaskService tasks;

  CommitteeApprovalRecord(CommitteeMeetingService service, TaskService tasks) {
    this.service = service;
    this.tasks = tasks;
  }

  /** Approves the open admission or conversion approval of each case at a meeting on {@code date}. */
  public void approveUnanimously(String orgDeptUser, String committeeId, String date, String minutes,
      List<String> processInstanceIds) {
    Map<String, String> attendance = new LinkedHashMap<>();
    List<Person> members = service.entitled(committeeId);
    members.forEach(p -> attendance.put(p.id(), "PRESENT"));
    List<Vote> votes = new ArrayList<>();
    for (String pi : processInstanceIds) {
      Task t = tasks.createTaskQuery().processInstanceId(pi)
          .taskDefinitionKeyIn(MemberDevelopment.TASK_APPROVAL, MemberDevelopment.TASK_CONVERSION_APPROVAL)
          .singleResult();
      if (t == null) {
        throw new IllegalStateException("No approval awaits the 党委 in case " + pi);
      }
      votes.add(new Vote(t.getId(), members.size(), 0, 0, false, null, null));
    }
    service.record(orgDeptUser, new Submission(committeeId, date, minutes, attendance, Map.of(), votes));
  }
}
