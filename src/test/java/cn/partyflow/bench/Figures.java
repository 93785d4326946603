package cn.partyflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's figures: each with its baseline from the same run, printed as a table and kept as JSON. */
final class Figures {

  record Figure(String name, String unit, double value, String baselineName, double baseline, String target) {
    double ratio() {
      return baseline == 0 ? 0 : value / baseline;
    }
  }

  private final List<Figure> figures = new ArrayList<>();

  void add(String name, String unit, double value, String baselineName, double baseline, String target) {
    Figure f = new Figure(name, unit, value, baselineName, baseline, target);
    figures.add(f);
    // A provincial run takes hours: each figure is in the log, with the load it was measured under, when it is made.
    System.out.printf("figure: %s %.1f %s | %s %.1f | ratio %.2f | load %.2f%n", name, value, unit, baselineName,
        baseline, f.ratio(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static double percentile(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-52s %12s %-36s %12s %8s  %s%n", "figure", "value", "baseline", "value", "ratio",
        "target"));
    for (Figure f : figures) {
      out.append(String.format("%-52s %9.1f %-2s %-36s %12.1f %8.2f  %s%n", f.name(), f.value(), f.unit(),
          f.baselineName(), f.baseline(), f.ratio(), f.target()));
    }
    return out.toString();
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Figure f : figures) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", f.name());
      row.put("unit", f.unit());
      row.put("value", f.value());
      row.put("baseline", f.baselineName());
      row.put("baselineValue", f.baseline());
      row.put("ratio", f.ratio());
      row.put("target", f.target());
      rows.add(row);
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), Map.of(
        "machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version"),
        "figures", rows));
  }
}
