package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.WebSession;
import cn.partyflow.shared.ChinaClock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * 巡察整改 on PostgreSQL through the same REST API Tasklist uses: a feedback with three problems (imported from a
 * sheet), the plan returned once and approved, one item closed on time, one overdue through all three ladder steps
 * across the Labour Day holiday with the emails arriving at an SMTP server, one long-term item, the two-month
 * report and its disclosure.
 */
@PostgresTest
class RectificationScenarioTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired RectificationItems service;
  @Autowired RectificationDigest digest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  final String dept = "党办" + UUID.randomUUID().toString().substring(0, 6);

  /** The 党委会 that studied the plan, as the 书记 records it when signing. */
  static final Map<String, Object> MEETING = Map.of("planApproved", v("true"), "planMeetingDate", v("2026-04-21"),
      "planMeetingEntitled", v(7), "planMeetingPresent", v(6), "planMeetingAttendees", v("王建国等6名委员"));

  final List<String> cases = new java.util.ArrayList<>();
  final TestData made = new TestData();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    cases.forEach(pi -> CaseCleanup.delete(jdbc, runtime, history, pi));
    made.remove(context);
  }

  @Test
  void feedbackToDisclosureWithAnOverdueItemClimbingTheLadder() throws Exception {
    clock(2026, 4, 22, 10);
    ResponseEntity<Map> started = rest.withBasicAuth("rmyy_zzb", "demo").postForEntity(
        "/engine-rest/process-definition/key/inspectionRectification/start",
        json(Map.of("variables", Map.of("orgId", v("rmyy"), "source", v("巡察")))), Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    String pi = (String) started.getBody().get("id");
    cases.add(pi);

    // 问题清单 from a sheet: a bad row refuses the whole file and is named; the good file fills the form.
    Task register = only(pi, "Task_RegisterFeedback");
    ResponseEntity<String> bad = importProblems(register.getId(), "序号,反馈意见,问题表现\n1,一,议事规则不健全\n2,二,\n");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).contains("第3行").contains("缺少问题表现");
    assertThat(tasks.getVariable(register.getId(), "problems")).isNull();
    ResponseEntity<String> good = importProblems(register.getId(), "序号,反馈意见,问题表现\n1,一、党的领导,党委会议事规则不健全\n"
        + "2,二、从严治党,医药购销廉洁风险防控不到位\n3,三、基层党建,三会一课不规范\n");
    assertThat(good.getBody()).contains("\"imported\":3");
    submit("rmyy_zzb", register, Map.of("feedbackDate", v("2026-04-20"), "roundName", v("县委第六轮巡察"),
        "groupName", v("第一巡察组")));

    String plan = "[" + item(1, "限期整改", "nk_zhuren", "2026-04-30") + "," + item(2, "限期整改", "xz1_keshi", "2026-05-08")
        + "," + item(3, "长期坚持", "xz1_keshi", null) + "]";
    submit("rmyy_zzb", only(pi, "Task_DraftPlan"), Map.of("planItems", jsonValue(plan)));
    ResponseEntity<String> noReason = trySubmit("rmyy_shuji", only(pi, "Task_ApprovePlan"),
        Map.of("planApproved", v("false")));
    assertThat(noReason.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(noReason.getBody()).contains("退回整改方案须写明理由");
    submit("rmyy_shuji", only(pi, "Task_ApprovePlan"),
        Map.of("planApproved", v("false"), "planReturnReason", v("责任分工不清")));
    submit("rmyy_zzb", only(pi, "Task_DraftPlan"), Map.of("planItems", jsonValue(plan)));
    submit("rmyy_shuji", only(pi, "Task_ApprovePlan"), MEETING);
    submit("rmyy_zzb", only(pi, "Task_SubmitPlan"), Map.of("planSubmittedDate", v("2026-04-22")));
    submit("xw_xcb", only(pi, "Task_ReviewPlan"), Map.of("planAccepted", v("true")));

    long caseId = ((Number) runtime.getVariable(pi, "caseId")).longValue();
    List<RectificationItem> items = service.items(caseId);
    assertThat(items).hasSize(3);
    long onTime = items.get(0).id();
    long late = items.get(1).id();
    long longTerm = items.get(2).id();

    // Item 1 closed on time, with evidence uploaded on our own page (a wrong type is refused in Chinese).
    ResponseEntity<String> exe = upload("nk_zhuren", onTime, "virus.exe", new byte[] {1, 2});
    assertThat(exe.getStatusCode().value()).isEqualTo(400);
    assertThat(exe.getBody()).contains("不接受此类文件");
    assertThat(upload("nk_zhuren", onTime, "规则.pdf", "%PDF-1.4".getBytes()).getStatusCode().is2xxSuccessful())
        .isTrue();
    clock(2026, 4, 24, 10);
    submit("nk_zhuren", itemTask(pi, onTime, "Task_ReportProgress"),
        Map.of("progress", v("新议事规则已经党委会通过"), "readyForVerification", v(true)));
    submit("rmyy_fgld", itemTask(pi, onTime, "Task_LeaderReview"), Map.of("leaderApproved", v("true")));
    ResponseEntity<String> ownUnit = trySubmit("rmyy_jiwei", itemTask(pi, onTime, "Task_VerifyItem"),
        Map.of("verified", v("true"), "verifyComment", v("自己验收自己")));
    assertThat(ownUnit.getStatusCode().is2xxSuccessful()).as("the unit does not close its own items").isFalse();
    submit("xw_xcb", itemTask(pi, onTime, "Task_VerifyItem"),
        Map.of("verified", v("true"), "verifyComment", v("查阅会议纪要")));
    assertThat(service.item(onTime).orElseThrow().status()).isEqualTo(Rectification.CLOSED);

    // Item 2 slips: reminder 3 working days before Fri 8 May (1-5 May holiday) = Thu 30 April.
    clock(2026, 4, 29, 18);
    runDueJobs(pi);
    assertThat(kinds(late)).doesNotContain("reminder");
    clock(2026, 4, 30, 9);
    runDueJobs(pi);
    assertThat(kinds(late)).contains("reminder");
    clock(2026, 5, 8, 18);
    runDueJobs(pi);
    assertThat(kinds(late)).contains("warning");
    submit("rmyy_zzb", itemTask(pi, late, "Task_Supervise"), Map.of("superviseNote", v("已电话督办，承诺5月20日完成")));
    // Escalation 5 working days after: Sat 9 May is a make-up working day, so Thu 14 May, not Fri 15 May.
    clock(2026, 5, 13, 18);
    runDueJobs(pi);
    assertThat(kinds(late)).doesNotContain("escalation");
    clock(2026, 5, 14, 9);
    runDueJobs(pi);
    assertThat(kinds(late)).contains("escalation");
    submit("rmyy_shuji", itemTask(pi, late, "Task_Escalate"),
        Map.of("accountabilityAction", v("约谈"), "accountabilityNote", v("约谈分管领导和责任人")));
    assertThat(kinds(late)).containsSubsequence("reminder", "warning", "supervised", "escalation", "accountability");

    assertThat(smtp.waitForIncomingEmail(5000, 6)).isTrue();
    assertThat(mails("xz1_keshi@demo.partyflow.cn")).anyMatch(s -> s.startsWith("【整改提醒】"))
        .anyMatch(s -> s.startsWith("【整改告诫】"));
    assertThat(mails("rmyy_fgld@demo.partyflow.cn")).anyMatch(s -> s.startsWith("【整改告诫】"))
        .anyMatch(s -> s.startsWith("【整改问责提请】"));
    assertThat(mails("rmyy_shuji@demo.partyflow.cn")).anyMatch(s -> s.startsWith("【整改问责提请】"));
    assertThat(mails("rmyy_jiwei@demo.partyflow.cn")).anyMatch(s -> s.startsWith("【整改问责提请】"));
    // The messages name the 责任领导 and the 责任人 as people read them, never by login.
    assertThat(bodies("xz1_keshi@demo.partyflow.cn")).anySatisfy(body -> assertThat(body)
        .startsWith("【整改提醒】").contains("责任领导：周明").contains("责任人：沈斌").doesNotContain("rmyy_fgld")
        .doesNotContain("xz1_keshi"));
    assertThat(jdbc.queryForList("select kind from pf_notification where item_id = ? and delivered", String.class,
        late)).contains("reminder", "warning", "escalation");
    assertThat(jdbc.queryForList("select distinct process_instance_id from pf_notification where item_id = ?",
        String.class, late)).containsExactly(pi);

    // The daily digest tells the 责任人 about the overdue item.
    digest.send();
    assertThat(mails("xz1_keshi@demo.partyflow.cn")).anyMatch(s -> s.startsWith("【整改每日提示】"));

    // The 专题民主生活会 is recorded; the two-month report (due 20 June) is compiled from the items' state.
    submit("rmyy_zzb", only(pi, "Task_RecordLifeMeeting"), Map.of("lifeMeetingDate", v("2026-05-14")));
    clock(2026, 6, 12, 9);
    runDueJobs(pi);
    Task draft = only(pi, "Task_DraftReport");
    assertThat(tasks.getVariable(draft.getId(), "reportSummary").toString())
        .contains("已完成销号1项").contains("逾期未完成1项").contains("长期坚持1项");
    submit("rmyy_zzb", draft, Map.of("reportText", v("整改情况报告（正文）"),
        "leaderReportText", v("主要负责人组织落实整改情况的报告")));
    submit("rmyy_shuji", only(pi, "Task_ApproveReport"), Map.of("reportApproved", v("true")));
    submit("rmyy_zzb", only(pi, "Task_RecordDisclosure"), new LinkedHashMap<>(Map.of(
        "reportSubmittedDate", v("2026-06-12"), "disclosedContent", v("整改进展情况"),
        "disclosureChannel", v("门户网站"), "disclosureDate", v("2026-06-12"),
        "withheldContent", v("问题线索处置情况"), "withheldReason", v("正在初核，暂不公开"),
        "withheldConsentBy", v("县委巡察工作领导小组"), "withheldConsentDate", v("2026-06-11"))));

    // Item 2 is finally closed; the long-term item reports after its period and is closed on evaluation.
    clock(2026, 6, 18, 10);
    assertThat(upload("xz1_keshi", late, "台账.pdf", "%PDF-1.4".getBytes()).getStatusCode().is2xxSuccessful()).isTrue();
    submit("xz1_keshi", itemTask(pi, late, "Task_ReportProgress"),
        Map.of("progress", v("已完成"), "readyForVerification", v(true)));
    submit("rmyy_fgld", itemTask(pi, late, "Task_LeaderReview"), Map.of("leaderApproved", v("true")));
    submit("xw_xcb", itemTask(pi, late, "Task_VerifyItem"), Map.of("verified", v("true"), "verifyComment", v("达标")));
    clock(2026, 7, 23, 10);
    runDueJobs(pi);
    submit("xz1_keshi", itemTask(pi, longTerm, "Task_LongTermReport"),
        Map.of("progress", v("制度已运行一季度"), "readyForVerification", v(true)));
    submit("xw_xcb", itemTask(pi, longTerm, "Task_VerifyLongTerm"),
        Map.of("verified", v("true"), "verifyComment", v("已形成长效机制")));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(jdbc.queryForObject("select status from pf_rectification_case where id = ?", String.class, caseId))
        .isEqualTo("已完成");
  }

  @Test
  void anEscalationInAUnitWithoutItsOwnSecretaryOrAuditorGoesOneLevelUpAsTheTaskDoes() throws Exception {
    String unit = "rcsub" + Math.abs(dept.hashCode() % 100000);
    made.organization(unit);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, 'rmyy', 'COMMITTEE', '整改测试分党委', false, 90)", unit);
    clock(2026, 4, 22, 10);
    ResponseEntity<Map> started = rest.withBasicAuth("rmyy_zzb", "demo").postForEntity(
        "/engine-rest/process-definition/key/inspectionRectification/start",
        json(Map.of("variables", Map.of("orgId", v(unit), "source", v("巡察")))), Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    String pi = (String) started.getBody().get("id");
    cases.add(pi);
    Task register = only(pi, "Task_RegisterFeedback");
    assertThat(importProblems(register.getId(), "序号,反馈意见,问题表现\n1,一、党的领导,议事规则不健全\n").getBody())
        .contains("\"imported\":1");
    submit("rmyy_zzb", register, Map.of("feedbackDate", v("2026-04-20"), "roundName", v("县委第六轮巡察"),
        "groupName", v("第一巡察组")));
    submit("rmyy_zzb", only(pi, "Task_DraftPlan"),
        Map.of("planItems", jsonValue("[" + item(1, "限期整改", "nk_zhuren", "2026-04-30") + "]")));
    submit("rmyy_shuji", only(pi, "Task_ApprovePlan"), MEETING);
    submit("rmyy_zzb", only(pi, "Task_SubmitPlan"), Map.of("planSubmittedDate", v("2026-04-22")));
    submit("xw_xcb", only(pi, "Task_ReviewPlan"), Map.of("planAccepted", v("true")));
    long item = service.items(((Number) runtime.getVariable(pi, "caseId")).longValue()).get(0).id();

    clock(2026, 5, 20, 9);
    runDueJobs(pi);
    assertThat(kinds(item)).contains("escalation");
    assertThat(jdbc.queryForList("select recipient_user from pf_notification where item_id = ? and kind = 'escalation'",
        String.class, item)).contains("rmyy_shuji", "rmyy_jiwei", "rmyy_shenji", "rmyy_fgld");
    assertThat(tasks.getIdentityLinksForTask(only(pi, "Task_Escalate").getId()))
        .extracting(l -> l.getGroupId()).contains("rmyy.secretary", "rmyy.auditor");
  }

  @Test
  void anOfficerUploadsTheProblemListOnItsOwnPageIntoTheOpenRegistration() {
    clock(2026, 4, 22, 10);
    ResponseEntity<Map> started = rest.withBasicAuth("rmyy_zzb", "demo").postForEntity(
        "/engine-rest/process-definition/key/inspectionRectification/start",
        json(Map.of("variables", Map.of("orgId", v("rmyy"), "source", v("巡察")))), Map.class);
    String pi = (String) started.getBody().get("id");
    cases.add(pi);
    Task register = only(pi, "Task_RegisterFeedback");

    assertThat(rest.withBasicAuth("nk_zuzhi", "demo").getForObject("/rectification/problems", String.class))
        .doesNotContain(register.getId());
    WebSession officer = WebSession.open(rest, "rmyy_zzb", "/rectification/problems");
    assertThat(officer.page()).contains("value=\"" + register.getId() + "\"");

    ResponseEntity<String> bad = officer.upload("/rectification/problems", Map.of("taskId", register.getId(),
        "file", sheet("序号,反馈意见,问题表现\n1,一,议事规则不健全\n2,二,\n")));
    assertThat(officer.shown(bad, "/rectification/problems")).contains("第3行").contains("缺少问题表现");
    assertThat(tasks.getVariable(register.getId(), "problems")).isNull();

    ResponseEntity<String> good = officer.upload("/rectification/problems", Map.of("taskId", register.getId(),
        "file", sheet("序号,反馈意见,问题表现\n1,一,议事规则不健全\n2,二,三会一课不规范\n")));
    assertThat(officer.shown(good, "/rectification/problems")).contains("已导入2条问题");
    assertThat(tasks.getVariable(register.getId(), "problems").toString()).contains("三会一课不规范");

    WebSession other = WebSession.open(rest, "wk_zuzhi", "/rectification/problems");
    ResponseEntity<String> foreign = other.upload("/rectification/problems", Map.of("taskId", register.getId(),
        "file", sheet("序号,反馈意见,问题表现\n1,一,越权导入\n")));
    assertThat(foreign.getStatusCode().value()).isIn(403, 404);
    assertThat(tasks.getVariable(register.getId(), "problems").toString()).doesNotContain("越权导入");
  }

  static ByteArrayResource sheet(String csv) {
    return new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "问题清单.csv";
      }
    };
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  String item(int problem, String category, String responsible, String deadline) {
    return "{\"problemNo\":" + problem + ",\"measures\":\"整改措施" + problem + "\",\"category\":\"" + category
        + "\",\"leaderUser\":\"rmyy_fgld\",\"department\":\"" + dept + "\",\"responsibleUser\":\"" + responsible + "\""
        + (deadline == null ? "" : ",\"deadline\":\"" + deadline + "\"") + "}";
  }

  List<String> kinds(long item) {
    return service.events(item).stream().map(RectificationItems.Event::kind).toList();
  }

  /** The text of the messages sent to {@code to}, as a mail program shows it. */
  List<String> bodies(String to) {
    return received(to).map(m -> {
      try {
        return String.valueOf(m.getContent());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The subjects of the messages sent to {@code to}. */
  List<String> mails(String to) {
    return received(to).map(m -> {
      try {
        return m.getSubject();
      } catch (Exception e) {
        return "";
      }
    }).toList();
  }

  private Stream<MimeMessage> received(String to) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
      } catch (Exception e) {
        return false;
      }
    });
  }

  void runDueJobs(String pi) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(pi).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  Task only(String pi, String key) {
    List<Task> list = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list();
    assertThat(list).as(key).hasSize(1);
    return list.get(0);
  }

  Task itemTask(String pi, long item, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list().stream()
        .filter(t -> ((Number) tasks.getVariable(t.getId(), "itemId")).longValue() == item)
        .findFirst().orElseThrow(() -> new AssertionError("no " + key + " for item " + item));
  }

  void submit(String user, Task task, Map<String, Object> variables) {
    ResponseEntity<String> r = trySubmit(user, task, variables);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(task.getTaskDefinitionKey() + ": " + r.getBody()).isTrue();
  }

  ResponseEntity<String> trySubmit(String user, Task task, Map<String, Object> variables) {
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
        json(Map.of("variables", variables)), String.class);
  }

  ResponseEntity<String> importProblems(String taskId, String csv) {
    return multipart("rmyy_zzb", "/api/rectification/tasks/" + taskId + "/problems", "问题清单.csv",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  ResponseEntity<String> upload(String user, long item, String name, byte[] content) {
    return multipart(user, "/api/rectification/items/" + item + "/evidence", name, content);
  }

  ResponseEntity<String> multipart(String user, String url, String name, byte[] content) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").postForEntity(url, new HttpEntity<>(body, headers), String.class);
  }

  static Map<String, Object> v(Object value) {
    return Map.of("value", value);
  }

  static Map<String, Object> jsonValue(String json) {
    return Map.of("value", json, "type", "Json");
  }

  static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  static void clock(int y, int m, int d, int h) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(y, m, d, h, 0)));
  }
}
