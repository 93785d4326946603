package cn.partyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every user task of every procedure under processes/ reads well in Tasklist (see {@link ReadableTaskRules}). The
 * procedures are found on disk, so a procedure added later is checked without touching this test.
 */
class ReadableTasksTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");

  @TestFactory
  Stream<DynamicTest> everyUserTaskOfEveryProcedureIsReadable() throws IOException {
    Set<String> formIds = formIds(FORMS);
    List<Path> bpmn = files(PROCESSES, ".bpmn");
    if (bpmn.isEmpty()) {
      return Stream.of(DynamicTest.dynamicTest("no procedure under processes/ yet", () -> { }));
    }
    return bpmn.stream().map(file -> DynamicTest.dynamicTest(PROCESSES.relativize(file).toString(), () -> {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      assertThat(ReadableTaskRules.problems(model, formIds)).as(file.toString()).isEmpty();
    }));
  }

  @Test
  void aReadableTaskPasses() {
    assertThat(ReadableTaskRules.problems(model("test-processes/officer-errand.bpmn"),
        Set.of("test-errand-report", "test-errand-review"))).isEmpty();
  }

  @Test
  void aTaskWithoutDocumentationOrFormIsReported() {
    assertThat(ReadableTaskRules.problems(model("test-processes/branch-errand.bpmn"), Set.of()))
        .anyMatch(p -> p.startsWith("Task_Errand") && p.contains("documentation"))
        .anyMatch(p -> p.startsWith("Task_Errand") && p.contains("formRef"))
        .noneMatch(p -> p.contains("candidateGroups"))
        .noneMatch(p -> p.contains("subject as an expression"));
  }

  @Test
  void aTechnicalNameFixedGroupAndUnknownFormAreReported() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("bad").camundaHistoryTimeToLive(1).startEvent()
        .userTask("Activity_1w131lg").name("Review").camundaCandidateGroups("rmyy-nk.organizer")
        .camundaFormRef("no-such-form").camundaFormRefBinding("latest")
        .endEvent().done();
    assertThat(ReadableTaskRules.problems(model, Set.of("test-errand-report")))
        .anyMatch(p -> p.contains("name must be Chinese"))
        .anyMatch(p -> p.contains("subject as an expression"))
        .anyMatch(p -> p.contains("generated id"))
        .anyMatch(p -> p.contains("candidateGroups must come from ${routing"))
        .anyMatch(p -> p.contains("formRefBinding"))
        .anyMatch(p -> p.contains("matches no form id"))
        .anyMatch(p -> p.contains("documentation"));
  }

  @Test
  void aDeadlineInTheDocumentationNeedsADueDate() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("talk").camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_TalkWithApplicant").name("与${applicantName}谈话")
        .camundaCandidateGroups("${routing.group(orgId, 'organizer')}")
        .camundaFormRef("test-errand-report").camundaFormRefBinding("deployment")
        .endEvent().done();
    model.getModelElementById("Task_TalkWithApplicant").addChildElement(documentation(model,
        "收到入党申请书后一个月内派人谈话（细则第八条）。"));
    assertThat(ReadableTaskRules.problems(model, Set.of("test-errand-report")))
        .singleElement().asString().contains("camunda:dueDate");

    ((UserTask) model.getModelElementById("Task_TalkWithApplicant")).setCamundaDueDate("${workdays.plus(20)}");
    assertThat(ReadableTaskRules.problems(model, Set.of("test-errand-report"))).isEmpty();
  }

  @Test
  void formIdsAreFoundInTheFormFiles() throws IOException {
    assertThat(formIds(Path.of("src/test/resources/test-forms")))
        .contains("test-errand-report", "test-errand-review");
  }

  private static Documentation documentation(BpmnModelInstance model, String text) {
    Documentation doc = model.newInstance(Documentation.class);
    doc.setTextContent(text);
    return doc;
  }

  private static BpmnModelInstance model(String resource) {
    try (InputStream in = ReadableTasksTest.class.getClassLoader().getResourceAsStream(resource)) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> formIds(Path dir) throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path form : files(dir, ".form")) {
      JsonNode id = json.readTree(form.toFile()).get("id");
      if (id != null) {
        ids.add(id.asText());
      }
    }
    return ids;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
