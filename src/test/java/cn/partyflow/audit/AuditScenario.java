package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Plays a whole case of the test procedure auditReview through /engine-rest, as the officers would in Tasklist: the
 * organizer prepares late, the secretary comments and returns it with a reason, the organizer prepares again with a
 * changed value and the form of the materials cleared, the secretary accepts, the publicity timer fires, the administrator reassigns the vote, moves its
 * deadline and edits a variable twice, and the organizer records the vote.
 */
final class AuditScenario {

  static final String APPLICANT = "王审计测试";
  static final String RETURN_REASON = "缺少近三个月的思想汇报";
  static final String COMMENT = "思想汇报只交了一份";

  final String businessKey = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
  String processInstanceId;

  private final TestRestTemplate http;
  private final TaskService tasks;
  private final ManagementService management;
  private final ObjectMapper json = new ObjectMapper();
  private Instant now = Instant.now();

  AuditScenario(TestRestTemplate http, TaskService tasks, ManagementService management) {
    this.http = http;
    this.tasks = tasks;
    this.management = management;
  }

  static void deploy(RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("auditReview").count() == 0) {
      repository.createDeployment().name("audit-test").addClasspathResource("test-processes/audit-review.bpmn")
          .addClasspathResource("test-processes/audit-review.form").deploy();
    }
  }

  AuditScenario playFinishedCase() {
    try {
      clock(Duration.ZERO);
      ResponseEntity<Map> started = post("nk_zuzhi", "/engine-rest/process-definition/key/auditReview/start",
          Map.of("businessKey", businessKey, "variables", vars("orgId", "rmyy-nk", "applicantName", APPLICANT,
              "prepareDue", "PT1H")));
      assertThat(started.getStatusCode().is2xxSuccessful()).as("start: %s", started.getBody()).isTrue();
      processInstanceId = (String) started.getBody().get("id");

      clock(Duration.ofHours(2));
      submit("nk_zuzhi", "Task_Prepare", vars("materials", "入党申请书", "materialsForm", "paper"));

      clock(Duration.ofHours(3));
      Task review = task("Task_Review");
      assertThat(post("nk_shuji", "/engine-rest/task/" + review.getId() + "/comment/create",
          Map.of("message", COMMENT)).getStatusCode().is2xxSuccessful()).isTrue();
      submit("nk_shuji", "Task_Review", vars("approved", false, "returnReason", RETURN_REASON));

      clock(Duration.ofDays(1));
      submit("nk_zuzhi", "Task_Prepare", vars("materials", "入党申请书、思想汇报", "materialsForm", null));

      clock(Duration.ofDays(1).plusHours(1));
      submit("nk_shuji", "Task_Review", vars("approved", true));

      clock(Duration.ofDays(7));
      Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
      management.executeJob(timer.getId());

      clock(Duration.ofDays(7).plusHours(1));
      Task vote = task("Task_Vote");
      assertThat(post("admin", "/engine-rest/task/" + vote.getId() + "/assignee", Map.of("userId", "nk_zuzhi"))
          .getStatusCode().is2xxSuccessful()).isTrue();
      moveDue("admin", vote.getId(), "2030-01-15T17:00:00.000+0800");
      assertThat(post("admin", "/engine-rest/process-instance/" + processInstanceId + "/variables",
          Map.of("modifications", vars("meetingPlace", "内科会议室"))).getStatusCode().is2xxSuccessful()).isTrue();
      assertThat(post("admin", "/engine-rest/process-instance/" + processInstanceId + "/variables",
          Map.of("modifications", vars("meetingPlace", "医院第二会议室"))).getStatusCode().is2xxSuccessful()).isTrue();

      clock(Duration.ofDays(8));
      submit("nk_zuzhi", "Task_Vote", vars("votersEntitled", 9, "votersPresent", 8, "votesFor", 7,
          "votesAgainst", 1, "votesAbstain", 0, "handsRaisedTwice", 8, "voteOpinion", "同意接收为预备党员"));
      return this;
    } finally {
      ClockUtil.reset();
    }
  }

  /** A case started and then cancelled by the administrator. */
  String cancelledCase() {
    ResponseEntity<Map> started = post("nk_zuzhi", "/engine-rest/process-definition/key/auditReview/start",
        Map.of("businessKey", businessKey + "-X", "variables", vars("orgId", "rmyy-nk", "applicantName", APPLICANT,
            "prepareDue", "P3D")));
    String id = (String) started.getBody().get("id");
    ResponseEntity<String> deleted = http.withBasicAuth("admin", "demo").exchange(
        "/engine-rest/process-instance/" + id + "?skipCustomListeners=false", HttpMethod.DELETE, null, String.class);
    assertThat(deleted.getStatusCode().is2xxSuccessful()).as("delete: %s", deleted.getBody()).isTrue();
    return id;
  }

  private void clock(Duration sinceStart) {
    ClockUtil.setCurrentTime(Date.from(now.plus(sinceStart)));
  }

  private Task task(String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  private void submit(String user, String taskKey, Map<String, Object> variables) {
    Task t = task(taskKey);
    assertThat(t).as("task %s", taskKey).isNotNull();
    ResponseEntity<Map> r = post(user, "/engine-rest/task/" + t.getId() + "/submit-form",
        Map.of("variables", variables));
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s submits %s: %s", user, taskKey, r.getBody()).isTrue();
  }

  @SuppressWarnings("unchecked")
  private void moveDue(String user, String taskId, String due) {
    Map<String, Object> task = http.withBasicAuth(user, "demo").getForObject("/engine-rest/task/" + taskId,
        Map.class);
    Map<String, Object> update = new LinkedHashMap<>(task);
    update.put("due", due);
    ResponseEntity<String> r = http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId,
        HttpMethod.PUT, entity(update), String.class);
    assertThat(r.getStatusCode().is2xxSuccessful()).as("move due: %s", r.getBody()).isTrue();
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String user, String path, Object body) {
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, entity(body), Map.class);
  }

  private HttpEntity<String> entity(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return new HttpEntity<>(json.writeValueAsString(body), headers);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("value", pairs[i + 1]);
      out.put((String) pairs[i], value);
    }
    return out;
  }

  static List<String> titles(String html) {
    return java.util.regex.Pattern.compile("class=\"step-title\">([^<]*)<").matcher(html).results()
        .map(m -> m.group(1)).toList();
  }
}
