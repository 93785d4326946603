package cn.partyflow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Over /engine-rest a broken rule answers 400 with the rule's Chinese message alone: no "Cannot submit task form
 * <id>: " or "Cannot instantiate process definition <id>: " before it, whichever resource refused.
 */
@PostgresTest
class RuleMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();

  @AfterEach
  void removeWhatWasMade() {
    made.remove(context);
  }

  @Test
  void aRefusedTaskFormAnswersWithTheRuleMessageOnly() throws Exception {
    Task task = applicationTask("2010-05-05");
    Map<String, Object> tooYoung = variables("applicationDate", "2027-01-10", "birthDate", "2010-05-05",
        "gender", "女");

    for (String action : new String[] {"submit-form", "complete"}) {
      ResponseEntity<String> answer = post("/engine-rest/task/" + task.getId() + "/" + action, tooYoung);

      assertThat(answer.getStatusCode().value()).as(action + ": " + answer.getBody()).isEqualTo(400);
      JsonNode body = JSON.readTree(answer.getBody());
      assertThat(body.path("message").asText())
          .startsWith("入党申请人须年满十八周岁")
          .contains("出生于2010-05-05，申请日期2027-01-10时未满18周岁")
          .doesNotContain("Cannot", task.getId(), task.getProcessDefinitionId());
      assertThat(body.path("type").asText()).isEqualTo("RuleViolation");
      assertThat(body.path("code").asInt()).isEqualTo(RuleViolation.CODE);
    }
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
  }

  @Test
  void aRefusedStartAnswersWithTheRuleMessageOnly() throws Exception {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("memberDevelopment")
        .latestVersion().singleResult().getId();
    Map<String, Object> unknown = variables("applicantId", "林小雨", "startStage", "APPLICATION");

    for (String path : new String[] {"/engine-rest/process-definition/" + definitionId + "/submit-form",
        "/engine-rest/process-definition/key/memberDevelopment/submit-form",
        "/engine-rest/process-definition/key/memberDevelopment/start"}) {
      ResponseEntity<String> answer = post(path, unknown);

      assertThat(answer.getStatusCode().value()).as(path + ": " + answer.getBody()).isEqualTo(400);
      assertThat(JSON.readTree(answer.getBody()).path("message").asText())
          .isEqualTo("人员名册中没有编号为林小雨的人员，请先录入");
    }
  }

  @Test
  void otherErrorsKeepTheEngineAnswer() throws Exception {
    ResponseEntity<String> answer = post("/engine-rest/process-definition/key/noSuchProcess/submit-form",
        variables("x", "1"));

    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(JSON.readTree(answer.getBody()).path("message").asText()).contains("noSuchProcess");
  }

  private Task applicationTask(String birthDate) {
    String applicant = "RM" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    made.person(applicant);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        applicant, "规则消息申请人", "女", Date.valueOf(birthDate), "NON_MEMBER", "rmyy-nk");
    String pi = runtime.startProcessInstanceByKey("memberDevelopment", Map.of("applicantId", applicant)).getId();
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    tasks.claim(task.getId(), "nk_zuzhi");
    return task;
  }

  private ResponseEntity<String> post(String path, Map<String, Object> variables) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth("nk_zuzhi", "demo").postForEntity(path,
        new HttpEntity<>(Map.of("variables", variables), headers), String.class);
  }

  private static Map<String, Object> variables(String... keysAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      variables.put(keysAndValues[i], Map.of("value", keysAndValues[i + 1]));
    }
    return variables;
  }
}
