package cn.partyflow.memberdevelopment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.memberdevelopment.CommitteeMeeting.Attendance;
import cn.partyflow.memberdevelopment.CommitteeMeeting.Decision;
import cn.partyflow.memberdevelopment.CommitteeMeeting.Member;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What another module's task reads back from a 党委会 before it completes: only a meeting of the 党委 that approves the
 * case's branch, with this case's own vote, approves; a task without a meeting, or with a meeting that never voted on
 * it or a stored conclusion its vote does not carry, is refused.
 */
class CommitteeRecordsTest {

  static final String RULE = "自行脱党除名须报上级党委批准";

  final FakeCommitteeMeetings meetings = new FakeCommitteeMeetings();
  final CommitteeRecords records = new CommitteeRecords(meetings, new MemberDevelopmentSettings(),
      id -> Map.of("rmyy", "县人民医院党委", "zyy", "县中医院党委").getOrDefault(id, id));
  final LocalDate yesterday = ChinaClock.today().minusDays(1);

  @Test
  void aMeetingOfTheApprovingCommitteeGivesItsVoteAndAccount() {
    long id = meeting("rmyy", "县人民医院党委", new Decision("pi-1", "Task_CommitteeApproval", "P1", "潘悦", 3, 1, 0,
        "APPROVE", null, null));
    CommitteeRecord r = records.decision(id, "pi-1", "Task_CommitteeApproval", "潘悦", "rmyy", RULE);
    assertThat(r.approved()).isTrue();
    assertThat(r.date()).isEqualTo(yesterday);
    assertThat(r.entitled()).isEqualTo(4);
    assertThat(r.present()).isEqualTo(4);
    assertThat(r.account()).contains("应到委员4人，实到4人", "对潘悦单独表决：赞成3票，反对1票，弃权0票；结论：批准");
  }

  @Test
  void withoutAMeetingTheTaskIsRefusedNamingTheRule() {
    assertThatThrownBy(() -> records.decision(null, "pi-1", "Task_CommitteeApproval", "潘悦", "rmyy", RULE))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith(RULE).hasMessageContaining("不能单独办理");
  }

  @Test
  void aMeetingOfAnotherCommitteeCannotDecideTheCase() {
    long id = meeting("zyy", "县中医院党委", new Decision("pi-1", "Task_CommitteeApproval", "P1", "潘悦", 4, 0, 0,
        "APPROVE", null, null));
    assertThatThrownBy(() -> records.decision(id, "pi-1", "Task_CommitteeApproval", "潘悦", "rmyy", RULE))
        .hasMessage("审批潘悦的是具有审批权的县人民医院党委，县中医院党委的党委会不能审批");
  }

  @Test
  void aMeetingThatDidNotVoteOnTheCaseOrWhoseConclusionItsVoteDoesNotCarryIsRefused() {
    long other = meeting("rmyy", "县人民医院党委", new Decision("pi-2", "Task_CommitteeApproval", "P2", "周强", 4, 0, 0,
        "APPROVE", null, null));
    assertThatThrownBy(() -> records.decision(other, "pi-1", "Task_CommitteeApproval", "潘悦", "rmyy", RULE))
        .hasMessageContaining("没有对潘悦的表决记录");
    long forged = meeting("rmyy", "县人民医院党委", new Decision("pi-1", "Task_CommitteeApproval", "P1", "潘悦", 2, 2, 0,
        "APPROVE", null, null));
    assertThatThrownBy(() -> records.decision(forged, "pi-1", "Task_CommitteeApproval", "潘悦", "rmyy", RULE))
        .hasMessageContaining("表决结果与记录的结论不符");
  }

  private long meeting(String committee, String name, Decision d) {
    List<Member> members = List.of(new Member("A", "甲", Attendance.PRESENT, null),
        new Member("B", "乙", Attendance.PRESENT, null), new Member("C", "丙", Attendance.PRESENT, null),
        new Member("D", "丁", Attendance.PRESENT, null));
    return meetings.record(new CommitteeMeeting(0, committee, name, yesterday, members, List.of(d), "zzb", null));
  }
}
