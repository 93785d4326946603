package cn.partyflow.memberdevelopment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberDevelopmentRulesTest {

  final MemberDevelopmentRules rules =
      new MemberDevelopmentRules(new MemberDevelopmentSettings(), ChinaCalendarFixture.calendar(false));

  static final Map<String, Person> PEOPLE = Map.of(
      "M1", person("M1", MemberStatus.FULL_MEMBER, false),
      "M2", person("M2", MemberStatus.FULL_MEMBER, false),
      "M3", person("M3", MemberStatus.FULL_MEMBER, false),
      "PROB", person("PROB", MemberStatus.PROBATIONARY, false),
      "WATCH", person("WATCH", MemberStatus.FULL_MEMBER, true),
      "ACT", person("ACT", MemberStatus.ACTIVIST, false));
  static final Function<String, Optional<Person>> LOOKUP = id -> Optional.ofNullable(PEOPLE.get(id));

  static Person person(String id, MemberStatus status, boolean watched) {
    return new Person(id, "党员" + id, "男", LocalDate.of(1980, 1, 1), status, "rmyy-nk", null, null, null,
        null, null, null, null, null, watched);
  }

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  @ParameterizedTest(name = "born {0}, applied {1} -> allowed {2}")
  @CsvSource({
      "2007-03-15, 2025-03-15, true",    // 18th birthday on the application date
      "2007-03-16, 2025-03-15, false",   // one day short
      "2000-01-01, 2025-03-15, true",
      "2008-03-01, 2026-02-28, false"})
  void applicantMustBeEighteenOnTheApplicationDate(String born, String applied, boolean allowed) {
    check(() -> rules.age(d(born), d(applied)), allowed, "年满十八周岁（《中国共产党发展党员工作细则》第五条）");
  }

  @ParameterizedTest(name = "applied {0}, talk {1}, reason {2} -> allowed {3}")
  @CsvSource({
      "2025-03-15, 2025-04-15, , true",          // last day of the month
      "2025-03-15, 2025-04-16, , false",         // one day late, no reason
      "2025-03-15, 2025-04-16, 申请人外出进修, true",
      "2025-01-31, 2025-02-28, , true",          // month end
      "2025-03-15, 2025-03-14, , false"})        // before the application
  void talkWithinOneMonthUnlessTheDelayIsExplained(String applied, String talk, String reason, boolean allowed) {
    check(() -> rules.talk(d(applied), d(talk), reason), allowed, allowed ? "" : "");
  }

  @Test
  void lateTalkMessageNamesArticleSeven() {
    assertThatThrownBy(() -> rules.talk(d("2025-03-15"), d("2025-04-16"), null))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("一个月内派人谈话").hasMessageContaining("第七条");
  }

  @ParameterizedTest(name = "applied {0}, activist {1} -> allowed {2}")
  @CsvSource({
      "2025-01-10, 2025-07-10, true",
      "2025-01-10, 2025-07-09, false"})
  void activistAtTheEarliestSixMonthsAfterApplying(String applied, String activist, boolean allowed) {
    check(() -> rules.activist(d(applied), d(applied).plusDays(5), d(activist)), allowed, "个月后方可确定为入党积极分子");
  }

  @ParameterizedTest(name = "contacts {0} -> allowed {1}")
  @CsvSource(delimiter = ';', value = {
      "M1; true",
      "M1,M2; true",
      "; false",
      "M1,M2,M3; false",
      "M1,PROB; false",
      "WATCH; false",
      "ACT; false",
      "APP; false",
      "M1,M1; false"})
  void oneOrTwoContactsAllFullMembersInGoodStanding(String ids, boolean allowed) {
    List<String> list = ids == null ? List.of() : List.of(ids.split(","));
    Function<String, Optional<Person>> lookup = id -> id.equals("APP")
        ? Optional.of(person("APP", MemberStatus.ACTIVIST, false)) : LOOKUP.apply(id);
    check(() -> rules.contacts("APP", list, lookup), allowed, "");
  }

  @ParameterizedTest(name = "sponsors {0} -> allowed {1}, {2}")
  @CsvSource(delimiter = ';', value = {
      "M1,M2; true; ",
      "M1; false; 两名正式党员作入党介绍人",
      "M1,M2,M3; false; 两名正式党员作入党介绍人",
      "M1,PROB; false; 预备党员不能作入党介绍人",
      "M1,WATCH; false; 留党察看",
      "M1,ACT; false; 入党介绍人须为正式党员"})
  void exactlyTwoSponsorsAllFullMembersInGoodStanding(String ids, boolean allowed, String message) {
    check(() -> rules.sponsors("APP", List.of(ids.split(",")), LOOKUP), allowed, message);
  }

  @ParameterizedTest(name = "activist {0}, target {1}, assessments {2} -> allowed {3}")
  @CsvSource({
      "2024-03-01, 2025-03-01, 2, true",     // exactly one year
      "2024-03-01, 2025-02-28, 2, false",    // one day short
      "2024-03-01, 2025-03-01, 1, false",    // a half-year without assessment
      "2024-03-01, 2025-09-01, 3, true"})
  void oneYearOfCultivationWithHalfYearlyAssessments(String activist, String target, int assessments,
      boolean allowed) {
    check(() -> rules.developmentTarget(d(activist), d(target), assessments), allowed, "");
  }

  @ParameterizedTest(name = "{0} days, {1} hours -> allowed {2}")
  @CsvSource({
      "3, 0, true", "2, 24, true", "2, 23, false", "0, 0, false", "5, 40, true"})
  void trainingOfThreeDaysOrTwentyFourHours(int days, int hours, boolean allowed) {
    check(() -> rules.trainingSufficient(days, hours), allowed, "集中培训");
  }

  @Test
  void noMeetingWithoutPassedPoliticalReviewOrTraining() {
    LocalDate meeting = d("2025-06-10");
    assertThatThrownBy(() -> rules.readyForMeeting(false, d("2025-04-01"), 3, 24, d("2025-05-01"), meeting))
        .hasMessageContaining("政治审查");
    assertThatThrownBy(() -> rules.readyForMeeting(true, d("2024-06-09"), 3, 24, d("2025-05-01"), meeting))
        .hasMessageContaining("有效期");
    assertThatThrownBy(() -> rules.readyForMeeting(true, d("2025-04-01"), 3, 24, d("2025-06-11"), meeting))
        .hasMessageContaining("集中培训");
    assertThatCode(() -> rules.readyForMeeting(true, d("2024-06-10"), 3, 0, d("2025-06-10"), meeting))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "publicity from {0} ends {1}")
  @CsvSource({
      "2025-09-29, 2025-10-13",   // across National Day 2025 (Oct 1-8 off, Sat Oct 11 a working day)
      "2025-06-02, 2025-06-09",   // an ordinary week
      "2026-09-28, 2026-10-10"})  // National Day 2026 (Oct 1-7 off, Sat Oct 10 a working day)
  void publicityLastsFiveWorkingDaysOnTheCalendar(String start, String end) {
    assertThat(rules.publicityEnd(d(start))).isEqualTo(d(end));
  }

  @ParameterizedTest(name = "pre-review {0} -> allowed {1}")
  @CsvSource({"2025-10-13, false", "2025-10-14, true"})
  void preReviewOnlyAfterThePublicityEnds(String preReview, boolean allowed) {
    check(() -> rules.preReviewAfterPublicity(d("2025-09-29"), d("2025-10-13"), d(preReview)), allowed, "公示");
  }

  @ParameterizedTest(name = "entitled {0}, present {1}, for {2} -> {3}")
  @CsvSource({
      "20, 11, 11, PASSED",
      "20, 11, 10, FAILED",        // exactly half of those entitled fails
      "20, 20, 10, FAILED",
      "21, 11, 11, PASSED",
      "20, 10, 10, NO_QUORUM",     // exactly half present: no valid meeting
      "20, 21, 11, INVALID",
      "20, 12, 13, INVALID",
      "0, 0, 0, INVALID",
      "3, 2, 2, PASSED",
      "9, 9, 4, FAILED"})
  void meetingQuorumAndMajorityOfThoseEntitled(int entitled, int present, int votesFor, String expected) {
    switch (expected) {
      case "PASSED" -> assertThat(rules.meeting(entitled, present, votesFor)).isTrue();
      case "FAILED" -> assertThat(rules.meeting(entitled, present, votesFor)).isFalse();
      case "NO_QUORUM" -> assertThatThrownBy(() -> rules.meeting(entitled, present, votesFor))
          .isInstanceOf(RuleViolation.class).hasMessageContaining("超过应到会人数的半数").hasMessageContaining("第二十条");
      default -> assertThatThrownBy(() -> rules.meeting(entitled, present, votesFor))
          .isInstanceOf(RuleViolation.class);
    }
  }

  @ParameterizedTest(name = "meeting 2025-06-10, approval {0}, reason {1} -> allowed {2}")
  @CsvSource({
      "2025-09-10, , true",
      "2025-09-11, , false",
      "2025-09-11, 党委换届推迟会议, true",
      "2025-12-10, 党委换届推迟会议, true",
      "2025-12-11, 党委换届推迟会议, false",
      "2025-06-09, , false"})
  void approvalWithinThreeMonthsOrSixWithAReason(String approval, String reason, boolean allowed) {
    check(() -> rules.approvalInTime(d("2025-06-10"), d(approval), reason), allowed, "");
  }

  @Test
  void probationIsOneYearFromTheMeetingAndPartyStandingFromItsEnd() {
    LocalDate end = rules.probationEnd(d("2025-06-10"));
    assertThat(end).isEqualTo(d("2026-06-10"));
    assertThat(rules.conversionReminder(end)).isEqualTo(d("2026-05-10"));
    assertThat(rules.partyStandingFrom(end.plusMonths(6))).isEqualTo(d("2026-12-10"));
  }

  @ParameterizedTest(name = "conversion meeting {0} -> allowed {1}")
  @CsvSource({"2026-06-09, false", "2026-06-10, true"})
  void conversionMeetingNotBeforeProbationEnds(String meeting, boolean allowed) {
    check(() -> rules.conversionMeetingAfterProbation(d("2026-06-10"), d(meeting)), allowed, "预备期满");
  }

  @ParameterizedTest(name = "extended before {0}, months {1} -> allowed {2}")
  @CsvSource({
      "false, 6, true", "false, 12, true", "false, 5, false", "false, 13, false", "true, 6, false", "false, , false"})
  void extensionOnceOnlyOfSixToTwelveMonths(boolean extendedBefore, Integer months, boolean allowed) {
    check(() -> rules.extension(extendedBefore, months), allowed, "第三十二条");
  }

  @Test
  void settingsChangeTheLocalLimits() {
    MemberDevelopmentSettings local = new MemberDevelopmentSettings();
    local.setPublicityWorkdays(7);
    local.setTrainingMinHours(40);
    MemberDevelopmentRules strict = new MemberDevelopmentRules(local, ChinaCalendarFixture.calendar(false));
    assertThat(strict.publicityEnd(d("2025-06-02"))).isEqualTo(d("2025-06-11"));
    assertThatThrownBy(() -> strict.trainingSufficient(2, 32)).hasMessageContaining("40个学时");
  }

  @ParameterizedTest(name = "born {0}, activist {1}, 团推优 {2}, county age {3}: allowed {4}")
  @CsvSource({"2000-05-20, 2029-05-20, false, 28, true", "2000-05-20, 2029-05-19, false, 28, false",
      "2000-05-20, 2029-05-19, true, 28, true", "2000-05-20, 2025-01-10, false, 0, true",
      "2000-05-20, 2025-01-10, false, 25, false"})
  void theLeagueRecommendsYoungApplicantsWhereTheCountyRequiresIt(String birth, String activist, boolean recommended,
      int age, boolean allowed) {
    MemberDevelopmentSettings local = new MemberDevelopmentSettings();
    local.setLeagueRecommendationMaxAge(age);
    MemberDevelopmentRules county = new MemberDevelopmentRules(local, ChinaCalendarFixture.calendar(false));
    List<String> sources = recommended ? List.of("党员推荐", MemberDevelopmentRules.LEAGUE_RECOMMENDATION)
        : List.of("党员推荐");
    check(() -> county.leagueRecommendation(d(birth), d(activist), sources), allowed, "团组织推优");
  }

  private static void check(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, boolean allowed,
      String message) {
    if (allowed) {
      assertThatCode(call).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(call).isInstanceOf(RuleViolation.class).hasMessageContaining(message);
    }
  }
}
