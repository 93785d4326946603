package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.WebSession;
import cn.partyflow.shared.ImportLimits;
import cn.partyflow.shared.SheetReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The 问题清单 import page over HTTP, as the browser uses it: the officer's claimed and unclaimed registration tasks,
 * the templates with the Chinese column names, a colleague's claimed task refused, and whoever has no registration
 * task told who holds it.
 */
@PostgresTest
class ProblemImportPageTest {

  static final String PAGE = "/rectification/problems";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;

  @Test
  void aClaimedRegistrationStaysOnTheOfficersPageAndTakesTheImport() {
    Task register = startedRegistration("rmyy_dangban");
    assertThat(tasks.getVariableLocal(register.getId(), "registrationTaskId")).isEqualTo(register.getId());
    ResponseEntity<String> claim = rest.withBasicAuth("rmyy_zzb", "demo").postForEntity(
        "/engine-rest/task/" + register.getId() + "/claim", json(Map.of("userId", "rmyy_zzb")), String.class);
    assertThat(claim.getStatusCode().is2xxSuccessful()).as(String.valueOf(claim.getBody())).isTrue();

    WebSession officer = WebSession.open(rest, "rmyy_zzb", PAGE + "?task=" + register.getId());
    assertThat(row(officer.page(), register.getId())).contains("已由我认领").contains("尚未导入")
        .containsPattern("value=\"" + register.getId() + "\"[^>]*checked");

    ResponseEntity<String> good = officer.upload(PAGE, Map.of("taskId", register.getId(),
        "file", file("问题清单.csv", "序号,反馈意见,问题表现\n1,一,议事规则不健全\n2,二,三会一课不规范\n")));
    String shown = officer.shown(good, PAGE);
    assertThat(shown).contains("已导入2条问题").contains("返回任务");
    assertThat(row(shown, register.getId())).contains("2条").containsPattern("value=\"" + register.getId()
        + "\"[^>]*checked");
    assertThat(tasks.getVariable(register.getId(), "problems").toString()).contains("三会一课不规范");
  }

  @Test
  void aRegistrationClaimedByAColleagueIsNeitherListedAsOwnNorImportedInto() {
    Task register = startedRegistration("rmyy_dangban");
    tasks.setAssignee(register.getId(), "rmyy_dangban");

    String page = WebSession.open(rest, "rmyy_zzb", PAGE).page();
    assertThat(page).doesNotContain("value=\"" + register.getId() + "\"");
    assertThat(row(page, register.getId())).contains("已由吴芳认领");

    ResponseEntity<String> refused = importOverApi("rmyy_zzb", register.getId(), "问题清单.csv",
        "问题表现\n越权导入\n".getBytes(StandardCharsets.UTF_8));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("已由吴芳认领，只有认领人可以导入问题清单");
    assertThat(tasks.getVariable(register.getId(), "problems")).isNull();
  }

  @Test
  void whoeverHasNoRegistrationTaskIsToldWhoHoldsIt() {
    Task register = startedRegistration("rmyy_fushuji");

    String starter = WebSession.open(rest, "rmyy_fushuji", PAGE).page();
    assertThat(starter).contains("id=\"no-task\"").contains("您当前没有可办理的“登记反馈问题清单”任务");
    assertThat(row(starter, register.getId())).contains("县人民医院党委 组织部门干事（赵志强）");

    assertThat(WebSession.open(rest, "zyy_zzb", PAGE).page()).doesNotContain(register.getId());
  }

  @Test
  void theTemplatesCarryTheChineseColumnNamesAndAFilledOneImports() throws Exception {
    ResponseEntity<byte[]> xlsx = rest.withBasicAuth("rmyy_zzb", "demo")
        .getForEntity(PAGE + "/template.xlsx", byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment")
        .contains(".xlsx");
    byte[] filled;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.getSheetAt(0);
      Row head = sheet.getRow(0);
      assertThat(List.of(head.getCell(0).getStringCellValue(), head.getCell(1).getStringCellValue(),
          head.getCell(2).getStringCellValue())).containsExactly("序号", "反馈意见", "问题表现");
      assertThat(sheet.getLastRowNum()).isZero();
      fill(sheet.createRow(1), 1, "一、党的领导", "党委会议事规则不健全");
      fill(sheet.createRow(2), 2, "二、从严治党", "医药购销廉洁风险防控不到位");
      wb.write(out);
      filled = out.toByteArray();
    }
    Task register = startedRegistration("rmyy_dangban");
    ResponseEntity<String> imported = importOverApi("rmyy_zzb", register.getId(), "问题清单模板.xlsx", filled);
    assertThat(imported.getBody()).contains("\"imported\":2");

    ResponseEntity<byte[]> csv = rest.withBasicAuth("rmyy_zzb", "demo")
        .getForEntity(PAGE + "/template.csv", byte[].class);
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF序号,反馈意见,问题表现");
    assertThat(new ProblemImport(new SheetReader(ImportLimits.defaults())).read("问题清单模板.csv",
        (text + "1,一,议事规则不健全\n").getBytes(StandardCharsets.UTF_8))).hasSize(1);
  }

  @Test
  void aFileThatIsNotASheetIsRefusedInChineseAndNothingIsImported() {
    Task register = startedRegistration("rmyy_dangban");
    WebSession officer = WebSession.open(rest, "rmyy_zzb", PAGE + "?task=" + register.getId());
    ResponseEntity<String> pdf = officer.upload(PAGE, Map.of("taskId", register.getId(),
        "file", file("问题清单.pdf", "%PDF-1.4")));
    assertThat(officer.shown(pdf, PAGE)).contains("只能导入CSV或XLSX（Excel）格式的问题清单");
    assertThat(tasks.getVariable(register.getId(), "problems")).isNull();
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  Task startedRegistration(String starter) {
    ResponseEntity<Map> started = rest.withBasicAuth(starter, "demo").postForEntity(
        "/engine-rest/process-definition/key/inspectionRectification/start",
        json(Map.of("variables", Map.of("orgId", Map.of("value", "rmyy"), "source", Map.of("value", "巡察")))),
        Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    return tasks.createTaskQuery().processInstanceId((String) started.getBody().get("id"))
        .taskDefinitionKey("Task_RegisterFeedback").singleResult();
  }

  /** The page's table row of one task. */
  static String row(String page, String taskId) {
    var m = Pattern.compile("<tr[^>]*data-task=\"" + taskId + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("a row for task " + taskId + " in:\n" + page).isTrue();
    return m.group();
  }

  static void fill(Row row, int no, String clause, String problem) {
    row.createCell(0).setCellValue(no);
    row.createCell(1).setCellValue(clause);
    row.createCell(2).setCellValue(problem);
  }

  ResponseEntity<String> importOverApi(String user, String taskId, String name, byte[] content) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").postForEntity("/api/rectification/tasks/" + taskId + "/problems",
        new HttpEntity<>(body, headers), String.class);
  }

  static ByteArrayResource file(String name, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
