package cn.partyflow.memberdevelopment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.memberdevelopment.CommitteeMeeting.Attendance;
import cn.partyflow.memberdevelopment.CommitteeMeeting.Member;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitteeDecisionRulesTest {

  final MemberDevelopmentSettings settings = new MemberDevelopmentSettings();
  final CommitteeDecisionRules rules = new CommitteeDecisionRules(settings);
  final LocalDate today = LocalDate.parse("2025-11-10");

  @Test
  void aMeetingNeedsMoreThanHalfOfItsMembersPresent() {
    assertThatThrownBy(() -> rules.meeting(today, members(2, 2), today)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("到会党委委员须超过应到会委员的半数").hasMessageContaining("应到4人，实到2人");
    rules.meeting(today, members(3, 1), today);
  }

  @Test
  void whereTheCountyRequiresTwoThirdsThreeOfFiveIsNotEnough() {
    settings.setCommitteeQuorum(MemberDevelopmentSettings.Quorum.TWO_THIRDS);
    assertThatThrownBy(() -> rules.meeting(today, members(3, 2), today)).hasMessageContaining("三分之二");
    rules.meeting(today, members(4, 1), today);
  }

  @Test
  void anAbsentMemberWithAWrittenOpinionMustHaveItRecorded() {
    List<Member> members = List.of(new Member("P1", "甲", Attendance.PRESENT, null),
        new Member("P2", "乙", Attendance.PRESENT, null), new Member("P3", "丙", Attendance.ABSENT_WRITTEN, " "));
    assertThatThrownBy(() -> rules.meeting(today, members, today)).hasMessageContaining("丙缺席并提交书面意见的，请填写");
  }

  @Test
  void aMeetingCannotBeDatedInTheFutureOrHeldWithoutMembers() {
    assertThatThrownBy(() -> rules.meeting(today.plusDays(1), members(3, 0), today)).hasMessageContaining("不能晚于今天");
    assertThatThrownBy(() -> rules.meeting(today, List.of(), today)).hasMessageContaining("尚未登记党委委员");
  }

  @Test
  void theVoteApprovesOnlyWithMoreThanHalfOfThoseEntitled() {
    assertThat(rules.decision("林小雨", 4, 4, 3, 1, 0, false, null, false)).isEqualTo("APPROVE");
    assertThatThrownBy(() -> rules.decision("林小雨", 4, 4, 2, 2, 0, false, null, false))
        .hasMessageContaining("未超过应到会委员（4人）的半数").hasMessageContaining("不予批准的理由");
    assertThat(rules.decision("林小雨", 4, 4, 2, 2, 0, false, "意见分歧", false)).isEqualTo("REFUSE");
    assertThat(rules.decision("林小雨", 4, 4, 2, 2, 0, false, "意见分歧", true)).isEqualTo("RETURN");
  }

  @Test
  void votesCannotOutnumberTheMembersPresentAndEachCandidateHasItsOwn() {
    assertThatThrownBy(() -> rules.decision("林小雨", 5, 3, 3, 1, 0, false, null, false))
        .hasMessageContaining("不能多于实到会委员人数（3）");
    assertThatThrownBy(() -> rules.decision("林小雨", 5, 3, null, 1, 0, false, null, false))
        .hasMessageContaining("逐个表决");
    assertThatThrownBy(() -> CommitteeDecisionRules.onceEach(List.of("a", "a"))).hasMessageContaining("只能表决一次");
  }

  @Test
  void aReturnIsDecidedWithItsOpinion() {
    assertThatThrownBy(() -> rules.decision("林小雨", 4, 3, null, null, null, true, " ", false))
        .hasMessageContaining("请填写退回意见");
    assertThat(rules.decision("林小雨", 4, 3, null, null, null, true, "材料不全", false)).isEqualTo("RETURN");
  }

  @Test
  void aStoredApprovalWithoutTheMajorityIsRefusedWhereverItCameFrom() {
    assertThatThrownBy(() -> rules.verify("林小雨", 4, 3, new CommitteeMeeting.Decision("pi", "Task_Approval", "A1",
        "林小雨", 2, 1, 0, "APPROVE", null, null))).hasMessageContaining("表决结果与记录的结论不符");
    rules.verify("林小雨", 4, 3, new CommitteeMeeting.Decision("pi", "Task_Approval", "A1", "林小雨", 3, 0, 0, "APPROVE",
        null, null));
  }

  private static List<Member> members(int present, int absent) {
    java.util.ArrayList<Member> list = new java.util.ArrayList<>();
    for (int i = 0; i < present; i++) {
      list.add(new Member("P" + i, "委员" + i, Attendance.PRESENT, null));
    }
    for (int i = 0; i < absent; i++) {
      list.add(new Member("Q" + i, "缺席" + i, Attendance.ABSENT, null));
    }
    return list;
  }
}
