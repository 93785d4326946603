package cn.partyflow.dues;

import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads what Camunda Forms submit: numbers as Java number objects (turned into BigDecimal through their decimal
 * text, never through binary arithmetic), dates as "yyyy-MM-dd" strings and lists as Spin JSON.
 */
final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  static BigDecimal money(Object value, String what) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return Money.yuan(new BigDecimal(value.toString().trim()), what);
    } catch (NumberFormatException e) {
      throw new RuleViolation("dues.amount.format", what + "“" + value + "”不是金额");
    }
  }

  static BigDecimal requiredMoney(Object value, String what) {
    BigDecimal m = money(value, what);
    if (m == null) {
      throw new RuleViolation("dues.amount.required", "请填写" + what);
    }
    if (m.signum() < 0) {
      throw DuesRules.negativeAmount(what, m);
    }
    return m;
  }

  static LocalDate date(Object value, String what) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof java.util.Date d) {
      return cn.partyflow.shared.ChinaClock.toLocalDate(d);
    }
    try {
      return LocalDate.parse(value.toString().trim().substring(0, Math.min(10, value.toString().trim().length())));
    } catch (DateTimeParseException e) {
      throw new RuleViolation("dues.date.format", what + "须写成“年-月-日”，当前为“" + value + "”");
    }
  }

  static LocalDate requiredDate(Object value, String what) {
    LocalDate d = date(value, what);
    if (d == null) {
      throw new RuleViolation("dues.date.required", "请填写" + what + "（按实际发生的日期填写）");
    }
    return d;
  }

  static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }

  /** A checkbox or yes/no radio: true, false or left empty (false); anything else is refused, not read as no. */
  static boolean flag(Object value, String label) {
    if (value instanceof Boolean b) {
      return b;
    }
    String t = text(value);
    if (t.isEmpty() || "false".equalsIgnoreCase(t)) {
      return false;
    }
    if ("true".equalsIgnoreCase(t)) {
      return true;
    }
    throw new RuleViolation("dues.flag", "“" + label + "”只能选择是或否，提交的是“" + t + "”");
  }

  static Integer integer(Object value) {
    String t = text(value);
    if (t.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(t).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new RuleViolation("dues.number.format", "“" + t + "”不是整数");
    }
  }

  /** A dynamic list or table as a list of rows; Spin JSON, a JSON string or Java lists all work. */
  static List<Map<String, Object>> rows(Object value) {
    if (value == null || text(value).isEmpty()) {
      return List.of();
    }
    try {
      String json = value instanceof String s ? s
          : value instanceof List<?> || value instanceof Map<?, ?> ? JSON.writeValueAsString(value)
          : value.toString();
      return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {});
    } catch (java.io.IOException e) {
      throw new RuleViolation("dues.list.format", "表格内容无法读取：" + e.getMessage());
    }
  }

  /** Rows for a form table (Spin JSON), so Tasklist shows them without a custom page. */
  static Object json(Object rows) {
    try {
      return org.camunda.spin.Spin.JSON(JSON.writeValueAsString(rows));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
