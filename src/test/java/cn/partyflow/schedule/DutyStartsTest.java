package cn.partyflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.organization.Groups;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.RuleViolationPlugin;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A process started only by timers is started by its timer or by an administrator, never by an officer. */
class DutyStartsTest {

  static ProcessEngine engine;

  @BeforeAll
  static void engineWithTheCheck() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("duty-starts");
    configuration.setJdbcUrl("jdbc:h2:mem:duty-starts;DB_CLOSE_DELAY=1000");
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new DutyStarts(), new RuleViolationPlugin()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("duty.bpmn", Bpmn.createExecutableProcess("duty").name("测试日常任务")
            .camundaHistoryTimeToLive(30).startEvent("StartEvent_Daily").timerWithCycle("0 0 8 * * *")
            .userTask("Task_Wait").endEvent().done())
        .addModelInstance("procedure.bpmn", Bpmn.createExecutableProcess("procedure").camundaHistoryTimeToLive(30)
            .startEvent().userTask("Task_Work").endEvent().done())
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void anOfficerCannotStartACalendarDuty() {
    long before = runtime().createProcessInstanceQuery().processDefinitionKey("duty").count();
    engine.getIdentityService().setAuthentication("nk_zuzhi", List.of(Groups.OFFICERS, "rmyy-nk"));
    assertThatThrownBy(() -> runtime().startProcessInstanceByKey("duty"))
        .isInstanceOf(RuleViolation.class).hasMessage("“测试日常任务”由系统按设定的时间自动运行，不能手动发起");
    assertThatThrownBy(() -> runtime().createProcessInstanceByKey("duty").startBeforeActivity("Task_Wait")
        .execute(true, true)).isInstanceOf(RuleViolation.class);
    engine.getIdentityService().clearAuthentication();
    assertThat(runtime().createProcessInstanceQuery().processDefinitionKey("duty").count()).isEqualTo(before);
  }

  @Test
  void theTimerAndTheAdministratorStartIt() {
    long before = runtime().createProcessInstanceQuery().processDefinitionKey("duty").count();
    String timer = engine.getManagementService().createJobQuery().timers().singleResult().getId();
    engine.getManagementService().executeJob(timer);
    engine.getIdentityService().setAuthentication("admin", List.of(Groups.ADMINS));
    runtime().startProcessInstanceByKey("duty");
    engine.getIdentityService().clearAuthentication();
    assertThat(runtime().createProcessInstanceQuery().processDefinitionKey("duty").count()).isEqualTo(before + 2);
  }

  @Test
  void aProcedureWithAPlainStartIsNotAffected() {
    engine.getIdentityService().setAuthentication("nk_zuzhi", List.of(Groups.OFFICERS, "rmyy-nk"));
    assertThat(runtime().startProcessInstanceByKey("procedure").getId()).isNotNull();
  }

  private static RuntimeService runtime() {
    return engine.getRuntimeService();
  }
}
