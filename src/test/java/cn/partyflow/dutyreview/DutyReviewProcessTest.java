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
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
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
    "forms/duty-review/dr-record-meeting.form", "forms/duty-review/dr-review-secretary.form"})
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

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("dutyReviewSteps", new DutyReviewSteps(new DutyReviewService(store, directory, null,
        DutyReviewSettings.defaults(), handover, mock(RectificationProgress.class))));
    when(directory.organization(anyString())).thenAnswer(c -> Optional.ofNullable(
        Map.of("rmyy", RMYY, "rmyy-nk", NK, "rmyy-wk", WK).get(c.<String>getArgument(0))));
    when(directory.organizations()).thenReturn(List.of(RMYY, NK, WK));
    when(directory.holdersBelow(List.of("rmyy"), Role.SECRETARY)).thenReturn(Map.of(
        "rmyy-nk", List.of(PEOPLE.get("P1")), "rmyy-wk", List.of(PEOPLE.get("P2"))));
    when(directory.person(anyString())).thenAnswer(c -> Optional.ofNullable(PEOPLE.get(c.<String>getArgument(0))));
    when(directory.selfAndDescendants("rmyy")).thenReturn(Set.of("rmyy", "rmyy-nk", "rmyy-wk"));
    when(directory.people(any())).thenReturn(List.copyOf(PEOPLE.values()));
    when(store.reporter(anyString(), anyString())).thenAnswer(c -> Optional.of(reporter(c.getArgument(0),
        c.getArgument(1))));
    when(store.reportersOf(anyString(), any(Integer.class))).thenReturn(List.of());
    when(store.caseOf(anyString())).thenAnswer(c -> Optional.ofNullable(theCase.get()));
    doAnswer(c -> {
      theCase.set(new DutyReviewStore.Case(c.getArgument(0), "rmyy", YEAR, ChinaClock.today(), null,
          c.getArgument(1), c.getArgument(2), c.getArgument(3), null));
      return null;
    }).when(store).meeting(anyString(), any(), anyString(), anyString());
    doAnswer(c -> problems.put(c.getArgument(0), c.getArgument(4))).when(store)
        .review(anyLong(), anyString(), anyString(), any(), anyList(), any());
    when(store.problems(anyLong())).thenAnswer(c -> problems.getOrDefault(c.<Long>getArgument(0), List.of()));
    when(store.reporters(anyString())).thenAnswer(c -> List.of(reporter(c.getArgument(0), "P1"),
        reporter(c.getArgument(0), "P2")));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    reset();
  }

  @Test
  void theSecretariesReportThenTheMeetingRatesEachAndTheCaseEndsWithoutProblems() {
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

    recordMeeting(pi);
    Task review = reviewOf(pi, "李明");
    assertThat(review).hasCandidateGroup("rmyy.orgdept");
    Assertions.assertThat(taskService().getVariable(review.getId(), DutyReview.VOTES).toString())
        .contains("王建国").contains("赵志强").contains("周明");
    complete(review, withVariables(DutyReview.COMMENT, "抓党建责任落实较好", DutyReview.VOTES,
        votes("好", "较好", "较好"), DutyReview.PROBLEMS, json("[]")));
    verify(store).review(eq(1L), eq("抓党建责任落实较好"), eq("较好"), eq(Map.of("R1", "好", "R2", "较好", "R3", "较好")),
        eq(List.of()), any());
    complete(reviewOf(pi, "韩磊"), withVariables(DutyReview.COMMENT, "好", DutyReview.VOTES,
        votes("好", "好", "一般"), DutyReview.PROBLEMS, json("[]")));

    assertThat(pi).isEnded().hasPassed(DutyReview.HAND_OVER, DutyReview.END);
    verify(handover, never()).start(anyString(), anyString(), any(), anyString(), anyList());
    verify(store).close(pi.getId());
  }

  @Test
  void theProblemsRaisedForASecretaryAreHandedOverAsARectificationCaseOfSourceDutyReview() {
    when(handover.start(anyString(), anyString(), any(), anyString(), anyList())).thenReturn("rc-1");
    ProcessInstance pi = start();
    taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(DutyReview.SUBMIT_REPORT).list()
        .forEach(t -> complete(t, withVariables(DutyReview.REPORT_TEXT, "述职")));
    LocalDate meeting = recordMeeting(pi);
    complete(reviewOf(pi, "李明"), withVariables(DutyReview.COMMENT, "基层组织建设有短板", DutyReview.VOTES,
        votes("一般", "一般", "较好"), DutyReview.PROBLEMS, json("[{\"problem\":\"三会一课落实不经常\",\"clause\":\"组织生活\"},"
            + "{\"problem\":\"发展党员计划未完成\"}]")));
    complete(reviewOf(pi, "韩磊"), withVariables(DutyReview.COMMENT, "好", DutyReview.VOTES, votes("好", "好", "好"),
        DutyReview.PROBLEMS, json("[]")));

    verify(handover).start("rmyy-nk", Rectification.DUTY_REPORT_REVIEW, meeting, YEAR + "年度书记述职评议", List.of(
        new ProblemListHandover.Problem("组织生活", "三会一课落实不经常"),
        new ProblemListHandover.Problem(null, "发展党员计划未完成")));
    verify(handover, never()).start(eq("rmyy-wk"), anyString(), any(), anyString(), anyList());
    verify(store).handedOver(1L, "rc-1");
    assertThat(pi).isEnded();
  }

  @Test
  void aVoteByARaterNotChosenAtTheMeetingIsRefusedAndNothingIsRecorded() {
    ProcessInstance pi = start();
    taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(DutyReview.SUBMIT_REPORT).list()
        .forEach(t -> complete(t, withVariables(DutyReview.REPORT_TEXT, "述职")));
    recordMeeting(pi);
    Task review = reviewOf(pi, "李明");
    Assertions.assertThatThrownBy(() -> taskService().complete(review.getId(), withVariables(DutyReview.COMMENT, "点评",
        DutyReview.VOTES, json("[{\"raterId\":\"P2\",\"grade\":\"好\"}]"), DutyReview.PROBLEMS, json("[]"))))
        .hasMessageContaining("韩磊不是本次述职评议会确定的参加测评人员");
    verify(store, never()).review(anyLong(), anyString(), anyString(), any(), anyList(), any());
    assertThat(pi).isWaitingAt(DutyReview.REVIEW_SECRETARY);
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(DutyReview.PROCESS_KEY, "rmyy:" + YEAR, withVariables(
        DutyReview.ORG_ID, "rmyy", DutyReview.YEAR, YEAR, DutyReview.REPORTER_IDS, "P1,P2"));
  }

  private LocalDate recordMeeting(ProcessInstance pi) {
    Task meeting = task(DutyReview.RECORD_MEETING, pi);
    assertThat(meeting).hasCandidateGroup("rmyy.orgdept").hasName("记录县人民医院党委" + YEAR + "年度书记述职评议会");
    LocalDate today = ChinaClock.today();
    complete(meeting, withVariables(DutyReview.MEETING_DATE, today.toString(), DutyReview.ATTENDEES,
        json("[\"R1\",\"R2\",\"R3\",\"P1\",\"P2\"]"), DutyReview.RATERS, json("[\"R1\",\"R2\",\"R3\"]")));
    return today;
  }

  private Task reviewOf(ProcessInstance pi, String name) {
    return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(DutyReview.REVIEW_SECRETARY)
        .list().stream().filter(t -> t.getName().contains(name)).findFirst().orElseThrow();
  }

  private static Object votes(String r1, String r2, String r3) {
    return json("[{\"raterId\":\"R1\",\"grade\":\"" + r1 + "\"},{\"raterId\":\"R2\",\"grade\":\"" + r2 + "\"},"
        + "{\"raterId\":\"R3\",\"grade\":\"" + r3 + "\"}]");
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
