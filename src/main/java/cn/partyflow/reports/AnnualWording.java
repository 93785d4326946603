package cn.partyflow.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The sentences of the annual report, written from templates an administrator can edit: the defaults ship in
 * {@code reports/annual-wording.properties} on the classpath, and the same file in {@code
 * partyflow.reports.wording-dir} overrides any of them. Read at every report, so an edit needs no restart.
 */
@Component
class AnnualWording {

  static final String FILE = "annual-wording.properties";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

  /** One sentence, under the report section its key names (members, development, rectification, dues). */
  record Sentence(String key, String section, String text) {}

  private final String directory;

  AnnualWording(@Value("${partyflow.reports.wording-dir:}") String directory) {
    this.directory = directory;
  }

  Properties templates() {
    Properties p = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("reports/" + FILE)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      if (directory != null && !directory.isBlank()) {
        Path own = Path.of(directory.trim(), FILE);
        if (Files.isReadable(own)) {
          try (Reader r = Files.newBufferedReader(own, StandardCharsets.UTF_8)) {
            p.load(r);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("年度报告文字模板无法读取：" + e.getMessage(), e);
    }
    return p;
  }

  String title(Map<String, Object> numbers) {
    return fill(templates().getProperty("title", "{year}年度党建工作数据报告"), numbers);
  }

  String subtitle(Map<String, Object> numbers) {
    return fill(templates().getProperty("subtitle", "{orgName}"), numbers);
  }

  /** The sentences in the template's order, numbers filled in; one whose listed numbers are all zero is left out. */
  List<Sentence> sentences(Map<String, Object> numbers) {
    Properties p = templates();
    List<Sentence> out = new ArrayList<>();
    for (String key : p.getProperty("order", "").split(",")) {
      String k = key.trim();
      String template = p.getProperty(k);
      if (k.isEmpty() || template == null || allZero(p.getProperty(k + ".when"), numbers)) {
        continue;
      }
      out.add(new Sentence(k, k.contains(".") ? k.substring(0, k.indexOf('.')) : k, fill(template, numbers)));
    }
    return out;
  }

  private static boolean allZero(String names, Map<String, Object> numbers) {
    if (names == null || names.isBlank()) {
      return false;
    }
    return Arrays.stream(names.split(",")).map(String::trim)
        .allMatch(n -> numbers.containsKey(n) && isZero(numbers.get(n)));
  }

  private static boolean isZero(Object value) {
    try {
      return new java.math.BigDecimal(String.valueOf(value)).signum() == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Every {name} the numbers know is replaced; an unknown one stays as written, so a typo shows in the report. */
  static String fill(String template, Map<String, Object> numbers) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = numbers.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
