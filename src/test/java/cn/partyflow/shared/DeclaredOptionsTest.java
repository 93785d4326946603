package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server checks every radio, select, checklist and taglist answer against the options the form declares (static
 * values, or the values of the variable a {@code valuesKey} names), on an engine with our form plugin and nothing of
 * any procedure: no procedure lists its options in Java.
 */
class DeclaredOptionsTest {

  static final String FORM = """
      {"id": "optionsForm", "type": "default", "components": [
        {"type": "radio", "key": "decision", "label": "审核结论", "id": "f1",
         "values": [{"value": "PASS", "label": "通过"}, {"value": "RETURN", "label": "退回"}]},
        {"type": "radio", "key": "passed", "label": "政审结论", "id": "f2",
         "values": [{"value": "true", "label": "合格"}, {"value": "false", "label": "不合格"}]},
        {"type": "checkbox", "key": "consented", "label": "介绍人已同意", "id": "f3"},
        {"type": "select", "key": "talkBy", "label": "谈话人", "valuesKey": "officers", "id": "f4"},
        {"type": "checklist", "key": "sources", "label": "推荐方式", "id": "f5",
         "values": [{"value": "self", "label": "个人申请"}, {"value": "league", "label": "团组织推优"}]},
        {"type": "dynamiclist", "path": "items", "label": "整改事项", "id": "f6", "components": [
          {"type": "select", "key": "category", "label": "类别", "id": "f7",
           "values": [{"value": "立行立改", "label": "立行立改"}, {"value": "长期坚持", "label": "长期坚持"}]}]}
      ]}""";

  static final String START_FORM = """
      {"id": "optionsStart", "type": "default", "components": [
        {"type": "radio", "key": "startStage", "label": "从哪个阶段开始", "id": "s1",
         "values": [{"value": "APPLICATION", "label": "申请入党"}, {"value": "ACTIVIST", "label": "入党积极分子"}]}
      ]}""";

  static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("declared-options");
    configuration.setJdbcUrl("jdbc:h2:mem:declared-options;DB_CLOSE_DELAY=1000");
    configuration.setJobExecutorActivate(false);
    configuration.setHistoryTimeToLive("P1D");
    configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(),
        new FormRulesPlugin(new FormSchemas(null)), new RuleViolationPlugin()));
    engine = configuration.buildProcessEngine();
    BpmnModelInstance model = Bpmn.createExecutableProcess("options").camundaHistoryTimeToLive(1)
        .startEvent().camundaFormRef("optionsStart").camundaFormRefBinding("deployment")
        .userTask("Task_Choose").camundaFormRef("optionsForm").camundaFormRefBinding("deployment")
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("options.bpmn", model)
        .addString("options.form", FORM).addString("options-start.form", START_FORM).deploy();
  }

  @AfterAll
  static void close() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getProcessEngine().close();
  }

  @Test
  void acceptsAnswersAmongTheDeclaredOptions() {
    Task task = start();
    complete(task, Map.of("decision", "PASS", "passed", "是", "consented", true, "talkBy", "zhang",
        "sources", Spin.JSON("[\"self\", \"league\"]"),
        "items", Spin.JSON("[{\"category\": \"立行立改\"}, {\"category\": \"长期坚持\"}]")));
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  @Test
  void refusesARadioAnswerNotAmongItsOptionsNamingTheField() {
    assertThatThrownBy(() -> complete(start(), Map.of("decision", "MAYBE"))).isInstanceOf(RuleViolation.class)
        .hasMessage("审核结论只能是通过、退回，不能是“MAYBE”");
  }

  @Test
  void readsAYesNoChoiceAsTheFormReaderDoes() {
    assertThatThrownBy(() -> complete(start(), Map.of("passed", "maybe")))
        .hasMessage("政审结论只能选择是或否，提交的是“maybe”");
    assertThatThrownBy(() -> complete(start(), Map.of("consented", "perhaps")))
        .hasMessage("介绍人已同意只能选择是或否，提交的是“perhaps”");
  }

  @Test
  void refusesAnAnswerNotAmongTheValuesTheServerFilled() {
    assertThatThrownBy(() -> complete(start(), Map.of("talkBy", "stranger")))
        .hasMessage("谈话人只能是张书记、李委员，不能是“stranger”");
  }

  @Test
  void refusesAChecklistElementNotAmongItsOptions() {
    assertThatThrownBy(() -> complete(start(), Map.of("sources", Spin.JSON("[\"self\", \"bribe\"]"))))
        .hasMessage("推荐方式只能是个人申请、团组织推优，不能是“bribe”");
  }

  @Test
  void refusesARowOfADynamicListWithAnInventedOption() {
    assertThatThrownBy(() -> complete(start(),
        Map.of("items", Spin.JSON("[{\"category\": \"立行立改\"}, {\"category\": \"以后再说\"}]"))))
        .hasMessage("类别只能是立行立改、长期坚持，不能是“以后再说”");
  }

  @Test
  void checksAStartFormsOptionsWhenTheCaseStarts() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("options",
        Map.of("startStage", "MEMBER"))).isInstanceOf(RuleViolation.class)
        .hasMessage("从哪个阶段开始只能是申请入党、入党积极分子，不能是“MEMBER”");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("options").list())
        .allSatisfy(p -> assertThat(engine.getRuntimeService().getVariable(p.getId(), "startStage"))
            .isNotEqualTo("MEMBER"));
  }

  private Task start() {
    String id = engine.getRuntimeService().startProcessInstanceByKey("options", Map.of("startStage", "ACTIVIST",
        "officers", Spin.JSON("[{\"value\": \"zhang\", \"label\": \"张书记\"}, {\"value\": \"li\", \"label\": \"李委员\"}]")))
        .getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), Variables.fromMap(new HashMap<>(variables)));
  }
}
