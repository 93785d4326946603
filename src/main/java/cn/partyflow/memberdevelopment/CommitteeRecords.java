package cn.partyflow.memberdevelopment;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Reads back the 党委会 that decided a case's approval task, for the task's own completion: the meeting named by the
 * task's {@code committeeMeetingId}, of the 党委 that approves the case's branch, with a vote on this very case, its
 * quorum and vote checked again, so no record approves without the majority. A task completed without such a record
 * is refused with the rule it breaks.
 */
public class CommitteeRecords {

  /** The meeting and the case's decision in it, once checked. */
  record Checked(CommitteeMeeting meeting, CommitteeMeeting.Decision decision) {}

  private final CommitteeMeetings meetings;
  private final CommitteeDecisionRules rules;
  private final Function<String, String> committeeNames;

  CommitteeRecords(CommitteeMeetings meetings, MemberDevelopmentSettings settings, Function<String, String> committeeNames) {
    this.meetings = meetings;
    this.rules = new CommitteeDecisionRules(settings);
    this.committeeNames = committeeNames;
  }

  /**
   * The decision of the meeting {@code meetingId} on the task {@code taskKey} of the case, refused with
   * {@code rule} (the Chinese rule that asks for a 党委会) unless the meeting exists, was held by
   * {@code approvingCommitteeId} (when known), voted on this case, met its quorum and gave this conclusion.
   */
  public CommitteeRecord decision(Long meetingId, String processInstanceId, String taskKey, String personName,
      String approvingCommitteeId, String rule) {
    Checked c = checked(meetingId, processInstanceId, taskKey, personName, approvingCommitteeId, ChinaClock.today(),
        rule);
    CommitteeMeeting m = c.meeting();
    CommitteeMeeting.Decision d = c.decision();
    return new CommitteeRecord(m.id(), m.committeeId(), m.committeeName(), m.date(), m.entitled(), m.present(),
        d.votesFor(), d.votesAgainst(), d.abstentions(), d.decision().equals("APPROVE"), d.opinion(), m.describe(d));
  }

  Checked checked(Long meetingId, String processInstanceId, String taskKey, String name, String approvingCommitteeId,
      LocalDate today, String rule) {
    if (meetingId == null) {
      throw new RuleViolation("memberDevelopment.committeeDecision", rule
          + "：本任务由党委组织部门在“党委会研究”页面登记党委会的日期、到会委员和逐个表决结果后办结，不能单独办理");
    }
    CommitteeMeeting m = meetings.find(meetingId).orElseThrow(() ->
        new RuleViolation("memberDevelopment.committeeDecision", "没有编号为" + meetingId + "的党委会记录：" + rule));
    CommitteeMeeting.Decision d = m.decisionFor(processInstanceId, taskKey).orElseThrow(() ->
        new RuleViolation("memberDevelopment.committeeDecision", m.committeeName() + "党委会（" + m.date() + "）没有对" + name
            + "的表决记录：" + rule));
    if (approvingCommitteeId != null && !approvingCommitteeId.equals(m.committeeId())) {
      throw new RuleViolation("memberDevelopment.committeeDecision", "审批" + name + "的是具有审批权的"
          + committeeNames.apply(approvingCommitteeId) + "，" + m.committeeName() + "的党委会不能审批");
    }
    rules.meeting(m.date(), m.members(), today);
    rules.verify(name, m.entitled(), m.present(), d);
    return new Checked(m, d);
  }
}
