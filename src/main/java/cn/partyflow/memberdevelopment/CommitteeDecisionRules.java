package cn.partyflow.memberdevelopment;

import static cn.partyflow.memberdevelopment.MemberDevelopmentRules.XIZE;

import cn.partyflow.memberdevelopment.CommitteeMeeting.Attendance;
import cn.partyflow.memberdevelopment.CommitteeMeeting.Member;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a 党委 decides the admission and the conversion of its branches' members, as plain Java: at a meeting of its
 * committee, never by circulating the papers or asking members one by one, each candidate discussed and voted on
 * separately. The quorum is a setting ({@link MemberDevelopmentSettings#getCommitteeQuorum()}); the vote follows the rule
 * the 细则 sets for the branch meeting (第二十一条): carried only by more than half of the members ENTITLED to vote,
 * so exactly half fails.
 */
class CommitteeDecisionRules {

  static final String COLLECTIVE = "上级党委审批发展党员，须召开党委会集体讨论、对每名发展对象逐个表决，不能以传阅或个别征求意见代替（"
      + XIZE + "）";

  private final MemberDevelopmentSettings settings;

  CommitteeDecisionRules(MemberDevelopmentSettings settings) {
    this.settings = settings;
  }

  /** The meeting itself: its date, the committee members entitled to vote and that enough of them attended. */
  void meeting(LocalDate date, List<Member> members, LocalDate today) {
    if (date == null) {
      throw new RuleViolation("memberDevelopment.committeeMeetingDate", "请填写党委会日期");
    }
    if (date.isAfter(today)) {
      throw new RuleViolation("memberDevelopment.dateInFuture", "党委会日期（" + date + "）不能晚于今天（" + today + "），请填写实际开会的日期");
    }
    if (members.isEmpty()) {
      throw new RuleViolation("memberDevelopment.committeeNoMembers", "该党委尚未登记党委委员（书记、副书记、党委委员），无法召开党委会审批；"
          + "请先在人员职务中维护");
    }
    for (Member m : members) {
      if (m.attendance() == Attendance.ABSENT_WRITTEN && MemberDevelopmentRules.blank(m.writtenOpinion())) {
        throw new RuleViolation("memberDevelopment.committeeWrittenOpinion", m.name() + "缺席并提交书面意见的，请填写书面意见的内容");
      }
    }
    int entitled = members.size();
    int present = (int) members.stream().filter(m -> m.attendance() == Attendance.PRESENT).count();
    if (!settings.getCommitteeQuorum().met(entitled, present)) {
      throw new RuleViolation("memberDevelopment.committeeQuorum", "到会党委委员须" + settings.getCommitteeQuorum().label
          + "，党委会方可作出审批决定（" + settings.getCommitteeQuorum().source + "）：应到" + entitled + "人，实到"
          + present + "人");
    }
  }

  /**
   * One candidate's vote among the members present: returns APPROVE when the votes for are more than half of the
   * members entitled, else REFUSE (or, where the 党委 cannot refuse but only send back, RETURN). A return decided
   * without a vote needs the opinion that goes back with it.
   */
  String decision(String applicantName, int entitled, int present, Integer votesFor, Integer votesAgainst,
      Integer abstentions, boolean returned, String opinion, boolean failedVoteReturns) {
    if (returned) {
      if (MemberDevelopmentRules.blank(opinion)) {
        throw new RuleViolation("memberDevelopment.committeeReturnOpinion", "党委会决定将" + applicantName + "退回党支部的，请填写退回意见");
      }
      return "RETURN";
    }
    if (votesFor == null || votesAgainst == null || abstentions == null) {
      throw new RuleViolation("memberDevelopment.committeeVoteMissing", COLLECTIVE + "：请填写" + applicantName
          + "的赞成、反对和弃权票数");
    }
    if (votesFor < 0 || votesAgainst < 0 || abstentions < 0) {
      throw new RuleViolation("memberDevelopment.committeeVoteNumbers", applicantName + "的票数不能为负数");
    }
    int cast = votesFor + votesAgainst + abstentions;
    if (cast > present) {
      throw new RuleViolation("memberDevelopment.committeeVoteNumbers", applicantName + "的赞成、反对、弃权票数之和（" + cast
          + "）不能多于实到会委员人数（" + present + "）");
    }
    if (votesFor * 2 > entitled) {
      return "APPROVE";
    }
    if (MemberDevelopmentRules.blank(opinion)) {
      throw new RuleViolation("memberDevelopment.committeeRefusalReason", "对" + applicantName + "的表决赞成票未超过应到会委员（"
          + entitled + "人）的半数，未获批准：请填写" + (failedVoteReturns ? "退回意见" : "不予批准的理由"));
    }
    return failedVoteReturns ? "RETURN" : "REFUSE";
  }

  /**
   * A stored decision checked again against its own vote, wherever it came from: an approval needs the majority of
   * those entitled, a refusal a vote without it, and a refusal or a return its written reason.
   */
  void verify(String applicantName, int entitled, int present, CommitteeMeeting.Decision d) {
    int cast = d.votesFor() + d.votesAgainst() + d.abstentions();
    if (d.votesFor() < 0 || d.votesAgainst() < 0 || d.abstentions() < 0 || cast > present) {
      throw new RuleViolation("memberDevelopment.committeeVoteNumbers", applicantName + "的赞成、反对、弃权票数之和（" + cast
          + "）不能多于实到会委员人数（" + present + "）");
    }
    boolean majority = d.votesFor() * 2 > entitled;
    boolean consistent = switch (d.decision()) {
      case "APPROVE" -> majority;
      case "REFUSE" -> !majority && !MemberDevelopmentRules.blank(d.opinion());
      case "RETURN" -> !MemberDevelopmentRules.blank(d.opinion());
      default -> false;
    };
    if (!consistent) {
      throw new RuleViolation("memberDevelopment.committeeDecision", "党委会对" + applicantName + "的表决结果与记录的结论不符：赞成票须超过应到会委员（"
          + entitled + "人）的半数方为批准，不予批准或退回须写明理由");
    }
  }

  /** Each candidate is voted on once at a meeting. */
  static void onceEach(List<String> processInstanceIds) {
    Set<String> seen = new HashSet<>();
    for (String id : processInstanceIds) {
      if (!seen.add(id)) {
        throw new RuleViolation("memberDevelopment.committeeCandidateTwice", "同一对象的同一事项在一次党委会上只能表决一次");
      }
    }
    if (seen.isEmpty()) {
      throw new RuleViolation("memberDevelopment.committeeNoCandidates", "请至少选择一名本次党委会研究的对象，并填写其表决结果");
    }
  }
}
