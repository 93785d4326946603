package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.partyflow.UnitEngine;
import cn.partyflow.schedule.Schedules;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

/** The calendar duty rectificationDigest: its timer, from the setting, runs the digest when the clock passes it. */
class RectificationDigestProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  RectificationDigest digest = mock(RectificationDigest.class);
  String deployment;

  @BeforeEach
  void deployAtSevenFiftyNine() {
    Mocks.register("schedules", new Schedules(
        new MockEnvironment().withProperty("partyflow.rectification.digest-cron", "0 0 8 * * *")));
    Mocks.register("rectificationDigest", digest);
    clock(LocalDateTime.of(2026, 3, 10, 7, 59));
    deployment = repository().createDeployment()
        .addClasspathResource("processes/rectification/rectification-digest.bpmn").deploy().getId();
  }

  @AfterEach
  void undeploy() {
    repository().deleteDeployment(deployment, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theDigestRunsOnceWhenTheClockPassesTheCronTimeAndTheNextRunIsTomorrow() {
    Job timer = timer();
    assertThat(timer.getDuedate()).isEqualTo(ChinaClock.toDate(LocalDateTime.of(2026, 3, 10, 8, 0)));
    assertThat(management().createJobQuery().executable().count()).isZero();
    verify(digest, never()).daily();

    clock(LocalDateTime.of(2026, 3, 10, 8, 0, 1));
    assertThat(management().createJobQuery().executable().list()).extracting(Job::getId)
        .containsExactly(timer.getId());
    management().executeJob(timer.getId());

    verify(digest).daily();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .activityId("EndEvent_DigestSent").count()).isEqualTo(1);
    assertThat(timer().getDuedate()).isEqualTo(ChinaClock.toDate(LocalDateTime.of(2026, 3, 11, 8, 0)));
    assertThat(management().createJobQuery().executable().count()).isZero();
  }

  private Job timer() {
    return management().createJobQuery().processDefinitionKey("rectificationDigest").timers().singleResult();
  }

  private static void clock(LocalDateTime time) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(time));
  }

  private static ManagementService management() {
    return engine.getManagementService();
  }

  private static RepositoryService repository() {
    return engine.getRepositoryService();
  }
}
