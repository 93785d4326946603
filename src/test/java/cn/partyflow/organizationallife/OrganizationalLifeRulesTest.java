package cn.partyflow.organizationallife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.partyflow.organizationallife.OrganizationalLifeRules.HeldMeeting;
import cn.partyflow.organizationallife.OrganizationalLifeRules.MeetingRecord;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Member;
import cn.partyflow.organizationallife.OrganizationalLifeRules.PlannedMeeting;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Presence;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Tally;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationalLifeRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
  static final OrganizationalLifeSettings SETTINGS = OrganizationalLifeSettings.defaults();
  /** Eight full members with a vote and one probationary member. */
  static final List<Member> ROSTER = List.of(new Member("P1", "陈静", true), new Member("P2", "刘洋", true),
      new Member("P3", "黄敏", true), new Member("P4", "杨帆", true), new Member("P5", "何军", true),
      new Member("P6", "谢华", true), new Member("P7", "宋涛", true), new Member("P8", "潘悦", true),
      new Member("P9", "罗娟", false));
  static final Set<String> BRANCH = Set.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9");

  @Test
  void aGeneralMeetingWithHalfOfTheVotingMembersIsRefusedNamingTheRule() {
    RuleViolation v = assertThrows(RuleViolation.class, () -> check(record(MeetingType.GENERAL_MEETING,
        restOnLeave("P1", "P2", "P3", "P4", "P9"))));
    assertThat(v.rule()).isEqualTo("organizationalLife.quorum.generalMeeting");
    assertThat(v.getMessage()).startsWith("支部党员大会须有表决权的党员超过半数到会方可召开（《中国共产党支部工作条例（试行）》）")
        .contains("应到有表决权的正式党员8人，实到4人");
  }

  @Test
  void aGeneralMeetingWithMoreThanHalfOfTheVotingMembersIsQuorate() {
    Tally t = check(record(MeetingType.GENERAL_MEETING, restOnLeave("P1", "P2", "P3", "P4", "P5")));
    assertThat(t).isEqualTo(new Tally(9, 5, 8, 5));
  }

  @Test
  void probationaryMembersDoNotMakeUpTheQuorumOfAGeneralMeeting() {
    assertThrows(RuleViolation.class, () -> OrganizationalLifeRules.quorum(MeetingType.GENERAL_MEETING, 8, 4));
    OrganizationalLifeRules.quorum(MeetingType.GENERAL_MEETING, 8, 5);
  }

  @Test
  void aCommitteeMeetingNeedsMoreThanHalfOfTheCommittee() {
    RuleViolation v = assertThrows(RuleViolation.class,
        () -> OrganizationalLifeRules.quorum(MeetingType.COMMITTEE_MEETING, 4, 2));
    assertThat(v.getMessage()).startsWith("支委会须有半数以上委员到会方可召开").contains("应到委员4人，实到2人");
    OrganizationalLifeRules.quorum(MeetingType.COMMITTEE_MEETING, 4, 3);
  }

  @Test
  void aThemeDayHasNoQuorumButEveryAbsenceNeedsItsReason() {
    Map<String, Presence> attendance = present("P1", "P2");
    attendance.put("P3", new Presence(Attendance.LEAVE, " ", null));
    RuleViolation v = assertThrows(RuleViolation.class, () -> check(record(MeetingType.THEME_DAY, attendance)));
    assertThat(v.getMessage()).isEqualTo("黄敏请假，请填写原因");
    attendance.put("P3", new Presence(Attendance.LEAVE, "出差", LocalDate.of(2026, 6, 20)));
    assertThat(check(record(MeetingType.THEME_DAY, attendance))).isEqualTo(new Tally(3, 2, 3, 2));
  }

  @Test
  void aMakeUpLessonLiesBetweenTheMeetingAndToday() {
    Map<String, Presence> attendance = present("P1", "P2");
    attendance.put("P3", new Presence(Attendance.ABSENT, "值班", LocalDate.of(2026, 6, 1)));
    assertThat(assertThrows(RuleViolation.class, () -> check(record(MeetingType.THEME_DAY, attendance)))
        .getMessage()).contains("补课日期2026-06-01早于会议日期2026-06-15");
    attendance.put("P3", new Presence(Attendance.ABSENT, "值班", LocalDate.of(2026, 7, 1)));
    assertThat(assertThrows(RuleViolation.class, () -> check(record(MeetingType.THEME_DAY, attendance)))
        .getMessage()).contains("晚于今天");
  }

  @Test
  void chairAndRecorderArePeopleOfTheBranchWhoWerePresent() {
    Map<String, Presence> attendance = present("P2", "P3");
    attendance.put("P1", new Presence(Attendance.LEAVE, "出差", null));
    assertThat(assertThrows(RuleViolation.class, () -> check(record(MeetingType.THEME_DAY, attendance)))
        .getMessage()).isEqualTo("主持人须出席本次会议，请在参会人员中登记为出席");
    MeetingRecord stranger = new MeetingRecord(MeetingType.THEME_DAY, LocalDate.of(2026, 6, 15), null, "主题",
        null, "X9", "P2", null, present("P1", "P2"));
    assertThat(assertThrows(RuleViolation.class, () -> check(stranger)).getMessage()).isEqualTo("主持人须是本支部的人员");
  }

  @Test
  void somebodyOutsideTheRosterCannotBeRecordedAsAttending() {
    Map<String, Presence> attendance = present("P1", "P2");
    attendance.put("W1", new Presence(Attendance.PRESENT, null, null));
    assertThat(assertThrows(RuleViolation.class, () -> check(record(MeetingType.THEME_DAY, attendance)))
        .rule()).isEqualTo("organizationalLife.attendance.person");
  }

  @Test
  void theDayLiesInTheCasesYearAndNotInTheFuture() {
    MeetingRecord future = new MeetingRecord(MeetingType.THEME_DAY, LocalDate.of(2026, 7, 15), null, "主题", null,
        "P1", "P2", null, present("P1", "P2"));
    assertThat(assertThrows(RuleViolation.class, () -> check(future)).getMessage()).contains("晚于今天");
    MeetingRecord lastYear = new MeetingRecord(MeetingType.THEME_DAY, LocalDate.of(2025, 12, 15), null, "主题",
        null, "P1", "P2", null, present("P1", "P2"));
    assertThat(assertThrows(RuleViolation.class, () -> check(lastYear)).getMessage()).contains("不在2026年内");
  }

  @Test
  void theFirstTopicIsRequiredOnlyWhereTheCountyUsesIt() {
    MeetingRecord committee = new MeetingRecord(MeetingType.COMMITTEE_MEETING, LocalDate.of(2026, 6, 15), null,
        "研究发展党员", " ", "P1", "P2", null, present("P1", "P2", "P3"));
    assertThat(assertThrows(RuleViolation.class, () -> check(committee)).getMessage()).startsWith("请填写支委会的第一议题");
    OrganizationalLifeSettings without = new OrganizationalLifeSettings(Map.of(), 15, List.of(), 10, 5, 10, 1000,
        List.of("pdf"), OrganizationalLifeSettings.DEFAULT_GRADES);
    OrganizationalLifeRules.check(committee, 2026, TODAY, ROSTER.subList(0, 3), BRANCH, without);
  }

  @Test
  void aTalkNeedsItsPair() {
    assertThat(assertThrows(RuleViolation.class, () -> check(new MeetingRecord(MeetingType.HEART_TALK,
        LocalDate.of(2026, 6, 15), null, "谈心", null, "P1", "P1", null, present("P1")))).getMessage())
        .startsWith("谈心谈话至少有两人参加");
  }

  @Test
  void theYearsPlanFollowsTheSettingsAndLeavesOutGroupMeetingsWithoutGroups() {
    List<PlannedMeeting> plan = OrganizationalLifeRules.plan(2026, SETTINGS, false);
    assertThat(plan).noneMatch(m -> m.type() == MeetingType.GROUP_MEETING);
    assertThat(plan.stream().filter(m -> m.type() == MeetingType.GENERAL_MEETING)).hasSize(4);
    assertThat(plan.stream().filter(m -> m.type() == MeetingType.COMMITTEE_MEETING)).hasSize(12);
    assertThat(plan.stream().filter(m -> m.type() == MeetingType.HEART_TALK)).hasSize(1);
    assertThat(plan.stream().filter(m -> m.type() == MeetingType.THEME_DAY).map(PlannedMeeting::plannedOn))
        .contains(LocalDate.of(2026, 3, 15));
    OrganizationalLifeSettings yearlyLectures = new OrganizationalLifeSettings(
        Map.of("party-lecture", Frequency.YEAR), 15, List.of(), 10, 5, 10, 1000, List.of("pdf"),
        OrganizationalLifeSettings.DEFAULT_GRADES);
    assertThat(OrganizationalLifeRules.plan(2026, yearlyLectures, true).stream()
        .filter(m -> m.type() == MeetingType.PARTY_LECTURE)).hasSize(1);
    assertThat(OrganizationalLifeRules.plan(2026, yearlyLectures, true))
        .anyMatch(m -> m.type() == MeetingType.GROUP_MEETING);
  }

  @Test
  void aPeriodMissesTheRequiredMeetingsNotHeldInIt() {
    List<PlannedMeeting> plan = OrganizationalLifeRules.plan(2026, SETTINGS, true);
    List<HeldMeeting> held = List.of(new HeldMeeting(MeetingType.THEME_DAY, LocalDate.of(2026, 3, 15), 9, 8),
        new HeldMeeting(MeetingType.GENERAL_MEETING, LocalDate.of(2026, 1, 20), 9, 9),
        new HeldMeeting(MeetingType.COMMITTEE_MEETING, LocalDate.of(2026, 2, 27), 4, 4));
    List<PlannedMeeting> missing = OrganizationalLifeRules.missing(plan, LocalDate.of(2026, 3, 31), held);
    assertThat(missing).extracting(PlannedMeeting::type).containsExactlyInAnyOrder(MeetingType.COMMITTEE_MEETING,
        MeetingType.GROUP_MEETING, MeetingType.PARTY_LECTURE);
    assertThat(OrganizationalLifeRules.describe(missing)).contains("2026年3月").contains("2026年第一季度党课");
    assertThat(OrganizationalLifeRules.periodEnds(plan, LocalDate.of(2026, 3, 5))).first()
        .isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void countsGiveThreeMeetingsOneLessonThemeDaysAndTheAttendanceRate() {
    List<HeldMeeting> held = List.of(new HeldMeeting(MeetingType.THEME_DAY, LocalDate.of(2026, 1, 15), 9, 8),
        new HeldMeeting(MeetingType.GENERAL_MEETING, LocalDate.of(2026, 2, 20), 9, 9),
        new HeldMeeting(MeetingType.COMMITTEE_MEETING, LocalDate.of(2026, 3, 27), 4, 4),
        new HeldMeeting(MeetingType.PARTY_LECTURE, LocalDate.of(2026, 4, 2), 9, 7));
    OrganizationalLifeRules.Counts q1 = OrganizationalLifeRules.counts(held, Period.quarter(2026, 1));
    assertThat(q1.threeMeetingsOneLesson()).isEqualTo(2);
    assertThat(q1.themeDays()).isEqualTo(1);
    assertThat(q1.attendanceText()).isEqualTo("95.5%");
    assertThat(OrganizationalLifeRules.counts(held, Period.year(2026)).threeMeetingsOneLesson()).isEqualTo(3);
  }

  private static Tally check(MeetingRecord r) {
    return OrganizationalLifeRules.check(r, 2026, TODAY, ROSTER, BRANCH, SETTINGS);
  }

  private static MeetingRecord record(MeetingType type, Map<String, Presence> attendance) {
    return new MeetingRecord(type, LocalDate.of(2026, 6, 15), "党员活动室", "学习党章", "学习最新重要讲话精神", "P1", "P2",
        "同意", attendance);
  }

  /** The whole roster entitled: those named present, everybody else on leave with a reason. */
  private static Map<String, Presence> restOnLeave(String... presentIds) {
    Map<String, Presence> m = present(presentIds);
    ROSTER.forEach(p -> m.putIfAbsent(p.personId(), new Presence(Attendance.LEAVE, "出差", null)));
    return m;
  }

  private static Map<String, Presence> present(String... ids) {
    Map<String, Presence> m = new LinkedHashMap<>();
    for (String id : ids) {
      m.put(id, new Presence(Attendance.PRESENT, null, null));
    }
    return m;
  }
}
