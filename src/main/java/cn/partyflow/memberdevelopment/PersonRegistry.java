package cn.partyflow.memberdevelopment;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people a case reads (applicant, contacts, sponsors) and the status and stage dates it writes back. */
interface PersonRegistry {

  Optional<Person> person(String id);

  /**
   * Holds the person's row until the current transaction ends, so that two starts for the same person one after
   * the other see each other's case.
   */
  default void lock(String personId) {}

  /** The organization's name, as forms show it. */
  default Optional<String> organizationName(String orgId) {
    return Optional.empty();
  }

  /** Full members in good standing of the branch, who may be contacts or sponsors. */
  List<Person> eligibleMembers(String branchId);

  /** The branch's 书记, 副书记 and 组织委员, whom the branch sends to talk with an applicant. */
  default List<Person> branchOfficers(String branchId) {
    return List.of();
  }

  /** The 党委委员 and 组织员 of the 党委 that approves the branch's new members, who talk with them before approval. */
  default List<Person> approvalTalkers(String branchId) {
    return List.of();
  }

  /** The 党委 with the power to approve the branch's new members, whose committee decides them. */
  default String approvingCommittee(String branchId) {
    return null;
  }

  /** Sets the status and the given stage dates; a null date clears the column. Other columns are not touched. */
  void update(String personId, MemberStatus status, Map<StageDate, LocalDate> dates);
}
