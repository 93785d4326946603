package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of 巡察整改 as plain Java: no engine, no database. */
class RectificationRulesTest {

  static final LocalDate FEEDBACK = LocalDate.of(2026, 3, 2);
  static final Map<Integer, String> PROBLEMS = Map.of(1, "议事规则不健全", 2, "廉洁风险防控不到位");
  static final Set<String> USERS = Set.of("leader1", "resp1");

  @BeforeEach
  void today() {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(2026, 3, 20, 10, 0)));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void planCoveringEveryProblemWithKnownPeopleIsAccepted() {
    List<RectificationRules.PlannedItem> items = RectificationRules.plan(
        List.of(row("1", "限期整改", "resp1", "2026-04-30"), row("2", "长期坚持", "resp1", null)), PROBLEMS, FEEDBACK,
        USERS::contains);
    assertThat(items).extracting(RectificationRules.PlannedItem::problem)
        .containsExactly("议事规则不健全", "廉洁风险防控不到位");
    assertThat(items.get(1).deadline()).isNull();
  }

  @Test
  void planNamesEveryBadRowInOneMessage() {
    assertThatThrownBy(() -> RectificationRules.plan(
        List.of(row("", "限期整改", "nobody", "2026-02-01"), row("9", "立行立改", "resp1", null)), PROBLEMS, FEEDBACK,
        USERS::contains))
        .isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("整改方案有误：")
        .hasMessageContaining("第1项未选择对应的问题")
        .hasMessageContaining("第1项责任人“nobody”不是系统用户")
        .hasMessageContaining("第1项完成时限早于反馈日期")
        .hasMessageContaining("第2项对应的问题序号“9”不在问题清单中")
        .hasMessageContaining("第2项缺少完成时限")
        .hasMessageContaining("问题1没有对应的整改事项").hasMessageContaining("问题2没有对应的整改事项");
  }

  @ParameterizedTest(name = "应到{0}人、实到{1}人：{2}")
  @CsvSource({"7, 4, true", "7, 3, false", "6, 3, false", "6, 4, true", "5, 6, false", "1, 1, true"})
  void planMeetingNeedsMoreThanHalfOfTheMembers(int entitled, int present, boolean signed) {
    if (signed) {
      assertThat(RectificationRules.planMeeting("2026-03-10", entitled, present, "全体到会委员", FEEDBACK).present())
          .isEqualTo(present);
    } else {
      assertThatThrownBy(() -> RectificationRules.planMeeting("2026-03-10", entitled, present, "委员", FEEDBACK))
          .isInstanceOf(RuleViolation.class).hasMessageContaining("委员");
    }
  }

  @Test
  void planMeetingHeldBeforeTheFeedbackOrInTheFutureOrWithoutAttendeesIsRefused() {
    assertThatThrownBy(() -> RectificationRules.planMeeting("2026-03-01", 7, 6, "委员", FEEDBACK))
        .hasMessageContaining("不能早于反馈日期");
    assertThatThrownBy(() -> RectificationRules.planMeeting("2026-03-21", 7, 6, "委员", FEEDBACK))
        .hasMessageContaining("不能晚于今天");
    assertThatThrownBy(() -> RectificationRules.planMeeting("2026-03-10", 7, 6, " ", FEEDBACK))
        .hasMessage("请填写出席党委（党组）会的人员");
    assertThatThrownBy(() -> RectificationRules.planMeeting(null, 7, 6, "委员", FEEDBACK))
        .hasMessageContaining("请填写研究整改方案的党委（党组）会日期");
  }

  @Test
  void closingRequestNeedsEvidenceExceptForLongTermItems() {
    assertThatThrownBy(() -> RectificationRules.closingRequest(Rectification.TIME_BOUND, true, 0))
        .isInstanceOf(RuleViolation.class).hasMessageStartingWith("申请销号须先上传证明材料");
    assertThatThrownBy(() -> RectificationRules.closingRequest(Rectification.IMMEDIATE, true, 0))
        .isInstanceOf(RuleViolation.class);
    assertThatCode(() -> RectificationRules.closingRequest(Rectification.TIME_BOUND, true, 1)).doesNotThrowAnyException();
    assertThatCode(() -> RectificationRules.closingRequest(Rectification.TIME_BOUND, false, 0))
        .doesNotThrowAnyException();
    assertThatCode(() -> RectificationRules.closingRequest(Rectification.LONG_TERM, true, 0))
        .doesNotThrowAnyException();
  }

  @Test
  void inspectionReportNeedsTheLeadersOwnReportOtherSourcesDoNot() {
    assertThatThrownBy(() -> RectificationRules.report("巡察", "报告", " "))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("主要负责人组织落实整改情况的报告");
    assertThatCode(() -> RectificationRules.report("巡察", "报告", "书记的报告")).doesNotThrowAnyException();
    assertThatCode(() -> RectificationRules.report("组织生活会", "报告", null)).doesNotThrowAnyException();
    assertThatThrownBy(() -> RectificationRules.report("组织生活会", "", null)).hasMessage("请填写整改情况报告正文");
  }

  @Test
  void withholdingNeedsItsReasonAndTheRecordedConsent() {
    assertThatCode(() -> RectificationRules.withholding("巡察", "", null, null, null, FEEDBACK))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> RectificationRules.withholding("巡察", "线索名单", "", null, null, FEEDBACK))
        .hasMessageContaining("须写明理由");
    assertThatThrownBy(() -> RectificationRules.withholding("巡察", "线索名单", "正在初核", "", null, FEEDBACK))
        .hasMessageStartingWith("不予公开须经巡察领导小组同意");
    assertThatThrownBy(() -> RectificationRules.withholding("民主生活会", "线索名单", "正在初核", "", null, FEEDBACK))
        .hasMessageStartingWith("不予公开须经上级党委同意");
    assertThatThrownBy(() -> RectificationRules.withholding("巡察", "线索名单", "正在初核", "巡察领导小组", null, FEEDBACK))
        .hasMessageContaining("请填写巡察领导小组同意不予公开的日期");
    assertThatThrownBy(() -> RectificationRules.withholding("巡察", "线索名单", "正在初核", "巡察领导小组", "2026-03-01",
        FEEDBACK)).hasMessageContaining("不能早于反馈日期");
    assertThatCode(() -> RectificationRules.withholding("巡察", "线索名单", "正在初核", "巡察领导小组（组长李某）",
        "2026-03-18", FEEDBACK)).doesNotThrowAnyException();
  }

  @Test
  void inspectionReportIsDueTwoMonthsAfterTheFeedbackOtherSourcesAtTheLastDeadline() {
    List<LocalDate> deadlines = Arrays.asList(LocalDate.of(2026, 4, 30), null, LocalDate.of(2026, 9, 30));
    assertThat(RectificationRules.reportDue("巡察", FEEDBACK, deadlines, 2)).isEqualTo(LocalDate.of(2026, 5, 2));
    assertThat(RectificationRules.reportDue("民主生活会", FEEDBACK, deadlines, 2)).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(RectificationRules.reportDue("组织生活会", FEEDBACK, Arrays.asList((LocalDate) null), 2))
        .as("every item 长期坚持").isEqualTo(LocalDate.of(2026, 5, 2));
  }

  @Test
  void sourceIsOneOfTheThree() {
    assertThat(RectificationRules.source(" ")).isEqualTo("巡察");
    assertThat(RectificationRules.isInspection("组织生活会")).isFalse();
    assertThatThrownBy(() -> RectificationRules.source("巡视")).hasMessage("整改来源只能是巡察、民主生活会、组织生活会、述职评议");
  }

  @Test
  void problemListIsNumberedAndNeverEmpty() {
    assertThat(RectificationRules.numberedProblems(List.of(Map.of("problem", "甲"), Map.of("no", 5, "problem", "乙"))))
        .extracting(p -> p.get("no")).containsExactly(1, 5);
    assertThatThrownBy(() -> RectificationRules.numberedProblems(List.of()))
        .hasMessageContaining("问题清单为空");
    assertThatThrownBy(() -> RectificationRules.numberedProblems(List.of(Map.of("no", 1, "problem", "甲"),
        Map.of("no", "1", "problem", "乙")))).hasMessageContaining("问题序号1重复");
  }

  static Map<String, Object> row(String problemNo, String category, String responsible, String deadline) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("problemNo", problemNo);
    row.put("measures", "措施");
    row.put("category", category);
    row.put("leaderUser", "leader1");
    row.put("department", "党办");
    row.put("responsibleUser", responsible);
    row.put("deadline", deadline);
    return row;
  }
}
