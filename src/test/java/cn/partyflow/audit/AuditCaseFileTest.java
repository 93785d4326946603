package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCaseFileTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired ProcessEngineConfiguration configuration;
  @Autowired JdbcTemplate jdbc;
  @Autowired RetentionPolicy retention;

  AuditScenario scenario;
  String cancelledId;

  @BeforeAll
  void playACase() {
    AuditScenario.deploy(repository);
    scenario = new AuditScenario(http, tasks, management).playFinishedCase();
    cancelledId = scenario.cancelledCase();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  TestRestTemplate auditor() {
    return http.withBasicAuth("rmyy_jiwei", "demo");
  }

  @Test
  void theCasePageShowsEveryStepActorValueAndTheReturnReason() {
    ResponseEntity<String> page = auditor().getForEntity("/audit/cases/" + scenario.processInstanceId, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    String html = page.getBody();
    assertThat(AuditScenario.titles(html)).containsSubsequence(
        "收到申请", "准备王审计测试的材料", "审查王审计测试的材料", "材料合格？", "准备王审计测试的材料",
        "审查王审计测试的材料", "材料合格？", "公示五天", "支部大会表决王审计测试", "表决通过");
    assertThat(AuditScenario.titles(html).stream().filter("准备王审计测试的材料"::equals)).hasSize(2);
    assertThat(html).contains("刘洋", "陈静", "系统管理员").doesNotContain("nk_zuzhi", "nk_shuji")
        .contains(AuditScenario.RETURN_REASON, AuditScenario.COMMENT)
        .contains("<s>入党申请书</s>", "入党申请书、思想汇报")
        .contains("超期")
        .contains("赞成 7", "反对 1", "应到（有表决权） 9", "实到 8")
        .contains("同意接收为预备党员")
        .contains("定时器触发")
        .contains("转交", "办理期限", "2030-01-15 17:00")
        .contains("<s>内科会议室</s>", "医院第二会议室")
        .contains("已办结", "县人民医院内科党支部", scenario.businessKey)
        .contains("县人民医院内科党支部 组织委员", "县人民医院内科党支部 书记")
        .doesNotContain("rmyy-nk.organizer", "rmyy-nk.secretary", "prepareDue", "false → true");
    assertThat(ReadableCaseFileTest.text(html)).contains("材料合格：否", "材料合格：否 → 是", "已交材料：", "会议地点：")
        .as("a review's answer removed to open the next round is no change").doesNotContain("→ （空）", "材料合格：（空）")
        .doesNotContain("材料合格：否 → （已清空）", "退回理由：" + AuditScenario.RETURN_REASON + " → （已清空）");
    assertThat(ReadableCaseFileTest.text(html)).as("the organizer's own clearing of a select is a change")
        .contains("材料形式：纸质材料", "材料形式：纸质材料 → （已清空）");
    assertThat(opinionsSection(html)).contains(AuditScenario.RETURN_REASON, "退回理由");
    assertThat(html.split("class=\"name\">退回理由<", -1)).as("each submitted value shown once").hasSize(2);
    assertThat(section(html, "id=\"operations\"")).contains("办理完成", "转交").doesNotContain("删除");
  }

  @Test
  void theDiagramMarksThePathTaken() {
    String html = auditor().getForObject("/audit/cases/" + scenario.processInstanceId, String.class);
    for (String done : List.of("StartEvent_Applied", "Task_Prepare", "Task_Review", "Gateway_Approved",
        "Timer_Publicity", "Task_Vote", "EndEvent_Admitted")) {
      assertThat(html).contains("data-element-id=\"" + done + "\" class=\"pf-done\"");
    }
    assertThat(html).contains("data-element-id=\"Flow_Return\" class=\"pf-taken\"",
        "data-element-id=\"Flow_ToEnd\" class=\"pf-taken\"");
    assertThat(html).contains(">材料合格？<", ">准备王审计测试的</text>").doesNotContain("${applicantName}");
  }

  /** handsRaisedTwice is a name no audit code knows: only the test form's {"record": "vote"} makes it a vote. */
  @Test
  void aVoteTheFormDeclaresShowsAsAVoteWithoutAuditCodeKnowingItsName() {
    String html = auditor().getForObject("/audit/cases/" + scenario.processInstanceId, String.class);
    assertThat(section(html, "id=\"votes\"")).contains("复议举手人数 8", "赞成 7");
    assertThat(opinionsSection(html)).contains("表决意见", "同意接收为预备党员", "材料合格")
        .doesNotContain("会议地点");
  }

  @Test
  void aRunningCaseShowsItsCurrentStepInOrange() {
    String id = runtime.startProcessInstanceByKey("auditReview", Map.of("orgId", "rmyy-nk", "applicantName",
        "在办测试", "prepareDue", "P3D")).getId();
    String html = auditor().getForObject("/audit/cases/" + id, String.class);
    assertThat(html).contains("data-element-id=\"Task_Prepare\" class=\"pf-active\"",
        "data-element-id=\"Task_Review\" class=\"pf-idle\"", "（进行中）", "办理中");
  }

  @Test
  void searchFindsByPersonStatusAndProcedureWithinTheScope() {
    String byName = auditor().getForObject("/audit?person=" + AuditScenario.APPLICANT, String.class);
    assertThat(byName).contains(scenario.businessKey, "材料审查（审计测试）", "王审计测试", "县人民医院内科党支部");
    String cancelled = auditor().getForObject("/audit?procedure=auditReview&status=cancelled&businessKey="
        + scenario.businessKey, String.class);
    assertThat(cancelled).contains(scenario.businessKey + "-X", "已撤销").doesNotContain(
        ">" + scenario.businessKey + "<");
    String finished = auditor().getForObject("/audit?status=finished&businessKey=" + scenario.businessKey,
        String.class);
    assertThat(finished).contains(">" + scenario.businessKey + "<").doesNotContain(scenario.businessKey + "-X");
    String otherOrg = auditor().getForObject("/audit?orgId=zyy&businessKey=" + scenario.businessKey, String.class);
    assertThat(otherOrg).contains("没有符合条件的案卷");
  }

  @Test
  void officersAndManagersAreRefused() {
    assertThat(http.withBasicAuth("nk_zuzhi", "demo").getForEntity("/audit", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("rmyy_fgld", "demo").getForEntity("/audit/cases/" + scenario.processInstanceId,
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("nk_zuzhi", "demo").getForEntity("/audit/cases/" + scenario.processInstanceId
        + "/dossier.pdf", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> anonymous = http.getForEntity("/audit", String.class);
    assertThat(anonymous.getStatusCode().is2xxSuccessful() && anonymous.getBody().contains("案卷查阅（只读）"))
        .as("an anonymous visitor is sent to the login page").isFalse();
  }

  @Test
  void anAuditorCannotOpenACaseOfAnotherOrganization() {
    AuditScenario.deploy(repository);
    String zyyCase = runtime.startProcessInstanceByKey("auditReview", Map.of("orgId", "zyy-zb1", "applicantName",
        "中医院测试", "prepareDue", "P3D")).getId();
    assertThat(auditor().getForEntity("/audit/cases/" + zyyCase, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(auditor().getForEntity("/audit/cases/" + zyyCase + "/dossier.pdf", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(auditor().getForObject("/audit?person=中医院测试", String.class)).contains("没有符合条件的案卷");
    assertThat(http.withBasicAuth("admin", "demo").getForEntity("/audit/cases/" + zyyCase, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForObject("select count(*) from pf_audit_access_log where process_instance_id = ?"
        + " and username = 'rmyy_jiwei' and action = 'DENIED'", Integer.class, zyyCase)).isEqualTo(2);
  }

  @Test
  void anAuditorCannotCompleteATaskNorChangeACaseThroughTheRestApi() {
    String id = runtime.startProcessInstanceByKey("auditReview", Map.of("orgId", "rmyy-nk", "applicantName",
        "只读测试", "prepareDue", "P3D")).getId();
    String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> complete = auditor().exchange("/engine-rest/task/" + taskId + "/complete",
        HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
    assertThat(complete.getStatusCode().value()).isIn(403, 404);
    ResponseEntity<String> submit = auditor().exchange("/engine-rest/task/" + taskId + "/submit-form",
        HttpMethod.POST, new HttpEntity<>("{\"variables\":{}}", headers), String.class);
    assertThat(submit.getStatusCode().value()).isIn(403, 404);
    ResponseEntity<String> edit = auditor().exchange("/engine-rest/process-instance/" + id + "/variables",
        HttpMethod.POST, new HttpEntity<>("{\"modifications\":{\"applicantName\":{\"value\":\"改名\"}}}", headers),
        String.class);
    assertThat(edit.getStatusCode().value()).isIn(403, 404);
    ResponseEntity<String> delete = auditor().exchange("/engine-rest/process-instance/" + id, HttpMethod.DELETE,
        null, String.class);
    assertThat(delete.getStatusCode().value()).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(runtime.getVariable(id, "applicantName")).isEqualTo("只读测试");
    assertThat(auditor().getForObject("/engine-rest/history/process-instance?processInstanceId=" + id, List.class))
        .as("the auditor may read the history of a case in scope").hasSize(1);
    assertThat(auditor().getForObject("/engine-rest/history/task?processInstanceId=" + id, List.class))
        .as("and its historic tasks").hasSize(1);
  }

  @Test
  void theDossierIsAPdfWithChineseText() throws Exception {
    ResponseEntity<byte[]> pdf = auditor().getForEntity("/audit/cases/" + scenario.processInstanceId
        + "/dossier.pdf", byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    byte[] body = pdf.getBody();
    assertThat(new String(body, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    PdfReader reader = new PdfReader(body);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(extractor.getTextFromPage(p));
    }
    reader.close();
    assertThat(text.toString().replaceAll("\\s", "")).contains("案卷概况", AuditScenario.APPLICANT,
        AuditScenario.RETURN_REASON, "县人民医院内科党支部", "赞成7");
    // The exporter by name, the case by its title: no login, no instance id.
    assertThat(text.toString()).contains("导出人：孙丽").doesNotContain("rmyy_jiwei")
        .doesNotContain(scenario.processInstanceId);
    assertThat(new String(body, StandardCharsets.ISO_8859_1)).contains("/FontFile2");
  }

  @Test
  void theSearchResultExportsAsASpreadsheet() throws Exception {
    ResponseEntity<byte[]> xlsx = auditor().getForEntity("/audit/export.xlsx?businessKey=" + scenario.businessKey,
        byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(scenario.businessKey);
      assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("业务编号");
      List<String> keys = new java.util.ArrayList<>();
      for (int r = 4; r <= sheet.getLastRowNum(); r++) {
        keys.add(sheet.getRow(r).getCell(1).getStringCellValue());
        assertThat(sheet.getRow(r).getCell(3).getStringCellValue()).isEqualTo(AuditScenario.APPLICANT);
      }
      assertThat(keys).containsExactlyInAnyOrder(scenario.businessKey, scenario.businessKey + "-X");
    }
  }

  @Test
  void everyLookIsRecordedAndShownOnTheCasePage() {
    auditor().getForObject("/audit/cases/" + scenario.processInstanceId + "/dossier.pdf", byte[].class);
    auditor().getForObject("/audit?businessKey=" + scenario.businessKey, String.class);
    String html = http.withBasicAuth("rmyy_shenji", "demo").getForObject("/audit/cases/"
        + scenario.processInstanceId, String.class);
    List<Map<String, Object>> rows = jdbc.queryForList("select username, action from pf_audit_access_log"
        + " where process_instance_id = ?", scenario.processInstanceId);
    assertThat(rows).extracting(r -> r.get("username") + ":" + r.get("action"))
        .contains("rmyy_jiwei:EXPORT_PDF", "rmyy_shenji:VIEW");
    assertThat(jdbc.queryForObject("select count(*) from pf_audit_access_log where username = 'rmyy_jiwei'"
        + " and action = 'SEARCH' and detail like ?", Integer.class, "%" + scenario.businessKey + "%"))
        .isGreaterThanOrEqualTo(1);
    // Readers see who looked by name, never by login.
    assertThat(accessLogSection(html)).contains("孙丽", "导出案卷PDF", "郑伟", "查看案卷")
        .doesNotContain("rmyy_jiwei", "rmyy_shenji");
  }

  @Test
  void historyIsKeptThirtyYearsAndCleanedOnlyAtNight() {
    assertThat(retention.apply()).isGreaterThanOrEqualTo(0);
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().processDefinitionKey("auditReview")
        .list()) {
      assertThat(d.getHistoryTimeToLive()).isEqualTo(AuditSettings.THIRTY_YEARS);
    }
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) configuration;
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
  }

  private static String opinionsSection(String html) {
    return section(html, "id=\"opinions\"");
  }

  private static String accessLogSection(String html) {
    return section(html, "id=\"access-log\"");
  }

  private static String section(String html, String marker) {
    int start = html.indexOf(marker);
    assertThat(start).as("section %s", marker).isPositive();
    Matcher end = Pattern.compile("</table>").matcher(html);
    return end.find(start) ? html.substring(start, end.start()) : html.substring(start);
  }
}
