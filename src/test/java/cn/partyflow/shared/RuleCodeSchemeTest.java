package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule code in src/main/java follows the one scheme: dotted lowerCamelCase words, the module that makes it
 * first. Read from the sources, without Spring or an engine: the first argument of every constructor of a
 * {@link RuleViolation} (and its subclasses) is evaluated where it is a literal, a constant, a local variable, a
 * choice between literals or a parameter the same file passes literals to. A code the sources cannot tell (passed on
 * from another violation) is held to the scheme at run time by the assertion in {@link RuleViolation}.
 */
class RuleCodeSchemeTest {

  private static final Path MAIN = Path.of("src/main/java");
  private static final String ROOT = "cn/partyflow/";

  /** Codes a module may make besides its own name: the form reader's rules anywhere, task conflicts in shared. */
  private static final Map<String, Set<String>> ALSO = Map.of(
      "shared", Set.of("task"),
      "organizationallife", Set.of("lifeMeeting"));

  /** A code passed on unchanged from the violation being rethrown. */
  private static final Pattern PASSED_ON = Pattern.compile("\\w+\\.rule\\(\\)");

  @Test
  void everyRuleCodeInTheSourcesFollowsTheScheme() {
    Sources sources = Sources.read(MAIN);
    List<Code> codes = sources.codes();
    assertThat(codes).as("rule codes found in %s", MAIN).hasSizeGreaterThan(400);
    assertThat(codes.stream().filter(c -> c.values() == null && !PASSED_ON.matcher(c.expression()).matches())
        .map(Code::toString)).as("codes the sources cannot tell; write them as literals").isEmpty();
    assertThat(codes.stream().flatMap(RuleCodeSchemeTest::problems)).isEmpty();
  }

  @Test
  void anOldCodeOrAnotherModulesNameIsCaught() {
    Sources old = Sources.of(Map.of(
        "cn/partyflow/rectification/Old.java", """
            class Old {
              static final String FEEDBACK = "rectification-feedback-date";
              void check(String rule) { throw new RuleViolation(FEEDBACK, "请填写反馈日期"); }
              void plan() { decide("rectification-plan-review"); }
              private void decide(String rule) { throw new RuleViolation(rule, "请选择审核结论"); }
              void other() { throw new cn.partyflow.shared.RuleViolation("dues.amount", "不对"); }
              void chosen(boolean a) { throw new Refused("rectification." + (a ? "plan" : "plan-meeting"), "不对"); }
            }
            class Refused extends RuleViolation {}
            """));
    assertThat(old.codes().stream().flatMap(RuleCodeSchemeTest::problems)).containsExactlyInAnyOrder(
        "cn/partyflow/rectification/Old.java:3 rectification-feedback-date is not dotted lowerCamelCase",
        "cn/partyflow/rectification/Old.java:5 rectification-plan-review is not dotted lowerCamelCase",
        "cn/partyflow/rectification/Old.java:6 dues.amount does not start with its module rectification",
        "cn/partyflow/rectification/Old.java:7 rectification.plan-meeting is not dotted lowerCamelCase");
  }

  @Test
  void aCodeMadeAtRunTimeOutOfTheSchemeFailsTheTestThatMakesIt() {
    String kebab = String.join("-", "rectification", "feedback", "date");
    assertThatThrownBy(() -> new RuleViolation(kebab, "请填写反馈日期")).isInstanceOf(AssertionError.class)
        .hasMessageContaining(kebab);
    assertThat(new RuleViolation("rectification.feedbackDate", "请填写反馈日期").rule())
        .isEqualTo("rectification.feedbackDate");
  }

  private static Stream<String> problems(Code code) {
    if (code.values() == null) {
      return Stream.empty();
    }
    return code.values().stream().map(v -> {
      if (!RuleViolation.SCHEME.matcher(v).matches()) {
        return code.where() + " " + v + " is not dotted lowerCamelCase";
      }
      String first = v.substring(0, v.indexOf('.'));
      boolean own = first.toLowerCase(Locale.ROOT).equals(code.module()) || first.equals("form")
          || ALSO.getOrDefault(code.module(), Set.of()).contains(first);
      return own ? null : code.where() + " " + v + " does not start with its module " + code.module();
    }).filter(p -> p != null);
  }

  /** A code as the sources make it: its expression and the values it can take (null where they cannot tell). */
  record Code(String file, int line, String module, String expression, Set<String> values) {
    String where() {
      return file + ":" + line;
    }

    @Override
    public String toString() {
      return where() + " " + expression;
    }
  }

  /** The Java sources by their path under the source root, read as text. */
  record Sources(Map<String, String> files) {

    private static final Pattern EXTENDS = Pattern.compile("class\\s+(\\w+)\\s+extends\\s+(?:[\\w.]+\\.)?(\\w+)");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");

    static Sources read(Path root) {
      try (Stream<Path> paths = Files.walk(root)) {
        Map<String, String> files = new TreeMap<>();
        for (Path p : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
          files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
        }
        return new Sources(files);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static Sources of(Map<String, String> files) {
      return new Sources(new TreeMap<>(files));
    }

    /** RuleViolation and every class that extends it, here or through another. */
    Set<String> violationClasses() {
      Map<String, String> parent = new HashMap<>();
      files.values().forEach(s -> {
        Matcher m = EXTENDS.matcher(s);
        while (m.find()) {
          parent.put(m.group(1), m.group(2));
        }
      });
      Set<String> classes = new LinkedHashSet<>(List.of("RuleViolation"));
      boolean grew = true;
      while (grew) {
        grew = parent.entrySet().removeIf(e -> classes.contains(e.getValue()) && classes.add(e.getKey()));
      }
      return classes;
    }

    List<Code> codes() {
      Pattern made = Pattern.compile("new\\s+(?:[\\w.]+\\.)?(?:" + String.join("|", violationClasses()) + ")\\s*\\(");
      List<Code> codes = new ArrayList<>();
      files.forEach((file, text) -> {
        String source = withoutComments(text);
        String module = file.startsWith(ROOT) && file.indexOf('/', ROOT.length()) > 0
            ? file.substring(ROOT.length(), file.indexOf('/', ROOT.length())) : "";
        Matcher m = made.matcher(source);
        while (m.find()) {
          String expression = argument(source, m.end(), 0);
          int line = (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
          codes.add(new Code(file, line, module, expression, values(source, expression, m.start(), 0)));
        }
      });
      return codes;
    }

    /**
     * The values {@code expression} can take: a literal, a concatenation, a choice, a constant or local variable
     * of the file, or a parameter of the method the expression is in, from the literals the file passes to it.
     */
    private static Set<String> values(String source, String expression, int at, int depth) {
      String e = expression.strip();
      if (depth > 12 || e.isEmpty()) {
        return null;
      }
      List<String> terms = split(e, '+');
      if (terms.size() > 1) {
        Set<String> joined = Set.of("");
        for (String term : terms) {
          Set<String> v = values(source, term, at, depth + 1);
          if (v == null) {
            return null;
          }
          Set<String> next = new LinkedHashSet<>();
          joined.forEach(a -> v.forEach(b -> next.add(a + b)));
          joined = next;
        }
        return joined;
      }
      if (e.startsWith("(") && e.endsWith(")") && closing(e, 0) == e.length() - 1) {
        return values(source, e.substring(1, e.length() - 1), at, depth + 1);
      }
      List<String> choice = split(e, '?');
      if (choice.size() == 2) {
        List<String> sides = split(choice.get(1), ':');
        if (sides.size() != 2) {
          return null;
        }
        Set<String> a = values(source, sides.get(0), at, depth + 1);
        Set<String> b = values(source, sides.get(1), at, depth + 1);
        if (a == null || b == null) {
          return null;
        }
        Set<String> both = new LinkedHashSet<>(a);
        both.addAll(b);
        return both;
      }
      Matcher literal = STRING.matcher(e);
      if (literal.matches()) {
        return Set.of(literal.group(1));
      }
      if (!IDENTIFIER.matcher(e).matches()) {
        return null;
      }
      Matcher variable = Pattern.compile("\\bString\\s+" + e + "\\s*=\\s*").matcher(source);
      int value = -1;
      while (variable.find() && (value < 0 || variable.start() < at)) {
        value = variable.end();
      }
      if (value >= 0) {
        return values(source, source.substring(value, source.indexOf(';', value)), at, depth + 1);
      }
      return parameter(source, e, at, depth);
    }

    /** The literals the file passes to parameter {@code name} of the method that holds position {@code at}. */
    private static Set<String> parameter(String source, String name, int at, int depth) {
      Matcher declaration = Pattern.compile("(\\w+)\\s*\\(([^()]*\\bString\\s+" + name + "\\b[^()]*)\\)\\s*\\{")
          .matcher(source);
      String method = null;
      int index = -1;
      while (declaration.find() && declaration.start() < at) {
        method = declaration.group(1);
        List<String> params = split(declaration.group(2), ',');
        for (int i = 0; i < params.size(); i++) {
          if (params.get(i).strip().endsWith(" " + name)) {
            index = i;
          }
        }
      }
      if (method == null || index < 0) {
        return null;
      }
      Set<String> passed = new LinkedHashSet<>();
      Matcher call = Pattern.compile("(?<![\\w.])" + method + "\\s*\\(").matcher(source);
      while (call.find()) {
        String argument = argument(source, call.end(), index);
        if (argument.matches(".*\\bString\\s+" + name + "\\b.*")) {
          continue;
        }
        Set<String> v = values(source, argument, call.start(), depth + 1);
        if (v == null) {
          return null;
        }
        passed.addAll(v);
      }
      return passed.isEmpty() ? null : passed;
    }

    /** The {@code index}th argument of the call whose arguments start at {@code from}. */
    private static String argument(String s, int from, int index) {
      int depth = 0;
      int start = from;
      int n = 0;
      for (int i = from; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
          i = endOfQuote(s, i);
        } else if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth-- == 0 || c == ',' && depth == 0) {
          if (n == index) {
            return s.substring(start, i).replaceAll("\\s+", " ").strip();
          }
          if (c != ',') {
            return "";
          }
          n++;
          start = i + 1;
        }
      }
      return "";
    }

    /** {@code s} split at {@code separator} where it stands outside quotes and brackets. */
    private static List<String> split(String s, char separator) {
      List<String> parts = new ArrayList<>();
      int depth = 0;
      int start = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
          i = endOfQuote(s, i);
        } else if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          depth--;
        } else if (c == separator && depth == 0) {
          parts.add(s.substring(start, i));
          start = i + 1;
        }
      }
      parts.add(s.substring(start));
      return parts;
    }

    private static int closing(String s, int open) {
      int depth = 0;
      for (int i = open; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
          i = endOfQuote(s, i);
        } else if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return i;
        }
      }
      return -1;
    }

    private static int endOfQuote(String s, int open) {
      if (s.startsWith("\"\"\"", open)) {
        int end = s.indexOf("\"\"\"", open + 3);
        return end < 0 ? s.length() : end + 2;
      }
      char quote = s.charAt(open);
      for (int i = open + 1; i < s.length(); i++) {
        if (s.charAt(i) == '\\') {
          i++;
        } else if (s.charAt(i) == quote) {
          return i;
        }
      }
      return s.length();
    }

    /** The text with comments blanked (line breaks kept, so lines still count), strings untouched. */
    private static String withoutComments(String s) {
      StringBuilder out = new StringBuilder(s);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
          i = endOfQuote(s, i);
        } else if (s.startsWith("//", i) || s.startsWith("/*", i)) {
          int end = s.startsWith("//", i) ? s.indexOf('\n', i) : s.indexOf("*/", i) + 2;
          end = end < i ? s.length() : end;
          for (int j = i; j < end; j++) {
            if (s.charAt(j) != '\n') {
              out.setCharAt(j, ' ');
            }
          }
          i = end - 1;
        }
      }
      return out.toString();
    }
  }
}
