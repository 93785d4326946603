package cn.partyflow.dutyreview;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.partyflow.UnitEngine;
import cn.partyflow.VersionDeployments;
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.deployment.RunningCaseUpgrade;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoleAssignment;
import cn.partyflow.rectification.ProblemListHandover;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.rectification.RectificationProgress;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 述职评议 case on an in-memory engine with the real Steps and service over a stubbed store and registry
 * (县人民医院党委 hears 李明 of 内科党支部 and 韩磊 of 外科党支部; three raters), the rectification hand-over mocked.
 */
@Deployment(resources = {"processes/duty-review/duty-review.bpmn", "forms/duty-review/dr-submit-report.form",
    "forms/duty-review/dr-record-meeting.form", "forms/duty-review/dr-cast-ballot.form",
    "forms/duty-review/dr-review-secretary.form"})
class DutyReviewProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  static final int YEAR = ChinaClock.today().getYear();
  static final Organization RMYY = new Organization("rmyy", "wjj", OrganizationKind.COMMITTEE, "县人民医院党委", true, 10);
  static final Organization NK = new Organization("rmyy-nk", "rmyy", OrganizationKind.BRANCH, "内科党支部", false, 11);
  static final Organization WK = new Organization("rmyy-wk", "rmyy", OrganizationKind.BRANCH, "外科党支部", false, 13);
  static final Map<String, Person> PEOPLE = Map.of(
      "P1", person("P1", "李明", "rmyy-nk", "nk_shuji"), "P2", person("P2", "韩磊", "rmyy-wk", "wk_shuji"),
      "R1", person("R1", "王建国", "rmyy", "rmyy_shuji"), "R2", person("R2", "赵志强", "rmyy", "rmyy_zzb"),
      "R3", person("R3", "周明", "rmyy", "rmyy_fgld"));

  DutyReviewStore store = mock(DutyReviewStore.class);
  OrganizationDirectory directory = mock(OrganizationDirectory.class);
  ProblemListHandover handover = mock(ProblemListHandover.class);
  AtomicReference<DutyReviewStore.Case> theCase = new AtomicReference<>();
  Map<Long, List<DutyReviewStore.Problem>> problems = new HashMap<>();
  /** The ballots cast: per secretary (reporter id), rater → grade. */
  Map<Long, Map<String, String>> cast = new HashMap<>();

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("dutyReviewSteps", steps());
    when(directory.organization(anyString())).thenAnswer(c -> Optional.ofNullable(
        Map.of("rmyy", RMYY, "rmyy-nk", NK, "rmyy-wk", WK).get(c.<String>getArgument(0))));
    when(directory.organizations()).thenReturn(List.of(RMYY, NK, WK));
    when(directory.holdersBelow(List.of("rmyy"), Role.SECRETARY)).thenReturn(Map.of(
        "rmyy-nk", List.of(PEOPLE.get("P1")), "rmyy-wk", List.of(PEOPLE.get("P2"))));
    when(directory.person(anyString())).thenAnswer(c -> Optional.ofNullable(PEOPLE.get(c.<String>getArgument(0))));
    when(directory.personByUsername(anyString())).thenAnswer(c -> PEOPLE.values().stream()
        .filter(p -> p.username().equals(c.getArgument(0))).findFirst());
    when(directory.roleAssignmentsOf(anyString())).thenAnswer(c -> Map.of(
        "R1", List.of(new RoleAssignment("rmyy", "R1", Role.SECRETARY)),
        "R2", List.of(new RoleAssignment("rmyy", "R2", Role.ORG_DEPARTMENT))).getOrDefault(c.getArgument(0), List.of()));
    when(directory.selfAndDescendants("rmyy")).thenReturn(Set.of("rmyy", "rmyy-nk", "rmyy-wk"));
    when(directory.people(any())).thenReturn(List.copyOf(PEOPLE.values()));
    when(store.reporter(anyString(), anyString())).thenAnswer(c -> Optional.of(reporter(c.getArgument(0),
        c.getArgument(1))));
    when(store.reportersOf(anyString(), any(Integer.class))).thenReturn(List.of());
    when(store.caseOf(anyString())).thenAnswer(c -> Optional.ofNullable(theCase.get()));
    doAnswer(c -> {
      theCase.set(new DutyReviewStore.Case(c.getArgument(0), "rmyy", YEAR, ChinaClock.today(), null,
          c.getArgument(1), c.getArgument(2), c.getArgument(3), null, false));
      return null;
    }).when(store).meeting(anyString(), any(), anyString(), anyString());
    doAnswer(c -> {
      DutyReviewStore.Case m = theCase.get();
      theCase.set(new DutyReviewStore.Case(m.processInstanceId(), m.orgId(), m.year(), m.startedOn(), null,
          m.meetingDate(), m.attendees(), m.raters(), null, true));
      return null;
    }).when(store).openBallot(anyString());
    doAnswer(c -> {
      c.<Map<String, String>>getArgument(2).forEach((reporter, grade) -> cast.computeIfAbsent(
          reporter.equals("P1") ? 1L : 2L, k -> new java.util.TreeMap<>()).put(c.getArgument(1), grade));
      return null;
    }).when(store).ballot(anyString(), anyString(), any());
    when(store.voters(anyString())).thenAnswer(c -> cast.values().stream().flatMap(m -> m.keySet().stream())
        .distinct().toList());
    when(store.votes(anyLong())).thenAnswer(c -> cast.getOrDefault(c.<Long>getArgument(0), Map.of()).entrySet()
        .stream().map(e -> new DutyReviewStore.Vote(e.getKey(), e.getValue())).toList());
    doAnswer(c -> problems.put(c.getArgument(0), c.getArgument(4))).when(store)
        .review(anyLong(), anyString(), any(), any(), anyList(), any());
    when(store.problems(anyLong())).thenAnswer(c -> problems.getOrDefault(c.<Long>getArgument(0), List.of()));
    when(store.reporters(anyString())).thenAnswer(c -> List.of(reporter(c.getArgument(0), "P1"),
        reporter(c.getArgument(0), "P2")));
  }

  private DutyReviewSteps steps() {
    return new DutyReviewSteps(service());
  }

  private DutyReviewService service() {
    return new DutyReviewService(store, directory, runtimeService(), taskService(), DutyReviewSettings.defaults(),
        handover, mock(RectificationProgress.class));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    reset();
  }

  @Test
  void eachRaterVotesInTheirOwnTaskThenTheOrgDeptReviewsWithTheTallyAndTheCaseEnds() {
    ProcessInstance pi = start();
    List<Task> reports = taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(DutyReview.SUBMIT_REPORT).orderByTaskName().asc().list();
    Assertions.assertThat(reports).extracting(Task::getName).containsExactlyInAnyOrder(
        "提交" + YEAR + "年度抓基层党建述职报告（内科党支部书记李明）",
        "提交" + YEAR + "年度抓基层党建述职报告（外科党支部书记韩磊）");
    Task nk = reports.stream().filter(t -> t.getName().contains("李明")).findFirst().orElseThrow();
    assertThat(nk).hasCandidateGroup("rmyy-nk.secretary");
    Assertions.assertThat(nk.getDueDate()).isNotNull();
    Assertions.assertThat(taskService().getVariable(nk.getId(), DutyReview.DATA_REPORT_LINK))
        .isEqualTo("/reports/annual.docx?orgId=rmyy-nk&year=" + YEAR);
    reports.forEach(t -> complete(t, withVariables(DutyReview.REPORT_TEXT, "履行抓基层党建第一责任人职责……")));
    verify(store).report(pi.getId(), "P1", "履行抓基层党建第一责任人职责……");

    recordMeeting(pi, "[\"R1\",\"R2\",\"R3\"]");
    List<Task> ballots = ballots(pi);
    Assertions.assertThat(ballots).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("rmyy_shuji", "rmyy_zzb", "rmyy_fgld");
    Assertions.assertThat(ballots).allSatisfy(t -> Assertions.assertThat(t.getDueDate()).isNotNull());
    Assertions.assertThat(ballots).extracting(Task::getName).contains(YEAR + "年度书记述职评议民主测评（王建国）");
    Assertions.assertThat(taskService().getVariable(ballotOf(pi, "rmyy_shuji").getId(), DutyReview.BALLOT)
        .toString()).contains("内科党支部书记李明").contains("外科党支部书记韩磊");
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(DutyReview.REVIEW_SECRETARY).count()).isZero();
    vote(pi, "rmyy_shuji", "好", "好");
    vote(pi, "rmyy_zzb", "较好", "好");
    vote(pi, "rmyy_fgld", "较好", "一般");
    verify(store).ballot(pi.getId(), "R1", Map.of("P1", "好", "P2", "好"));
    // The last vote closes the ballot: neither the due date nor the 组织部门 had to.
    assertThat(pi).hasPassed(DutyReview.CAST_BALLOT).hasNotPassed(DutyReview.BALLOT_CLOSED,
        DutyReview.BALLOT_CLOSED_EARLY);

    Task review = reviewOf(pi, "李明");
    assertThat(review).hasCandidateGroup("rmyy.orgdept");
    Assertions.assertThat(taskService().getVariable(review.getId(), DutyReview.TALLY).toString())
        .contains("王建国：好").contains("赵志强：较好").contains("周明：较好").contains("综合评价“较好”")
        .doesNotContain("未投票");
    complete(review, withVariables(DutyReview.COMMENT, "抓党建责任落实较好", DutyReview.PROBLEMS, json("[]")));
    verify(store).review(eq(1L), eq("抓党建责任落实较好"), eq("较好"), eq(null), eq(List.of()), any());
    complete(reviewOf(pi, "韩磊"), withVariables(DutyReview.COMMENT, "好", DutyReview.PROBLEMS, json("[]")));
    verify(store).review(eq(2L), eq("好"), eq("好"), eq(null), eq(List.of()), any());

    assertThat(pi).isEnded().hasPassed(DutyReview.HAND_OVER, DutyReview.END);
    verify(handover, never()).start(anyString(), anyString(), any(), anyString(), anyList());
    verify(store).close(pi.getId());
  }

  @Test
  void atTheDueDateTheBallotClosesAndTheVotesCastCount() {
    ProcessInstance pi = reportedAndMet("[\"R1\",\"R2\",\"R3\"]");
    vote(pi, "rmyy_shuji", "一般", "较好");
    execute(job(DutyReview.BALLOT_CLOSED, pi));

    Assertions.assertThat(ballots(pi)).isEmpty();
    Task review = reviewOf(pi, "李明");
    Assertions.assertThat(taskService().getVariable(review.getId(), DutyReview.TALLY).toString())
        .contains("王建国：一般").contains("未投票（不计入）：赵志强、周明").contains("合计1票");
    complete(review, withVariables(DutyReview.COMMENT, "点评", DutyReview.PROBLEMS, json("[]")));
    verify(store).review(eq(1L), eq("点评"), eq("一般"), eq(null), eq(List.of()), any());
  }

  @Test
  void theOrgDeptClosesTheBallotEarlyWithAReasonAndTheVotesCastCount() {
    ProcessInstance pi = reportedAndMet("[\"R1\",\"R2\",\"R3\"]");
    vote(pi, "rmyy_shuji", "好", "较好");
    DutyReviewService service = service();

    Assertions.assertThatThrownBy(() -> service.closeBallotEarly(pi.getId(), "rmyy_shuji", "周明已调离"))
        .hasMessage("只有县人民医院党委的组织部门干事可以提前截止民主测评");
    Assertions.assertThatThrownBy(() -> service.closeBallotEarly(pi.getId(), "rmyy_zzb", "  "))
        .hasMessageStartingWith("提前截止民主测评须写明理由");
    Assertions.assertThatThrownBy(() -> service.closeBallotEarly(pi.getId(), "rmyy_zzb", "长".repeat(501)))
        .hasMessageContaining("不能超过500字");
    Assertions.assertThat(ballots(pi)).hasSize(2);
    verify(store, never()).event(anyString(), anyString(), org.mockito.ArgumentMatchers.startsWith("提前截止"));

    service.closeBallotEarly(pi.getId(), "rmyy_zzb", "周明已调离，赵志强出差无法投票");

    Assertions.assertThat(ballots(pi)).isEmpty();
    assertThat(pi).hasPassed(DutyReview.BALLOT_CLOSED_EARLY).hasNotPassed(DutyReview.BALLOT_CLOSED);
    verify(store).event(pi.getId(), "rmyy_zzb",
        "提前截止民主测评：已投票1人，未投票2人（赵志强、周明，不计入）；理由：周明已调离，赵志强出差无法投票");
    Assertions.assertThat(runtimeService().getVariable(pi.getId(), DutyReview.BALLOT_CLOSED_EARLY_BY))
        .isEqualTo("赵志强（组织部门干事）");
    Task review = reviewOf(pi, "韩磊");
    Assertions.assertThat(taskService().getVariable(review.getId(), DutyReview.TALLY).toString())
        .contains("王建国：较好").contains("未投票（不计入）：赵志强、周明").contains("综合评价“较好”");
    Assertions.assertThatThrownBy(() -> service.closeBallotEarly(pi.getId(), "rmyy_zzb", "再截止一次"))
        .hasMessage("民主测评已经截止，不能再提前截止");
  }

  @Test
  void aSecretaryWhoRatesGetsABallotWithoutHimselfAndCannotVoteForHimself() {
    ProcessInstance pi = reportedAndMet("[\"R1\",\"P1\"]");
    Task own = ballotOf(pi, "nk_shuji");
    Assertions.assertThat(taskService().getVariable(own.getId(), DutyReview.BALLOT).toString())
        .contains("韩磊").doesNotContain("李明");
    Assertions.assertThatThrownBy(() -> taskService().complete(own.getId(), withVariables(DutyReview.BALLOT,
        json("[{\"reporterId\":\"P2\",\"grade\":\"好\"},{\"reporterId\":\"P1\",\"grade\":\"好\"}]"))))
        .hasMessage("述职的书记李明不参加对本人的测评");
    verify(store, never()).ballot(anyString(), anyString(), any());
    complete(own, withVariables(DutyReview.BALLOT, json("[{\"reporterId\":\"P2\",\"grade\":\"较好\"}]")));
    verify(store).ballot(pi.getId(), "P1", Map.of("P2", "较好"));
  }

  @Test
  void aBallotCompletedByAnotherLoginIsRefusedAndNothingIsRecorded() {
    ProcessInstance pi = reportedAndMet("[\"R1\",\"R2\"]");
    Task ballot = ballotOf(pi, "rmyy_shuji");
    identityService().setAuthenticatedUserId("rmyy_zzb");
    try {
      Assertions.assertThatThrownBy(() -> taskService().complete(ballot.getId(), withVariables(DutyReview.BALLOT,
          json("[{\"reporterId\":\"P1\",\"grade\":\"好\"},{\"reporterId\":\"P2\",\"grade\":\"好\"}]"))))
          .hasMessage("赵志强不是这张测评票的测评人员：民主测评由参加测评的王建国本人投票");
    } finally {
      identityService().clearAuthentication();
    }
    verify(store, never()).ballot(anyString(), anyString(), any());
    assertThat(pi).isWaitingAt(DutyReview.CAST_BALLOT);
  }

  @Test
  void theProblemsRaisedForASecretaryAreHandedOverAsARectificationCaseOfSourceDutyReview() {
    when(handover.start(anyString(), anyString(), any(), anyString(), anyList())).thenReturn("rc-1");
    ProcessInstance pi = start();
    taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(DutyReview.SUBMIT_REPORT).list()
        .forEach(t -> complete(t, withVariables(DutyReview.REPORT_TEXT, "述职")));
    LocalDate meeting = recordMeeting(pi, "[\"R1\"]");
    vote(pi, "rmyy_shuji", "一般", "好");
    complete(reviewOf(pi, "李明"), withVariables(DutyReview.COMMENT, "基层组织建设有短板", DutyReview.PROBLEMS,
        json("[{\"problem\":\"三会一课落实不经常\",\"clause\":\"组织生活\"},{\"problem\":\"发展党员计划未完成\"}]")));
    complete(reviewOf(pi, "韩磊"), withVariables(DutyReview.COMMENT, "好", DutyReview.PROBLEMS, json("[]")));

    verify(handover).start("rmyy-nk", Rectification.DUTY_REPORT_REVIEW, meeting, YEAR + "年度书记述职评议", List.of(
        new ProblemListHandover.Problem("组织生活", "三会一课落实不经常"),
        new ProblemListHandover.Problem(null, "发展党员计划未完成")));
    verify(handover, never()).start(eq("rmyy-wk"), anyString(), any(), anyString(), anyList());
    verify(store).handedOver(1L, "rc-1");
    assertThat(pi).isEnded();
  }

  /**
   * A case started on the version before the ballot (git eb6cf13, upgrade/duty-review-eb6cf13.bpmn) and waiting at
   * 点评和测评 with the vote lines its create listener prepared, moved by {@link RunningCaseUpgrade}: the 组织部门
   * completes it with the vote lines under their rules, as its meeting had no ballot.
   */
  @Test
  void aCaseMovedHereAtTheReviewKeepsTheVoteLinesOfItsOrgDeptAndTheirRules() {
    VersionDeployments versions = new VersionDeployments(processEngine(), "forms/duty-review");
    try {
      theCase.set(new DutyReviewStore.Case("old", "rmyy", YEAR, ChinaClock.today(), null, ChinaClock.today(),
          "R1,R2", "R1,R2", null, false));
      String old = versions.deploy("upgrade/duty-review-eb6cf13.bpmn");
      Mocks.register("dutyReviewSteps", new StepsBeforeTheBallot(steps()));
      ProcessInstance pi = runtimeService().createProcessInstanceById(versions.definition(old).getId())
          .startBeforeActivity(DutyReview.REVIEW_SECRETARY + "#multiInstanceBody")
          .setVariables(withVariables(DutyReview.ORG_ID, "rmyy", DutyReview.ORG_NAME, "县人民医院党委", DutyReview.YEAR,
              YEAR, DutyReview.REPORTER_IDS, "P1", DutyReview.REVIEW_WORKDAYS, 10))
          .execute();
      Mocks.register("dutyReviewSteps", steps());
      String latest = versions.definition(versions.deploy("processes/duty-review/duty-review.bpmn")).getId();
      Assertions.assertThat(RunningCaseUpgrade.upgrade(processEngine())).isEqualTo(new RunningCaseUpgrade.Result(1, 0));

      Task review = reviewOf(pi, "李明");
      Assertions.assertThat(review.getProcessDefinitionId()).isEqualTo(latest);
      Assertions.assertThat(taskService().getVariable(review.getId(), DutyReview.TALLY)).isNull();
      Assertions.assertThatThrownBy(() -> taskService().complete(review.getId(), withVariables(DutyReview.COMMENT,
          "点评", DutyReview.VOTES, json("[{\"raterId\":\"P2\",\"grade\":\"好\"}]"), DutyReview.PROBLEMS,
          json("[]")))).hasMessageContaining("韩磊不是本次述职评议会确定的参加测评人员");
      complete(review, withVariables(DutyReview.COMMENT, "点评", DutyReview.VOTES, json(
          "[{\"grade\":\"好\"},{\"grade\":\"较好\"}]"), DutyReview.PROBLEMS, json("[]")));
      verify(store).review(eq(1L), eq("点评"), eq("较好"), eq(Map.of("R1", "好", "R2", "较好")), eq(List.of()), any());
      assertThat(pi).isEnded();
    } finally {
      versions.removeAll();
    }
  }

  /**
   * A case waiting at the ballot on the version before the early close (git 7e56a01,
   * upgrade/duty-review-7e56a01.bpmn) cannot be closed early until {@link RunningCaseUpgrade} moves it; the move adds
   * the boundary event, and the 组织部门 then closes it.
   */
  @Test
  void aBallotRunningOnTheVersionBeforeTheEarlyCloseIsMovedAndThenClosesEarly() {
    VersionDeployments versions = new VersionDeployments(processEngine(), "forms/duty-review");
    try {
      String old = versions.deploy("upgrade/duty-review-7e56a01.bpmn");
      ProcessInstance pi = runtimeService().startProcessInstanceById(versions.definition(old).getId(),
          "rmyy:" + YEAR, withVariables(DutyReview.ORG_ID, "rmyy", DutyReview.YEAR, YEAR, DutyReview.REPORTER_IDS,
              "P1,P2"));
      taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(DutyReview.SUBMIT_REPORT)
          .list().forEach(t -> complete(t, withVariables(DutyReview.REPORT_TEXT, "述职")));
      recordMeeting(pi, "[\"R1\",\"R2\"]");
      vote(pi, "rmyy_shuji", "好", "较好");
      Assertions.assertThatThrownBy(() -> service().closeBallotEarly(pi.getId(), "rmyy_zzb", "赵志强出差"))
          .hasMessageStartingWith("本案卷按提前截止测评上线前的流程办理");

      versions.deploy("processes/duty-review/duty-review.bpmn");
      Assertions.assertThat(RunningCaseUpgrade.upgrade(processEngine())).isEqualTo(new RunningCaseUpgrade.Result(1, 0));
      service().closeBallotEarly(pi.getId(), "rmyy_zzb", "赵志强出差");

      Assertions.assertThat(ballots(pi)).isEmpty();
      Assertions.assertThat(taskService().getVariable(reviewOf(pi, "李明").getId(), DutyReview.TALLY).toString())
          .contains("王建国：好").contains("未投票（不计入）：赵志强");
    } finally {
      versions.removeAll();
    }
  }

  /** The old application's Steps as far as the old version's 点评和测评 needs: a vote line per rater. */
  public static class StepsBeforeTheBallot {
    private final DutyReviewSteps steps;

    StepsBeforeTheBallot(DutyReviewSteps steps) {
      this.steps = steps;
    }

    public void prepareReporter(DelegateExecution execution) {
      steps.prepareReporter(execution);
    }

    public List<String> reporters(DelegateExecution execution) {
      return steps.reporters(execution);
    }

    public void prepareVotes(DelegateTask task) {
      task.getExecution().setVariableLocal(DutyReview.VOTES, json("[{\"raterId\":\"R1\",\"raterName\":\"王建国\"},"
          + "{\"raterId\":\"R2\",\"raterName\":\"赵志强\"}]"));
      task.getExecution().setVariableLocal(DutyReview.PROBLEMS, json("[]"));
    }
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(DutyReview.PROCESS_KEY, "rmyy:" + YEAR, withVariables(
        DutyReview.ORG_ID, "rmyy", DutyReview.YEAR, YEAR, DutyReview.REPORTER_IDS, "P1,P2"));
  }

  private ProcessInstance reportedAndMet(String raters) {
    ProcessInstance pi = start();
    taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(DutyReview.SUBMIT_REPORT).list()
        .forEach(t -> complete(t, withVariables(DutyReview.REPORT_TEXT, "述职")));
    recordMeeting(pi, raters);
    return pi;
  }

  private List<Task> ballots(ProcessInstance pi) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(DutyReview.CAST_BALLOT)
        .list();
  }

  private Task ballotOf(ProcessInstance pi, String login) {
    return ballots(pi).stream().filter(t -> login.equals(t.getAssignee())).findFirst().orElseThrow();
  }

  /** The rater's ballot as Tasklist submits it: the rows without the secretaries' ids, 李明 then 韩磊. */
  private void vote(ProcessInstance pi, String login, String forP1, String forP2) {
    complete(ballotOf(pi, login), withVariables(DutyReview.BALLOT, json("[{\"reporterName\":\"内科党支部书记李明\","
        + "\"grade\":\"" + forP1 + "\"},{\"reporterName\":\"外科党支部书记韩磊\",\"grade\":\"" + forP2 + "\"}]")));
  }

  private LocalDate recordMeeting(ProcessInstance pi, String raters) {
    Task meeting = task(DutyReview.RECORD_MEETING, pi);
    assertThat(meeting).hasCandidateGroup("rmyy.orgdept").hasName("记录县人民医院党委" + YEAR + "年度书记述职评议会");
    LocalDate today = ChinaClock.today();
    complete(meeting, withVariables(DutyReview.MEETING_DATE, today.toString(), DutyReview.ATTENDEES,
        json("[\"R1\",\"R2\",\"R3\",\"P1\",\"P2\"]"), DutyReview.RATERS, json(raters)));
    return today;
  }

  private Task reviewOf(ProcessInstance pi, String name) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(DutyReview.REVIEW_SECRETARY)
        .list().stream().filter(t -> t.getName().contains(name)).findFirst().orElseThrow();
  }

  private static Object json(String text) {
    return SpinValues.jsonValue(text).create();
  }

  private static DutyReviewStore.Reporter reporter(String pi, String personId) {
    long id = personId.equals("P1") ? 1L : 2L;
    return new DutyReviewStore.Reporter(id, pi, personId, PEOPLE.get(personId).orgId(), null, null, null, null, 0,
        null, null);
  }

  private static Person person(String id, String name, String orgId, String username) {
    return new Person(id, name, "男", LocalDate.of(1980, 1, 1), MemberStatus.FULL_MEMBER, orgId, username, null, null,
        null, null, null, null, null, false);
  }
}
