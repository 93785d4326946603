package cn.partyflow.organization;

import java.time.LocalDate;

/** A person known to a party organization, member or not, with the dates that the rules count from. */
public record Person(
    String id,
    String name,
    String gender,
    LocalDate birthDate,
    MemberStatus status,
    String orgId,
    String username,
    String email,
    String phone,
    LocalDate applicationDate,
    LocalDate activistDate,
    LocalDate targetDate,
    LocalDate admissionDate,
    LocalDate fullMemberDate,
    boolean onProbationDiscipline) {

  /** May vouch for others as a cultivation contact or sponsor: a full member not under 留党察看. */
  public boolean isFullMemberInGoodStanding() {
    return status == MemberStatus.FULL_MEMBER && !onProbationDiscipline;
  }
}
