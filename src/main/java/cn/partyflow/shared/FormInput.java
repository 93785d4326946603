package cn.partyflow.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The one reader of what a Camunda Form (or a hand-made submission to /engine-rest) sends, with one behaviour for
 * every procedure. Each method takes the submitted value and the field's Chinese label, which every refusal names:
 *
 * <ul>
 *   <li>empty (absent, blank) reads as null (an empty list, ""), and the {@code required…} variants refuse it
 *       with 请填写…/请选择…;</li>
 *   <li>dates are "yyyy-MM-dd" (a date picker's value; a date-time's time part is ignored) or a Date; anything else,
 *       2024-02-30 included, is refused;</li>
 *   <li>numbers become BigDecimal through their decimal text, never through binary arithmetic; integers are numbers
 *       without a fraction; bounds are inclusive;</li>
 *   <li>yes/no is true, false, 是 or 否 (or a Boolean); anything else, {@code maybe} included, is refused rather
 *       than read as no;</li>
 *   <li>an option is one of the values the caller names; lists are JSON arrays (Spin JSON, JSON text or Java
 *       collections), a list of ids may also be text separated by commas;</li>
 *   <li>free text is trimmed and at most {@link FormText#MAX_LENGTH} characters unless a limit is given.</li>
 * </ul>
 *
 * Refusals are {@link RuleViolation}s whose codes start with {@code form.} (see {@link RuleViolation} for the
 * scheme).
 */
public final class FormInput {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormInput() {}

  /** The value as trimmed text; "" when absent. */
  public static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }

  /** Free text within {@link FormText#MAX_LENGTH}; null when empty. */
  public static String text(Object value, String label) {
    return text(value, label, FormText.MAX_LENGTH);
  }

  public static String text(Object value, String label, int maxLength) {
    String t = text(value);
    return t.isEmpty() ? null : FormText.limited(label, t, maxLength);
  }

  public static String requiredText(Object value, String label) {
    return present(text(value, label), label, false);
  }

  public static LocalDate date(Object value, String label) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return ChinaClock.toLocalDate(d);
    }
    String s = text(value);
    if (s.isEmpty()) {
      return null;
    }
    if (value instanceof String && (s.length() == 10 || s.length() > 10 && s.charAt(10) == 'T')) {
      try {
        return LocalDate.parse(s.substring(0, 10));
      } catch (DateTimeParseException e) {
        // refused below with the field's name
      }
    }
    throw new RuleViolation("form.date", label + "不是有效日期（应为年-月-日，如2025-03-01），提交的是“" + s + "”");
  }

  public static LocalDate requiredDate(Object value, String label) {
    return present(date(value, label), label, false);
  }

  public static BigDecimal number(Object value, String label) {
    String s = text(value);
    if (s.isEmpty()) {
      return null;
    }
    if (!(value instanceof Number || value instanceof String)) {
      throw notNumber(label, s);
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw notNumber(label, s);
    }
  }

  /** A number within {@code min} and {@code max} (either may be null: no bound). */
  public static BigDecimal number(Object value, String label, BigDecimal min, BigDecimal max) {
    BigDecimal n = number(value, label);
    if (n != null && (min != null && n.compareTo(min) < 0 || max != null && n.compareTo(max) > 0)) {
      throw new RuleViolation("form.range", label + range(min, max) + "，提交的是" + n.toPlainString());
    }
    return n;
  }

  public static BigDecimal requiredNumber(Object value, String label) {
    return present(number(value, label), label, false);
  }

  public static Integer integer(Object value, String label) {
    BigDecimal n;
    try {
      n = number(value, label);
    } catch (RuleViolation e) {
      throw notInteger(label, text(value));
    }
    if (n == null) {
      return null;
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw notInteger(label, text(value));
    }
  }

  /** An integer within {@code min} and {@code max} (either may be null: no bound). */
  public static Integer integer(Object value, String label, Integer min, Integer max) {
    Integer n = integer(value, label);
    if (n != null && (min != null && n < min || max != null && n > max)) {
      throw new RuleViolation("form.range", label + range(min == null ? null : BigDecimal.valueOf(min),
          max == null ? null : BigDecimal.valueOf(max)) + "，提交的是" + n);
    }
    return n;
  }

  public static Boolean yesNo(Object value, String label) {
    if (value instanceof Boolean b) {
      return b;
    }
    String s = text(value);
    if (s.isEmpty()) {
      return null;
    }
    if (s.equalsIgnoreCase("true") || s.equals("是")) {
      return true;
    }
    if (s.equalsIgnoreCase("false") || s.equals("否")) {
      return false;
    }
    throw new RuleViolation("form.yesNo", label + "只能选择是或否，提交的是“" + s + "”");
  }

  public static boolean requiredYesNo(Object value, String label) {
    return present(yesNo(value, label), label, true);
  }

  /** One of {@code options}; null when nothing was chosen. */
  public static String option(Object value, String label, Collection<String> options) {
    String s = text(value);
    if (s.isEmpty()) {
      return null;
    }
    if (!options.contains(s)) {
      throw notAnOption(label, s, options);
    }
    return s;
  }

  public static String requiredOption(Object value, String label, Collection<String> options) {
    return present(option(value, label, options), label, true);
  }

  /**
   * The refusal of a value that is not among the choices a form offers, naming them as the form shows them (a long
   * list, such as the people of an organization, only by its size).
   */
  public static RuleViolation notAnOption(String label, String value, Collection<String> shown) {
    if (shown.size() > 12) {
      return new RuleViolation("form.option", label + "“" + value + "”不在可选的" + shown.size() + "项之中，请从列表中选择");
    }
    return new RuleViolation("form.option", label + "只能是" + String.join("、", shown) + "，不能是“" + value + "”");
  }

  /**
   * The elements of a JSON array (a checklist, taglist or dynamic list): Java collections as they are, Spin JSON
   * and JSON text as Spin nodes; empty when absent.
   */
  public static List<Object> list(Object value, String label) {
    if (value == null || text(value).isEmpty()) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    SpinJsonNode node;
    try {
      node = value instanceof SpinJsonNode n ? n : Spin.JSON(value.toString());
    } catch (RuntimeException e) {
      throw notAList(label);
    }
    if (!node.isArray()) {
      throw notAList(label);
    }
    return new ArrayList<>(node.elements());
  }

  /** A dynamic list or table as rows of column to value; a row that is not a record is refused. */
  public static List<Map<String, Object>> rows(Object value, String label) {
    if (value == null || text(value).isEmpty()) {
      return List.of();
    }
    try {
      String json = value instanceof String s ? s
          : value instanceof Collection<?> || value instanceof Map<?, ?> ? JSON.writeValueAsString(value)
          : value.toString();
      List<Map<String, Object>> rows = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {});
      if (rows == null || rows.contains(null)) {
        throw notAList(label);
      }
      return rows;
    } catch (JsonProcessingException e) {
      throw notAList(label);
    }
  }

  /**
   * Ids or choices: a JSON array (taglist, checklist) or text separated by commas, 、 or spaces (a start request);
   * trimmed, empty ones dropped.
   */
  public static List<String> ids(Object value, String label) {
    if (value instanceof String s && !s.trim().startsWith("[")) {
      return List.of(s.trim().split("[,，、\\s]+")).stream().filter(t -> !t.isEmpty()).toList();
    }
    List<String> ids = new ArrayList<>();
    for (Object o : list(value, label)) {
      if (o instanceof SpinJsonNode n) {
        ids.add(n.isString() ? n.stringValue() : n.toString());
      } else if (o != null) {
        ids.add(o.toString());
      }
    }
    return ids.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * A list variable to hand to {@link #rows} or {@link #list}: a JSON variable as its stored text, so that text which
   * is not JSON is refused with a message instead of failing in the engine's deserializer.
   */
  public static Object listVariable(VariableScope scope, String name) {
    TypedValue value = scope.getVariableTyped(name, false);
    if (value instanceof SerializableValue json && !json.isDeserialized() && value.getType() != null
        && "json".equalsIgnoreCase(value.getType().getName())) {
      return json.getValueSerialized();
    }
    return scope.getVariable(name);
  }

  /** A required answer: 请填写… for what is typed, 请选择… for what is chosen. */
  private static <T> T present(T value, String label, boolean choice) {
    if (value == null) {
      throw new RuleViolation("form.required", (choice ? "请选择" : "请填写") + label);
    }
    return value;
  }

  private static RuleViolation notNumber(String label, String value) {
    return new RuleViolation("form.number", label + "须为数字，提交的是“" + value + "”");
  }

  private static RuleViolation notInteger(String label, String value) {
    return new RuleViolation("form.integer", label + "须为整数，提交的是“" + value + "”");
  }

  private static RuleViolation notAList(String label) {
    return new RuleViolation("form.list", label + "的内容无法读取（应为逐条填写的列表），请重新填写后提交");
  }

  private static String range(BigDecimal min, BigDecimal max) {
    if (min != null && max != null) {
      return "须在" + min.toPlainString() + "到" + max.toPlainString() + "之间";
    }
    return min != null ? "不能小于" + min.toPlainString() : "不能大于" + max.toPlainString();
  }
}
