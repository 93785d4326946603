package cn.partyflow.dues;

import cn.partyflow.shared.FormInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dues steps' names for {@link FormInput}, which reads every form alike; what is the dues' own is money: an
 * amount in yuan with at most two decimals.
 */
final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  static BigDecimal money(Object value, String what) {
    BigDecimal n = FormInput.number(value, what);
    return n == null ? null : Money.yuan(n, what);
  }

  static BigDecimal requiredMoney(Object value, String what) {
    BigDecimal m = Money.yuan(FormInput.requiredNumber(value, what), what);
    if (m.signum() < 0) {
      throw DuesRules.negativeAmount(what, m);
    }
    return m;
  }

  static LocalDate date(Object value, String what) {
    return FormInput.date(value, what);
  }

  static LocalDate requiredDate(Object value, String what) {
    return FormInput.requiredDate(value, what);
  }

  static String text(Object value) {
    return FormInput.text(value);
  }

  /** A checkbox or yes/no radio: left empty is no; anything but yes or no is refused, not read as no. */
  static boolean flag(Object value, String label) {
    return Boolean.TRUE.equals(FormInput.yesNo(value, label));
  }

  static Integer integer(Object value) {
    return FormInput.integer(value, "数量");
  }

  /** A dynamic list or table as a list of rows; Spin JSON, a JSON string or Java lists all work. */
  static List<Map<String, Object>> rows(Object value) {
    return FormInput.rows(value, "表格");
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
