package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.shared.ChinaClock;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    String pi = made.started((String) started.getBody().get("id"));
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

  /**
   * 巡察整改's items run in parallel with the same variable names: each item's values read as changes of that item
   * only, named by the item as its tasks name it, on the page and in the dossier.
   */
  @Test
  void parallelRectificationItemsEachShowOnlyTheirOwnChanges() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String deptA = "甲科" + tag;
    String deptB = "乙科" + tag;
    LocalDate today = ChinaClock.today();
    ResponseEntity<Map> started = http.withBasicAuth("rmyy_zzb", "demo").postForEntity(
        "/engine-rest/process-definition/key/inspectionRectification/start",
        Map.of("variables", Map.of("orgId", v("rmyy"), "source", v("巡察"))), Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    String pi = made.started((String) started.getBody().get("id"));
    ResponseEntity<String> imported = importProblems(task(pi, "Task_RegisterFeedback").getId(),
        "序号,反馈意见,问题表现\n1,一、党的领导,甲问题议事规则不健全\n2,二、从严治党,乙问题廉洁风险防控不到位\n");
    assertThat(imported.getStatusCode().is2xxSuccessful()).as(imported.getBody()).isTrue();
    submit(pi, "rmyy_zzb", "Task_RegisterFeedback", "feedbackDate", today.minusDays(10).toString(),
        "roundName", "县委第七轮巡察", "groupName", "第二巡察组");
    String deadline = today.plusDays(60).toString();
    submit(pi, "rmyy_zzb", "Task_DraftPlan", "planItems", new Json("[{\"problemNo\":1,\"measures\":\"甲措施修订规则\","
        + "\"category\":\"限期整改\",\"leaderUser\":\"rmyy_fgld\",\"department\":\"" + deptA + "\","
        + "\"responsibleUser\":\"nk_zhuren\",\"deadline\":\"" + deadline + "\"},"
        + "{\"problemNo\":2,\"measures\":\"乙措施建立台账\",\"category\":\"限期整改\",\"leaderUser\":\"rmyy_fgld\","
        + "\"department\":\"" + deptB + "\",\"responsibleUser\":\"nk_zhuren\",\"deadline\":\"" + deadline + "\"}]"));
    submit(pi, "rmyy_shuji", "Task_ApprovePlan", "planApproved", "true", "planMeetingDate",
        today.minusDays(9).toString(), "planMeetingEntitled", 7, "planMeetingPresent", 6,
        "planMeetingAttendees", "王建国等6名委员");
    submit(pi, "rmyy_zzb", "Task_SubmitPlan", "planSubmittedDate", today.minusDays(8).toString());
    submit(pi, "xw_xcb", "Task_ReviewPlan", "planAccepted", "true");

    // Each item's 责任人 reports twice, the second item in between the first item's two reports.
    String itemA = reportProgress(pi, deptA, "进展甲一");
    String itemB = reportProgress(pi, deptB, "进展乙一");
    assertThat(reportProgress(pi, deptB, "进展乙二")).isEqualTo(itemB);
    assertThat(reportProgress(pi, deptA, "进展甲二")).isEqualTo(itemA);

    String html = page(pi);
    List<String> a = itemLines(html, itemA);
    List<String> b = itemLines(html, itemB);
    // A time-limited item's values read as its own report form names them (the long-term items' form, 本期落实情况 /
    // 已形成长效机制，申请评估销号, names the same variables too).
    assertThat(a).contains("整改措施：甲措施修订规则", "整改进展：进展甲一", "整改进展：进展甲一 → 进展甲二", "已完成，申请销号：否")
        .noneMatch(line -> line.contains("乙"))
        .anyMatch(line -> line.startsWith("问题：") && line.endsWith("甲问题议事规则不健全"));
    assertThat(b).contains("整改措施：乙措施建立台账", "整改进展：进展乙一", "整改进展：进展乙一 → 进展乙二")
        .noneMatch(line -> line.contains("甲"))
        .anyMatch(line -> line.startsWith("问题：") && line.endsWith("乙问题廉洁风险防控不到位"));
    assertThat(text(html)).as("no item's value reads as a change of another's")
        .doesNotContain("进展甲一 → 进展乙一", "进展乙二 → 进展甲二", "甲问题议事规则不健全 → ", "乙问题廉洁风险防控不到位 → ")
        .doesNotContain("itemProblem", "itemSeq", "itemId")
        .as("no label of the long-term items' form").doesNotContain("本期落实情况", "已形成长效机制，申请评估销号");
    assertThat(text(section(html, "id=\"final-values\""))).contains("【" + itemA + "】问题", "【" + itemB + "】问题",
        "【" + itemA + "】整改进展");
    assertThat(pdfText(pi)).contains("【" + itemA + "】问题：", "【" + itemB + "】问题：",
        "整改进展：进展甲一→进展甲二", "整改进展：进展乙一→进展乙二").doesNotContain("进展甲一→进展乙一", "进展乙二→进展甲二",
        "本期落实情况");
  }

  /** The 责任人 reports progress on the item of the given department; returns the item's name in its task's name. */
  private String reportProgress(String pi, String department, String progress) {
    Task report = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ReportProgress").list()
        .stream().filter(t -> t.getName().contains("（" + department + "）")).findFirst()
        .orElseThrow(() -> new AssertionError("no report task for " + department));
    // Tasklist submits the form's read-only fields too, with the values it was given.
    Map<String, Object> variables = Map.of("progress", v(progress), "readyForVerification", v(false),
        "itemMeasures", v(tasks.getVariable(report.getId(), "itemMeasures")));
    ResponseEntity<String> r = http.withBasicAuth("nk_zhuren", "demo").postForEntity("/engine-rest/task/"
        + report.getId() + "/submit-form", Map.of("variables", variables), String.class);
    assertThat(r.getStatusCode().is2xxSuccessful()).as("report %s: %s", department, r.getBody()).isTrue();
    Matcher item = Pattern.compile("事项\\d+（" + Pattern.quote(department) + "）").matcher(report.getName());
    assertThat(item.find()).as(report.getName()).isTrue();
    return item.group();
  }

  /**
   * The value lines of one item on the case page: every value of the steps its name names, and the values other
   * steps mark as the item's, without the mark.
   */
  private static List<String> itemLines(String html, String item) {
    List<String> lines = new ArrayList<>();
    String mark = "【" + item + "】";
    for (String row : html.split("<tr class=\"entry\">")) {
      Matcher title = Pattern.compile("class=\"step-title\">([^<]*)<").matcher(row);
      if (!title.find()) {
        continue;
      }
      boolean named = title.group(1).contains(item);
      Matcher value = Pattern.compile("(?s)<li[^>]*class=\"[^\"]*value[^\"]*\"[^>]*>(.*?)</li>").matcher(row);
      while (value.find()) {
        String line = text(value.group(1)).replaceAll("\\s+", " ").trim();
        if (line.startsWith(mark)) {
          lines.add(line.substring(mark.length()));
        } else if (named) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  private static String section(String html, String marker) {
    int start = html.indexOf(marker);
    return html.substring(start, html.indexOf("</table>", start));
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
