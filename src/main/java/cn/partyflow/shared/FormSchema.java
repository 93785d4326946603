package cn.partyflow.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Camunda Form (form-js 1.8.7, schemaVersion 16) as the server reads it: its components in order, each with what
 * the server checks and shows. Parsed once per deployment by {@link FormSchemas}; every reader of forms (the
 * declared form rules, the write checks, the auditors' case page) walks this instead of the JSON.
 */
public record FormSchema(String id, List<Component> components) {

  /**
   * The custom property ({@code "properties": {"record": "vote"}}) by which a field says what it records for the
   * auditors: {@value #VOTE} (a count of a vote), {@value #OPINION} (an opinion, reason or remark), {@value
   * #DECISION} (the outcome of a step: approved, returned, refused).
   */
  public static final String RECORD = "record";

  public static final String VOTE = "vote";
  public static final String OPINION = "opinion";
  public static final String DECISION = "decision";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A choice a select, radio, checklist or taglist offers: the value submitted and the label shown. */
  public record Option(String value, String label) {}

  /** A column of a table: the key in each row and its heading. */
  public record Column(String key, String label) {}

  /**
   * A component of the form. {@code label} is the first of label, dateLabel and timeLabel that is not blank (""
   * when none is); {@code maxLength} is 0 when the form declares none; {@code options} are the static values;
   * {@code properties} the custom properties; {@code components} the children of a group or dynamic list;
   * {@code columns} and {@code dataSource} those of a table.
   */
  public record Component(String type, String key, String path, String label, boolean required, int maxLength,
      boolean readonly, boolean disabled, boolean conditional, List<Option> options, String valuesKey,
      Map<String, String> properties, List<Component> components, List<Column> columns, String dataSource) {

    /** The variable a component writes: its key, or the path of a dynamic list or a group with a path. */
    public Optional<String> variable() {
      if (key != null) {
        return Optional.of(key);
      }
      return path == null || path.isBlank() ? Optional.empty() : Optional.of(path);
    }

    public boolean isDynamicList() {
      return "dynamiclist".equals(type);
    }

    /** A select, radio, checkbox, checklist or taglist: chosen, not typed. */
    public boolean isChoice() {
      return List.of("radio", "select", "checkbox", "checklist", "taglist").contains(type);
    }

    /** What this field records for the auditors ({@value #VOTE}, {@value #OPINION}, {@value #DECISION}), if declared. */
    public Optional<String> record() {
      return Optional.ofNullable(properties.get(RECORD));
    }
  }

  public static FormSchema parse(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      return new FormSchema(root.path("id").asText(""), components(root.path("components")));
    } catch (IOException e) {
      throw new IllegalStateException("a form is not JSON", e);
    }
  }

  /** Every component, depth first, children after their parent. */
  public List<Component> all() {
    List<Component> all = new ArrayList<>();
    addAll(components, all);
    return all;
  }

  private static void addAll(List<Component> components, List<Component> into) {
    for (Component c : components) {
      into.add(c);
      addAll(c.components(), into);
    }
  }

  private static List<Component> components(JsonNode array) {
    List<Component> list = new ArrayList<>();
    for (JsonNode c : array) {
      List<Option> options = new ArrayList<>();
      for (JsonNode v : c.path("values")) {
        options.add(new Option(v.path("value").asText(), v.path("label").asText()));
      }
      Map<String, String> properties = new LinkedHashMap<>();
      c.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
      List<Column> columns = new ArrayList<>();
      for (JsonNode col : c.path("columns")) {
        columns.add(new Column(col.path("key").asText(), col.path("label").asText()));
      }
      JsonNode validate = c.path("validate");
      list.add(new Component(c.path("type").asText(), text(c, "key"), text(c, "path"), label(c),
          validate.path("required").asBoolean(false), validate.path("maxLength").asInt(0),
          c.path("readonly").isBoolean() && c.path("readonly").asBoolean(), c.path("disabled").asBoolean(false),
          c.has("conditional"), List.copyOf(options), text(c, "valuesKey"), Map.copyOf(properties),
          components(c.path("components")), List.copyOf(columns), text(c, "dataSource")));
    }
    return List.copyOf(list);
  }

  private static String text(JsonNode c, String attribute) {
    return c.hasNonNull(attribute) ? c.path(attribute).asText() : null;
  }

  private static String label(JsonNode c) {
    for (String attribute : new String[] {"label", "dateLabel", "timeLabel"}) {
      if (!c.path(attribute).asText().isBlank()) {
        return c.path(attribute).asText().trim();
      }
    }
    return "";
  }
}
