package cn.partyflow.reelection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The values of 换届 (domain-rules.md section 4; [L] values are the county's to set).
 *
 * @param branchTermYears the term of a 党支部 [V: 党章 Art. 31 allows 3-5 years; 3 in practice]
 * @param generalBranchTermYears the term of a 党总支 [same]
 * @param committeeTermYears the term of a 基层党委 [5 in practice]
 * @param reminderMonths the higher organization is reminded this many months before a term ends
 * @param competitiveMarginPercent 差额选举: the candidates for the committee exceed the seats by at least this share
 * @param maxTermChangeMonths a term is postponed or advanced by at most this many months (the rule: one year)
 * @param minCommitteeMembers a committee short of seats after an election may go on with fewer members (reported
 *     upward) only when at least this many were elected; otherwise it elects again
 * @param answerWorkdays the higher 党委 answers a request, a candidate list or a result within this many working days
 */
@ConfigurationProperties("partyflow.re-election")
public record ReElectionSettings(
    @DefaultValue("3") int branchTermYears,
    @DefaultValue("3") int generalBranchTermYears,
    @DefaultValue("5") int committeeTermYears,
    @DefaultValue("6") int reminderMonths,
    @DefaultValue("20") int competitiveMarginPercent,
    @DefaultValue("12") int maxTermChangeMonths,
    @DefaultValue("3") int minCommitteeMembers,
    @DefaultValue("10") int answerWorkdays) {

  /** The defaults, for tests built by hand. */
  public static ReElectionSettings defaults() {
    return new ReElectionSettings(3, 3, 5, 6, 20, 12, 3, 10);
  }
}
