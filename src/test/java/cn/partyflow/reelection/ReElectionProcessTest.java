package cn.partyflow.reelection;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.partyflow.UnitEngine;
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The re-election case on an in-memory engine with the real Steps over a stubbed service whose election rounds are
 * counted by the real {@link ReElectionRules} (10 members entitled to vote).
 */
@Deployment(resources = {"processes/re-election/re-election.bpmn", "forms/re-election/re-start.form",
    "forms/re-election/re-approve-term-change.form", "forms/re-election/re-reply-request.form",
    "forms/re-election/re-nominate.form", "forms/re-election/re-review-candidates.form",
    "forms/re-election/re-hold-election.form", "forms/re-election/re-decide-shortfall.form",
    "forms/re-election/re-report-result.form", "forms/re-election/re-approve-result.form"})
class ReElectionProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  static final int ENTITLED = 10;
  static final List<String> NINE_PRESENT = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");

  ReElectionService service = mock(ReElectionService.class);

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("reElectionSteps", new ReElectionSteps(service));
    when(service.admitStart(eq("rmyy-nk"), any(), anyString(), any(), anyString(), any())).thenReturn(Map.of(
        ReElection.ORG_NAME, "内科党支部", ReElection.HIGHER_ORG_ID, "rmyy", ReElection.HIGHER_ORG_NAME,
        "县人民医院党委", ReElection.REQUEST_LABEL, "换届选举", ReElection.TERM_END, "2026-06-30",
        ReElection.ANSWER_WORKDAYS, 10));
    when(service.settings()).thenReturn(ReElectionSettings.defaults());
    when(service.name(anyString())).thenAnswer(call -> call.getArgument(0));
    when(service.names(anyList())).thenAnswer(call -> {
      Map<String, String> names = new LinkedHashMap<>();
      call.<List<String>>getArgument(0).forEach(id -> names.put(id, id));
      return names;
    });
    when(service.voterOptions("rmyy-nk")).thenReturn(Map.of("a", "a"));
    when(service.checkCandidates(eq("rmyy-nk"), anyInt(), anyList())).thenAnswer(call -> {
      ReElectionRules.checkCandidates(call.getArgument(1), call.<List<String>>getArgument(2).size(),
          ReElectionSettings.defaults());
      Map<String, String> names = new LinkedHashMap<>();
      call.<List<String>>getArgument(2).forEach(id -> names.put(id, id));
      return names;
    });
    when(service.recordRound(anyString(), eq("rmyy-nk"), anyInt(), any(), anyInt(), anyList(), anyMap(), any()))
        .thenAnswer(call -> ReElectionRules.count(ENTITLED, call.<List<String>>getArgument(5).size(),
            call.getArgument(4), call.getArgument(6)));
    when(service.describe(anyInt(), any(), anyList())).thenReturn("选举结果");
    when(service.describeOffices(anyMap())).thenReturn("书记：a");
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    reset();
  }

  @Test
  void anElectionRunsFromTheRequestToTheNewCommitteeInTheRegistry() {
    ProcessInstance pi = startElection();
    Task reply = task(ReElection.REPLY, pi);
    assertThat(reply).hasCandidateGroup("rmyy.orgdept").hasName("批复内科党支部换届选举的请示");
    Assertions.assertThat(reply.getDueDate()).isNotNull();
    complete(reply, withVariables("decision", "APPROVE"));

    Task nominate = task(ReElection.NOMINATE, pi);
    assertThat(nominate).hasCandidateGroup("rmyy-nk.secretary");
    complete(nominate, withVariables("seats", 3, "candidates", candidates("a", "b", "c", "d")));
    complete(task(ReElection.REVIEW_CANDIDATES, pi), withVariables("decision", "APPROVE"));

    holdElection(pi, NINE_PRESENT, 9, 8, 7, 3);
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), ReElection.ELECTED)).isEqualTo("a,b,c");
    complete(task(ReElection.REPORT, pi), withVariables("secretaryId", "a", "organizerId", "b"));
    Task approve = task(ReElection.APPROVE_RESULT, pi);
    assertThat(approve).hasCandidateGroup("rmyy.orgdept");
    complete(approve, withVariables("decision", "APPROVE"));

    verify(service).install(pi.getId(), "rmyy-nk", List.of("a", "b", "c"),
        Map.of("secretaryId", "a", "organizerId", "b"), null);
    assertThat(pi).isEnded().hasPassed(ReElection.END_ELECTED).hasNotPassed(ReElection.DECIDE_SHORTFALL);
  }

  @Test
  void aSeatLeftUnfilledReachesASecondRoundAmongTheCandidatesNotElected() {
    ProcessInstance pi = toElection(3, "a", "b", "c", "d");
    // c and d both got 5 of 10 entitled: not more than half.
    holdElection(pi, NINE_PRESENT, 9, 8, 5, 5);
    Task shortfall = task(ReElection.DECIDE_SHORTFALL, pi);
    assertThat(shortfall).hasCandidateGroup("rmyy-nk.secretary");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), ReElection.UNFILLED)).isEqualTo(1);
    complete(shortfall, withVariables("shortfall", ReElection.SECOND_ROUND));

    Task second = task(ReElection.HOLD_ELECTION, pi);
    assertThat(second).hasName("内科党支部选举大会（第2轮）");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), ReElection.ROUND_SEATS)).isEqualTo(1);
    Assertions.assertThat(taskService().getVariable(second.getId(), ReElection.VOTES).toString())
        .contains("\"c\"", "\"d\"").doesNotContain("\"a\"");
    holdElection(pi, NINE_PRESENT, 7, 2);
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), ReElection.ELECTED)).isEqualTo("a,b,c");
    assertThat(pi).isWaitingAt(ReElection.REPORT);
  }

  @Test
  void fewerMembersAreReportedOnlyWhenAtLeastTheMinimumWasElected() {
    ProcessInstance pi = toElection(3, "a", "b", "c", "d");
    holdElection(pi, NINE_PRESENT, 9, 8, 5, 5);
    Task shortfall = task(ReElection.DECIDE_SHORTFALL, pi);
    RuleViolation refused = refusal(() -> complete(shortfall,
        withVariables("shortfall", "REPORT")));
    Assertions.assertThat(refused.getMessage()).contains("只选出2名委员", "另行选举");
    assertThat(pi).isWaitingAt(ReElection.DECIDE_SHORTFALL);
  }

  @Test
  void aMeetingWithoutFourFifthsPresentElectsNobody() {
    ProcessInstance pi = toElection(3, "a", "b", "c", "d");
    RuleViolation refused = refusal(() -> holdElection(pi,
        List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"), 8, 8, 8, 1));
    Assertions.assertThat(refused.getMessage()).contains("五分之四");
    assertThat(pi).isWaitingAt(ReElection.HOLD_ELECTION);
    verify(service, never()).install(anyString(), anyString(), anyList(), anyMap(), any());
  }

  @Test
  void tooFewCandidatesForACompetitiveElectionAreRefused() {
    ProcessInstance pi = startElection();
    complete(task(ReElection.REPLY, pi), withVariables("decision", "APPROVE"));
    RuleViolation refused = refusal(() -> complete(task(ReElection.NOMINATE, pi),
        withVariables("seats", 5, "candidates", candidates("a", "b", "c", "d", "e"))));
    Assertions.assertThat(refused.getMessage()).contains("差额选举", "至少6名");
  }

  @Test
  void returnedCandidatesGoBackToNomination() {
    ProcessInstance pi = startElection();
    complete(task(ReElection.REPLY, pi), withVariables("decision", "APPROVE"));
    complete(task(ReElection.NOMINATE, pi), withVariables("seats", 3, "candidates", candidates("a", "b", "c", "d")));
    complete(task(ReElection.REVIEW_CANDIDATES, pi), withVariables("decision", "RETURN", "opinion", "c不符合条件"));
    assertThat(pi).isWaitingAt(ReElection.NOMINATE);
  }

  @Test
  void aRefusedRequestEndsTheCaseAndARefusalNeedsItsReason() {
    ProcessInstance pi = startElection();
    Task reply = task(ReElection.REPLY, pi);
    RuleViolation noReason = refusal(() -> complete(reply,
        withVariables("decision", "REFUSE")));
    Assertions.assertThat(noReason.getMessage()).contains("写明理由");
    complete(reply, withVariables("decision", "REFUSE", "opinion", "任期未满，暂缓换届"));
    assertThat(pi).isEnded().hasPassed(ReElection.END_REFUSED);
    verify(service).close(pi.getId(), "上级未同意召开换届选举大会");
  }

  @Test
  void aPostponementApprovedAboveChangesTheTermEnd() {
    ProcessInstance pi = start("POSTPONE", "2027-03-31");
    Task approve = task(ReElection.APPROVE_TERM_CHANGE, pi);
    assertThat(approve).hasCandidateGroup("rmyy.orgdept");
    Assertions.assertThat(task(ReElection.REPLY, pi)).isNull();
    complete(approve, withVariables("decision", "APPROVE"));
    verify(service).changeTerm(pi.getId(), "rmyy-nk", RequestType.POSTPONE, LocalDate.of(2027, 3, 31),
        "医院整体搬迁，党员分散", null);
    assertThat(pi).isEnded().hasPassed(ReElection.END_TERM_CHANGED);
  }

  @Test
  void aRefusedPostponementLeavesTheTermAsItWas() {
    ProcessInstance pi = start("POSTPONE", "2027-03-31");
    complete(task(ReElection.APPROVE_TERM_CHANGE, pi), withVariables("decision", "REFUSE", "opinion", "应按期换届"));
    verify(service, never()).changeTerm(anyString(), anyString(), any(), any(), any(), any());
    assertThat(pi).isEnded().hasPassed(ReElection.END_TERM_CHANGE_REFUSED);
  }

  /** The rule a step refused with, however deep the engine wrapped it. */
  private static RuleViolation refusal(org.junit.jupiter.api.function.Executable call) {
    Throwable t = assertThrows(RuntimeException.class, call);
    while (t != null && !(t instanceof RuleViolation)) {
      t = t.getCause();
    }
    Assertions.assertThat(t).as("refused by a rule").isInstanceOf(RuleViolation.class);
    return (RuleViolation) t;
  }

  private ProcessInstance toElection(int seats, String... candidates) {
    ProcessInstance pi = startElection();
    complete(task(ReElection.REPLY, pi), withVariables("decision", "APPROVE"));
    complete(task(ReElection.NOMINATE, pi), withVariables("seats", seats, "candidates", candidates(candidates)));
    complete(task(ReElection.REVIEW_CANDIDATES, pi), withVariables("decision", "APPROVE"));
    return pi;
  }

  /** Votes in the order of the round's candidates, as the form's prepared rows are submitted. */
  private void holdElection(ProcessInstance pi, List<String> present, int... votes) {
    Task t = task(ReElection.HOLD_ELECTION, pi);
    List<String> ids = ReElectionSteps.list((String) runtimeService().getVariable(pi.getId(), "roundCandidates"));
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < votes.length; i++) {
      rows.add(Map.of("name", ids.get(i), "votes", votes[i]));
    }
    complete(t, withVariables(ReElection.ELECTION_DATE, "2026-05-20", ReElection.PRESENT_MEMBERS,
        org.camunda.spin.Spin.JSON(present), ReElection.VOTES, org.camunda.spin.Spin.JSON(rows)));
  }

  private static Object candidates(String... ids) {
    return org.camunda.spin.Spin.JSON(java.util.Arrays.stream(ids).map(id -> Map.of("personId", id)).toList());
  }

  private ProcessInstance startElection() {
    return start("ELECTION", null);
  }

  private ProcessInstance start(String type, String newEnd) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(ReElection.ORG_ID, "rmyy-nk");
    vars.put(ReElection.REQUEST_TYPE, type);
    vars.put(ReElection.REASON, type.equals("ELECTION") ? "本届任期将于2026年6月30日届满" : "医院整体搬迁，党员分散");
    if (newEnd != null) {
      vars.put(ReElection.NEW_TERM_END, newEnd);
    }
    return runtimeService().startProcessInstanceByKey(ReElection.PROCESS_KEY, vars);
  }

  private Task task(String activity, ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activity).singleResult();
  }
}
