package cn.partyflow.leadershipmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.leadershipmeeting.LeadershipMeetingRules.Talk;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadershipMeetingRulesTest {

  static final LeadershipMeetingSettings DEFAULTS = LeadershipMeetingSettings.defaults();
  static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
  static final Map<String, String> FOUR = members("P001", "王建国", "P002", "李明", "P005", "周强", "P006", "陈静");

  @Test
  void twoThirdsOfTheMembersMustBePresent() {
    assertThat(LeadershipMeetingRules.fewestPresent(4)).isEqualTo(3);
    assertThat(LeadershipMeetingRules.fewestPresent(6)).isEqualTo(4);
    assertThat(LeadershipMeetingRules.fewestPresent(7)).isEqualTo(5);
    assertThatCode(() -> LeadershipMeetingRules.attendance(4, 3)).doesNotThrowAnyException();
    assertThatCode(() -> LeadershipMeetingRules.attendance(6, 4)).doesNotThrowAnyException();
    assertThatThrownBy(() -> LeadershipMeetingRules.attendance(4, 2)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("三分之二以上").hasMessageContaining("应到4人，实到2人，至少须到3人");
    assertThatThrownBy(() -> LeadershipMeetingRules.attendance(7, 4)).hasMessageContaining("至少须到5人");
    assertThatThrownBy(() -> LeadershipMeetingRules.attendance(4, 5)).hasMessageContaining("多于应到人数");
  }

  @Test
  void aChangedDayNeedsAReasonAFutureDayAndStaysInTheYear() {
    LocalDate approved = TODAY.plusDays(15);
    assertThat(LeadershipMeetingRules.dateChange(approved, TODAY, "上级巡察组进驻，提前召开", 2026, TODAY))
        .isEqualTo("提前");
    assertThat(LeadershipMeetingRules.dateChange(approved, approved.plusDays(3), "书记外出学习", 2026, TODAY))
        .isEqualTo("推迟");
    assertThatThrownBy(() -> LeadershipMeetingRules.dateChange(approved, TODAY, "  ", 2026, TODAY))
        .hasMessageContaining("请写明改期的理由");
    assertThatThrownBy(() -> LeadershipMeetingRules.dateChange(approved, TODAY, "理".repeat(501), 2026, TODAY))
        .hasMessageContaining("不能超过500字");
    assertThatThrownBy(() -> LeadershipMeetingRules.dateChange(approved, TODAY.minusDays(1), "已开过", 2026, TODAY))
        .hasMessageContaining("早于今天（2026-12-03）");
    assertThatThrownBy(() -> LeadershipMeetingRules.dateChange(approved, approved, "同一天", 2026, TODAY))
        .hasMessageContaining("无须申请改期");
    assertThatThrownBy(() -> LeadershipMeetingRules.dateChange(approved, LocalDate.of(2027, 4, 1), "推迟", 2026,
        TODAY)).hasMessageContaining("最迟不晚于2027-03-31");
  }

  @Test
  void thePlanReachesTheHigherLevelTheSetDaysInAdvance() {
    assertThatCode(() -> LeadershipMeetingRules.plan(TODAY, TODAY.plusDays(15), 2026, DEFAULTS))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> LeadershipMeetingRules.plan(TODAY, TODAY.plusDays(14), 2026, DEFAULTS))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("须提前15天报上级党组织")
        .hasMessageContaining("最早在2026-12-18召开");
    LeadershipMeetingSettings sevenDays = new LeadershipMeetingSettings(7, 15, 10);
    assertThatCode(() -> LeadershipMeetingRules.plan(TODAY, TODAY.plusDays(7), 2026, sevenDays))
        .doesNotThrowAnyException();
  }

  @Test
  void aYearsMeetingIsHeldInThatYearOrTheNextFirstQuarter() {
    assertThatCode(() -> LeadershipMeetingRules.plan(TODAY, LocalDate.of(2027, 3, 31), 2026, DEFAULTS))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> LeadershipMeetingRules.plan(TODAY, LocalDate.of(2027, 4, 1), 2026, DEFAULTS))
        .hasMessageContaining("2026年度民主生活会应在2026年内召开");
    assertThatCode(() -> LeadershipMeetingRules.plan(TODAY, LocalDate.of(2027, 1, 10), 2027, DEFAULTS))
        .doesNotThrowAnyException();
  }

  @Test
  void theReportIsDueTheSetDaysAfterTheMeetingAndLaterOnlyWithAReason() {
    LocalDate meeting = LocalDate.of(2026, 11, 10);
    assertThat(LeadershipMeetingRules.reportDue(meeting, DEFAULTS)).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThatCode(() -> LeadershipMeetingRules.report(meeting, LocalDate.of(2026, 11, 25), null, TODAY, DEFAULTS))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> LeadershipMeetingRules.report(meeting, LocalDate.of(2026, 11, 26), " ", TODAY,
        DEFAULTS)).isInstanceOf(RuleViolation.class).hasMessageContaining("15天内（2026-11-25前）")
        .hasMessageContaining("超期原因");
    assertThatCode(() -> LeadershipMeetingRules.report(meeting, LocalDate.of(2026, 11, 26), "等待上级督导组意见",
        TODAY, DEFAULTS)).doesNotThrowAnyException();
    assertThatThrownBy(() -> LeadershipMeetingRules.report(meeting, meeting.minusDays(1), null, TODAY, DEFAULTS))
        .hasMessageContaining("应在会议日期");
    assertThatThrownBy(() -> LeadershipMeetingRules.report(meeting, TODAY.plusDays(1), null, TODAY, DEFAULTS))
        .hasMessageContaining("应在会议日期");
  }

  @Test
  void everyTwoMembersTalkBeforeTheMeetingAndTheMissingPairsAreNamed() {
    LocalDate d = TODAY.minusDays(5);
    List<Talk> all = List.of(new Talk("P001", "P002", d), new Talk("P001", "P005", d), new Talk("P006", "P001", d),
        new Talk("P002", "P005", d), new Talk("P002", "P006", d), new Talk("P005", "P006", d));
    assertThatCode(() -> LeadershipMeetingRules.talks(FOUR, all, TODAY)).doesNotThrowAnyException();
    assertThatThrownBy(() -> LeadershipMeetingRules.talks(FOUR, all.subList(0, 4), TODAY))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("书记与每名班子成员都要谈")
        .hasMessageContaining("尚未登记李明与陈静、周强与陈静的谈话");
    assertThatThrownBy(() -> LeadershipMeetingRules.talks(FOUR, List.of(new Talk("P001", "P001", d)), TODAY))
        .hasMessageContaining("两名不同的班子成员");
    assertThatThrownBy(() -> LeadershipMeetingRules.talks(FOUR, List.of(new Talk("P001", "P099", d)), TODAY))
        .hasMessageContaining("须是班子成员");
    assertThatThrownBy(() -> LeadershipMeetingRules.talks(FOUR, List.of(new Talk("P001", "P002", TODAY.plusDays(1))),
        TODAY)).hasMessageContaining("不能晚于今天");
  }

  @Test
  void everyMemberSubmitsACheckingMaterial() {
    Map<String, LocalDate> three = Map.of("P001", TODAY, "P002", TODAY, "P005", TODAY);
    assertThatThrownBy(() -> LeadershipMeetingRules.materials(FOUR, three, TODAY))
        .hasMessageContaining("对照检查材料：陈静尚未提交");
    Map<String, LocalDate> four = new LinkedHashMap<>(three);
    four.put("P006", TODAY.minusDays(1));
    assertThatCode(() -> LeadershipMeetingRules.materials(FOUR, four, TODAY)).doesNotThrowAnyException();
  }

  @Test
  void theMeetingFollowsTheApprovedPlanAndIsNotInTheFuture() {
    assertThatThrownBy(() -> LeadershipMeetingRules.meetingDate(TODAY.minusDays(3), TODAY.minusDays(2), null,
        TODAY)).hasMessageContaining("方案报经上级同意后召开");
    assertThatThrownBy(() -> LeadershipMeetingRules.meetingDate(TODAY.plusDays(1), null, null, TODAY))
        .hasMessageContaining("不能晚于今天");
    assertThatCode(() -> LeadershipMeetingRules.meetingDate(TODAY, TODAY.minusDays(20), TODAY.minusDays(5), TODAY))
        .doesNotThrowAnyException();
  }

  @Test
  void theMeetingIsNotHeldBeforeThePlannedDayTheHigherLevelApprovedButMayBeLater() {
    LocalDate planned = TODAY.minusDays(2);
    LocalDate approved = TODAY.minusDays(14);
    assertThatThrownBy(() -> LeadershipMeetingRules.meetingDate(planned.minusDays(1), approved, planned, TODAY))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("早于上级同意的拟召开日期" + planned)
        .hasMessageContaining("提前召开须经上级党组织批准");
    assertThatCode(() -> LeadershipMeetingRules.meetingDate(planned, approved, planned, TODAY))
        .doesNotThrowAnyException();
    assertThatCode(() -> LeadershipMeetingRules.meetingDate(TODAY, approved, planned, TODAY))
        .doesNotThrowAnyException();
  }

  static Map<String, String> members(String... idName) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < idName.length; i += 2) {
      m.put(idName[i], idName[i + 1]);
    }
    return m;
  }
}
