package cn.partyflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * (component key → label, and for choices value → option label). The forms are the one place where a procedure
 * says what its fields mean, so the auditors' page needs no list per procedure. Forms are read once per definition.
 */
@Component
class FormLabels {

  /** A form field: its label, the labels of its options, and for lists of records the fields of one record. */
  record Field(String label, Map<String, String> options, Map<String, Field> columns) {}

  private final RepositoryService repository;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Map<String, Field>> byDefinition = new ConcurrentHashMap<>();

  FormLabels(RepositoryService repository) {
    this.repository = repository;
  }

  /** The fields of every form the definition uses, by variable name; the first form to name a variable wins. */
  Map<String, Field> of(ProcessDefinition definition) {
    if (definition == null) {
      return Map.of();
    }
    return byDefinition.computeIfAbsent(definition.getId(), id -> read(definition));
  }

  private Map<String, Field> read(ProcessDefinition definition) {
    Set<String> used = formsUsedBy(repository.getBpmnModelInstance(definition.getId()));
    Map<String, Field> fields = new LinkedHashMap<>();
    // Sorted so that a variable two forms label differently always reads the same.
    for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId()).stream().sorted()
        .toList()) {
      if (!resource.endsWith(".form")) {
        continue;
      }
      try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), resource)) {
        JsonNode form = json.readTree(in);
        // One deployment holds every procedure's forms; a field of another procedure may share a name.
        if (used.isEmpty() || used.contains(form.path("id").asText())) {
          collect(form.path("components"), fields);
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read form " + resource, e);
      }
    }
    return Map.copyOf(fields);
  }

  private static Set<String> formsUsedBy(BpmnModelInstance model) {
    Set<String> refs = new HashSet<>();
    if (model == null) {
      return refs;
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null) {
        refs.add(task.getCamundaFormRef());
      }
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        refs.add(start.getCamundaFormRef());
      }
    }
    return refs;
  }

  private static void collect(JsonNode components, Map<String, Field> into) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if ("dynamiclist".equals(type) && c.hasNonNull("path")) {
        Map<String, Field> columns = new LinkedHashMap<>();
        collect(c.path("components"), columns);
        into.putIfAbsent(c.path("path").asText(), new Field(label(c), Map.of(), columns));
      } else if ("table".equals(type) && c.path("dataSource").asText().startsWith("=")) {
        Map<String, Field> columns = new LinkedHashMap<>();
        for (JsonNode col : c.path("columns")) {
          columns.putIfAbsent(col.path("key").asText(), new Field(col.path("label").asText(), Map.of(), Map.of()));
        }
        String source = c.path("dataSource").asText().substring(1).trim();
        if (source.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          into.putIfAbsent(source, new Field(label(c), Map.of(), columns));
        }
      } else if (c.hasNonNull("key") && !label(c).isBlank()) {
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode v : c.path("values")) {
          options.put(v.path("value").asText(), v.path("label").asText());
        }
        into.putIfAbsent(c.path("key").asText(), new Field(label(c), options, Map.of()));
      }
      if (!"dynamiclist".equals(type) && c.has("components")) {
        collect(c.path("components"), into);
      }
    }
  }

  private static String label(JsonNode c) {
    for (String attribute : new String[] {"label", "dateLabel", "timeLabel"}) {
      if (!c.path(attribute).asText().isBlank()) {
        // Hints meant for whoever fills the form in, such as （用户名） or （只读…）, say nothing to an auditor.
        return c.path(attribute).asText().trim().replaceAll("（[^（）]*(只读|用户名)[^（）]*）$", "");
      }
    }
    return "";
  }
}
