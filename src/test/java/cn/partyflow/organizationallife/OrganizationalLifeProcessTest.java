package cn.partyflow.organizationallife;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.partyflow.UnitEngine;
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.organizationallife.OrganizationalLifeRules.PlannedMeeting;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * The year's case on an in-memory engine with the real Steps over a stubbed service: the timers are moved past by
 * setting the engine clock, and what a period misses is what the service answers at that moment.
 */
@Deployment(resources = {"processes/organizational-life/organizational-life.bpmn",
    "forms/organizational-life/ol-start-year.form", "forms/organizational-life/ol-remind-secretary.form",
    "forms/organizational-life/ol-supervise.form", "forms/organizational-life/ol-review-quarter.form"})
class OrganizationalLifeProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  static final LocalDate JANUARY_END = LocalDate.of(2026, 1, 31);
  static final LocalDate MARCH_END = LocalDate.of(2026, 3, 31);
  static final List<PlannedMeeting> JANUARY_COMMITTEE = List.of(new PlannedMeeting(MeetingType.COMMITTEE_MEETING,
      Period.month(2026, 1), null));

  OrganizationalLifeService service = mock(OrganizationalLifeService.class);

  @BeforeEach
  void registerBeans() {
    init(engine.getProcessEngine());
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("organizationalLifeSteps", new OrganizationalLifeSteps(service));
    when(service.admitStart(eq("rmyy-nk"), eq(2026), anyString(), any())).thenReturn(Map.of(
        OrganizationalLife.BRANCH_NAME, "内科党支部", OrganizationalLife.REMINDER_WORKDAYS, 10,
        OrganizationalLife.SUPERVISION_WORKDAYS, 5, OrganizationalLife.REVIEW_WORKDAYS, 10));
    when(service.plan("rmyy-nk", 2026)).thenReturn(List.of("2026-01-31", "2026-03-31"));
    when(service.missing(any(), eq(2026), any())).thenReturn(List.of());
    when(service.quarterSummary("rmyy-nk", 2026, 1)).thenReturn("2026年第一季度：三会一课3次");
    setClock(LocalDateTime.of(2026, 1, 5, 10, 0));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
    reset();
  }

  @Test
  void aMissedMonthIsRemindedToTheSecretaryThenSupervisedByTheCommitteesOrganizationDepartment() {
    when(service.missing("rmyy-nk", 2026, JANUARY_END)).thenReturn(JANUARY_COMMITTEE);
    ProcessInstance pi = start();
    Job january = periodJob(pi, OrganizationalLife.TIMER_PERIOD_END, "2026-01-31");
    // 31 January 2026 is a Saturday: the check runs at the start of Monday 2 February.
    Assertions.assertThat(january.getDuedate()).isEqualTo(at(2026, 2, 2));

    setClock(LocalDateTime.of(2026, 2, 2, 0, 5));
    execute(january);
    Task reminder = task(OrganizationalLife.REMIND, pi);
    assertThat(reminder).hasCandidateGroup("rmyy-nk.secretary").hasName("补开内科党支部2026年1月未召开的会议");
    Assertions.assertThat(taskService().getVariable(reminder.getId(), OrganizationalLife.MISSING))
        .isEqualTo("2026年1月支委会");
    verify(service).notifySecretary("rmyy-nk", "内科党支部", "2026年1月支委会");

    // Five working days after the reminder's day: 9 February.
    Job supervision = periodJob(pi, OrganizationalLife.TIMER_SUPERVISION, "2026-01-31");
    Assertions.assertThat(supervision.getDuedate()).isEqualTo(at(2026, 2, 9));
    setClock(LocalDateTime.of(2026, 2, 9, 0, 5));
    execute(supervision);
    Task supervise = task(OrganizationalLife.SUPERVISE, pi);
    assertThat(supervise).hasCandidateGroup("rmyy.orgdept").hasName("督办内科党支部2026年1月未召开的会议");
    Assertions.assertThat(task(OrganizationalLife.REMIND, pi)).as("the secretary's reminder stays open").isNotNull();

    complete(supervise, withVariables("superviseNote", "已电话督办，支部定于2月12日补开"));
    complete(reminder, withVariables("secretaryNote", "2月12日补开支委会"));
    assertThat(pi).hasPassed(OrganizationalLife.SUPERVISE, OrganizationalLife.REMIND);
  }

  @Test
  void aMeetingMadeUpBeforeTheSupervisionDateIsNotSupervised() {
    when(service.missing("rmyy-nk", 2026, JANUARY_END)).thenReturn(JANUARY_COMMITTEE, List.of());
    ProcessInstance pi = start();
    setClock(LocalDateTime.of(2026, 2, 2, 0, 5));
    execute(periodJob(pi, OrganizationalLife.TIMER_PERIOD_END, "2026-01-31"));
    complete(task(OrganizationalLife.REMIND, pi), withVariables("secretaryNote", "2月4日补开支委会"));

    setClock(LocalDateTime.of(2026, 2, 9, 0, 5));
    execute(periodJob(pi, OrganizationalLife.TIMER_SUPERVISION, "2026-01-31"));
    Assertions.assertThat(task(OrganizationalLife.SUPERVISE, pi)).isNull();
    assertThat(pi).hasPassed("EndEvent_MadeUp").hasNotPassed(OrganizationalLife.SUPERVISE);
  }

  @Test
  void aMonthWithItsMeetingsHeldAsksNobody() {
    ProcessInstance pi = start();
    setClock(LocalDateTime.of(2026, 2, 2, 0, 5));
    execute(periodJob(pi, OrganizationalLife.TIMER_PERIOD_END, "2026-01-31"));
    Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
    verify(service, never()).notifySecretary(any(), any(), any());
  }

  @Test
  void theReminderIsAnsweredOnlyWithWhatWasMadeUpOrWhyNot() {
    when(service.missing("rmyy-nk", 2026, JANUARY_END)).thenReturn(JANUARY_COMMITTEE);
    ProcessInstance pi = start();
    setClock(LocalDateTime.of(2026, 2, 2, 0, 5));
    execute(periodJob(pi, OrganizationalLife.TIMER_PERIOD_END, "2026-01-31"));
    Task reminder = task(OrganizationalLife.REMIND, pi);
    Throwable refused = assertThrows(Exception.class, () -> complete(reminder, withVariables("secretaryNote", " ")));
    Assertions.assertThat(refused).hasStackTraceContaining("请填写补开情况或未召开的原因");
    Assertions.assertThat(task(OrganizationalLife.REMIND, pi)).isNotNull();
  }

  @Test
  void theQuarterGoesToTheCommitteeForReviewAndTheYearClosesAfterTheLastCheck() {
    ProcessInstance pi = start();
    setClock(LocalDateTime.of(2026, 2, 2, 0, 5));
    execute(periodJob(pi, OrganizationalLife.TIMER_PERIOD_END, "2026-01-31"));
    Job march = periodJob(pi, OrganizationalLife.TIMER_PERIOD_END, "2026-03-31");
    Assertions.assertThat(march.getDuedate()).isEqualTo(at(2026, 4, 1));
    setClock(LocalDateTime.of(2026, 4, 1, 0, 5));
    execute(march);
    Task review = task(OrganizationalLife.REVIEW_QUARTER, pi);
    assertThat(review).hasCandidateGroup("rmyy.orgdept").hasName("审阅内科党支部2026年第一季度组织生活");
    Assertions.assertThat(taskService().getVariable(review.getId(), OrganizationalLife.QUARTER_SUMMARY))
        .isEqualTo("2026年第一季度：三会一课3次");

    Throwable refused = assertThrows(Exception.class, () -> complete(review, withVariables("reviewResult", "MAYBE",
        "reviewOpinion", "好")));
    Assertions.assertThat(refused).hasStackTraceContaining("请选择审阅结论");
    complete(review, withVariables("reviewResult", "IMPROVE", "reviewOpinion", "党小组会记录不全"));
    verify(service).review(eq("rmyy-nk"), eq(2026), eq(1), eq("IMPROVE"), eq("党小组会记录不全"), any());
    assertThat(pi).isEnded().hasPassed(OrganizationalLife.CLOSE_YEAR, OrganizationalLife.END);
    verify(service).closeYear("rmyy-nk", 2026);
  }

  ProcessInstance start() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(OrganizationalLife.PROCESS_KEY,
        Map.of(OrganizationalLife.ORG_ID, "rmyy-nk", OrganizationalLife.YEAR, 2026));
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo("rmyy-nk:2026");
    assertThat(pi).hasPassed(OrganizationalLife.PLAN);
    return pi;
  }

  Job periodJob(ProcessInstance pi, String activityId, String periodEnd) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list().stream()
        .filter(j -> periodEnd.equals(runtimeService().getVariable(j.getExecutionId(), OrganizationalLife.PERIOD_END)))
        .findFirst().orElseThrow();
  }

  Task task(String key, ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  static java.util.Date at(int y, int m, int d) {
    return ChinaClock.toDate(LocalDateTime.of(y, m, d, 0, 0));
  }

  static void setClock(LocalDateTime t) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(t));
  }
}
