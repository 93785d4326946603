package cn.partyflow.rectification;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An approved change of an item's deadline (with its reason) moves the deadline and reschedules the ladder: the
 * item's pending ladder timers are re-evaluated against the new deadline. Steps that already fired stay in the
 * history; a later deadline lets the remaining ones fire at their new times.
 */
@Service
public class DeadlineChange {

  private final RectificationItems service;
  private final RuntimeService runtime;
  private final ManagementService management;

  public DeadlineChange(RectificationItems service, RuntimeService runtime, ManagementService management) {
    this.service = service;
    this.runtime = runtime;
    this.management = management;
  }

  /** The same, with the new deadline as the 党委书记 entered it ("yyyy-MM-dd"). */
  @Transactional
  public RectificationItem change(long itemId, String newDeadline, String reason, String approvedBy) {
    return change(itemId, FormValues.enteredDate(newDeadline, "新的完成时限"), reason, approvedBy);
  }

  @Transactional
  public RectificationItem change(long itemId, LocalDate newDeadline, String reason, String approvedBy) {
    RectificationItem item = service.item(itemId)
        .orElseThrow(() -> new RuleViolation("rectification.item", "整改事项" + itemId + "不存在"));
    if (!item.isOpen() || item.isLongTerm()) {
      throw new RuleViolation("rectification.deadline", "已销号或长期坚持的事项不能调整完成时限");
    }
    if (reason == null || reason.isBlank()) {
      throw new RuleViolation("rectification.deadline", "调整完成时限须写明理由");
    }
    if (newDeadline == null) {
      throw new RuleViolation("rectification.deadline", "请填写新的完成时限");
    }
    if (newDeadline.isBefore(ChinaClock.today())) {
      throw new RuleViolation("rectification.deadline", "新的完成时限不能早于今天");
    }
    List<String> scopes = runtime.createVariableInstanceQuery()
        .processInstanceIdIn(item.processInstanceId()).variableName("itemDeadline").list().stream()
        .filter(v -> Objects.equals(itemIdAt(v.getExecutionId()), itemId))
        .map(VariableInstance::getExecutionId).toList();
    for (String execution : scopes) {
      runtime.setVariableLocal(execution, "itemDeadline", newDeadline.toString());
    }
    Set<String> ladderDefinitions = management.createJobDefinitionQuery()
        .processDefinitionKey(Rectification.PROCESS_KEY)
        .activityIdIn(Rectification.LADDER_TIMERS.toArray(String[]::new)).list().stream()
        .map(JobDefinition::getId).collect(Collectors.toSet());
    for (Job job : management.createJobQuery().processInstanceId(item.processInstanceId()).timers().list()) {
      if (ladderDefinitions.contains(job.getJobDefinitionId())
          && Objects.equals(itemIdAt(job.getExecutionId()), itemId)) {
        management.recalculateJobDuedate(job.getId(), false);
      }
    }
    service.moveDeadline(itemId, newDeadline, approvedBy,
        "完成时限由" + item.deadline() + "调整为" + newDeadline + "，理由：" + reason.trim() + "（" + approvedBy + "批准）");
    return service.item(itemId).orElseThrow();
  }

  private Long itemIdAt(String executionId) {
    Object v = runtime.getVariable(executionId, "itemId");
    return v instanceof Number n ? n.longValue() : null;
  }
}
