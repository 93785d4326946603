package cn.partyflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.UnitEngine;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

/** A cron changed in the settings reaches the timer of a duty that is not redeployed. */
class ScheduleSyncTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  String deployment;

  @BeforeEach
  void deployWithTheDigestAtEight() {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(2026, 3, 10, 6, 0)));
    cron("0 0 8 * * *");
    deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/rectification/rectification-digest.bpmn").deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void aChangedCronReschedulesTheTimerInPlace() {
    String before = timer().getId();
    cron("0 30 9 * * *");
    assertThat(new ScheduleSync(engine.getProcessEngine(), null).sync()).isEqualTo(1);

    Job after = timer();
    assertThat(after.getId()).isEqualTo(before);
    assertThat(((TimerEntity) after).getRepeat()).isEqualTo("0 30 9 * * *");
    assertThat(after.getDuedate()).isEqualTo(ChinaClock.toDate(LocalDateTime.of(2026, 3, 10, 9, 30)));
  }

  @Test
  void anUnchangedCronLeavesTheTimerAlone() {
    Job before = timer();
    assertThat(new ScheduleSync(engine.getProcessEngine(), null).sync()).isZero();
    assertThat(timer().getDuedate()).isEqualTo(before.getDuedate());
    assertThat(((TimerEntity) timer()).getRevision()).isEqualTo(((TimerEntity) before).getRevision());
  }

  private static Job timer() {
    return engine.getManagementService().createJobQuery().processDefinitionKey("rectificationDigest").timers()
        .singleResult();
  }

  private static void cron(String cron) {
    Mocks.register("schedules",
        new Schedules(new MockEnvironment().withProperty("partyflow.rectification.digest-cron", cron)));
  }
}
