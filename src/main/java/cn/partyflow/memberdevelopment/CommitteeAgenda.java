package cn.partyflow.memberdevelopment;

import java.util.List;

/**
 * Matters a 党委会 decides that belong to another module's procedure (the 自行脱党除名 of the dues arrears process):
 * the owning module implements this as a Spring bean, the 党委会研究 page lists its items beside the admissions and
 * conversions, and recording the meeting hands each decided item back to its owner. The owner's task then reads the
 * decision through {@link CommitteeRecords}, so no module completes another's tasks.
 */
public interface CommitteeAgenda {

  /** The open items awaiting the decision of this 党委 (the one with approval power over their branches). */
  List<CommitteeItem> awaiting(String committeeId);

  /**
   * Completes the item's task with the meeting that decided it, as {@code username} (the 组织部门干事 who recorded
   * the meeting), inside the transaction that records the meeting: a refusal leaves nothing recorded.
   */
  void decided(CommitteeItem item, long meetingId, String username);
}
