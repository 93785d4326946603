package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every role of every organization against every resource of a case of 内科党支部, over HTTP. The case's task is
 * routed to the branch's 支部委员 (nk_zuzhi, nk_zhuren).
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  /** The cases the matrix starts and its rectification case, removed after it: later tests must not see them. */
  final TestData made = new TestData();

  /** 组织部门干事 of a 党委: they keep their own unit's registry. */
  static final Set<String> IMPORTERS = Set.of("rmyy_zzb", "zyy_zzb", "jgdw_zzb");
  static final String ITEM = "矩阵整改事项" + UUID.randomUUID().toString().substring(0, 8);
  static final String DEPARTMENT = "矩阵科" + Math.abs(ITEM.hashCode() % 100000);
  String caseId;
  String taskId;
  long itemId;

  @BeforeAll
  void startACaseOfTheMedicineBranch() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("branchErrand").count() == 0) {
      repository.createDeployment().addClasspathResource("test-processes/branch-errand.bpmn").deploy();
    }
    caseId = made.started(runtime.startProcessInstanceByKey("branchErrand",
        Map.of("orgId", "rmyy-nk", "role", "member", "subject", "矩阵测试")).getId());
    taskId = tasks.createTaskQuery().processInstanceId(caseId).singleResult().getId();
  }

  @BeforeAll
  void anItemOfTheMedicineBranch() {
    jdbc.update("insert into pf_rectification_case (org_id, source, status, process_instance_id, created_at)"
        + " values ('rmyy', '巡察', '集中整改', ?, now())", made.started("matrix-" + ITEM));
    jdbc.update("insert into pf_rectification_item (case_id, org_id, seq, problem, category, leader_user, department,"
        + " responsible_user, deadline, status, process_instance_id, updated_at) select id, 'rmyy-nk', 1, ?,"
        + " '限期整改', 'rmyy_fgld', ?, 'nk_zuzhi', date '2027-06-30', '推进中', process_instance_id, now()"
        + " from pf_rectification_case where process_instance_id = ?", ITEM, DEPARTMENT, "matrix-" + ITEM);
    itemId = jdbc.queryForObject("select id from pf_rectification_item where problem = ?", Long.class, ITEM);
  }

  @AfterAll
  void removeTheCases() {
    made.remove(context);
    assertThat(jdbc.queryForObject("select count(*) from pf_rectification_case where process_instance_id = ?",
        Integer.class, "matrix-" + ITEM)).as("rectification case left behind").isZero();
    assertThat(jdbc.queryForObject("select count(*) from pf_rectification_item where id = ?", Integer.class, itemId))
        .as("rectification item left behind").isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("branchErrand")
        .variableValueEquals("subject", "矩阵测试").count()).as("matrix cases left running").isZero();
  }

  /** user, reads the task, works the task, reads the case and its history, sees the branch's people, is admin. */
  static Stream<Arguments> matrix() {
    return Stream.of(
        Arguments.of("nk_zuzhi", true, true, true, true, false),     // branch committee member: the task is theirs
        Arguments.of("nk_zhuren", true, true, true, true, false),
        Arguments.of("nk_shuji", false, false, true, true, false),   // branch secretary: reads the case, not the task
        Arguments.of("nk_dangfei", false, false, true, true, false),
        Arguments.of("wk_zuzhi", false, false, false, false, false), // another branch
        Arguments.of("wk_shuji", false, false, false, false, false),
        Arguments.of("rmyy_zzb", false, false, true, true, false),   // the committee above reads its branches' cases
        Arguments.of("rmyy_shuji", true, false, true, true, false),  // its leaders also read the tasks: 本单位全部待办
        Arguments.of("rmyy_fgld", true, false, true, true, false),
        Arguments.of("rmyy_jiwei", false, false, true, true, false), // auditor: read only
        Arguments.of("zyy_zzb", false, false, false, false, false),  // another hospital
        Arguments.of("zyy_shuji", false, false, false, false, false),
        Arguments.of("zb1_shuji", false, false, false, false, false),
        Arguments.of("jgdw_zzb", false, false, false, false, false),
        Arguments.of("admin", true, true, true, true, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void eachRoleSeesWhatItMayAndNothingElse(String user, boolean task, boolean works, boolean caseRead,
      boolean people, boolean admin) {
    TestRestTemplate as = http.withBasicAuth(user, "demo");

    assertThat(as.getForObject("/engine-rest/task?processInstanceId=" + caseId, List.class)).hasSize(task ? 1 : 0);
    assertThat(status(as, HttpMethod.GET, "/engine-rest/task/" + taskId)).isEqualTo(task ? 200 : 404);
    assertThat(as.getForObject("/engine-rest/process-instance?processInstanceIds=" + caseId, List.class))
        .hasSize(caseRead ? 1 : 0);
    assertThat(as.getForObject("/engine-rest/history/process-instance?processInstanceId=" + caseId, List.class))
        .hasSize(caseRead ? 1 : 0);
    assertThat(as.getForObject("/engine-rest/history/task?processInstanceId=" + caseId, List.class))
        .hasSize(caseRead || task ? 1 : 0);
    assertThat(status(as, HttpMethod.GET, "/api/people/P011")).isEqualTo(people ? 200 : 404);
    assertThat(status(as, HttpMethod.GET, "/api/people?orgId=rmyy-nk")).isEqualTo(people ? 200 : 404);
    assertThat(multipart(as, "/api/import/people")).isEqualTo(admin || IMPORTERS.contains(user) ? 400 : 403);
    assertThat(multipart(as, "/api/admin/calendar")).isEqualTo(admin ? 400 : 403);
    assertThat(status(as, HttpMethod.DELETE, "/engine-rest/process-instance/" + caseId + "?skipCustomListeners=true"))
        .isIn(admin ? List.of(204, 200) : List.of(403, 404));
    if (admin) {
      startACaseOfTheMedicineBranch();
    }
  }

  @ParameterizedTest(name = "{0} completes only if routed")
  @MethodSource("matrix")
  void onlyTheRoutedRoleCanCompleteTheTask(String user, boolean task, boolean works, boolean caseRead,
      boolean people, boolean admin) {
    if (works) {
      return;
    }
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    int answer = http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/complete",
        HttpMethod.POST, new HttpEntity<>("{}", json), String.class).getStatusCode().value();
    assertThat(answer).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  /** user, sees 内科党支部 (its people, items and ledgers), is an auditor (纪委/审计) or the administrator. */
  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of("nk_zuzhi", true, false),
        Arguments.of("nk_shuji", true, false),
        Arguments.of("nk_dangfei", true, false),
        Arguments.of("wk_shuji", false, false),
        Arguments.of("wk_dangfei", false, false),
        Arguments.of("rmyy_zzb", true, false),
        Arguments.of("rmyy_shuji", true, false),
        Arguments.of("rmyy_fgld", true, false),
        Arguments.of("rmyy_dangban", true, false),
        Arguments.of("rmyy_jiwei", true, true),
        Arguments.of("rmyy_shenji", true, true),
        Arguments.of("zyy_shuji", false, false),
        Arguments.of("zb1_dangfei", false, false),
        Arguments.of("jgdw_zzb", false, false),
        Arguments.of("admin", true, true));
  }

  @ParameterizedTest(name = "{0} on dashboards and exports")
  @MethodSource("pages")
  void dashboardsExportsAndCaseFilesFollowTheOrganization(String user, boolean visible, boolean auditor)
      throws Exception {
    TestRestTemplate as = http.withBasicAuth(user, "demo");
    String dashboard = as.getForObject("/dashboard/rectification?department=" + DEPARTMENT, String.class);
    assertThat(dashboard.contains(ITEM)).as("dashboard").isEqualTo(visible);
    ResponseEntity<byte[]> export = as.getForEntity("/dashboard/rectification/export.xlsx?department=" + DEPARTMENT,
        byte[].class);
    assertThat(export.getStatusCode().value()).isEqualTo(200);
    assertThat(cells(export.getBody())).as("dashboard export").isEqualTo(visible);
    assertThat(status(as, HttpMethod.GET, "/rectification/items/" + itemId + "/evidence")).as("item page")
        .isIn(visible ? List.of(200) : List.of(403, 404));
    assertThat(status(as, HttpMethod.GET, "/api/dues/ledger?branch=rmyy-nk&month=2026-11")).as("dues ledger")
        .isIn(visible ? List.of(200) : List.of(403, 404));
    assertThat(status(as, HttpMethod.GET, "/api/dues/disclosure?branch=rmyy-nk&year=2026")).as("dues disclosure")
        .isIn(visible ? List.of(200) : List.of(403, 404));
    List<Integer> auditOnly = auditor ? List.of(200) : List.of(403);
    assertThat(status(as, HttpMethod.GET, "/audit/cases/" + caseId)).as("case file").isIn(auditOnly);
    assertThat(status(as, HttpMethod.GET, "/audit/cases/" + caseId + "/dossier.pdf")).as("dossier").isIn(auditOnly);
    assertThat(status(as, HttpMethod.GET, "/audit/cases/" + caseId + "/diagram.svg")).as("diagram").isIn(auditOnly);
    assertThat(status(as, HttpMethod.GET, "/audit/export.xlsx")).as("search export").isIn(auditOnly);
  }

  /** Whether the workbook names the matrix's item. */
  private static boolean cells(byte[] xlsx) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : book.getSheetAt(0)) {
        for (Cell cell : row) {
          if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains(ITEM)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static int status(TestRestTemplate as, HttpMethod method, String url) {
    return as.exchange(url, method, HttpEntity.EMPTY, String.class).getStatusCode().value();
  }

  private static int multipart(TestRestTemplate as, String url) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as.exchange(url, HttpMethod.POST, new HttpEntity<>(new LinkedMultiValueMap<>(), headers), String.class)
        .getStatusCode().value();
  }
}
