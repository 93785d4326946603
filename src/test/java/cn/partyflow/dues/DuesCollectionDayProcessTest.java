package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.partyflow.UnitEngine;
import cn.partyflow.schedule.Schedules;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * The calendar duty duesCollectionDay: the 07:00 timer from the setting checks the day, and on the collection day
 * each branch's collection starts in its own job, so one failing branch does not hold up the others.
 */
class DuesCollectionDayProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  DuesCollectionDay duty = mock(DuesCollectionDay.class);
  String deployment;

  @BeforeEach
  void deployTheDayBefore() {
    Mocks.register("schedules", new Schedules(
        new MockEnvironment().withProperty("partyflow.dues.collection-cron", "0 0 7 * * *")));
    Mocks.register("duesCollectionDay", duty);
    when(duty.branches("2026-03")).thenReturn(List.of("rmyy-nk", "rmyy-wk"));
    clock(LocalDateTime.of(2026, 3, 19, 12, 0));
    deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/dues/dues-collection-day.bpmn").deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void onTheCollectionDayEveryBranchStartsInItsOwnJob() {
    collectionMonth("2026-03");
    fireAtSeven();
    List<Job> branches = management().createJobQuery().processDefinitionKey(DuesCollectionDay.PROCESS)
        .activityId("Task_StartCollection").list();
    assertThat(branches).hasSize(2);
    verify(duty, never()).start(anyString(), anyString());

    branches.forEach(j -> management().executeJob(j.getId()));
    verify(duty).start("rmyy-nk", "2026-03");
    verify(duty).start("rmyy-wk", "2026-03");
    assertThat(ended("EndEvent_CollectionsStarted")).isEqualTo(1);
  }

  @Test
  void onAnyOtherDayNothingStarts() {
    collectionMonth(null);
    fireAtSeven();
    verify(duty, never()).branches(any());
    verify(duty, never()).start(anyString(), anyString());
    assertThat(ended("EndEvent_NotCollectionDay")).isEqualTo(1);
  }

  @Test
  void aBranchThatFailsIsRetriedOnItsOwnAndTheOthersStart() {
    collectionMonth("2026-03");
    doThrow(new IllegalStateException("数据库不可用")).when(duty).start("rmyy-nk", "2026-03");
    fireAtSeven();
    for (Job j : management().createJobQuery().activityId("Task_StartCollection").list()) {
      try {
        management().executeJob(j.getId());
      } catch (RuntimeException expected) {
        // the failing branch: the engine keeps its job with one retry fewer
      }
    }
    verify(duty).start("rmyy-wk", "2026-03");
    Job failed = management().createJobQuery().activityId("Task_StartCollection").singleResult();
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getDuedate()).isEqualTo(ChinaClock.toDate(LocalDateTime.of(2026, 3, 20, 7, 10, 1)));
    assertThat(failed.getExceptionMessage()).contains("数据库不可用");
  }

  private void collectionMonth(String period) {
    doAnswer(call -> {
      call.getArgument(0, DelegateExecution.class).setVariable(DuesProcesses.PERIOD, period);
      return null;
    }).when(duty).findMonth(any(DelegateExecution.class));
  }

  private void fireAtSeven() {
    clock(LocalDateTime.of(2026, 3, 20, 7, 0, 1));
    Job timer = management().createJobQuery().processDefinitionKey(DuesCollectionDay.PROCESS).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(ChinaClock.toDate(LocalDateTime.of(2026, 3, 20, 7, 0)));
    management().executeJob(timer.getId());
  }

  private long ended(String endEvent) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(endEvent).count();
  }

  private static void clock(LocalDateTime time) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(time));
  }

  private static ManagementService management() {
    return engine.getManagementService();
  }
}
