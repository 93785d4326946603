package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The browser stops typing where the server would refuse: every free-text field an officer can edit declares a
 * maxLength no larger than what the server accepts for it, so form-js shows the limit before the submission fails.
 */
class FormMaxLengthTest {

  /**
   * Fields whose server limit is not {@link FormText#MAX_LENGTH}, by form id and key: most end in a shorter column or
   * rule; a written report takes what an engine string variable holds.
   */
  static final Map<String, Integer> OWN_LIMITS = Map.ofEntries(
      Map.entry("dr-submit-report/reportText", FormText.ENGINE_MAX_LENGTH),
      Map.entry("dues-collect-dues/personId", 64),
      Map.entry("dues-collect-dues/period", 7),
      Map.entry("dues-collect-dues/consentNote", 500),
      Map.entry("dues-review-amounts/personId", 64),
      Map.entry("dues-review-amounts/category", 20),
      Map.entry("dues-review-amounts/reason", 500),
      Map.entry("dues-resolve-difference/differenceExplanation", 1000),
      Map.entry("dues-talk-with-member/reasonText", 1000),
      Map.entry("dues-branch-meeting-decision/meetingDecision", 1000),
      Map.entry("dues-committee-approval/approvalDecision", 1000),
      Map.entry("rc-register-feedback/roundName", 100),
      Map.entry("rc-register-feedback/groupName", 100),
      Map.entry("rc-draft-plan/leaderUser", 64),
      Map.entry("rc-draft-plan/responsibleUser", 64),
      Map.entry("rc-draft-plan/department", 100),
      Map.entry("rc-draft-plan/coDepartments", 400),
      Map.entry("md-start-case/applicantId", 64));

  @Test
  void everyEditableTextFieldDeclaresTheServersLimit() throws IOException {
    List<Path> forms;
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).hasSizeGreaterThan(40);
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Path form : forms) {
      JsonNode root = new ObjectMapper().readTree(form.toFile());
      for (JsonNode field : textFields(root.path("components"), new ArrayList<>())) {
        checked++;
        String name = root.path("id").asText() + "/" + field.path("key").asText();
        int limit = OWN_LIMITS.getOrDefault(name, FormText.MAX_LENGTH);
        JsonNode declared = field.path("validate").path("maxLength");
        if (!declared.isInt()) {
          wrong.add(name + ": no validate.maxLength (server accepts " + limit + ")");
        } else if (declared.asInt() > limit || declared.asInt() < 1) {
          wrong.add(name + ": maxLength " + declared.asInt() + ", server accepts " + limit);
        }
      }
    }
    assertThat(checked).isGreaterThan(60);
    assertThat(wrong).isEmpty();
  }

  /** Editable textfields and textareas, also inside groups and dynamic lists; read-only display fields are not. */
  private static List<JsonNode> textFields(JsonNode components, List<JsonNode> found) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (("textfield".equals(type) || "textarea".equals(type)) && c.hasNonNull("key")
          && !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false)) {
        found.add(c);
      }
      textFields(c.path("components"), found);
    }
    return found;
  }
}
