package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TasklistSession;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Claiming a task somebody else holds answers 409 in Chinese, on /engine-rest and in Tasklist, and changes nothing. */
@PostgresTest
class ClaimConflictTest {

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
  void aTaskForTheMembersOfTheMedicineBranch() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("branchErrand").count() == 0) {
      repository.createDeployment().addClasspathResource("test-processes/branch-errand.bpmn").deploy();
    }
    processInstanceId = runtime.startProcessInstanceByKey("branchErrand",
        Map.of("orgId", "rmyy-nk", "role", "member", "subject", "认领冲突")).getId();
    taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  @Test
  void claimingATaskAColleagueHoldsNamesTheColleague() {
    assertThat(claim("nk_zuzhi").getStatusCode().value()).isEqualTo(204);

    ResponseEntity<String> second = claim("nk_zhuren");

    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getBody()).contains("刘洋", "已由").doesNotContain("nk_zuzhi", "Exception");
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("nk_zuzhi");
  }

  @Test
  void whenTheHolderIsNotSomeoneTheCallerMaySeeTheAnswerNamesNobody() {
    tasks.setAssignee(taskId, "rmyy_zzb");

    ResponseEntity<String> claim = claim("nk_zhuren");

    assertThat(claim.getStatusCode().value()).isEqualTo(409);
    assertThat(claim.getBody()).contains("已被他人认领").doesNotContain("赵志强", "rmyy_zzb");
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("rmyy_zzb");
  }

  @Test
  void inTasklistTheSameClaimAlsoAnswers409() {
    tasks.setAssignee(taskId, "nk_zuzhi");
    TasklistSession tasklist = TasklistSession.login(http, "nk_zhuren");

    ResponseEntity<String> claim = http.exchange("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
        HttpMethod.POST, new HttpEntity<>("{\"userId\":\"nk_zhuren\"}", tasklist.headers(MediaType.APPLICATION_JSON)),
        String.class);

    assertThat(claim.getStatusCode().value()).isEqualTo(409);
    assertThat(claim.getBody()).contains("刘洋");
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("nk_zuzhi");
  }

  @Test
  void inTasklistCompletingATaskSomebodyElseFinishedAnswers409() {
    tasks.complete(taskId);
    TasklistSession tasklist = TasklistSession.login(http, "nk_zhuren");

    ResponseEntity<String> late = http.exchange("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        HttpMethod.POST, new HttpEntity<>("{\"variables\":{}}", tasklist.headers(MediaType.APPLICATION_JSON)),
        String.class);

    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody()).contains("已被他人办理");
  }

  private ResponseEntity<String> claim(String user) {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST,
        new HttpEntity<>("{\"userId\":\"" + user + "\"}", json), String.class);
  }
}
