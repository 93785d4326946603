package cn.partyflow.reelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.reelection.ReElectionRules.Outcome;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReElectionRulesTest {

  static final ReElectionSettings SETTINGS = ReElectionSettings.defaults();

  @ParameterizedTest(name = "{0} entitled, {1} present: valid {2}")
  @CsvSource({"10, 9, true", "10, 8, false", "5, 5, true", "5, 4, false", "20, 17, true", "20, 16, false",
      "1, 1, true"})
  void theMeetingIsValidOnlyWhenMoreThanFourFifthsOfThoseEntitledArePresent(int entitled, int present,
      boolean valid) {
    if (valid) {
      assertThatCode(() -> ReElectionRules.checkQuorum(entitled, present)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> ReElectionRules.checkQuorum(entitled, present)).isInstanceOf(RuleViolation.class)
          .hasMessageContaining("未超过应到会人数" + entitled + "人的五分之四");
    }
  }

  @Test
  void morePresentThanEntitledIsRefused() {
    assertThatThrownBy(() -> ReElectionRules.checkQuorum(10, 11)).hasMessageContaining("不能多于");
  }

  @ParameterizedTest(name = "{0} votes of 10 entitled elect: {1}")
  @CsvSource({"6, true", "5, false", "9, true"})
  void aCandidateIsElectedByMoreThanHalfOfThoseEntitledNotOfThosePresent(int votes, boolean elected) {
    Outcome o = ReElectionRules.count(10, 9, 1, Map.of("a", votes));
    assertThat(o.elected().contains("a")).isEqualTo(elected);
    assertThat(o.unfilled()).isEqualTo(elected ? 0 : 1);
  }

  @Test
  void theMostVotesWinWhenMoreCandidatesPassThanSeats() {
    Map<String, Integer> votes = new LinkedHashMap<>();
    votes.put("a", 7);
    votes.put("b", 9);
    votes.put("c", 8);
    Outcome o = ReElectionRules.count(10, 9, 2, votes);
    assertThat(o.elected()).containsExactly("b", "c");
    assertThat(o.notElected()).containsExactly("a");
    assertThat(o.unfilled()).isZero();
  }

  @Test
  void candidatesTiedForTheLastSeatAreLeftForAnotherRound() {
    Map<String, Integer> votes = new LinkedHashMap<>();
    votes.put("a", 9);
    votes.put("b", 7);
    votes.put("c", 7);
    Outcome o = ReElectionRules.count(10, 9, 2, votes);
    assertThat(o.elected()).containsExactly("a");
    assertThat(o.unfilled()).isEqualTo(1);
  }

  @Test
  void votesAboveThosePresentAreRefusedNamingTheCandidate() {
    assertThatThrownBy(() -> ReElectionRules.count(10, 9, 1, Map.of("a", 10))).hasMessageContaining("得票数10无效");
    assertThatThrownBy(() -> ReElectionRules.count(10, 9, 1, Map.of("P010", 10), id -> "陈静"))
        .hasMessageContaining("候选人陈静的得票数10无效").hasMessageNotContaining("P010");
  }

  @Test
  void anElectionWithoutQuorumCountsNothing() {
    assertThatThrownBy(() -> ReElectionRules.count(10, 8, 1, Map.of("a", 8))).hasMessageContaining("五分之四");
  }

  @ParameterizedTest(name = "{0} seats need {1} candidates")
  @CsvSource({"5, 6", "3, 4", "7, 9", "10, 12", "1, 2"})
  void candidatesExceedTheSeatsByAtLeastTwentyPercent(int seats, int fewest) {
    assertThat(ReElectionRules.fewestCandidates(seats, SETTINGS)).isEqualTo(fewest);
    assertThatCode(() -> ReElectionRules.checkCandidates(seats, fewest, SETTINGS)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ReElectionRules.checkCandidates(seats, fewest - 1, SETTINGS))
        .hasMessageContaining("差额选举").hasMessageContaining("至少" + fewest + "名");
  }

  @Test
  void aTermIsPostponedByAtMostAYear() {
    LocalDate end = LocalDate.of(2027, 6, 30);
    LocalDate today = LocalDate.of(2027, 3, 1);
    assertThatCode(() -> ReElectionRules.checkTermChange(RequestType.POSTPONE, end, LocalDate.of(2028, 6, 30), today,
        SETTINGS)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ReElectionRules.checkTermChange(RequestType.POSTPONE, end, LocalDate.of(2028, 7, 1),
        today, SETTINGS)).hasMessageContaining("延期换届").hasMessageContaining("不超过1年");
    assertThatThrownBy(() -> ReElectionRules.checkTermChange(RequestType.POSTPONE, end, end, today, SETTINGS))
        .hasMessageContaining("之后");
  }

  @Test
  void aTermIsAdvancedByAtMostAYearAndNotIntoThePast() {
    LocalDate end = LocalDate.of(2027, 6, 30);
    LocalDate today = LocalDate.of(2026, 3, 1);
    assertThatCode(() -> ReElectionRules.checkTermChange(RequestType.ADVANCE, end, LocalDate.of(2026, 6, 30), today,
        SETTINGS)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ReElectionRules.checkTermChange(RequestType.ADVANCE, end, LocalDate.of(2026, 6, 29),
        today, SETTINGS)).hasMessageContaining("提前不超过1年");
    assertThatThrownBy(() -> ReElectionRules.checkTermChange(RequestType.ADVANCE, end, LocalDate.of(2026, 7, 1),
        LocalDate.of(2026, 8, 1), SETTINGS)).hasMessageContaining("今天之后");
  }

  @Test
  void termsAreThreeYearsForBranchesAndFiveForCommittees() {
    assertThat(ReElectionRules.newTermEnd(LocalDate.of(2026, 5, 10), OrganizationKind.BRANCH, SETTINGS))
        .isEqualTo(LocalDate.of(2029, 5, 10));
    assertThat(ReElectionRules.newTermEnd(LocalDate.of(2026, 5, 10), OrganizationKind.GENERAL_BRANCH, SETTINGS))
        .isEqualTo(LocalDate.of(2029, 5, 10));
    assertThat(ReElectionRules.newTermEnd(LocalDate.of(2026, 5, 10), OrganizationKind.COMMITTEE, SETTINGS))
        .isEqualTo(LocalDate.of(2031, 5, 10));
    assertThatThrownBy(() -> ReElectionRules.termYears(OrganizationKind.PARTY_GROUP, SETTINGS))
        .hasMessageContaining("不由选举产生");
  }

  @Test
  void theHigherOrganizationIsRemindedSixMonthsBeforeTheTermEnds() {
    LocalDate end = LocalDate.of(2027, 6, 30);
    assertThat(ReElectionRules.reminderDue(end, LocalDate.of(2026, 12, 29), SETTINGS)).isFalse();
    assertThat(ReElectionRules.reminderDue(end, LocalDate.of(2026, 12, 30), SETTINGS)).isTrue();
  }

  @Test
  void fewerMembersAreReportedOnlyWhenTheMinimumWasElected() {
    assertThatCode(() -> ReElectionRules.checkShortfallReport(3, SETTINGS)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ReElectionRules.checkShortfallReport(2, SETTINGS)).hasMessageContaining("另行选举");
  }
}
