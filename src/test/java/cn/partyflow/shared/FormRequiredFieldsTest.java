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
 * What the procedures' rules refuse to do without is marked required in the form (form-js shows the asterisk and
 * 此项为必填项 before the submission). A field the rules need only in one case is shown only in that case: form-js
 * 1.8.7 validates only the fields it shows, so such a field is required while visible. Fields the rules need only
 * depending on the data (e.g. 超期原因 when the talk was late) say so in their description instead, and so do the
 * checkboxes that must be ticked (介绍人已同意): marked required, the server would answer its generic 请选择… before
 * the procedure's rule that names the reason.
 */
class FormRequiredFieldsTest {

  /** Form id → keys the server requires whenever the field is shown. */
  static final Map<String, List<String>> REQUIRED_WHEN_SHOWN = Map.ofEntries(
      Map.entry("md-start-case", List.of("applicantId", "startStage", "applicationDate", "activistDate",
          "developmentTargetDate", "sponsorIds", "politicalReviewPassed", "admissionMeetingDate", "approvalDate")),
      Map.entry("md-nominate-activist", List.of("activistSelected", "activistDate")),
      Map.entry("md-file-activist", List.of("activistFilingDecision", "activistFilingDate", "returnOpinion")),
      Map.entry("md-appoint-contacts", List.of("contactIds")),
      Map.entry("md-decide-target", List.of("targetListed", "developmentTargetDate")),
      Map.entry("md-file-target", List.of("targetFilingDecision", "targetFilingDate", "returnOpinion")),
      Map.entry("md-fix-sponsors", List.of("sponsorIds")),
      Map.entry("md-committee-screening", List.of("screeningDecision", "returnOpinion", "leavingUnitSoon")),
      Map.entry("md-authorize-frontline", List.of("frontlineAuthorizationDecision", "frontlineAuthorizationDate",
          "frontlineAuthorizationDocument", "returnOpinion")),
      Map.entry("md-conversion-publicity", List.of("conversionPublicityStart", "conversionPublicityPlace",
          "conversionPublicityResult")),
      Map.entry("md-watch-publicity", List.of("objectionDate", "objectionSummary")),
      Map.entry("md-fill-volunteer-form", List.of("volunteerFormDate")),
      Map.entry("md-conversion-meeting", List.of("conversionOutcome", "extensionMonths", "conversionReason")),
      Map.entry("md-archive", List.of("archiveChecklist", "archiveDate", "archiveLocation")),
      Map.entry("dues-confirm-receipt", List.of("receivedAmount", "receivedDate")),
      Map.entry("rc-approve-plan", List.of("planApproved", "planReturnReason", "planMeetingDate",
          "planMeetingEntitled", "planMeetingPresent", "planMeetingAttendees")),
      Map.entry("rc-review-plan", List.of("planAccepted", "planReviewOpinion")),
      Map.entry("rc-life-meeting", List.of("lifeMeetingDate")),
      Map.entry("rc-draft-report", List.of("reportText", "leaderReportText")),
      Map.entry("rc-approve-report", List.of("reportApproved", "reportReturnReason")),
      Map.entry("rc-draft-plan", List.of("problemNo", "measures", "category", "leaderUser", "department",
          "responsibleUser")),
      Map.entry("rc-review-progress", List.of("leaderApproved")),
      Map.entry("rc-verify-item", List.of("verified")),
      Map.entry("rc-disclosure", List.of("reportSubmittedDate", "disclosedContent", "disclosureChannel",
          "disclosureDate", "withheldReason", "withheldConsentBy", "withheldConsentDate")));

  @Test
  void everyFieldTheRulesNeedIsRequiredWhereItIsShown() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode root = new ObjectMapper().readTree(form.toFile());
        for (String key : REQUIRED_WHEN_SHOWN.getOrDefault(root.path("id").asText(), List.of())) {
          JsonNode field = find(root.path("components"), key);
          if (field == null || !field.path("validate").path("required").asBoolean(false)) {
            missing.add(root.path("id").asText() + "/" + key);
          }
        }
      }
    }
    assertThat(missing).as("fields the server requires but the form does not mark required").isEmpty();
  }

  /**
   * A field that tells the officer it may be left empty (出生日期 on the start of a case entered mid-way: the registry
   * has it) is not marked required, else form-js answers 此项为必填项 to an officer doing what the form said.
   */
  @Test
  void noFieldThatMayBeLeftEmptyIsMarkedRequired() throws IOException {
    List<String> contradicting = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("forms"))) {
      for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode root = new ObjectMapper().readTree(form.toFile());
        collectMayBeEmptyButRequired(root.path("components"), root.path("id").asText(), contradicting);
      }
    }
    assertThat(contradicting).as("fields saying 可不填 yet marked required").isEmpty();
  }

  private static void collectMayBeEmptyButRequired(JsonNode components, String formId, List<String> out) {
    for (JsonNode c : components) {
      if (c.path("description").asText().contains("可不填") && c.path("validate").path("required").asBoolean(false)) {
        out.add(formId + "/" + c.path("key").asText());
      }
      collectMayBeEmptyButRequired(c.path("components"), formId, out);
    }
  }

  private static JsonNode find(JsonNode components, String key) {
    for (JsonNode c : components) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
      JsonNode inner = find(c.path("components"), key);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }
}
