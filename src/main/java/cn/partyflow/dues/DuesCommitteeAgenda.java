package cn.partyflow.dues;

import static cn.partyflow.dues.DuesProcesses.*;

import cn.partyflow.memberdevelopment.CommitteeAgenda;
import cn.partyflow.memberdevelopment.CommitteeItem;
import cn.partyflow.organization.RoutingService;
import cn.partyflow.shared.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The 自行脱党除名 decisions awaiting a 党委: the arrears cases whose branch meeting decided removal, listed on the
 * 党委会研究 page beside the admissions, each decided by its own vote at the recorded meeting. Completing the task hands
 * it only the meeting's id; {@link DuesArrearsSteps#approval} reads the decision back and checks it.
 */
@Component
class DuesCommitteeAgenda implements CommitteeAgenda {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RoutingService routing;

  DuesCommitteeAgenda(TaskService tasks, RuntimeService runtime, RoutingService routing) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.routing = routing;
  }

  @Override
  public List<CommitteeItem> awaiting(String committeeId) {
    List<CommitteeItem> items = new ArrayList<>();
    for (Task t : open().orderByTaskCreateTime().asc().list()) {
      Map<String, Object> v = runtime.getVariables(t.getExecutionId(), List.of(ORG_ID, BRANCH_NAME, "personId",
          "personName", "monthsUnpaid", "meetingDate"));
      if (!committeeId.equals(approvingCommittee(Objects.toString(v.get(ORG_ID), "")))) {
        continue;
      }
      items.add(new CommitteeItem(t.getId(), t.getProcessInstanceId(), t.getTaskDefinitionKey(),
          Objects.toString(v.get("personId"), ""), Objects.toString(v.get("personName"), ""),
          Objects.toString(v.get(BRANCH_NAME), ""), "自行脱党除名（连续" + v.get("monthsUnpaid") + "个月未交党费）",
          Objects.toString(v.get("meetingDate"), "")));
    }
    return items;
  }

  @Override
  public void decided(CommitteeItem item, long meetingId, String username) {
    if (open().taskId(item.taskId()).count() == 0) {
      throw new RuleViolation("dues.committeeCandidate", item.personName() + "的除名审批已办结或不在待审批名单中，请刷新页面");
    }
    tasks.setAssignee(item.taskId(), username);
    tasks.complete(item.taskId(), Map.of(COMMITTEE_MEETING_ID, meetingId));
  }

  /** The branch's approving 党委, or none where the registry names none (then no meeting can decide it). */
  String approvingCommittee(String orgId) {
    try {
      return routing.approvalOrgId(orgId);
    } catch (RuleViolation none) {
      return null;
    }
  }

  private org.camunda.bpm.engine.task.TaskQuery open() {
    return tasks.createTaskQuery().processDefinitionKey(ARREARS).taskDefinitionKey(TASK_COMMITTEE_APPROVAL).active();
  }
}
