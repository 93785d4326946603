package cn.partyflow.rectification;

import java.time.LocalDate;

/** One rectification item (整改事项): a problem, its measures and the people answerable for it. */
public record RectificationItem(
    long id,
    long caseId,
    String orgId,
    int seq,
    String problem,
    String measures,
    String target,
    String category,
    String leaderUser,
    String department,
    String coDepartments,
    String responsibleUser,
    LocalDate deadline,
    String status,
    String processInstanceId,
    String currentTaskId,
    String currentTaskName) {

  public boolean isLongTerm() {
    return Rectification.LONG_TERM.equals(category);
  }

  public boolean isOpen() {
    return !Rectification.CLOSED.equals(status);
  }

  /** Open past its deadline; a 长期坚持 item has no deadline to miss. */
  public boolean isOverdue(LocalDate today) {
    return isOpen() && !isLongTerm() && deadline != null && deadline.isBefore(today);
  }
}
