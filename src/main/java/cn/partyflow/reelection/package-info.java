/**
 * 换届 (re-election of a 基层党委, 党总支 or 党支部), process {@code reElection}, and its calendar duty {@code
 * reElectionReminder}. Each organization's term end is kept here (table {@code pf_re_term}); the higher
 * organization is reminded about six months before; the case runs the 《中国共产党基层组织选举工作条例》: the request
 * and its reply, nomination with 差额, the higher 党委's review of the candidates, the election meeting (quorum over
 * four fifths, elected by more than half of those entitled, a second round for seats left), the report and its
 * approval, after which the organization module puts the new committee into the registry. Postponing or advancing a
 * term is the same request with another type. The rules are plain Java ({@link
 * cn.partyflow.reelection.ReElectionRules}); the BPMN reaches Java only through {@link
 * cn.partyflow.reelection.ReElectionSteps} and {@link cn.partyflow.reelection.ReElectionReminder}.
 */
package cn.partyflow.reelection;
