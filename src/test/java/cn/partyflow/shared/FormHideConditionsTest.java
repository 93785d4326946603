package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A field hidden "when there is nothing to show" stays hidden in form-js 1.8.7: a textfield or textarea holds ""
 * as its empty value, never null, so a hide condition testing such a field's key for null alone never fires and
 * the user sees an empty box (the 上级党委退回的理由 of ol-lm-decide did).
 */
class FormHideConditionsTest {

  private static final Pattern NULL_TEST = Pattern.compile("(\\w+) = null");

  @Test
  void aConditionHidingAnEmptyTextFieldAlsoTestsTheEmptyString() throws IOException {
    List<Path> forms;
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Path form : forms) {
      JsonNode root = new ObjectMapper().readTree(form.toFile());
      Set<String> textKeys = textKeys(root.path("components"), new HashSet<>());
      for (String hide : hideConditions(root.path("components"), new ArrayList<>())) {
        Matcher m = NULL_TEST.matcher(hide);
        while (m.find()) {
          String key = m.group(1);
          if (textKeys.contains(key)) {
            checked++;
            if (!hide.contains(key + " = \"\"")) {
              wrong.add(root.path("id").asText() + ": " + hide);
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(2);
    assertThat(wrong).isEmpty();
  }

  private static Set<String> textKeys(JsonNode components, Set<String> found) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (("textfield".equals(type) || "textarea".equals(type)) && c.hasNonNull("key")) {
        found.add(c.path("key").asText());
      }
      textKeys(c.path("components"), found);
    }
    return found;
  }

  private static List<String> hideConditions(JsonNode components, List<String> found) {
    for (JsonNode c : components) {
      if (c.path("conditional").hasNonNull("hide")) {
        found.add(c.path("conditional").path("hide").asText());
      }
      hideConditions(c.path("components"), found);
    }
    return found;
  }
}
