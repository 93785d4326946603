package cn.partyflow.membership;

import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads a case's variables as Camunda Forms submit them: dates as "yyyy-MM-dd" strings, numbers as Integer, Long or
 * Double, lists as Spin JSON. A value of the wrong shape is a Chinese message, not a stack trace.
 */
final class CaseVariables {

  private final Map<String, Object> values;

  CaseVariables(Map<String, Object> values) {
    this.values = values;
  }

  Object raw(String name) {
    return values.get(name);
  }

  String string(String name) {
    Object v = values.get(name);
    return v == null ? null : v.toString().trim();
  }

  String required(String name, String label) {
    String s = text(name, label);
    if (s == null || s.isEmpty()) {
      throw new RuleViolation("required-" + name, "请填写" + label);
    }
    return s;
  }

  /** Free text the officer typed, if any, within the length every opinion and record keeps to. */
  String text(String name, String label) {
    return FormText.limited(label, string(name));
  }

  LocalDate date(String name, String label) {
    Object v = values.get(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof Date d) {
      return cn.partyflow.shared.ChinaClock.toLocalDate(d);
    }
    String s = v.toString().trim();
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new RuleViolation("date-format-" + name, label + "不是有效日期（应为yyyy-MM-dd）：" + s);
    }
  }

  LocalDate requiredDate(String name, String label) {
    LocalDate d = date(name, label);
    if (d == null) {
      throw new RuleViolation("required-" + name, "请填写" + label);
    }
    return d;
  }

  Integer integer(String name, String label) {
    Object v = values.get(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Number n) {
      if (n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new RuleViolation("integer-" + name, label + "须为整数：" + v);
      }
      return n.intValue();
    }
    try {
      return Integer.valueOf(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new RuleViolation("integer-" + name, label + "须为整数：" + v);
    }
  }

  Boolean bool(String name) {
    Object v = values.get(name);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    return Boolean.valueOf(v.toString().trim());
  }

  boolean requiredBool(String name, String label) {
    Boolean b = bool(name);
    if (b == null) {
      throw new RuleViolation("required-" + name, "请选择" + label);
    }
    return b;
  }

  /**
   * A list of ids or choices: a JSON array (taglist, checklist) or values separated by commas (start form); empty
   * when absent.
   */
  List<String> ids(String name, String label) {
    if (values.get(name) instanceof String text && !text.trim().startsWith("[")) {
      return List.of(text.trim().split("[,，、\\s]+")).stream().filter(s -> !s.isEmpty()).toList();
    }
    List<String> ids = new ArrayList<>();
    for (Object o : list(name, label)) {
      if (o instanceof SpinJsonNode n) {
        ids.add(n.isString() ? n.stringValue() : n.toString());
      } else if (o != null) {
        ids.add(o.toString());
      }
    }
    return ids.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Elements of a JSON array variable (dynamic lists, checklists); empty when absent. */
  List<Object> list(String name, String label) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    SpinJsonNode node = v instanceof SpinJsonNode n ? n : Spin.JSON(v.toString());
    if (!node.isArray()) {
      throw new RuleViolation("list-" + name, label + "应为列表，请重新填写后提交");
    }
    return new ArrayList<>(node.elements());
  }
}
