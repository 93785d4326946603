package cn.partyflow.organizationallife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.organizationallife.LifeMeetingRules.Decision;
import cn.partyflow.organizationallife.LifeMeetingRules.Disposition;
import cn.partyflow.organizationallife.LifeMeetingRules.FollowUpEvent;
import cn.partyflow.organizationallife.LifeMeetingRules.FollowUpStatus;
import cn.partyflow.organizationallife.LifeMeetingRules.MeetingInput;
import cn.partyflow.organizationallife.LifeMeetingRules.MemberRecord;
import cn.partyflow.organizationallife.LifeMeetingRules.Preparation;
import cn.partyflow.organizationallife.LifeMeetingRules.SelfExamination;
import cn.partyflow.organizationallife.LifeMeetingRules.Talk;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Member;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifeMeetingRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
  static final LocalDate HELD = LocalDate.of(2026, 11, 20);
  static final List<String> GRADES = OrganizationalLifeSettings.DEFAULT_GRADES;
  /** Four full members and one probationary member; P1 sits on the committee. */
  static final List<Member> MEMBERS = List.of(new Member("P1", "王书记", true), new Member("P2", "李明", true),
      new Member("P3", "张华", true), new Member("P4", "宋涛", true), new Member("P5", "罗娟", false));

  @Test
  void theScaleIsTheSettingsBestFirstAndItsLastGradeIsTheFailingOne() {
    assertThat(LifeMeetingRules.failingGrade(GRADES)).isEqualTo("不合格");
    assertThat(LifeMeetingRules.failingGrade(List.of("好", "较好", "一般", "差"))).isEqualTo("差");
    assertThatThrownBy(() -> LifeMeetingRules.scale(List.of("合格"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LifeMeetingRules.scale(List.of("合格", "合格"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aValidMeetingCountsTheMembersWithAVote() {
    var tally = LifeMeetingRules.checkMeeting(meeting(all()), 2026, TODAY, HELD.minusDays(5), MEMBERS, GRADES);
    assertThat(tally.votingEntitled()).isEqualTo(4);
    assertThat(tally.votingPresent()).isEqualTo(3);
    assertThat(tally.entitled()).isEqualTo(5);
  }

  @Test
  void halfOfTheVotingMembersPresentIsNoQuorum() {
    Map<String, MemberRecord> rows = all();
    rows.put("P3", new MemberRecord(Attendance.LEAVE, "出差", null, "合格", votes(0, 2, 0, 0)));
    assertThatThrownBy(() -> LifeMeetingRules.checkMeeting(meeting(rows), 2026, TODAY, null, MEMBERS, GRADES))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("超过半数到会");
  }

  @Test
  void aGradeCarriedByHalfOfTheMembersEntitledIsNotDecided() {
    Map<String, MemberRecord> rows = all();
    rows.put("P2", new MemberRecord(Attendance.PRESENT, null, null, "优秀", votes(2, 1, 0, 0)));
    assertThatThrownBy(() -> LifeMeetingRules.checkMeeting(meeting(rows), 2026, TODAY, null, MEMBERS, GRADES))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("李明评为优秀须经支部大会超过应到会有表决权党员半数同意");
  }

  @Test
  void moreVotesThanMembersPresentAreRefused() {
    Map<String, MemberRecord> rows = all();
    rows.put("P2", new MemberRecord(Attendance.PRESENT, null, null, "合格", votes(1, 3, 0, 0)));
    assertThatThrownBy(() -> LifeMeetingRules.checkMeeting(meeting(rows), 2026, TODAY, null, MEMBERS, GRADES))
        .hasMessageContaining("超过到会有表决权的党员3人");
  }

  @Test
  void everyFullMemberIsGradedOnTheScaleAndAProbationaryMemberIsNot() {
    Map<String, MemberRecord> rows = all();
    rows.put("P2", new MemberRecord(Attendance.PRESENT, null, null, "良好", votes(0, 3, 0, 0)));
    assertThatThrownBy(() -> LifeMeetingRules.checkMeeting(meeting(rows), 2026, TODAY, null, MEMBERS, GRADES))
        .hasMessageContaining("请为李明评定民主评议等次（优秀、合格、基本合格、不合格）");
    Map<String, MemberRecord> probationary = all();
    probationary.put("P5", new MemberRecord(Attendance.PRESENT, null, null, "合格", votes(0, 3, 0, 0)));
    assertThatThrownBy(() -> LifeMeetingRules.checkMeeting(meeting(probationary), 2026, TODAY, null, MEMBERS, GRADES))
        .hasMessageContaining("罗娟是预备党员，不评定民主评议等次");
  }

  @Test
  void anAbsenceNeedsItsReasonAndTheMeetingComesAfterItsPreparation() {
    Map<String, MemberRecord> rows = all();
    rows.put("P4", new MemberRecord(Attendance.ABSENT, " ", null, "不合格", votes(0, 0, 0, 3)));
    assertThatThrownBy(() -> LifeMeetingRules.checkMeeting(meeting(rows), 2026, TODAY, null, MEMBERS, GRADES))
        .hasMessageContaining("宋涛缺席，请填写原因");
    assertThatThrownBy(() -> LifeMeetingRules.checkMeeting(meeting(all()), 2026, TODAY, HELD.plusDays(1), MEMBERS,
        GRADES)).hasMessageContaining("早于会前准备");
  }

  @Test
  void theFailingGradesMembersAreFollowedUp() {
    assertThat(LifeMeetingRules.unqualified(MEMBERS, all(), GRADES)).containsExactly("P4");
  }

  @Test
  void eachTalkHasACommitteeMemberOnOneSideAndEveryMembersSelfExaminationIsAccountedFor() {
    Map<String, SelfExamination> exams = new LinkedHashMap<>();
    MEMBERS.forEach(m -> exams.put(m.personId(), new SelfExamination(true, null)));
    Preparation ok = new Preparation(HELD.minusDays(20), "学习党章", HELD.minusDays(15), "向群众征求意见", 6,
        List.of(new Talk("P1", "P2", HELD.minusDays(10))), exams);
    LifeMeetingRules.checkPreparation(ok, 2026, TODAY, MEMBERS, Set.of("P1"));

    Preparation noCommittee = new Preparation(ok.studyOn(), ok.studyContent(), ok.opinionsOn(), ok.opinionsSummary(),
        6, List.of(new Talk("P2", "P3", HELD.minusDays(10))), exams);
    assertThatThrownBy(() -> LifeMeetingRules.checkPreparation(noCommittee, 2026, TODAY, MEMBERS, Set.of("P1")))
        .hasMessageContaining("双方至少一人是支部委员");

    Map<String, SelfExamination> missing = new LinkedHashMap<>(exams);
    missing.put("P3", new SelfExamination(false, ""));
    Preparation unaccounted = new Preparation(ok.studyOn(), ok.studyContent(), ok.opinionsOn(),
        ok.opinionsSummary(), 6, ok.talks(), missing);
    assertThatThrownBy(() -> LifeMeetingRules.checkPreparation(unaccounted, 2026, TODAY, MEMBERS, Set.of("P1")))
        .hasMessageContaining("张华的对照检查");
  }

  @Test
  void aDispositionIsCarriedByMoreThanHalfOfTheMembersEntitledAndACorrectionHasItsDeadline() {
    LifeMeetingRules.checkDecision(new Decision(Disposition.CORRECTION, HELD, HELD.plusMonths(6), 3, 0, 0, "理由"),
        "宋涛", HELD, TODAY, 4);
    assertThatThrownBy(() -> LifeMeetingRules.checkDecision(new Decision(Disposition.REMOVAL, HELD, null, 2, 1, 0,
        "理由"), "宋涛", HELD, TODAY, 4)).hasMessageContaining("对宋涛的除名须经支部大会讨论决定").hasMessageContaining("第九条");
    assertThatThrownBy(() -> LifeMeetingRules.checkDecision(new Decision(Disposition.CORRECTION, HELD, null, 3, 0, 0,
        "理由"), "宋涛", HELD, TODAY, 4)).hasMessageContaining("限期改正须写明改正期限");
    assertThatThrownBy(() -> LifeMeetingRules.checkDecision(new Decision(Disposition.CORRECTION, HELD.minusDays(1),
        HELD.plusMonths(6), 3, 0, 0, "理由"), "宋涛", HELD, TODAY, 4)).hasMessageContaining("早于评议的组织生活会");
  }

  @Test
  void theFollowUpGoesFromTheBranchToTheCommitteeAndBackOnlyWhenReturned() {
    assertThat(LifeMeetingRules.next(FollowUpStatus.DECIDING, FollowUpEvent.DECIDE))
        .isEqualTo(FollowUpStatus.AWAITING_APPROVAL);
    assertThat(LifeMeetingRules.next(FollowUpStatus.AWAITING_APPROVAL, FollowUpEvent.RETURN))
        .isEqualTo(FollowUpStatus.DECIDING);
    assertThat(LifeMeetingRules.next(FollowUpStatus.AWAITING_APPROVAL, FollowUpEvent.APPROVE))
        .isEqualTo(FollowUpStatus.APPROVED);
    assertThatThrownBy(() -> LifeMeetingRules.next(FollowUpStatus.DECIDING, FollowUpEvent.APPROVE))
        .hasMessageContaining("不能批准");
    assertThatThrownBy(() -> LifeMeetingRules.next(FollowUpStatus.APPROVED, FollowUpEvent.DECIDE))
        .hasMessageContaining("不能再次作出决定");
  }

  @Test
  void aReturnNeedsItsReason() {
    assertThat(LifeMeetingRules.checkApproval("APPROVE", null)).isTrue();
    assertThatThrownBy(() -> LifeMeetingRules.checkApproval("RETURN", " ")).hasMessageContaining("退回支部须写明理由");
    assertThatThrownBy(() -> LifeMeetingRules.checkApproval("MAYBE", "x")).hasMessageContaining("批准或退回支部");
  }

  /** Three of the four full members present: P1, P2, P3 qualified, P4 on leave and graded 不合格. */
  static Map<String, MemberRecord> all() {
    Map<String, MemberRecord> rows = new LinkedHashMap<>();
    rows.put("P1", new MemberRecord(Attendance.PRESENT, null, "带头批评", "优秀", votes(3, 0, 0, 0)));
    rows.put("P2", new MemberRecord(Attendance.PRESENT, null, null, "合格", votes(0, 3, 0, 0)));
    rows.put("P3", new MemberRecord(Attendance.PRESENT, null, null, "合格", votes(0, 3, 0, 0)));
    rows.put("P4", new MemberRecord(Attendance.LEAVE, "长期不参加组织生活", null, "不合格", votes(0, 0, 0, 3)));
    rows.put("P5", new MemberRecord(Attendance.PRESENT, null, null, null, Map.of()));
    return rows;
  }

  static MeetingInput meeting(Map<String, MemberRecord> rows) {
    return new MeetingInput(HELD, "P1", "县人民医院党委组织部 王干事", "逐一开展批评和自我批评", rows, List.of("学习流于形式"));
  }

  static Map<String, Integer> votes(int excellent, int qualified, int basic, int failed) {
    return Map.of("优秀", excellent, "合格", qualified, "基本合格", basic, "不合格", failed);
  }
}
