package cn.partyflow.memberdevelopment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One 党委会 that decided 发展党员 approvals: when it met, which committee members were entitled to vote and whether
 * each attended (or, absent, sent a written opinion), and for each candidate its own vote and the decision that vote
 * gave. The approval task of each candidate's case is completed from this record, never by one officer alone.
 */
record CommitteeMeeting(long id, String committeeId, String committeeName, LocalDate date, List<Member> members,
    List<Decision> decisions, String recordedBy, String minutes) {

  /** How an entitled committee member took part. */
  enum Attendance {
    PRESENT("出席"), ABSENT_WRITTEN("缺席，书面意见"), ABSENT("缺席");

    final String label;

    Attendance(String label) {
      this.label = label;
    }
  }

  record Member(String personId, String name, Attendance attendance, String writtenOpinion) {}

  /**
   * One candidate's vote: {@code taskKey} is the approval task it completes (admission or conversion);
   * {@code decision} is APPROVE, REFUSE or RETURN as the vote gave it.
   */
  record Decision(String processInstanceId, String taskKey, String applicantId, String applicantName, int votesFor,
      int votesAgainst, int abstentions, String decision, String opinion, String extensionReason) {}

  int entitled() {
    return members.size();
  }

  int present() {
    return (int) members.stream().filter(m -> m.attendance() == Attendance.PRESENT).count();
  }

  Optional<Decision> decisionFor(String processInstanceId, String taskKey) {
    return decisions.stream().filter(d -> d.processInstanceId().equals(processInstanceId)
        && d.taskKey().equals(taskKey)).findFirst();
  }

  /** The record as the case file keeps it: date, attendance by name, written opinions, this candidate's vote. */
  String describe(Decision d) {
    StringBuilder s = new StringBuilder(committeeName + "党委会（" + date + "）：应到委员" + entitled() + "人，实到"
        + present() + "人（" + names(Attendance.PRESENT) + "）");
    List<Member> absent = members.stream().filter(m -> m.attendance() != Attendance.PRESENT).toList();
    if (!absent.isEmpty()) {
      s.append("；缺席").append(absent.size()).append("人：");
      s.append(String.join("、", absent.stream().map(m -> m.attendance() == Attendance.ABSENT_WRITTEN
          ? m.name() + "（书面意见：" + m.writtenOpinion() + "）" : m.name()).toList()));
    }
    s.append("。对").append(d.applicantName()).append("单独表决：赞成").append(d.votesFor()).append("票，反对")
        .append(d.votesAgainst()).append("票，弃权").append(d.abstentions()).append("票；结论：")
        .append(switch (d.decision()) {
          case "APPROVE" -> "批准";
          case "RETURN" -> "退回党支部";
          default -> "不予批准";
        });
    if (d.opinion() != null && !d.opinion().isBlank()) {
      s.append("（").append(d.opinion()).append("）");
    }
    return s.toString();
  }

  private String names(Attendance attendance) {
    return String.join("、", members.stream().filter(m -> m.attendance() == attendance).map(Member::name).toList());
  }
}
