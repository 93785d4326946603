package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TasklistSession;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine's own work outside any case (the history-cleanup job, job definitions, metrics, schema log, telemetry)
 * is the administrator's: an officer can neither change nor read it, on /engine-rest or through Tasklist's mount.
 */
@PostgresTest
class EngineOperationsTest {

  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  Job cleanup;

  @BeforeEach
  void theHistoryCleanupJobIsScheduled() {
    if (history.findHistoryCleanupJobs().isEmpty()) {
      history.cleanUpHistoryAsync();
    }
    cleanup = history.findHistoryCleanupJobs().get(0);
    assertThat(cleanup.getProcessInstanceId()).isNull();
  }

  @Test
  void anOfficerCannotDeleteRetrySuspendRedateOrExecuteTheHistoryCleanupJob() {
    TestRestTemplate officer = http.withBasicAuth("wk_zuzhi", "demo");
    String job = "/engine-rest/job/" + cleanup.getId();
    List<ResponseEntity<String>> answers = List.of(
        officer.exchange(job, HttpMethod.DELETE, HttpEntity.EMPTY, String.class),
        officer.exchange("/engine-rest/engine/default/job/" + cleanup.getId(), HttpMethod.DELETE, HttpEntity.EMPTY,
            String.class),
        officer.exchange(job + "/retries", HttpMethod.PUT, json("{\"retries\":0}"), String.class),
        officer.exchange(job + "/suspended", HttpMethod.PUT, json("{\"suspended\":true}"), String.class),
        officer.exchange(job + "/duedate", HttpMethod.PUT, json("{\"duedate\":\"2099-01-01T00:00:00.000+0800\"}"),
            String.class),
        officer.exchange(job + "/priority", HttpMethod.PUT, json("{\"priority\":99}"), String.class),
        officer.exchange(job + "/execute", HttpMethod.POST, json("{}"), String.class),
        officer.exchange("/engine-rest/job/suspended", HttpMethod.PUT,
            json("{\"jobDefinitionId\":\"any\",\"suspended\":true}"), String.class),
        officer.exchange("/engine-rest/job?withoutTenantId=true", HttpMethod.GET, HttpEntity.EMPTY, String.class));

    assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isIn(403, 404));
    assertUnchanged();
  }

  @Test
  void throughTasklistsMountAnOfficerCannotDeleteTheJobEither() {
    TasklistSession tasklist = TasklistSession.login(http, "wk_zuzhi");
    String job = "/camunda/api/engine/engine/default/job/" + cleanup.getId();
    List<ResponseEntity<String>> answers = List.of(
        http.exchange(job, HttpMethod.DELETE, new HttpEntity<>(tasklist.headers(null)), String.class),
        http.exchange(job + "/suspended", HttpMethod.PUT,
            new HttpEntity<>("{\"suspended\":true}", tasklist.headers(MediaType.APPLICATION_JSON)), String.class),
        http.exchange("/camunda/api/engine/engine/default/metrics/activity-instance-start/sum", HttpMethod.GET,
            new HttpEntity<>(tasklist.headers(null)), String.class));

    assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(403));
    assertUnchanged();
  }

  @Test
  void jobDefinitionsMetricsSchemaLogAndTelemetryAreForTheAdministratorOnly() {
    List<String> reads = List.of("/engine-rest/job-definition", "/engine-rest/metrics/activity-instance-start/sum",
        "/engine-rest/schema/log", "/engine-rest/telemetry/data", "/engine-rest/history/cleanup/jobs",
        "/engine-rest/history/job-log");
    for (String read : reads) {
      assertThat(http.withBasicAuth("wk_zuzhi", "demo").getForEntity(read, String.class).getStatusCode().value())
          .as(read).isEqualTo(403);
      assertThat(http.withBasicAuth("rmyy_shuji", "demo").getForEntity(read, String.class).getStatusCode().value())
          .as(read).isEqualTo(403);
      assertThat(http.withBasicAuth("admin", "demo").getForEntity(read, String.class).getStatusCode().value())
          .as(read).isEqualTo(200);
    }
    List<JobDefinition> definitions = management.createJobDefinitionQuery().list();
    if (!definitions.isEmpty()) {
      JobDefinition first = definitions.get(0);
      assertThat(http.withBasicAuth("wk_zuzhi", "demo").exchange(
          "/engine-rest/job-definition/" + first.getId() + "/suspended", HttpMethod.PUT,
          json("{\"suspended\":true,\"includeJobs\":true}"), String.class).getStatusCode().value()).isEqualTo(403);
      assertThat(management.createJobDefinitionQuery().jobDefinitionId(first.getId()).singleResult().isSuspended())
          .isEqualTo(first.isSuspended());
    }
  }

  @Test
  void theAdministratorStillManagesTheJob() {
    TestRestTemplate admin = http.withBasicAuth("admin", "demo");
    Date due = cleanup.getDuedate();
    ResponseEntity<String> redated = admin.exchange("/engine-rest/job/" + cleanup.getId() + "/priority",
        HttpMethod.PUT, json("{\"priority\":" + cleanup.getPriority() + "}"), String.class);
    assertThat(redated.getStatusCode().value()).isEqualTo(204);
    assertThat(admin.getForEntity("/engine-rest/job/" + cleanup.getId(), String.class).getStatusCode().value())
        .isEqualTo(200);
    assertThat(management.createJobQuery().jobId(cleanup.getId()).singleResult().getDuedate()).isEqualTo(due);
  }

  private void assertUnchanged() {
    Job now = management.createJobQuery().jobId(cleanup.getId()).singleResult();
    assertThat(now).as("the job still exists").isNotNull();
    assertThat(now.getRetries()).isEqualTo(cleanup.getRetries());
    assertThat(now.isSuspended()).isFalse();
    assertThat(now.getDuedate()).isEqualTo(cleanup.getDuedate());
    assertThat(now.getPriority()).isEqualTo(cleanup.getPriority());
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
