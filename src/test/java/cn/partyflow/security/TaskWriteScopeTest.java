package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TasklistSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
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

/**
 * What a candidate of a task may do to the task itself. Camunda gives every candidate UPDATE on the task, which
 * would let an officer move its deadline, rename it, delegate it, give it to anybody, add candidates or create and
 * delete tasks. Each of those is tried over HTTP as a demo officer, on /engine-rest and on Tasklist's mount, and is
 * refused with a 4xx and a Chinese message, the task unchanged; claiming, giving back, handing to a fellow candidate,
 * commenting and completing go on.
 *
 * <p>The task is 办理… of the test procedure branchErrand, for the 支部委员 of 县人民医院内科党支部: 刘洋 (nk_zuzhi) and 何军
 * (nk_zhuren). 黄敏 (nk_dangfei) belongs to the branch but is not a 支部委员.
 */
@PostgresTest
class TaskWriteScopeTest {

  static final String REST = "/engine-rest/task/";
  static final String TASKLIST = "/camunda/api/engine/engine/default/task/";

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  String processInstanceId;
  String taskId;
  final List<String> standalone = new ArrayList<>();

  @BeforeEach
  void aTaskForTheBranchCommittee() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("branchErrand").count() == 0) {
      repository.createDeployment().addClasspathResource("test-processes/branch-errand.bpmn").deploy();
    }
    processInstanceId = runtime.startProcessInstanceByKey("branchErrand",
        Map.of("orgId", "rmyy-nk", "role", "member", "subject", "任务写入")).getId();
    taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  @AfterEach
  void removeCases() {
    if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      runtime.deleteProcessInstance(processInstanceId, "test finished");
    }
    for (String id : standalone) {
      if (tasks.createTaskQuery().taskId(id).count() > 0) {
        tasks.deleteTask(id, true);
      }
    }
  }

  @Test
  void aCandidateCannotMoveTheDueDateOfHisTask() {
    Task before = task();
    Map<String, Object> dto = taskJson("nk_zuzhi");
    dto.put("due", "2099-12-31T00:00:00.000+0800");

    ResponseEntity<Map> answer = exchange("nk_zuzhi", HttpMethod.PUT, REST + taskId, dto);

    assertRefused(answer, "截止日期由规则确定");
    assertThat(message(answer)).contains("书记审批");
    assertUnchanged(before);
  }

  @Test
  void inTasklistTheDueAndFollowUpDateControlsAreRefused() {
    Task before = task();
    TasklistSession tasklist = TasklistSession.login(http, "nk_zhuren");
    Map<String, Object> dto = taskJson("nk_zhuren");
    dto.put("due", "2099-12-31T00:00:00.000+0800");
    Map<String, Object> followUp = taskJson("nk_zhuren");
    followUp.put("followUp", "2099-12-01T00:00:00.000+0800");

    ResponseEntity<Map> due = http.exchange(TASKLIST + taskId, HttpMethod.PUT,
        new HttpEntity<>(dto, tasklist.headers(MediaType.APPLICATION_JSON)), Map.class);
    ResponseEntity<Map> follow = http.exchange(TASKLIST + taskId, HttpMethod.PUT,
        new HttpEntity<>(followUp, tasklist.headers(MediaType.APPLICATION_JSON)), Map.class);

    assertRefused(due, "截止日期");
    assertRefused(follow, "跟进日期");
    assertUnchanged(before);
  }

  @Test
  void aCandidateCannotRenameReprioritizeOrGiveTheTaskAnOwner() {
    Task before = task();
    Map<String, Object> dto = taskJson("nk_zuzhi");
    dto.put("name", "别的事");
    dto.put("description", "改过的说明");
    dto.put("priority", 99);
    dto.put("owner", "nk_zuzhi");

    ResponseEntity<Map> saved = exchange("nk_zuzhi", HttpMethod.PUT, REST + taskId, dto);
    ResponseEntity<Map> owner = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/identity-links",
        Map.of("userId", "nk_zuzhi", "type", "owner"));

    assertRefused(saved, "名称");
    assertThat(message(saved)).contains("说明", "优先级", "委托人", "由流程设定");
    assertRefused(owner, "委托人");
    assertUnchanged(before);
  }

  @Test
  void aCandidateCannotDelegateTheTask() {
    Task before = task();

    ResponseEntity<Map> answer = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/delegate",
        Map.of("userId", "nk_zhuren"));

    assertRefused(answer, "不能委派");
    assertUnchanged(before);
  }

  @Test
  void theTaskCannotBeGivenToSomeoneWhoIsNotItsCandidate() {
    Task before = task();

    ResponseEntity<Map> assignee = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/assignee",
        Map.of("userId", "nk_dangfei"));
    ResponseEntity<Map> link = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/identity-links",
        Map.of("userId", "nk_dangfei", "type", "assignee"));
    ResponseEntity<Map> claimForAnother = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/claim",
        Map.of("userId", "nk_zhuren"));
    tasks.claim(taskId, "nk_zuzhi");
    Task claimed = task();
    ResponseEntity<Map> handedOn = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/assignee",
        Map.of("userId", "nk_dangfei"));

    assertRefused(assignee, "办理组的成员");
    assertThat(message(assignee)).contains("县人民医院内科党支部").doesNotContain("nk_dangfei");
    assertRefused(link, "办理组的成员");
    assertRefused(claimForAnother, "只能为自己认领");
    assertRefused(handedOn, "办理组的成员");
    assertThat(before.getAssignee()).isNull();
    assertUnchanged(claimed);
  }

  @Test
  void candidatesCannotBeAddedOrRemoved() {
    Task before = task();
    Set<String> links = links();

    ResponseEntity<Map> added = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/identity-links",
        Map.of("userId", "nk_dangfei", "type", "candidate"));
    tasks.addCandidateUser(taskId, "nk_jijian");
    Set<String> withUser = links();
    ResponseEntity<Map> removed = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/identity-links/delete",
        Map.of("userId", "nk_jijian", "type", "candidate"));

    assertRefused(added, "候选办理人由职务决定");
    assertRefused(removed, "候选办理人由职务决定");
    assertThat(withUser).hasSize(links.size() + 1);
    assertThat(links()).isEqualTo(withUser);
    assertUnchanged(before);
  }

  @Test
  void anOfficerCannotCreateOrDeleteTasks() {
    String id = "tw-" + UUID.randomUUID();
    standalone.add(id);
    Task existing = tasks.newTask("tw-" + UUID.randomUUID());
    existing.setName("独立任务");
    existing.setAssignee("nk_zuzhi");
    tasks.saveTask(existing);
    standalone.add(existing.getId());

    ResponseEntity<Map> created = exchange("nk_zuzhi", HttpMethod.POST, "/engine-rest/task/create",
        Map.of("id", id, "name", "自建任务", "assignee", "nk_zuzhi"));
    ResponseEntity<Map> deleted = exchange("nk_zuzhi", HttpMethod.DELETE, REST + existing.getId(), null);

    assertRefused(created, "不能自行新建或删除任务");
    assertRefused(deleted, "不能自行新建或删除任务");
    assertThat(tasks.createTaskQuery().taskId(id).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().taskId(id).count()).isZero();
    assertThat(tasks.createTaskQuery().taskId(existing.getId()).count()).isEqualTo(1);
  }

  @Test
  void aClaimSomebodyElseHoldsIsNeitherTakenOverNorGivenBackByAColleague() {
    tasks.claim(taskId, "nk_zuzhi");
    Task before = task();

    ResponseEntity<Map> takenOver = exchange("nk_zhuren", HttpMethod.POST, REST + taskId + "/assignee",
        Map.of("userId", "nk_zhuren"));
    ResponseEntity<Map> givenBack = exchange("nk_zhuren", HttpMethod.POST, REST + taskId + "/unclaim", null);
    Map<String, Object> dto = taskJson("nk_zhuren");
    dto.put("assignee", "nk_zhuren");
    ResponseEntity<Map> saved = exchange("nk_zhuren", HttpMethod.PUT, REST + taskId, dto);
    ResponseEntity<Map> resolved = exchange("nk_zhuren", HttpMethod.POST, REST + taskId + "/resolve",
        Map.of("variables", Map.of()));

    assertRefused(takenOver, "只有认领人本人");
    assertRefused(resolved, "不能委派");
    assertRefused(givenBack, "只有认领人本人");
    assertRefused(saved, "只有认领人本人");
    assertUnchanged(before);
  }

  @Test
  void anOfficerClaimsHandsTheTaskToAFellowCandidateWhoGivesItBackClaimsAndCompletesIt() {
    TasklistSession tasklist = TasklistSession.login(http, "nk_zuzhi");

    ResponseEntity<Map> claimed = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/claim",
        Map.of("userId", "nk_zuzhi"));
    ResponseEntity<Map> comment = exchange("nk_zuzhi", HttpMethod.POST, REST + taskId + "/comment/create",
        Map.of("message", "请何军同志办理"));
    ResponseEntity<Map> handed = http.exchange(TASKLIST + taskId + "/assignee", HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "nk_zhuren"), tasklist.headers(MediaType.APPLICATION_JSON)), Map.class);
    String handedTo = task().getAssignee();
    ResponseEntity<Map> givenBack = exchange("nk_zhuren", HttpMethod.POST, REST + taskId + "/unclaim", null);
    String afterGivingBack = task().getAssignee();
    ResponseEntity<Map> reclaimed = exchange("nk_zhuren", HttpMethod.POST, REST + taskId + "/assignee",
        Map.of("userId", "nk_zhuren"));
    Map<String, Object> unchanged = taskJson("nk_zhuren");
    ResponseEntity<Map> savedAsIs = exchange("nk_zhuren", HttpMethod.PUT, REST + taskId, unchanged);
    ResponseEntity<Map> completed = exchange("nk_zhuren", HttpMethod.POST, REST + taskId + "/complete",
        Map.of("variables", Map.of()));

    assertThat(claimed.getStatusCode().value()).as(String.valueOf(claimed.getBody())).isEqualTo(204);
    assertThat(comment.getStatusCode().value()).as(String.valueOf(comment.getBody())).isEqualTo(200);
    assertThat(handed.getStatusCode().value()).as(String.valueOf(handed.getBody())).isEqualTo(204);
    assertThat(handedTo).isEqualTo("nk_zhuren");
    assertThat(givenBack.getStatusCode().value()).as(String.valueOf(givenBack.getBody())).isEqualTo(204);
    assertThat(afterGivingBack).isNull();
    assertThat(reclaimed.getStatusCode().value()).as(String.valueOf(reclaimed.getBody())).isEqualTo(204);
    assertThat(savedAsIs.getStatusCode().value()).as(String.valueOf(savedAsIs.getBody())).isEqualTo(204);
    assertThat(completed.getStatusCode().value()).as(String.valueOf(completed.getBody())).isEqualTo(204);
    assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
        .isEqualTo("nk_zhuren");
    assertThat(tasks.getTaskComments(taskId)).extracting(c -> c.getFullMessage()).contains("请何军同志办理");
  }

  @Test
  void theAdministratorMayStillCorrectATask() {
    Map<String, Object> dto = taskJson("admin");
    dto.put("due", "2099-12-31T00:00:00.000+0800");

    ResponseEntity<Map> saved = exchange("admin", HttpMethod.PUT, REST + taskId, dto);
    ResponseEntity<Map> assigned = exchange("admin", HttpMethod.POST, REST + taskId + "/assignee",
        Map.of("userId", "nk_dangfei"));

    assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(204);
    assertThat(assigned.getStatusCode().value()).as(String.valueOf(assigned.getBody())).isEqualTo(204);
    assertThat(task().getDueDate()).isNotNull();
    assertThat(task().getAssignee()).isEqualTo("nk_dangfei");
  }

  // helpers

  private Task task() {
    return tasks.createTaskQuery().taskId(taskId).singleResult();
  }

  private void assertUnchanged(Task before) {
    Task now = task();
    assertThat(now).as("the task is still open").isNotNull();
    assertThat(now.getName()).isEqualTo(before.getName());
    assertThat(now.getDescription()).isEqualTo(before.getDescription());
    assertThat(now.getPriority()).isEqualTo(before.getPriority());
    assertThat(now.getDueDate()).isEqualTo(before.getDueDate());
    assertThat(now.getFollowUpDate()).isEqualTo(before.getFollowUpDate());
    assertThat(now.getAssignee()).isEqualTo(before.getAssignee());
    assertThat(now.getOwner()).isEqualTo(before.getOwner());
    assertThat(now.getDelegationState()).isEqualTo(before.getDelegationState());
  }

  private Set<String> links() {
    Set<String> links = new TreeSet<>();
    for (IdentityLink l : tasks.getIdentityLinksForTask(taskId)) {
      links.add(l.getType() + ":" + l.getUserId() + ":" + l.getGroupId());
    }
    return links;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> taskJson(String user) {
    ResponseEntity<Map> answer = exchange(user, HttpMethod.GET, REST + taskId, null);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    return new java.util.LinkedHashMap<>(answer.getBody());
  }

  private ResponseEntity<Map> exchange(String user, HttpMethod method, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(url, method, new HttpEntity<>(body, headers), Map.class);
  }

  private static String message(ResponseEntity<Map> answer) {
    return answer.getBody() == null ? "" : String.valueOf(answer.getBody().get("message"));
  }

  private static void assertRefused(ResponseEntity<Map> answer, String fragment) {
    assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getStatusCode() + " " + answer.getBody())
        .isTrue();
    assertThat(message(answer)).as("a Chinese message").containsPattern("\\p{IsHan}{4,}").contains(fragment)
        .doesNotContain("Cannot ").doesNotContain("ENGINE-");
  }
}
