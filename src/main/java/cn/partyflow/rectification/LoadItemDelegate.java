package cn.partyflow.rectification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Implements ServiceTask_LoadItem (载入整改事项): the item's facts as variables local to its own instance. */
@Component("loadItemDelegate")
public class LoadItemDelegate implements JavaDelegate {

  static final java.util.List<String> ITEM_ANSWERS = java.util.List.of("progress", "readyForVerification",
      "leaderApproved", "leaderComment", "verified", "verifyComment", "verifyGrade", "superviseNote",
      "accountabilityAction", "accountabilityNote", RectificationService.RETURN_REASON);

  private final RectificationService service;

  public LoadItemDelegate(RectificationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RectificationItem item = service.item(RectificationService.itemId(execution)).orElseThrow();
    execution.setVariableLocal("itemSeq", item.seq());
    execution.setVariableLocal("itemProblem", item.problem());
    execution.setVariableLocal("itemMeasures", item.measures());
    execution.setVariableLocal("itemCategory", item.category());
    execution.setVariableLocal("itemDepartment", item.department());
    execution.setVariableLocal("leaderUser", item.leaderUser());
    execution.setVariableLocal("responsibleUser", item.responsibleUser());
    execution.setVariableLocal("itemDeadline", item.deadline() == null ? null : item.deadline().toString());
    execution.setVariableLocal("evidenceUrl", "/rectification/items/" + item.id() + "/evidence");
    // The answers of this item's tasks stay with this item: without local copies they would land on the case and
    // parallel items would overwrite each other's progress and decisions.
    for (String answer : ITEM_ANSWERS) {
      execution.setVariableLocal(answer, null);
    }
  }
}
