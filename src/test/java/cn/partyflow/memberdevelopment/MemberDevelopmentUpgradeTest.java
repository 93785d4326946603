package cn.partyflow.memberdevelopment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.UnitEngine;
import cn.partyflow.VersionDeployments;
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.calendar.WorkdayCalendar;
import cn.partyflow.deployment.RunningCaseUpgrade;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.shared.RuleViolation;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 发展党员 case started on the version of the process before its Steps bean (git 360dae1, kept as
 * upgrade/member-development-360dae1.bpmn), whose tasks end with {@code ${memberDevelopmentValidation}}: on that
 * version its next step fails, since no such bean exists any more; moved by {@link RunningCaseUpgrade} to the latest
 * version it goes on through MemberDevelopmentSteps, rules and the people its forms offer included.
 */
class MemberDevelopmentUpgradeTest {

  @RegisterExtension
  static ProcessEngineExtension engine = UnitEngine.extension();

  final FakePersonRegistry registry = new FakePersonRegistry()
      .add("A1", "林小雨", MemberStatus.APPLICANT, false)
      .officer("P011", "刘洋");
  VersionDeployments versions;
  MemberDevelopmentSteps steps;
  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    processEngine = engine.getProcessEngine();
    versions = new VersionDeployments(processEngine, "forms/member-development");
    WorkdayCalendar calendar = ChinaCalendarFixture.calendar(false);
    MemberDevelopmentRules rules = new MemberDevelopmentRules(new MemberDevelopmentSettings(), calendar);
    steps = new MemberDevelopmentSteps(new MemberDevelopmentService(rules, registry, e -> { }), rules, registry,
        new FakeCommitteeMeetings());
    Mocks.register("workdays", calendar);
    Mocks.register("routing", new FixedRouting("rmyy"));
  }

  @AfterEach
  void cleanUp() {
    versions.removeAll();
    Mocks.reset();
  }

  @Test
  void aCaseOfTheVersionBeforeTheStepsBeanFailsOnItsNextStepWhereItIs() {
    startedOnTheOldVersion();
    versions.deploy("processes/member-development/member-development.bpmn");

    assertThatThrownBy(() -> recordApplication("1999-05-20")).hasMessageContaining("memberDevelopmentValidation");
  }

  @Test
  void aCaseOfTheVersionBeforeTheStepsBeanGoesOnThroughTheStepsOnceMoved() {
    ProcessInstance old = startedOnTheOldVersion();
    ProcessDefinition latest = versions.definition(
        versions.deploy("processes/member-development/member-development.bpmn"));

    assertThat(RunningCaseUpgrade.upgrade(processEngine)).isEqualTo(new RunningCaseUpgrade.Result(1, 0));
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(old.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(latest.getId());
    assertThat(RunningCaseUpgrade.upgrade(processEngine)).as("nothing left to move").isEqualTo(
        new RunningCaseUpgrade.Result(0, 0));

    assertThatThrownBy(() -> recordApplication("2010-05-20")).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("入党申请人须年满十八周岁");
    recordApplication("1999-05-20");
    Task talk = only("Task_TalkWithApplicant");
    assertThat(talk.getProcessDefinitionId()).isEqualTo(latest.getId());
    assertThat(processEngine.getTaskService().getVariableLocal(talk.getId(), "officerOptions"))
        .as("the officers the talk's form offers, from the latest version's create listener").isNotNull();
    processEngine.getTaskService().complete(talk.getId(), Map.of("talkDate", "2024-01-20", "talkBy", "P011",
        "talkRecord", "了解入党动机"));
    assertThat(only("Task_NominateActivist").getProcessDefinitionId()).isEqualTo(latest.getId());
  }

  /**
   * The old version deployed and a case started on it, waiting at 登记入党申请书; its start listener
   * ({@code ${memberDevelopmentStart}}) stands in for the old bean with what that bean did, the same open step.
   */
  private ProcessInstance startedOnTheOldVersion() {
    Mocks.register("memberDevelopmentStart", (ExecutionListener) steps::open);
    String old = versions.deploy("upgrade/member-development-360dae1.bpmn");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceById(
        versions.definition(old).getId(), "A1",
        Map.of("applicantId", "A1"));
    Mocks.reset();
    Mocks.register("workdays", ChinaCalendarFixture.calendar(false));
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("memberDevelopmentSteps", steps);
    assertThat(only("Task_RecordApplication").getProcessDefinitionId()).isEqualTo(pi.getProcessDefinitionId());
    return pi;
  }

  private void recordApplication(String birthDate) {
    processEngine.getTaskService().complete(only("Task_RecordApplication").getId(), Map.of(
        "applicationDate", "2024-01-10", "birthDate", birthDate, "gender", "女"));
  }

  private Task only(String key) {
    TaskService tasks = processEngine.getTaskService();
    return tasks.createTaskQuery().taskDefinitionKey(key).singleResult();
  }

}
