package cn.partyflow.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one report counted: for every figure the list behind it (or how to read it again), and the named numbers the
 * annual report's sentences are written from. A count is the size of its own list, so the drill-down of a figure
 * can never disagree with the figure.
 */
final class Figures {

  private final Map<String, Supplier<List<Ref>>> drills = new LinkedHashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, Object> numbers = new LinkedHashMap<>();

  /** A count whose list is at hand. */
  ReportTable.Cell count(String key, String label, List<Ref> refs) {
    drills.put(key, () -> refs);
    labels.put(key, label);
    return new ReportTable.Cell(String.valueOf(refs.size()), key, null);
  }

  /** A count computed by the database whose list is read only when somebody opens it. */
  ReportTable.Cell count(String key, String label, long n, Supplier<List<Ref>> list) {
    drills.put(key, list);
    labels.put(key, label);
    return new ReportTable.Cell(String.valueOf(n), key, null);
  }

  void number(String name, Object value) {
    numbers.put(name, value);
  }

  Map<String, Object> numbers() {
    return numbers;
  }

  boolean has(String key) {
    return drills.containsKey(key);
  }

  String label(String key) {
    return labels.get(key);
  }

  List<Ref> refs(String key) {
    return drills.get(key).get();
  }

  /** A share in percent with one decimal ("87.5%"); nothing to divide by reads as "—". */
  static String rate(long part, long whole) {
    if (whole == 0) {
      return "—";
    }
    return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
  }

  static String percent(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return "—";
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
