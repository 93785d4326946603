package cn.partyflow.rectification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Reads what Camunda Forms submit: lists arrive as Spin Json, dates as "yyyy-MM-dd" strings. */
final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  /** A dynamic list or table value as rows of column to value; Spin Json, a JSON string or Java collections. */
  static List<Map<String, Object>> rows(Object value, String label) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Object o : c) {
        if (o instanceof Map<?, ?> m) {
          Map<String, Object> row = new LinkedHashMap<>();
          m.forEach((k, v) -> row.put(String.valueOf(k), v));
          rows.add(row);
        }
      }
      return rows;
    }
    try {
      return JSON.readValue(value.toString(), new TypeReference<List<Map<String, Object>>>() {});
    } catch (Exception e) {
      throw new RuleViolation("rectification-list", label + "的内容无法读取：应为逐条填写的列表");
    }
  }

  /**
   * A list variable for {@link #rows}: a Json variable as its text, so that text which is not JSON is refused with
   * a message instead of failing in the engine's deserializer; anything else as its value.
   */
  static Object listVariable(VariableScope scope, String name) {
    TypedValue value = scope.getVariableTyped(name, false);
    if (value instanceof SerializableValue json && "json".equalsIgnoreCase(value.getType().getName())) {
      return json.getValueSerialized();
    }
    return scope.getVariable(name);
  }

  static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }

  /** A date as a form stores it, or null when empty or unreadable. */
  static LocalDate date(Object value) {
    if (value instanceof Date d) {
      return ChinaClock.toLocalDate(d);
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String s = text(value);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A date the officer entered: empty is null, anything but a real "yyyy-MM-dd" date is refused. */
  static LocalDate enteredDate(Object value, String label) {
    LocalDate d = date(value);
    if (d == null && !text(value).isEmpty()) {
      throw new RuleViolation("rectification-date", label + "“" + text(value) + "”不是有效日期（应为yyyy-MM-dd）");
    }
    return d;
  }

  /** The day something was done: required, a real date, not after today and not before {@code since}. */
  static LocalDate doneOn(Object value, String label, LocalDate since, String sinceLabel) {
    LocalDate d = enteredDate(value, label);
    if (d == null) {
      throw new RuleViolation("rectification-date", "请填写" + label);
    }
    if (d.isAfter(ChinaClock.today())) {
      throw new RuleViolation("rectification-date", label + "（" + d + "）不能晚于今天：请填写实际日期");
    }
    if (since != null && d.isBefore(since)) {
      throw new RuleViolation("rectification-date", label + "（" + d + "）不能早于" + sinceLabel + "（" + since + "）");
    }
    return d;
  }

  /** A choice of a select field: one of its options, so a hand-made submission cannot invent one. */
  static String option(Object value, String label, List<String> options) {
    String s = text(value);
    if (s.isEmpty()) {
      throw new RuleViolation("rectification-option", "请选择" + label);
    }
    if (!options.contains(s)) {
      throw new RuleViolation("rectification-option", label + "只能是" + String.join("、", options) + "，不能是“" + s + "”");
    }
    return s;
  }

  /** A yes/no choice: radio buttons send "true"/"false", a checkbox a Boolean; anything else is refused. */
  static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String s = text(value);
    if (s.isEmpty()) {
      return null;
    }
    if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
      throw new RuleViolation("rectification-choice", "“" + s + "”不是有效的选择：只能选是或否");
    }
    return Boolean.valueOf(s);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
