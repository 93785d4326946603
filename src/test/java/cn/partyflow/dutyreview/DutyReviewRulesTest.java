package cn.partyflow.dutyreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DutyReviewRulesTest {

  static final DutyReviewSettings DEFAULTS = DutyReviewSettings.defaults();
  static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  /** Votes as counts per grade 好/较好/一般/差, and the overall grade the majority rule gives. */
  @ParameterizedTest(name = "好{0} 较好{1} 一般{2} 差{3} → {4}")
  @CsvSource({
      "6, 2, 2, 0, 好",
      "5, 3, 2, 0, 较好",   // 好 alone is exactly half: not more than half
      "5, 0, 0, 5, 差",
      "1, 1, 1, 0, 较好",   // 2 of 3 reached 较好 or better
      "0, 0, 3, 1, 一般",
      "0, 0, 0, 1, 差"})
  void theOverallGradeIsTheBestGradeAMajorityReached(int good, int fair, int average, int poor, String overall) {
    DutyReviewRules.Rating rating = DutyReviewRules.rating(votes(good, fair, average, poor), DEFAULTS);
    assertThat(rating.overall()).isEqualTo(overall);
    assertThat(rating.counts()).containsExactly(Map.entry("好", good), Map.entry("较好", fair),
        Map.entry("一般", average), Map.entry("差", poor));
    assertThat(rating.total()).isEqualTo(good + fair + average + poor);
  }

  @Test
  void aStricterThresholdIsASetting() {
    DutyReviewSettings twoThirds = new DutyReviewSettings(DEFAULTS.grades(), 66, 10, 10);
    assertThat(DutyReviewRules.rating(votes(6, 2, 2, 0), twoThirds).overall()).isEqualTo("较好");
  }

  @Test
  void theScaleIsASetting() {
    DutyReviewSettings three = new DutyReviewSettings(List.of("优秀", "合格", "不合格"), 50, 10, 10);
    assertThat(DutyReviewRules.rating(List.of("优秀", "合格", "合格"), three).overall()).isEqualTo("合格");
    assertThatThrownBy(() -> DutyReviewRules.rating(List.of("好"), three)).isInstanceOf(RuleViolation.class)
        .hasMessageContaining("只能是优秀、合格、不合格之一");
  }

  @Test
  void aVoteIsByAChosenRaterInTheScaleAndNotByTheSecretaryReporting() {
    List<String> raters = List.of("R1", "R2", "P1");
    Map<String, String> names = Map.of("R9", "孙某", "P1", "李明");
    DutyReviewRules.checkVotes(Map.of("R1", "好", "R2", "一般"), raters, "P1", DEFAULTS.grades(), names);
    assertThatThrownBy(() -> DutyReviewRules.checkVotes(Map.of("R9", "好"), raters, "P1", DEFAULTS.grades(), names))
        .hasMessage("孙某不是本次述职评议会确定的参加测评人员，不能投票");
    assertThatThrownBy(() -> DutyReviewRules.checkVotes(Map.of("P1", "好"), raters, "P1", DEFAULTS.grades(), names))
        .hasMessage("述职的书记李明不参加对本人的测评");
    assertThatThrownBy(() -> DutyReviewRules.checkVotes(Map.of("R1", "优"), raters, "P1", DEFAULTS.grades(), names))
        .hasMessageContaining("只能是好、较好、一般、差之一");
    assertThatThrownBy(() -> DutyReviewRules.checkVotes(Map.of(), raters, "P1", DEFAULTS.grades(), names))
        .hasMessageContaining("请填写测评票");
  }

  @Test
  void onlyThisOrLastYearIsReviewed() {
    DutyReviewRules.checkYear(2026, TODAY);
    DutyReviewRules.checkYear(2025, TODAY);
    assertThatThrownBy(() -> DutyReviewRules.checkYear(2024, TODAY)).hasMessageContaining("只能是今年（2026）或上一年");
    assertThatThrownBy(() -> DutyReviewRules.checkYear(2027, TODAY)).isInstanceOf(RuleViolation.class);
  }

  @Test
  void theSecretariesReportingAreThoseOfferedAndAtLeastOne() {
    DutyReviewRules.checkReporters(List.of("P1"), List.of("P1", "P2"));
    assertThatThrownBy(() -> DutyReviewRules.checkReporters(List.of(), List.of("P1")))
        .hasMessage("请至少选择一名述职的书记");
    assertThatThrownBy(() -> DutyReviewRules.checkReporters(List.of("P9"), List.of("P1")))
        .hasMessageContaining("述职的书记只能是本党委所属各党组织的书记");
  }

  @Test
  void theMeetingIsWithinTheYearOrAfterItAndNotInTheFuture() {
    DutyReviewRules.checkMeetingDate(LocalDate.of(2026, 1, 1), 2026, TODAY);
    DutyReviewRules.checkMeetingDate(LocalDate.of(2026, 3, 10), 2025, TODAY);
    assertThatThrownBy(() -> DutyReviewRules.checkMeetingDate(TODAY.plusDays(1), 2026, TODAY))
        .hasMessageContaining("不能晚于今天");
    assertThatThrownBy(() -> DutyReviewRules.checkMeetingDate(LocalDate.of(2025, 12, 31), 2026, TODAY))
        .hasMessageContaining("早于2026年度");
  }

  private static List<String> votes(int good, int fair, int average, int poor) {
    List<String> v = new ArrayList<>();
    for (int i = 0; i < good; i++) v.add("好");
    for (int i = 0; i < fair; i++) v.add("较好");
    for (int i = 0; i < average; i++) v.add("一般");
    for (int i = 0; i < poor; i++) v.add("差");
    return v;
  }

  @Test
  void aBallotGradesEverySecretaryButTheRaterOnceOnTheScaleAndIsCastOnceByAChosenRater() {
    List<String> raters = List.of("R1", "P1", "R2");
    List<String> reporters = List.of("P1", "P2");
    Map<String, String> names = Map.of("R1", "王建国", "R9", "孙某", "P1", "李明", "P2", "韩磊", "X", "张三");
    List<String> scale = DEFAULTS.grades();
    DutyReviewRules.checkBallot("R1", List.of(Map.entry("P1", "好"), Map.entry("P2", "一般")), raters, List.of("R2"),
        reporters, scale, names);
    DutyReviewRules.checkBallot("P1", List.of(Map.entry("P2", "较好")), raters, List.of(), reporters, scale, names);
    assertThatThrownBy(() -> DutyReviewRules.checkBallot("R9", List.of(Map.entry("P1", "好"), Map.entry("P2", "好")),
        raters, List.of(), reporters, scale, names))
        .hasMessage("孙某不是本次述职评议会确定的参加测评人员，不能投票");
    assertThatThrownBy(() -> DutyReviewRules.checkBallot("P1", List.of(Map.entry("P1", "好"), Map.entry("P2", "好")),
        raters, List.of(), reporters, scale, names))
        .hasMessage("述职的书记李明不参加对本人的测评");
    assertThatThrownBy(() -> DutyReviewRules.checkBallot("R1", List.of(Map.entry("P1", "好"), Map.entry("P2", "好")),
        raters, List.of("R1"), reporters, scale, names))
        .hasMessage("王建国已经投过票：每名测评人员对每名述职的书记一票，投后不能再投");
    assertThatThrownBy(() -> DutyReviewRules.checkBallot("R1", List.of(Map.entry("P1", "好"), Map.entry("P1", "差"),
        Map.entry("P2", "好")), raters, List.of(), reporters, scale, names))
        .hasMessage("王建国对李明投了两票，每名测评人员对每名述职的书记一票");
    assertThatThrownBy(() -> DutyReviewRules.checkBallot("R1", List.of(Map.entry("P1", "优"), Map.entry("P2", "好")),
        raters, List.of(), reporters, scale, names))
        .hasMessage("对李明的测评等次只能是好、较好、一般、差之一，提交的是“优”");
    assertThatThrownBy(() -> DutyReviewRules.checkBallot("R1", List.of(Map.entry("P1", "好"), Map.entry("X", "好"),
        Map.entry("P2", "好")), raters, List.of(), reporters, scale, names))
        .hasMessage("张三不是本次述职评议的述职书记，不能对其测评");
    assertThatThrownBy(() -> DutyReviewRules.checkBallot("R1", List.of(Map.entry("P1", "好")), raters, List.of(),
        reporters, scale, names))
        .hasMessage("请对述职的书记韩磊评定测评等次：每名测评人员对每名述职的书记一票");
  }
}
