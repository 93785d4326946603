package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@PostgresTest
class ConcurrentCompletionTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @Test
  void twoOfficersCompleteTheSameTaskAtOnceAndExactlyOneSucceeds() throws Exception {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("branchErrand").count() == 0) {
      repository.createDeployment().addClasspathResource("test-processes/branch-errand.bpmn").deploy();
    }
    for (int round = 0; round < 5; round++) {
      String pi = runtime.startProcessInstanceByKey("branchErrand",
          Map.of("orgId", "rmyy-nk", "role", "member", "subject", "并发办理" + round)).getId();
      String taskId = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();

      List<ResponseEntity<String>> answers = completeAtOnce(taskId, "nk_zuzhi", "nk_zhuren");

      assertThat(answers).filteredOn(r -> r.getStatusCode().is2xxSuccessful()).hasSize(1);
      ResponseEntity<String> loser = answers.stream().filter(r -> !r.getStatusCode().is2xxSuccessful())
          .findFirst().orElseThrow();
      assertThat(loser.getStatusCode().value()).isEqualTo(409);
      assertThat(loser.getBody()).contains("已被他人办理");
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).finished().count()).isEqualTo(1);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count())
          .isEqualTo(1);
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("outcome")
          .count()).isEqualTo(1);
    }
  }

  private List<ResponseEntity<String>> completeAtOnce(String taskId, String... users) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(users.length);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
      for (String user : users) {
        futures.add(pool.submit(() -> {
          HttpHeaders json = new HttpHeaders();
          json.setContentType(MediaType.APPLICATION_JSON);
          String body = "{\"variables\":{\"outcome\":{\"value\":\"" + user + "\"}}}";
          start.await();
          return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/submit-form",
              HttpMethod.POST, new HttpEntity<>(body, json), String.class);
        }));
      }
      start.countDown();
      List<ResponseEntity<String>> answers = new ArrayList<>();
      for (Future<ResponseEntity<String>> f : futures) {
        answers.add(f.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
