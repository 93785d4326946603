package cn.partyflow.dues;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** What the process glue shares: variables read as numbers or text, and tables turned into text for Tasklist forms. */
final class StepSupport {

  private StepSupport() {}

  static String text(VariableScope scope, String name) {
    return FormValues.text(scope.getVariable(name));
  }

  static int integer(VariableScope scope, String name) {
    Integer n = FormValues.integer(scope.getVariable(name));
    return n == null ? 0 : n;
  }

  /** Money and dates as plain text, so the form shows 97.50 and not 97.5. */
  static Object table(List<Map<String, Object>> rows) {
    return FormValues.json(rows.stream().map(r -> {
      Map<String, Object> shown = new LinkedHashMap<>();
      r.forEach((k, v) -> shown.put(k, v instanceof BigDecimal b ? b.toPlainString() : v == null ? "" : v.toString()));
      return shown;
    }).toList());
  }
}
