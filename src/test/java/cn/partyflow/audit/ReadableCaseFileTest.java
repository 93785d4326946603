package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The auditors' case page of real procedures reads as a case file: the forms' labels, names for ids, options as
 * chosen, and none of the variable keys of the data dictionary, group ids or engine properties.
 */
@PostgresTest
class ReadableCaseFileTest {

  /** Keys of the README's data dictionary and other technical variables that must never show as text. */
  static final List<String> MEMBER_KEYS = List.of("applicantId", "branchId", "startStage", "stageOutcome",
      "memberOptions", "contactIds", "sponsorIds", "applicantName", "applicationDate", "activistDate",
      "activistSelected", "activistFilingDecision", "autobiographyReceived", "orgId", "branchName",
      "committeeMeetingDate", "contactsAppointedDate", "talkDate", "CONTINUE", "APPLICATION");

  static final List<String> RECTIFICATION_KEYS = List.of("orgId", "source", "problems", "planItems",
      "planApproved", "planReturnReason", "caseId", "feedbackDate", "roundName", "groupName", "responsibleUser",
      "leaderUser", "measures");

  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();

  @AfterEach
  void removeWhatWasMade() {
    made.remove(context);
  }

  @Test
  void aMemberDevelopmentCaseShowsLabelsNamesAndChoicesInsteadOfKeysAndIds() throws Exception {
    String applicant = "RD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    made.person(applicant);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        applicant, "案卷可读测试", "女", Date.valueOf("1999-05-20"), "NON_MEMBER", "rmyy-nk");
    ResponseEntity<Map> started = http.withBasicAuth("nk_zuzhi", "demo").postForEntity(
        "/engine-rest/process-definition/key/memberDevelopment/submit-form",
        Map.of("variables", Map.of("applicantId", Map.of("value", applicant),
            "startStage", Map.of("value", "APPLICATION"))), Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as("start: %s", started.getBody()).isTrue();
    String pi = (String) started.getBody().get("id");
    submit(pi, "nk_zuzhi", "Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20",
        "gender", "女", "autobiographyReceived", true);
    submit(pi, "nk_zuzhi", "Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011",
        "talkRecord", "了解入党动机");
    submit(pi, "nk_zuzhi", "Task_NominateActivist", "activistSelected", "true", "activistDate", "2024-07-15",
        "committeeMeetingDate", "2024-07-15");
    submit(pi, "rmyy_zzb", "Task_FileActivist", "activistFilingDecision", "PASS", "activistFilingDate",
        "2024-07-20");
    submit(pi, "nk_zuzhi", "Task_AppointContacts", "contactIds", new Json("[\"P019\"]"),
        "contactsAppointedDate", "2024-07-20");

    String html = page(pi);
    String text = text(html);
    for (String key : MEMBER_KEYS) {
      assertThat(text).as("variable key or raw value %s", key).doesNotContain(key);
    }
    assertThat(text).contains("申请人：案卷可读测试", "从哪个阶段开始：申请入党（新申请）",
        "已附自传：是", "是否确定为入党积极分子：确定", "审核结论：通过", "培养联系人：谢华", "收到入党申请书日期：2024-01-10")
        .doesNotContain(applicant + "（", "false → true", "删除");
    assertThat(operations(html)).contains("发起流程", "办理完成");
    assertThat(text.split("从哪个阶段开始：", -1)).as("a value written back by a listener is shown once").hasSize(2);
    assertThat(text).as("no group id").doesNotContainPattern("rmyy[-a-z0-9]*\\.[a-z]+")
        .contains("县人民医院内科党支部 组织委员");
    assertThat(pdfText(pi)).contains("培养联系人：谢华", "已附自传：是").doesNotContain("contactIds", "applicantId");
  }

  @Test
  void aRectificationCaseShowsLabelsNamesAndChoicesInsteadOfKeysAndIds() {
    String dept = "党办" + UUID.randomUUID().toString().substring(0, 6);
    ResponseEntity<Map> started = http.withBasicAuth("rmyy_zzb", "demo").postForEntity(
        "/engine-rest/process-definition/key/inspectionRectification/start",
        Map.of("variables", Map.of("orgId", v("rmyy"), "source", v("巡察"))), Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    String pi = (String) started.getBody().get("id");
    Task register = task(pi, "Task_RegisterFeedback");
    ResponseEntity<String> imported = importProblems(register.getId(),
        "序号,反馈意见,问题表现\n1,一、党的领导,党委会议事规则不健全\n");
    assertThat(imported.getStatusCode().is2xxSuccessful()).as(imported.getBody()).isTrue();
    submit(pi, "rmyy_zzb", "Task_RegisterFeedback", "feedbackDate", "2026-04-20", "roundName", "县委第六轮巡察",
        "groupName", "第一巡察组");
    Json plan = new Json("[{\"problemNo\":1,\"measures\":\"修订议事规则\",\"category\":\"限期整改\","
        + "\"leaderUser\":\"rmyy_fgld\",\"department\":\"" + dept + "\",\"responsibleUser\":\"nk_zhuren\","
        + "\"deadline\":\"2026-04-30\"}]");
    submit(pi, "rmyy_zzb", "Task_DraftPlan", "planItems", plan);
    submit(pi, "rmyy_shuji", "Task_ApprovePlan", "planApproved", "false", "planReturnReason", "责任分工不清");

    String html = page(pi);
    String text = text(html);
    for (String key : RECTIFICATION_KEYS) {
      assertThat(text).as("variable key %s", key).doesNotContain(key);
    }
    assertThat(text).contains("退回理由：责任分工不清", "审定结论：退回重拟", "责任人 何军", "责任领导 周明", "问题清单：序号 1",
        "整改措施 修订议事规则", "巡察轮次")
        .doesNotContain("nk_zhuren", "false → true")
        .doesNotContainPattern("rmyy[-a-z0-9]*\\.[a-z]+");
  }

  private String page(String pi) {
    ResponseEntity<String> page = http.withBasicAuth("rmyy_jiwei", "demo").getForEntity("/audit/cases/" + pi,
        String.class);
    assertThat(page.getStatusCode().is2xxSuccessful()).isTrue();
    return page.getBody();
  }

  /** What a person reads: the page without its tags, scripts, styles and the diagram's element ids. */
  static String text(String html) {
    String body = html.replaceAll("(?s)<style.*?</style>", "").replaceAll("(?s)<script.*?</script>", "")
        .replaceAll("(?s)<[^>]*>", "");
    return body.replace("&nbsp;", " ").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
  }

  private static String operations(String html) {
    int start = html.indexOf("id=\"operations\"");
    return html.substring(start, html.indexOf("</table>", start));
  }

  private String pdfText(String pi) throws Exception {
    byte[] pdf = http.withBasicAuth("rmyy_jiwei", "demo").getForObject("/audit/cases/" + pi + "/dossier.pdf",
        byte[].class);
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(extractor.getTextFromPage(p));
    }
    reader.close();
    return text.toString().replaceAll("\\s", "");
  }

  private Task task(String pi, String key) {
    Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    assertThat(t).as("open task %s", key).isNotNull();
    return t;
  }

  private void submit(String pi, String user, String taskKey, Object... keyValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object value = keyValues[i + 1];
      variables.put((String) keyValues[i], value instanceof Json j ? Map.of("value", j.text(), "type", "Json")
          : v(value));
    }
    ResponseEntity<String> r = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/"
        + task(pi, taskKey).getId() + "/submit-form", Map.of("variables", variables), String.class);
    assertThat(r.getStatusCode().is2xxSuccessful()).as("%s by %s: %s", taskKey, user, r.getBody()).isTrue();
  }

  private ResponseEntity<String> importProblems(String taskId, String csv) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "问题清单.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("rmyy_zzb", "demo").postForEntity("/api/rectification/tasks/" + taskId + "/problems",
        new HttpEntity<>(body, headers), String.class);
  }

  private static Map<String, Object> v(Object value) {
    return Map.of("value", value);
  }

  private record Json(String text) {}
}
