package cn.partyflow.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The server re-checks what every Camunda Form declares, whoever submits it (Tasklist, /engine-rest or code).
 * Before a user task's own listeners run:
 *
 * <ul>
 *   <li>a field the form marks required has a value (fields inside a conditional part are left to the procedure's
 *       rules, read-only and disabled ones are not the submitter's);</li>
 *   <li>a text field holds at most its declared maxLength or {@link FormText#MAX_LENGTH}, and a list is readable
 *       JSON;</li>
 *   <li>a radio, select, checklist or taglist answer is one of the options the form declares: its static
 *       {@code values}, or for options the server fills ({@code valuesKey}) the values of that variable (not checked
 *       while the variable is absent); a yes/no choice (a checkbox, or options true and false) is read as {@link
 *       FormInput#yesNo} reads it; the same holds for the fields of every row of a dynamic list.</li>
 * </ul>
 *
 * A start form's answers are checked the same way when the case starts, except for required fields: procedures the
 * system starts fill their start forms themselves. Below all that, no String variable longer than the engine can
 * store is accepted: the database would refuse it at commit with a 500 instead of a message.
 */
@Component
public class FormRulesPlugin extends AbstractProcessEnginePlugin {

  private final FormSchemas forms;

  FormRulesPlugin(FormSchemas forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    DeclaredFormRules rules = new DeclaredFormRules(forms);
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior task
            && task.getTaskDefinition().getCamundaFormDefinitionKey() != null) {
          task.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rules);
        }
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (scope instanceof ProcessDefinitionEntity
            && element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null) {
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, rules);
        }
      }
    });
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    VariableSerializers serializers = configuration.getVariableSerializers();
    TypedValueSerializer<?> plain = serializers.getSerializerByName(ValueType.STRING.getName());
    int index = serializers.getSerializerIndex(plain);
    serializers.removeSerializer(plain);
    serializers.addSerializer(new LimitedStringSerializer(), index);
  }

  static final class DeclaredFormRules implements TaskListener, ExecutionListener {

    private final FormSchemas forms;

    DeclaredFormRules(FormSchemas forms) {
      this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
      TaskEntity entity = (TaskEntity) task;
      Expression key = entity.getTaskDefinition().getCamundaFormDefinitionKey();
      forms.form(entity.getProcessDefinition().getDeploymentId(), key.getExpressionText())
          .ifPresent(form -> check(form.components(), task, true));
    }

    @Override
    public void notify(DelegateExecution execution) {
      ProcessDefinitionEntity definition = ((ExecutionEntity) execution).getProcessDefinition();
      if (definition.getStartFormDefinition() == null
          || definition.getStartFormDefinition().getCamundaFormDefinitionKey() == null) {
        return;
      }
      forms.form(definition.getDeploymentId(),
              definition.getStartFormDefinition().getCamundaFormDefinitionKey().getExpressionText())
          .ifPresent(form -> check(form.components(), execution, false));
    }

    /** Top-level fields and those in plain groups; a dynamic list as a whole and row by row. */
    private static void check(List<FormSchema.Component> components, VariableScope scope, boolean task) {
      for (FormSchema.Component c : components) {
        if (c.readonly() || c.disabled()) {
          continue;
        }
        if (c.isDynamicList() && c.path() != null) {
          String label = c.label().isEmpty() ? c.path() : c.label();
          Object value = readable(scope, c.path(), label);
          if (value instanceof String text) {
            FormText.limited(label, text, FormText.MAX_LENGTH);
          }
          for (Map<String, Object> row : value == null ? List.<Map<String, Object>>of()
              : FormInput.rows(FormInput.listVariable(scope, c.path()), label)) {
            checkRow(c.components(), row, scope);
          }
          continue;
        }
        check(c.components(), scope, task);
        if (c.key() == null) {
          continue;
        }
        String label = c.label().isEmpty() ? c.key() : c.label();
        Object value = readable(scope, c.key(), label);
        if (task && c.required() && !c.conditional() && (value == null || value.toString().isBlank())) {
          throw new RuleViolation("form.required", (c.isChoice() ? "请选择" : "请填写") + label);
        }
        if (value instanceof String text) {
          FormText.limited(label, text, c.maxLength() > 0 ? c.maxLength() : FormText.MAX_LENGTH);
        }
        answer(c, label, value, scope);
      }
    }

    private static void checkRow(List<FormSchema.Component> columns, Map<String, Object> row, VariableScope scope) {
      for (FormSchema.Component c : columns) {
        if (c.key() != null && !c.readonly() && !c.disabled()) {
          answer(c, c.label().isEmpty() ? c.key() : c.label(), row.get(c.key()), scope);
        }
        checkRow(c.components(), row, scope);
      }
    }

    /** A choice is one of the declared options; nothing chosen is the required check's business. */
    private static void answer(FormSchema.Component c, String label, Object value, VariableScope scope) {
      if (value == null || FormInput.text(value).isEmpty() || !c.isChoice()) {
        return;
      }
      Map<String, String> options = options(c, label, scope);
      if ("checkbox".equals(c.type()) || options != null && options.keySet().equals(Set.of("true", "false"))) {
        FormInput.yesNo(value, label);
        return;
      }
      if (options == null) {
        return;
      }
      List<String> answers = "checklist".equals(c.type()) || "taglist".equals(c.type())
          ? FormInput.ids(value, label) : List.of(FormInput.text(value));
      for (String answer : answers) {
        if (!options.containsKey(answer)) {
          throw FormInput.notAnOption(label, answer, options.values());
        }
      }
    }

    /** Value to label of the options the field offers; null where the form declares none the server can know. */
    private static Map<String, String> options(FormSchema.Component c, String label, VariableScope scope) {
      Map<String, String> options = new LinkedHashMap<>();
      c.options().forEach(o -> options.put(o.value(), o.label().isBlank() ? o.value() : o.label()));
      if (c.valuesKey() != null) {
        Object values = scope.getVariable(c.valuesKey());
        if (values == null) {
          return null;
        }
        for (Object o : FormInput.list(values, label)) {
          String value = o instanceof SpinJsonNode n && n.isObject() ? n.prop("value").stringValue()
              : o instanceof SpinJsonNode n ? n.isString() ? n.stringValue() : n.toString()
              : o instanceof Map<?, ?> m ? String.valueOf(m.get("value")) : String.valueOf(o);
          String shown = o instanceof SpinJsonNode n && n.isObject() && n.hasProp("label") ? n.prop("label").stringValue()
              : o instanceof Map<?, ?> m && m.get("label") != null ? m.get("label").toString() : value;
          options.put(value, shown);
        }
      }
      return options.isEmpty() ? null : options;
    }

    /** A list submitted as malformed JSON is refused here rather than failing wherever it is first read. */
    private static Object readable(VariableScope scope, String name, String label) {
      if (scope.getVariableTyped(name, false) instanceof SerializableValue v && !v.isDeserialized()) {
        try {
          return scope.getVariableTyped(name, true).getValue();
        } catch (ProcessEngineException e) {
          throw new RuleViolation("form.list", label + "的内容无法读取（不是有效的列表），请重新填写后提交");
        }
      }
      return scope.getVariable(name);
    }
  }

  static final class LimitedStringSerializer extends StringValueSerializer {

    @Override
    public void writeValue(StringValue value, ValueFields fields) {
      FormText.limited("“" + fields.getName() + "”", value.getValue(), FormText.ENGINE_MAX_LENGTH);
      super.writeValue(value, fields);
    }
  }
}
