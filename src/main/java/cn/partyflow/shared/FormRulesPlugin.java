package cn.partyflow.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
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
import org.springframework.stereotype.Component;

/**
 * The server re-checks what every Camunda Form declares, whoever submits it (Tasklist, /engine-rest or code):
 * before a user task's own listeners run, a field the form marks required must have a value, and a text field
 * holds at most its declared maxLength or {@link FormText#MAX_LENGTH}, and a list must be readable JSON. Fields
 * inside a conditional or read-only part of the form are left to the procedure's rules. Below that, no String
 * variable longer than the engine can store is accepted: the database would refuse it at commit with a 500 instead
 * of a message.
 */
@Component
public class FormRulesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    DeclaredFormRules rules = new DeclaredFormRules();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior task
            && task.getTaskDefinition().getCamundaFormDefinitionKey() != null) {
          task.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rules);
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

  /** A field of a form with what it declares. */
  record Field(String key, String label, boolean choice, boolean required, int maxLength) {}

  static final class DeclaredFormRules implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, List<Field>> forms = new ConcurrentHashMap<>();

    @Override
    public void notify(DelegateTask task) {
      for (Field field : fields((TaskEntity) task)) {
        Object value = readable(task, field);
        if (field.required() && (value == null || value.toString().isBlank())) {
          throw new RuleViolation("form-required", (field.choice() ? "请选择" : "请填写") + field.label());
        }
        if (value instanceof String text) {
          FormText.limited(field.label(), text, field.maxLength());
        }
      }
    }

    /** A list submitted as malformed JSON is refused here rather than failing wherever it is first read. */
    private static Object readable(DelegateTask task, Field field) {
      if (task.getVariableTyped(field.key(), false) instanceof SerializableValue v && !v.isDeserialized()) {
        try {
          return task.getVariableTyped(field.key(), true).getValue();
        } catch (ProcessEngineException e) {
          throw new RuleViolation("form-json", field.label() + "的内容无法读取（不是有效的列表），请重新填写后提交");
        }
      }
      return task.getVariable(field.key());
    }

    private List<Field> fields(TaskEntity task) {
      return forms.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), k -> {
        Expression key = task.getTaskDefinition().getCamundaFormDefinitionKey();
        String deploymentId = task.getProcessDefinition().getDeploymentId();
        List<Field> fields = new ArrayList<>();
        for (ResourceEntity resource : Context.getCommandContext().getResourceManager()
            .findResourcesByDeploymentId(deploymentId)) {
          String name = resource.getName().replace('\\', '/');
          if (name.endsWith("/" + key.getExpressionText() + ".form") || name.equals(key.getExpressionText() + ".form")) {
            try {
              collect(JSON.readTree(resource.getBytes()).path("components"), fields);
            } catch (IOException e) {
              throw new IllegalStateException("form " + name + " is not JSON", e);
            }
          }
        }
        return List.copyOf(fields);
      });
    }

    /**
     * Top-level fields and those in plain groups; a dynamic list only as a whole (its rows are the procedure's
     * business); conditional and read-only parts are skipped.
     */
    private static void collect(JsonNode components, List<Field> fields) {
      for (JsonNode c : components) {
        if (c.has("conditional") || c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
          continue;
        }
        if ("dynamiclist".equals(c.path("type").asText())) {
          fields.add(new Field(c.path("path").asText(), c.path("label").asText(c.path("path").asText()), false, false,
              FormText.MAX_LENGTH));
          continue;
        }
        if (c.has("components")) {
          collect(c.path("components"), fields);
        }
        if (c.hasNonNull("key")) {
          String type = c.path("type").asText();
          JsonNode validate = c.path("validate");
          String label = c.hasNonNull("label") ? c.path("label").asText()
              : c.path("dateLabel").asText(c.path("key").asText());
          fields.add(new Field(c.path("key").asText(), label,
              List.of("radio", "select", "checkbox", "checklist", "taglist").contains(type),
              validate.path("required").asBoolean(false),
              validate.path("maxLength").asInt(FormText.MAX_LENGTH)));
        }
      }
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
