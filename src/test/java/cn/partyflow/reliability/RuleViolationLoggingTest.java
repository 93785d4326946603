package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A rule a user breaks is logged as one INFO line naming the rule: no ERROR, no stack trace. */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class RuleViolationLoggingTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void aBrokenRuleOverHttpIsLoggedAtInfoWithoutAStackTrace(CapturedOutput output) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("branchErrand").count() == 0) {
      repository.createDeployment().addClasspathResource("test-processes/branch-errand.bpmn").deploy();
    }
    String pi = runtime.startProcessInstanceByKey("branchErrand",
        Map.of("orgId", "rmyy-wk", "role", "organizer", "subject", "超长说明")).getId();
    String taskId = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"variables\":{\"note\":{\"value\":\"" + "长".repeat(5000) + "\",\"type\":\"String\"}}}";
    int mark = output.getAll().length();

    ResponseEntity<String> refused = http.withBasicAuth("wk_zuzhi", "demo").exchange(
        "/engine-rest/task/" + taskId + "/complete", HttpMethod.POST, new HttpEntity<>(body, json), String.class);

    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    String logged = output.getAll().substring(mark);
    assertThat(logged).contains("INFO").contains("规则拒绝");
    assertThat(logged).doesNotContain("ERROR", "ENGINE-16004", "RuleViolation", "\tat ");
  }
}
