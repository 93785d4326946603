package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.UnitEngine;
import cn.partyflow.VersionDeployments;
import cn.partyflow.deployment.RunningCaseUpgrade;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDateTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 巡察整改 case started on the version that called the removed RectificationService as {@code ${rectification.*}}
 * (git 4bb1914, kept as upgrade/inspection-rectification-4bb1914.bpmn): there its registration fails, as no bean
 * of that name exists any more; moved by {@link RunningCaseUpgrade} to the latest version, it is registered and
 * planned through RectificationSteps, and the plan is signed only after a recorded 党委会, a rule its own version
 * did not have.
 */
class RectificationUpgradeTest {

  @RegisterExtension
  static ProcessEngineExtension engine = UnitEngine.extension();

  VersionDeployments versions;
  RectificationFixture fx;
  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    processEngine = engine.getProcessEngine();
    versions = new VersionDeployments(processEngine, "forms/rectification");
    fx = new RectificationFixture("rc-upgrade-" + System.nanoTime());
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(2025, 9, 15, 10, 0)));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    versions.removeAll();
    Mocks.reset();
  }

  @Test
  void aCaseOfTheVersionThatCalledTheRemovedServiceFailsOnItsNextStepWhereItIs() {
    startedOnTheOldVersion();
    versions.deploy("processes/rectification/inspection-rectification.bpmn");

    assertThatThrownBy(this::register).hasMessageContaining("rectification.registerFeedback");
    assertThat(only("Task_RegisterFeedback")).as("still waiting").isNotNull();
  }

  @Test
  void aCaseOfTheVersionThatCalledTheRemovedServiceGoesOnThroughTheStepsOnceMoved() {
    ProcessInstance old = startedOnTheOldVersion();
    ProcessDefinition latest = versions.definition(
        versions.deploy("processes/rectification/inspection-rectification.bpmn"));

    assertThat(RunningCaseUpgrade.upgrade(processEngine)).isEqualTo(new RunningCaseUpgrade.Result(1, 0));
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(old.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(latest.getId());

    register();
    Task draft = only("Task_DraftPlan");
    assertThat(draft.getProcessDefinitionId()).isEqualTo(latest.getId());
    tasks().complete(draft.getId(), Map.of("planItems",
        SpinValues.jsonValue(InspectionRectificationProcessTest.PLAN).create()));
    Task approve = only("Task_ApprovePlan");
    assertThatThrownBy(() -> tasks().complete(approve.getId(), Map.of("planApproved", "true")))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("党委（党组）会日期");
    tasks().complete(approve.getId(), InspectionRectificationProcessTest.MEETING);
    assertThat(only("Task_SubmitPlan")).isNotNull();
    assertThat(fx.items.items(((Number) processEngine.getRuntimeService().getVariable(old.getId(), "caseId"))
        .longValue())).hasSize(3);
  }

  /**
   * The old version deployed and a case started on it, waiting at the registration. Its create listener
   * ({@code ${rectification.openRegistration(task)}}) finds the steps under the old bean's name, as the old
   * application had that step; afterwards the beans are the application's of today.
   */
  private ProcessInstance startedOnTheOldVersion() {
    register("rectification", fx.steps);
    String old = versions.deploy("upgrade/inspection-rectification-4bb1914.bpmn");
    ProcessInstance pi = processEngine.getRuntimeService().startProcessInstanceById(
        versions.definition(old).getId(),
        Map.of("orgId", "rmyy", "source", "巡察"));
    Mocks.reset();
    register("rectificationSteps", fx.steps);
    assertThat(only("Task_RegisterFeedback").getProcessDefinitionId()).isEqualTo(pi.getProcessDefinitionId());
    return pi;
  }

  private void register(String stepsName, RectificationSteps steps) {
    Mocks.register("workdays", fx.workdays);
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("rectificationLadder", fx.ladder);
    Mocks.register(stepsName, steps);
  }

  private void register() {
    tasks().complete(only("Task_RegisterFeedback").getId(), Map.of("feedbackDate", "2025-09-12",
        "roundName", "县委第五轮巡察", "groupName", "第二巡察组",
        "problems", SpinValues.jsonValue(InspectionRectificationProcessTest.PROBLEMS).create()));
  }

  private TaskService tasks() {
    return processEngine.getTaskService();
  }

  private Task only(String key) {
    return tasks().createTaskQuery().taskDefinitionKey(key).singleResult();
  }

}
