package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.PostgresTest;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * Two officers on one task is not a fault: a claim of a task a colleague holds and a completion of a task a
 * colleague has just completed answer 409 and are logged as one INFO line, like a broken rule, without the REST
 * layer's WARN (ENGINE-REST-HTTP500) or the engine's ERROR ("task is null") and their stack traces. A missing task
 * the application itself asks for is still logged as a fault.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class TaskConflictLoggingTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  String processInstanceId;
  String taskId;

  /** A task left open would show in other tests' Tasklist, with the login of whoever holds it. */
  @AfterEach
  void removeCase() {
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      runtime.deleteProcessInstance(processInstanceId, "test finished");
    }
  }

  @BeforeEach
  void aTaskForTheBranchCommittee() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("branchErrand").count() == 0) {
      repository.createDeployment().addClasspathResource("test-processes/branch-errand.bpmn").deploy();
    }
    processInstanceId = runtime.startProcessInstanceByKey("branchErrand",
        Map.of("orgId", "rmyy-nk", "role", "member", "subject", "冲突日志")).getId();
    taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  @Test
  void aClaimConflictIsOneInfoLine(CapturedOutput output) {
    tasks.claim(taskId, "nk_zuzhi");
    int mark = output.getAll().length();

    ResponseEntity<String> claim = post("nk_zhuren", "/claim", "{\"userId\":\"nk_zhuren\"}");

    assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(409);
    assertThat(claim.getBody()).contains("刘洋");
    String logged = output.getAll().substring(mark);
    assertThat(logged).contains("INFO").contains("规则拒绝 task.claimed");
    assertThat(logged).doesNotContain("ENGINE-REST-HTTP500", "WARN", "ERROR", "TaskAlreadyClaimedException", "\tat ");
  }

  @Test
  void completingATaskAColleagueCompletedIsOneInfoLine(CapturedOutput output) {
    tasks.complete(taskId);
    int mark = output.getAll().length();

    ResponseEntity<String> late = post("nk_zhuren", "/complete", "{\"variables\":{}}");

    assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(409);
    assertThat(late.getBody()).contains("已被他人办理");
    String logged = output.getAll().substring(mark);
    assertThat(logged).contains("INFO").contains("规则拒绝 task.gone");
    assertThat(logged).doesNotContain("ENGINE-REST-HTTP500", "WARN", "ERROR", "task is null", "\tat ");
  }

  @Test
  void aMissingTaskTheApplicationAsksForIsStillAFault(CapturedOutput output) {
    tasks.complete(taskId);
    int mark = output.getAll().length();

    assertThatThrownBy(() -> tasks.complete(taskId)).hasMessageContaining("task is null");

    String logged = output.getAll().substring(mark);
    assertThat(logged).contains("ERROR").contains("task is null").doesNotContain("规则拒绝");
  }

  private ResponseEntity<String> post(String user, String action, String body) {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + action, HttpMethod.POST,
        new HttpEntity<>(body, json), String.class);
  }
}
