package cn.partyflow.rectification;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The rectification steps' names for {@link FormInput}, which reads every form alike; what is the procedure's own is
 * {@link #doneOn}, the day something was done.
 */
final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  /** A dynamic list or table value as rows of column to value; Spin Json, a JSON string or Java collections. */
  static List<Map<String, Object>> rows(Object value, String label) {
    return FormInput.rows(value, label);
  }

  static Object listVariable(VariableScope scope, String name) {
    return FormInput.listVariable(scope, name);
  }

  static String text(Object value) {
    return FormInput.text(value);
  }

  /** A date the case already holds (the form checked it when it was entered). */
  static LocalDate date(Object value) {
    return FormInput.date(value, "日期");
  }

  /** A date the officer entered: empty is null, anything but a real "yyyy-MM-dd" date is refused. */
  static LocalDate enteredDate(Object value, String label) {
    return FormInput.date(value, label);
  }

  /** The day something was done: required, a real date, not after today and not before {@code since}. */
  static LocalDate doneOn(Object value, String label, LocalDate since, String sinceLabel) {
    LocalDate d = FormInput.requiredDate(value, label);
    if (d.isAfter(ChinaClock.today())) {
      throw new RuleViolation("rectification.date.future", label + "（" + d + "）不能晚于今天：请填写实际日期");
    }
    if (since != null && d.isBefore(since)) {
      throw new RuleViolation("rectification.date.order",
          label + "（" + d + "）不能早于" + sinceLabel + "（" + since + "）");
    }
    return d;
  }

  /** A choice of a select field: one of its options, so a hand-made submission cannot invent one. */
  static String option(Object value, String label, List<String> options) {
    return FormInput.requiredOption(value, label, options);
  }

  /** A yes/no choice; the form's own check has named the field before the procedure reads it. */
  static Boolean bool(Object value) {
    return FormInput.yesNo(value, "该项");
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
