package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of issue 12's attack, each over HTTP with the demo login that tried it: a start for a person or an
 * organization the starter does not act for, a second case of one applicant, undeclared and read-only variables in
 * a completion, and a case's routing variables through the variable and modification endpoints. Each is refused
 * with a 4xx and a Chinese message, and afterwards the registry, the case's variables and the task's candidate
 * groups are as they were. Beside each, the rightful writer succeeds.
 */
@PostgresTest
class WriteScopeTest {

  static final String START_MD = "/engine-rest/process-definition/key/memberDevelopment/submit-form";
  static final String START_RC = "/engine-rest/process-definition/key/inspectionRectification/submit-form";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();

  final List<String> started = new ArrayList<>();

  @AfterEach
  void removeCases() {
    for (String pi : started) {
      if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtime.deleteProcessInstance(pi, "test finished");
      }
    }
    made.remove(context);
  }

  // 1. Starting a procedure only where the starter acts

  @Test
  void secretaryOfAnotherHospitalCannotMakeP022AnActivistWithHisOwnBranch() {
    Map<String, Object> before = person("P022");
    long cases = cases("memberDevelopment");

    ResponseEntity<Map> answer = post("zb2_shuji", START_MD, form("applicantId", "P022", "branchId", "zyy-zb2",
        "startStage", "ACTIVIST", "applicationDate", "2024-01-10", "birthDate", "1990-09-09",
        "talkDate", "2024-01-20", "activistDate", "2024-07-15"));

    assertRefused(answer, "branchId");
    assertThat(person("P022")).isEqualTo(before);
    assertThat(cases("memberDevelopment")).isEqualTo(cases);
  }

  @Test
  void officerOfAnotherBranchCannotStartACaseForAPersonOfThatBranch() {
    Map<String, Object> before = person("P022");

    ResponseEntity<Map> answer = post("zb2_shuji", START_MD, form("applicantId", "P022", "startStage", "ACTIVIST",
        "applicationDate", "2024-01-10", "activistDate", "2024-07-15"));

    assertRefused(answer, "潘悦");
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(message(answer)).contains("县人民医院内科党支部").doesNotContain("P022");
    assertThat(person("P022")).isEqualTo(before);
  }

  @Test
  void organizerOfAnotherBranchCannotMakeP020AProbationaryMember() {
    Map<String, Object> before = person("P020");
    long cases = cases("memberDevelopment");

    ResponseEntity<Map> answer = post("wk_zuzhi", START_MD, form("applicantId", "P020", "startStage", "PROBATION",
        "applicationDate", "2023-09-01", "birthDate", "1997-04-04", "activistDate", "2024-03-15",
        "developmentTargetDate", "2025-04-01", "sponsorIds", "P019,P022", "politicalReviewPassed", "true",
        "trainingDays", 3, "trainingHours", 24, "admissionMeetingDate", "2025-05-20", "votersEntitled", 9,
        "votersPresent", 9, "votesFor", 9, "approvalDate", "2025-06-20"));

    assertRefused(answer, "唐晓");
    assertThat(person("P020")).isEqualTo(before);
    assertThat(cases("memberDevelopment")).isEqualTo(cases);
  }

  @Test
  void organizerOfAnotherBranchCannotSetP017BackToApplicant() {
    Map<String, Object> before = person("P017");

    ResponseEntity<Map> answer = post("wk_zuzhi", START_MD, form("applicantId", "P017", "startStage", "APPLICATION"));

    assertRefused(answer, "高远");
    assertThat(person("P017")).isEqualTo(before);
  }

  @Test
  void branchOrganizerAndTheCommitteesOrganizationDepartmentMayStartForTheBranch() {
    String first = newApplicant("rmyy-nk");
    String second = newApplicant("rmyy-nk-1");

    ResponseEntity<Map> byOrganizer = post("nk_zuzhi", START_MD, form("applicantId", first, "startStage",
        "APPLICATION"));
    ResponseEntity<Map> byOrgDept = post("rmyy_zzb", START_MD, form("applicantId", second, "startStage",
        "APPLICATION"));

    assertThat(byOrganizer.getStatusCode().value()).as(String.valueOf(byOrganizer.getBody())).isEqualTo(200);
    assertThat(byOrgDept.getStatusCode().value()).as(String.valueOf(byOrgDept.getBody())).isEqualTo(200);
    started.add((String) byOrganizer.getBody().get("id"));
    started.add((String) byOrgDept.getBody().get("id"));
    assertThat(runtime.getVariable(started.get(0), "branchId")).isEqualTo("rmyy-nk");
    assertThat(runtime.getVariable(started.get(1), "orgId")).as("the registry's organization").isEqualTo("rmyy-nk-1");
  }

  @Test
  void aSecondRunningCaseForTheSameApplicantIsAConflictNamingTheRunningCase() {
    String applicant = newApplicant("rmyy-nk");
    String first = start("nk_zuzhi", applicant);
    Map<String, String> variables = variables(first);
    Map<String, Object> registry = person(applicant);
    long cases = cases("memberDevelopment");

    ResponseEntity<Map> second = post("nk_shuji", START_MD, form("applicantId", applicant, "startStage",
        "ACTIVIST", "applicationDate", "2024-01-10", "activistDate", "2024-07-15"));

    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(message(second)).contains("测试申请人").contains("登记测试申请人的入党申请书")
        .doesNotContain(applicant).doesNotContain(first);
    assertThat(cases("memberDevelopment")).isEqualTo(cases);
    assertThat(person(applicant)).isEqualTo(registry);
    assertThat(variables(first)).isEqualTo(variables);
  }

  @Test
  void officerCannotStartARectificationForTheCommitteeAboveHisBranch() {
    long cases = cases("inspectionRectification");

    ResponseEntity<Map> answer = post("nk_shuji", START_RC, form("orgId", "rmyy", "source", "巡察"));

    assertRefused(answer, "县人民医院党委");
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(cases("inspectionRectification")).isEqualTo(cases);
  }

  @Test
  void committeeOfficerStartsARectificationForHisOwnCommittee() {
    ResponseEntity<Map> answer = post("rmyy_dangban", START_RC, form("orgId", "rmyy", "source", "巡察"));

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    started.add((String) answer.getBody().get("id"));
    assertThat(runtime.getVariable(started.get(0), "orgId")).isEqualTo("rmyy");
  }

  @Test
  void theRectificationStartFormOffersOnlyTheOrganizationsTheStarterActsFor() {
    assertThat(startFormOptions("nk_shuji")).contains("rmyy-nk", "rmyy-nk-1")
        .doesNotContain("rmyy", "rmyy-wk", "rmyy-wk-1", "zyy");
    assertThat(startFormOptions("rmyy_zzb")).contains("rmyy", "rmyy-nk", "rmyy-wk-1", "rmyy-hq")
        .doesNotContain("wjj", "zyy");
    assertThat(startFormOptions("zyy_zzb")).contains("zyy", "zyy-zb1", "zyy-zb2").doesNotContain("wjj", "rmyy");
  }

  @Test
  void duesCannotBeStartedForAForeignBranch() {
    long collections = cases("duesCollection");
    long assessments = cases("duesAssessment");

    ResponseEntity<Map> engine = post("wk_dangfei", "/engine-rest/process-definition/key/duesCollection/start",
        form("orgId", "rmyy-nk", "period", "2039-01", "committeeId", "rmyy"));
    ResponseEntity<Map> api = post("wk_dangfei", "/api/dues/assessments?branch=rmyy-nk&year=2039", null);

    assertRefused(engine, "党费按月收缴");
    assertRefused(api, "权限范围");
    assertThat(cases("duesCollection")).isEqualTo(collections);
    assertThat(cases("duesAssessment")).isEqualTo(assessments);
  }

  @Test
  void theBranchsDuesKeeperStartsItsOwnAssessment() {
    ResponseEntity<Map> answer = post("nk_dangfei", "/api/dues/assessments?branch=rmyy-nk&year=2039", null);

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    started.add((String) answer.getBody().get("processInstanceId"));
  }

  // 2. Completing a task or starting a case accepts only what its form declares

  @Test
  void completingOnesOwnTaskWithUndeclaredOrgIdAndBranchIdIsRefused() {
    String pi = start("nk_zuzhi", newApplicant("rmyy-nk"));
    Task task = task(pi);
    Map<String, String> variables = variables(pi);
    Set<String> groups = candidateGroups(task);

    ResponseEntity<Map> answer = post("nk_zuzhi", "/engine-rest/task/" + task.getId() + "/submit-form",
        form("applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女",
            "orgId", "rmyy-wk", "branchId", "rmyy-wk"));

    assertRefused(answer, "表单未声明的字段");
    assertThat(message(answer)).contains("orgId").contains("branchId");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(variables(pi)).isEqualTo(variables);
    assertThat(candidateGroups(task)).isEqualTo(groups).containsExactly("rmyy-nk.organizer");
  }

  @Test
  void completingWithTheFormsOwnFieldsGoesOn() {
    String pi = start("nk_zuzhi", newApplicant("rmyy-nk"));

    ResponseEntity<Map> answer = post("nk_zuzhi", "/engine-rest/task/" + task(pi).getId() + "/submit-form",
        form("applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女",
            "autobiographyReceived", true, "applicationNote", "本人书写"));

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(204);
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_TalkWithApplicant");
  }

  @Test
  void settingOrgIdThroughTheCaseVariableEndpointIsRefused() {
    String pi = start("nk_zuzhi", newApplicant("rmyy-nk"));
    Task task = task(pi);
    Map<String, String> variables = variables(pi);
    Set<String> groups = candidateGroups(task);

    ResponseEntity<Map> instance = exchange("nk_zuzhi", HttpMethod.PUT,
        "/engine-rest/process-instance/" + pi + "/variables/orgId", Map.of("value", "rmyy-wk"));
    ResponseEntity<Map> modify = post("nk_zuzhi", "/engine-rest/process-instance/" + pi + "/variables",
        Map.of("modifications", Map.of("branchId", Map.of("value", "rmyy-wk"))));
    ResponseEntity<Map> onTask = exchange("nk_zuzhi", HttpMethod.PUT,
        "/engine-rest/task/" + task.getId() + "/variables/orgId", Map.of("value", "rmyy-wk"));
    ResponseEntity<Map> deleted = exchange("nk_zuzhi", HttpMethod.DELETE,
        "/engine-rest/task/" + task.getId() + "/variables/branchId", null);
    ResponseEntity<Map> moved = post("nk_zuzhi", "/engine-rest/process-instance/" + pi + "/modification",
        Map.of("skipCustomListeners", true, "instructions", List.of(Map.of("type", "startBeforeActivity",
            "activityId", "Task_Approval"))));
    ResponseEntity<Map> groupAdded = post("nk_zuzhi", "/engine-rest/task/" + task.getId() + "/identity-links",
        Map.of("groupId", "rmyy-wk.organizer", "type", "candidate"));

    assertRefused(instance, "任务表单");
    assertRefused(modify, "任务表单");
    assertRefused(onTask, "orgId");
    assertRefused(deleted, "branchId");
    assertRefused(moved, "系统管理员");
    assertRefused(groupAdded, "办理组");
    assertThat(variables(pi)).isEqualTo(variables);
    assertThat(candidateGroups(task)).isEqualTo(groups);
    assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).isEqualTo(1);
  }

  @Test
  void aDeclaredFieldMayBeSavedOnTheTaskAndTheAdministratorMayCorrectACase() {
    String pi = start("nk_zuzhi", newApplicant("rmyy-nk"));

    ResponseEntity<Map> draft = exchange("nk_zuzhi", HttpMethod.PUT,
        "/engine-rest/task/" + task(pi).getId() + "/variables/applicationNote", Map.of("value", "草稿"));
    ResponseEntity<Map> corrected = exchange("admin", HttpMethod.PUT,
        "/engine-rest/process-instance/" + pi + "/variables/branchName", Map.of("value", "县人民医院内科党支部"));

    assertThat(draft.getStatusCode().value()).as(String.valueOf(draft.getBody())).isEqualTo(204);
    assertThat(corrected.getStatusCode().value()).as(String.valueOf(corrected.getBody())).isEqualTo(204);
    assertThat(runtime.getVariable(pi, "applicationNote")).isEqualTo("草稿");
  }

  @Test
  void aReadOnlyFieldIsSubmittedAsShownOrRefused() {
    String pi = errand("写作业检查");
    Task task = task(pi);

    ResponseEntity<Map> changed = post("nk_zuzhi", "/engine-rest/task/" + task.getId() + "/submit-form",
        form("itemTitle", "别的事项", "outcome", "已办结", "doneOn", "2025-10-01"));
    ResponseEntity<Map> asShown = post("nk_zuzhi", "/engine-rest/task/" + task.getId() + "/submit-form",
        form("itemTitle", "写作业检查", "outcome", "已办结", "doneOn", "2025-10-01"));

    assertRefused(changed, "“事项”是表单中的只读内容");
    assertThat(asShown.getStatusCode().value()).as(String.valueOf(asShown.getBody())).isEqualTo(204);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("itemTitle")
        .singleResult().getValue()).isEqualTo("写作业检查");
  }

  @Test
  void aStartMayCarryOnlyTheStartFormsFields() {
    long cases = cases("inspectionRectification");

    ResponseEntity<Map> answer = post("rmyy_zzb", START_RC, form("orgId", "rmyy", "source", "巡察",
        "committeeId", "zyy"));

    assertRefused(answer, "committeeId");
    assertThat(cases("inspectionRectification")).isEqualTo(cases);
  }

  // helpers

  private String start(String user, String applicant) {
    ResponseEntity<Map> answer = post(user, START_MD, form("applicantId", applicant, "startStage", "APPLICATION"));
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    String pi = (String) answer.getBody().get("id");
    started.add(pi);
    return pi;
  }

  private String errand(String title) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("officerErrand").count() == 0) {
      repository.createDeployment().name("officer-errand-test")
          .addClasspathResource("test-processes/officer-errand.bpmn")
          .addClasspathResource("test-forms/test-errand-report.form")
          .addClasspathResource("test-forms/test-errand-review.form")
          .deploy();
    }
    String pi = runtime.startProcessInstanceByKey("officerErrand", Map.of("orgId", "rmyy-nk", "orgName",
        "县人民医院内科党支部", "itemTitle", title, "due", new java.util.Date())).getId();
    started.add(pi);
    return pi;
  }

  private String newApplicant(String orgId) {
    String id = "WS" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    made.person(id);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        id, "测试申请人", "女", Date.valueOf("1999-05-20"), "NON_MEMBER", orgId);
    return id;
  }

  private List<String> startFormOptions(String user) {
    Map<?, ?> form = http.withBasicAuth(user, "demo").getForObject(
        "/engine-rest/process-definition/key/inspectionRectification/deployed-start-form", Map.class);
    List<String> values = new ArrayList<>();
    for (Object c : (List<?>) form.get("components")) {
      if ("orgId".equals(((Map<?, ?>) c).get("key"))) {
        for (Object option : (List<?>) ((Map<?, ?>) c).get("values")) {
          values.add((String) ((Map<?, ?>) option).get("value"));
        }
      }
    }
    return values;
  }

  private Task task(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).singleResult();
  }

  private Set<String> candidateGroups(Task task) {
    Set<String> groups = new TreeSet<>();
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  private Map<String, String> variables(String pi) {
    Map<String, String> values = new TreeMap<>();
    for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(pi)
        .disableCustomObjectDeserialization().list()) {
      TypedValue typed = v.getTypedValue();
      values.put(v.getName() + "@" + v.getExecutionId(), typed instanceof SerializableValue s
          ? s.getValueSerialized() : String.valueOf(typed.getValue()));
    }
    return values;
  }

  private Map<String, Object> person(String id) {
    return jdbc.queryForMap("select * from pf_person where id = ?", id);
  }

  private long cases(String key) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
  }

  private static Map<String, Object> form(Object... keyValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
    }
    return Map.of("variables", variables);
  }

  private ResponseEntity<Map> post(String user, String url, Object body) {
    return exchange(user, HttpMethod.POST, url, body);
  }

  /**
   * Another test's wrong password delays the next login of that demo user for a few seconds (the engine's login
   * delay); a 401 is retried until the delay is over, so that each answer here is about the write.
   */
  private ResponseEntity<Map> exchange(String user, HttpMethod method, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> answer = null;
    for (int attempt = 0; attempt < 30; attempt++) {
      answer = http.withBasicAuth(user, "demo").exchange(url, method, new HttpEntity<>(body, headers), Map.class);
      if (answer.getStatusCode().value() != 401) {
        return answer;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return answer;
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
