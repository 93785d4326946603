package cn.partyflow.audit;

import cn.partyflow.shared.FormSchema;
import cn.partyflow.shared.FormSchemas;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What the forms of a procedure call its variables: reads the Camunda Forms deployed with the case's definition
 * (component key → label, for choices value → option label, and what a field records for the auditors: a vote, an
 * opinion or a decision, as the form declares it with the custom property {@code record}). The forms are the one
 * place where a procedure says what its fields mean, so the auditors' page needs no list per procedure.
 */
@Component
class FormLabels {

  /**
   * A form field: its label, the labels of its options, for lists of records the fields of one record, and what it
   * records ({@link FormSchema#VOTE}, {@link FormSchema#OPINION}, {@link FormSchema#DECISION}; null for plain data).
   */
  record Field(String label, Map<String, String> options, Map<String, Field> columns, String record) {

    boolean records(String kind) {
      return kind.equals(record);
    }
  }

  private final RepositoryService repository;
  private final FormSchemas schemas;
  private final Map<String, Labels> byDefinition = new ConcurrentHashMap<>();

  /**
   * One definition's labels: procedure-wide (the first form to name a variable wins), the form each task or start
   * event shows, and per form its own labels over the procedure-wide ones.
   */
  private record Labels(Map<String, Field> all, Map<String, String> formOfActivity,
      Map<String, Map<String, Field>> byForm) {}

  FormLabels(RepositoryService repository, FormSchemas schemas) {
    this.repository = repository;
    this.schemas = schemas;
  }

  /** The fields of every form the definition uses, by variable name; the first form to name a variable wins. */
  Map<String, Field> of(ProcessDefinition definition) {
    return definition == null ? Map.of() : labels(definition).all();
  }

  /**
   * The fields as the form of the given task or start event names them, and where that form does not name a
   * variable, as the procedure does: two forms may call one variable differently (巡察整改's {@code progress} is
   * 整改进展 for a time-limited item and 本期落实情况 for a long-term one), and a value reads as its writer's form says.
   */
  Map<String, Field> of(ProcessDefinition definition, String activityId) {
    if (definition == null) {
      return Map.of();
    }
    Labels labels = labels(definition);
    String form = activityId == null ? null : labels.formOfActivity().get(activityId);
    return form == null ? labels.all() : labels.byForm().getOrDefault(form, labels.all());
  }

  private Labels labels(ProcessDefinition definition) {
    return byDefinition.computeIfAbsent(definition.getId(), id -> read(definition));
  }

  private Labels read(ProcessDefinition definition) {
    Map<String, String> formOfActivity = formsUsedBy(repository.getBpmnModelInstance(definition.getId()));
    Set<String> used = new HashSet<>(formOfActivity.values());
    Map<String, Field> fields = new LinkedHashMap<>();
    Map<String, Map<String, Field>> own = new LinkedHashMap<>();
    // In resource order, so that a variable two forms label differently always reads the same.
    for (FormSchema form : schemas.ofDeployment(definition.getDeploymentId()).values()) {
      // One deployment holds every procedure's forms; a field of another procedure may share a name.
      if (used.isEmpty() || used.contains(form.id())) {
        Map<String, Field> ofForm = new LinkedHashMap<>();
        collect(form.components(), ofForm);
        own.put(form.id(), ofForm);
        ofForm.forEach((name, field) -> add(fields, name, field));
      }
    }
    Map<String, Map<String, Field>> byForm = new HashMap<>();
    own.forEach((form, ofForm) -> {
      Map<String, Field> merged = new HashMap<>(fields);
      // The form's own wording; what a field records still counts wherever a form declares it.
      ofForm.forEach((name, field) -> merged.put(name, new Field(field.label(), field.options(), field.columns(),
          field.record() != null ? field.record() : fields.get(name).record())));
      byForm.put(form, Map.copyOf(merged));
    });
    return new Labels(Map.copyOf(fields), Map.copyOf(formOfActivity), Map.copyOf(byForm));
  }

  /** The form each user task and start event shows, by activity id. */
  private static Map<String, String> formsUsedBy(BpmnModelInstance model) {
    Map<String, String> refs = new HashMap<>();
    if (model == null) {
      return refs;
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null) {
        refs.put(task.getId(), task.getCamundaFormRef());
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        refs.put(start.getId(), start.getCamundaFormRef());
      }
    }
    return refs;
  }

  private static void collect(List<FormSchema.Component> components, Map<String, Field> into) {
    for (FormSchema.Component c : components) {
      String record = c.record().orElse(null);
      if (c.isDynamicList() && c.path() != null) {
        Map<String, Field> columns = new LinkedHashMap<>();
        collect(c.components(), columns);
        add(into, c.path(), new Field(label(c), Map.of(), columns, record));
      } else if ("table".equals(c.type()) && c.dataSource() != null && c.dataSource().startsWith("=")) {
        Map<String, Field> columns = new LinkedHashMap<>();
        for (FormSchema.Column col : c.columns()) {
          columns.putIfAbsent(col.key(), new Field(col.label(), Map.of(), Map.of(), null));
        }
        String source = c.dataSource().substring(1).trim();
        if (source.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          add(into, source, new Field(label(c), Map.of(), columns, record));
        }
      } else if (c.key() != null && !label(c).isBlank()) {
        Map<String, String> options = new LinkedHashMap<>();
        c.options().forEach(o -> options.put(o.value(), o.label()));
        add(into, c.key(), new Field(label(c), options, Map.of(), record));
      }
      if (!c.isDynamicList()) {
        collect(c.components(), into);
      }
    }
  }

  /** The first form's wording wins; what a field records counts wherever a form declares it. */
  private static void add(Map<String, Field> into, String name, Field field) {
    into.merge(name, field, (first, later) -> first.record() != null || later.record() == null ? first
        : new Field(first.label(), first.options(), first.columns(), later.record()));
  }

  /** Hints meant for whoever fills the form in, such as （用户名） or （只读…）, say nothing to an auditor. */
  private static String label(FormSchema.Component c) {
    return c.label().replaceAll("（[^（）]*(只读|用户名)[^（）]*）$", "");
  }
}
