package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.TaskForms;
import cn.partyflow.shared.ChinaClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * One 巡察整改 case from 发起流程 to the disclosure, each step by the demo user it is routed to; in headless Chromium
 * by mouse and keyboard where only the browser shows it, over /engine-rest as the same users where another browser
 * test already works that form in Tasklist (the registration with its import page: RectificationRegistrationJourneyTest;
 * the plan's lists: RectificationPlanBrowserTest). In Chromium: the 党办 (吴芳, rmyy_dangban) starts it for
 * 县人民医院党委 in Tasklist; the 组织部门干事 (赵志强, rmyy_zzb) finds the plan the 党委书记 returned with its reason
 * still filled with his two items, sharpens a measure in the list and sends it again; the 责任人 (何军, nk_zhuren)
 * applies for 销号 without evidence (refused in Chinese), follows the task's link to the evidence page, uploads,
 * applies, and when the 县委巡察办 (郑国华, xw_xcb) sends item 1 back sees why and applies again. Over REST: the
 * registration (a future 反馈日期 refused), the plan, the 书记's return and signature, the 巡察办's acceptance, the
 * 专题民主生活会, the 责任领导's (周明, rmyy_fgld) reviews, the verifications, then, the engine clock moved to the
 * report's compilation day, the report, its approval and the disclosure. One Chromium signs in three times; the
 * case is deleted afterwards. Screenshots: target/screenshots/rc-journey-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class InspectionRectificationJourneyTest {

  static final String ZZB = "rmyy_zzb";
  static final String ZZB_NAME = "赵志强";
  static final String SHUJI = "rmyy_shuji";
  static final String DANGBAN = "rmyy_dangban";
  static final String DANGBAN_NAME = "吴芳";
  static final String RESPONSIBLE = "nk_zhuren";
  static final String RESPONSIBLE_NAME = "何军";
  static final String LEADER = "rmyy_fgld";
  static final String INSPECTOR = "xw_xcb";
  static final String MINE = "我的待办";
  static final String MY_GROUPS = "本组织待办";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path files;

  RectificationBrowser browser;
  TaskForms forms;
  String pi;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (browser != null) {
      browser.close();
    }
    CaseCleanup.delete(jdbc, runtime, history, pi);
  }

  @Test
  void oneCaseWithTwoItemsOneReturnedOnceGoesFromTheStartToTheDisclosure() throws Exception {
    browser = new RectificationBrowser(port, "rc-journey");
    forms = new TaskForms(http);
    LocalDate today = ChinaClock.today();

    try {
      startInTasklist();
      register(today);
      draftPlan(today);
      returnThePlanAndApproveTheRedraft(today);
      submitAndAcceptThePlan(today);
      workTheItems();
      reportAndDisclose();
    } catch (Throwable stopped) {
      browser.shot("stopped-here");
      throw stopped;
    }
  }

  /** 吴芳 of the 党办 starts the case in Tasklist, choosing the organization from her own. */
  private void startInTasklist() {
    Set<String> before = runningCases();
    browser.signIn(DANGBAN, DANGBAN_NAME);
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.start-process-action a"))).click();
    browser.wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".modal-header input[ng-model='page.searchValue']"))).sendKeys("巡察整改");
    browser.wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='巡察整改']"))).click();
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-body .fjs-container")));
    browser.choose("被巡察的党组织", 1, "人民医院", "县人民医院党委");
    browser.choose("整改来源", "巡察");
    browser.shot("01-start-form");
    browser.wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button[ng-click='startProcessInstance()']"))).click();
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-body .fjs-container")));
    browser.wait.until(d -> runningCases().size() > before.size());
    Set<String> started = runningCases();
    started.removeAll(before);
    assertThat(started).hasSize(1);
    pi = started.iterator().next();
    assertThat(runtime.getVariable(pi, "orgId")).isEqualTo("rmyy");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getStartUserId())
        .isEqualTo(DANGBAN);
    browser.shot("02-started");
  }

  /** 赵志强 imports the 问题清单 and registers the feedback; a 反馈日期 in the future is refused in Chinese. */
  private void register(LocalDate today) {
    Task register = only("Task_RegisterFeedback");
    LinkedMultiValueMap<String, Object> sheet = new LinkedMultiValueMap<>();
    StringBuilder csv = new StringBuilder("序号,反馈意见,问题表现\n");
    RectificationRegistrationJourneyTest.PROBLEMS.forEach(p -> csv.append(p.get(0)).append(',').append(p.get(1))
        .append(',').append(p.get(2)).append('\n'));
    sheet.add("file", new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "问题清单.csv";
      }
    });
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    assertThat(http.withBasicAuth(ZZB, "demo").postForEntity("/api/rectification/tasks/" + register.getId()
        + "/problems", new HttpEntity<>(sheet, multipart), String.class).getBody()).contains("\"imported\":2");

    Map<String, Object> registration = Map.of("roundName", "县委第七轮巡察", "groupName", "县委第一巡察组",
        "feedbackDate", today.plusDays(1).toString());
    ResponseEntity<String> future = forms.trySubmit(ZZB, register.getId(), registration);
    assertThat(future.getStatusCode().value()).isEqualTo(400);
    assertThat(future.getBody()).contains("反馈日期不能晚于今天").doesNotContain("Cannot", register.getId());
    assertThat(tasks.createTaskQuery().taskId(register.getId()).count()).as("the task is still open").isEqualTo(1);
    forms.submit(ZZB, register.getId(), Map.of("roundName", "县委第七轮巡察", "groupName", "县委第一巡察组",
        "feedbackDate", today.toString()));
  }

  /**
   * The plan's two items as the form's list sends them: each problem by its option's value (the number as text),
   * its measures, the 责任领导, 科室 and 责任人.
   */
  private void draftPlan(LocalDate today) {
    forms.submit(ZZB, only("Task_DraftPlan").getId(), Map.of("planItems", new TaskForms.Json("["
        + item(1, "修订党委会议事规则并经党委会通过", "限期整改", "党委办公室", today.plusDays(30)) + ","
        + item(2, "开展医药购销领域专项治理", "立行立改", "药剂科", today.plusDays(20)) + "]")));
    List<Map<String, Object>> items = jdbc.queryForList("select seq, leader_user, responsible_user, category"
        + " from pf_rectification_item where case_id = ? order by seq", caseId());
    assertThat(items).extracting(m -> m.get("leader_user")).containsExactly(LEADER, LEADER);
    assertThat(items).extracting(m -> m.get("responsible_user")).containsExactly(RESPONSIBLE, RESPONSIBLE);
  }

  private static String item(int problemNo, String measures, String category, String department,
      LocalDate deadline) {
    return "{\"problemNo\":\"" + problemNo + "\",\"measures\":\"" + measures + "\",\"target\":\"形成制度并执行到位\","
        + "\"category\":\"" + category + "\",\"leaderUser\":\"" + LEADER + "\",\"department\":\"" + department
        + "\",\"responsibleUser\":\"" + RESPONSIBLE + "\",\"deadline\":\"" + deadline + "\"}";
  }

  /**
   * 王建国 returns the plan with a reason; 赵志强 finds it in Tasklist with the reason and his two items filled in,
   * sharpens the second measure in the list; 王建国 signs the redraft with the 党委会's date and attendance.
   */
  private void returnThePlanAndApproveTheRedraft(LocalDate today) {
    forms.submit(SHUJI, only("Task_ApprovePlan").getId(), Map.of("planApproved", "false",
        "planReturnReason", "第2项措施不够具体，请写明专项治理的范围和时间"));

    Task redraft = only("Task_DraftPlan");
    browser.signIn(ZZB, ZZB_NAME);
    browser.openTask(MY_GROUPS, redraft.getId());
    assertThat(browser.value("上次退回理由")).contains("第2项措施不够具体");
    assertThat(browser.value("整改措施")).isEqualTo("修订党委会议事规则并经党委会通过");
    browser.type("整改措施", 2, "对药剂科、设备科的采购开展为期一个月的专项治理");
    browser.shot("07-plan-redrafted");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(redraft.getId()).count() == 0);
    assertThat(jdbc.queryForList("select measures from pf_rectification_item where case_id = ? order by seq",
        String.class, caseId())).containsExactly("修订党委会议事规则并经党委会通过", "对药剂科、设备科的采购开展为期一个月的专项治理");

    forms.submit(SHUJI, only("Task_ApprovePlan").getId(), Map.of("planApproved", "true",
        "planMeetingDate", today.toString(), "planMeetingEntitled", 7, "planMeetingPresent", 6,
        "planMeetingAttendees", "王建国、李红梅、周明、吴芳等6名委员"));
  }

  /** The plan goes to the 县委巡察办, whose 郑国华 accepts it; the items start; the 专题民主生活会 is recorded. */
  private void submitAndAcceptThePlan(LocalDate today) {
    Task submit = only("Task_SubmitPlan");
    assertThat(submit.getName()).isEqualTo("向县委巡察办报送县人民医院党委整改方案");
    forms.submit(ZZB, submit.getId(), Map.of("planSubmittedDate", today.toString(), "planDocumentNo",
        "人医党发〔2026〕12号"));
    Task review = only("Task_ReviewPlan");
    // What its form's heading shows (应到7人，实到6人) is in the task's variables.
    assertThat(String.valueOf(tasks.getVariable(review.getId(), "planMeetingEntitled"))).isEqualTo("7");
    assertThat(String.valueOf(tasks.getVariable(review.getId(), "planMeetingPresent"))).isEqualTo("6");
    forms.submit(INSPECTOR, review.getId(), Map.of("planAccepted", "true", "planReviewOpinion", "同意"));
    assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ReportProgress").count())
        .isEqualTo(2);
    forms.submit(ZZB, only("Task_RecordLifeMeeting").getId(), Map.of("lifeMeetingDate", today.toString(),
        "lifeMeetingNote", "县纪委监委、县委组织部派员列席，班子成员逐一对照检查"));
  }

  /**
   * In Chromium, 何军 applies for 销号 on item 1 without evidence and is refused, uploads the evidence from the
   * task's link and applies. Item 2 is reported and both are passed on and verified over REST; item 1 is sent back,
   * 何军 sees why in his task, applies again, and it is closed.
   */
  private void workTheItems() {
    browser.signIn(RESPONSIBLE, RESPONSIBLE_NAME);
    Task first = itemTask("Task_ReportProgress", 1);
    browser.openTask(MINE, first.getId());
    assertThat(browser.formText()).doesNotContain("退回理由");
    fillReport("议事规则已修订，待党委会审议");
    browser.complete();
    browser.wait.until(d -> browser.errors().stream().anyMatch(e -> e.contains("申请销号须先上传证明材料")));
    assertThat(browser.errors()).allSatisfy(e -> assertThat(e).doesNotContain("Cannot", first.getId()));
    browser.shot("08a-closing-request-without-evidence-refused");
    assertThat(tasks.createTaskQuery().taskId(first.getId()).count()).as("the task is still open").isEqualTo(1);

    Path pdf = write("议事规则修订稿.pdf");
    assertThat(browser.uploadEvidence(pdf)).contains("已上传：议事规则修订稿.pdf");
    // The list gives the file's size with its unit, not a bare number of bytes.
    assertThat(browser.evidenceRow("议事规则修订稿.pdf")).contains("1KB");
    browser.shot("08b-evidence-uploaded-item-1");
    browser.reload();
    browser.openTask(MINE, first.getId());
    fillReport("议事规则已修订，待党委会审议");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(first.getId()).count() == 0);

    long second = itemId(2);
    assertThat(evidence(second, "专项治理台账.pdf").getStatusCode().is2xxSuccessful()).isTrue();
    forms.submit(RESPONSIBLE, itemTask("Task_ReportProgress", 2).getId(), Map.of("progress", "专项治理已完成，问题已整改",
        "readyForVerification", true));
    review(1);
    review(2);
    verify(1, false, "未见党委会审议通过的记录，请补充会议纪要");
    verify(2, true, "查阅治理台账并实地查看，整改到位");

    Task again = itemTask("Task_ReportProgress", 1);
    browser.reload();
    browser.openTask(MINE, again.getId());
    assertThat(browser.value("退回理由")).contains("验收未通过：未见党委会审议通过的记录");
    assertThat(browser.ticked("已完成，申请销号")).as("sent back, not yet applied for 销号 again").isFalse();
    browser.shot("10-item-1-back-with-the-reason");
    fillReport("议事规则已经党委会审议通过，会议纪要已上传");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(again.getId()).count() == 0);

    review(1);
    verify(1, true, "查阅会议纪要，规则已执行");
    assertThat(jdbc.queryForList("select status from pf_rectification_item where case_id = ? order by seq",
        String.class, caseId())).containsOnly(Rectification.CLOSED);
    assertThat(jdbc.queryForList("select e.kind from pf_rectification_event e join pf_rectification_item i"
        + " on i.id = e.item_id where i.case_id = ? and i.seq = 1 order by e.occurred_at, e.id", String.class,
        caseId())).containsSubsequence("planned", "progress", "reviewed", "returned", "progress", "reviewed",
        "closed");
  }

  private void fillReport(String progress) {
    browser.type("整改进展", progress);
    browser.tick("已完成，申请销号", "已完成，申请销号");
  }

  private void review(int seq) {
    forms.submit(LEADER, itemTask("Task_LeaderReview", seq).getId(), Map.of("leaderApproved", "true",
        "leaderComment", "整改措施已落实，同意提交验收"));
  }

  private void verify(int seq, boolean passed, String comment) {
    forms.submit(INSPECTOR, itemTask("Task_VerifyItem", seq).getId(), Map.of("verifyGrade", passed ? "好" : "差",
        "verified", String.valueOf(passed), "verifyComment", comment));
  }

  private Path write(String name) {
    try {
      return Files.write(files.resolve(name), "%PDF-1.4\n整改佐证".getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<String> evidence(long item, String name) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource("%PDF-1.4\n整改佐证".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(RESPONSIBLE, "demo").postForEntity("/api/rectification/items/" + item + "/evidence",
        new HttpEntity<>(body, headers), String.class);
  }

  /**
   * The report is compiled five working days before it falls due, two months after the feedback: the engine clock
   * moves there and the due timer runs, as the job executor would. Then the report, its approval, the disclosure.
   */
  private void reportAndDisclose() {
    Job compile = management.createJobQuery().processInstanceId(pi).activityId("Timer_ReportCompile").singleResult();
    ClockUtil.setCurrentTime(new Date(compile.getDuedate().getTime() + 60_000));
    management.executeJob(compile.getId());
    String reportDay = ChinaClock.today().toString();

    Task draft = only("Task_DraftReport");
    assertThat(tasks.getVariable(draft.getId(), "reportSummary").toString()).contains("整改事项共2项：已完成销号2项");
    forms.submit(ZZB, draft.getId(), Map.of("reportText", "县人民医院党委关于巡察整改情况的报告：两项问题均已整改销号。",
        "leaderReportText", "党委书记履行第一责任人职责，主持党委会研究整改方案并逐项督办。"));
    forms.submit(SHUJI, only("Task_ApproveReport").getId(), Map.of("reportApproved", "true"));
    forms.submit(ZZB, only("Task_RecordDisclosure").getId(), Map.of("reportSubmittedDate", reportDay,
        "disclosedContent", "整改情况报告（摘要）", "disclosureChannel", "门户网站", "disclosureDate", reportDay,
        "withheldContent", "问题2涉及的供应商名单", "withheldReason", "涉及正在初核的问题线索，暂不公开",
        "withheldConsentBy", "县委巡察工作领导小组（组长李某）", "withheldConsentDate", reportDay));

    HistoricProcessInstance done = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
    assertThat(done.getEndTime()).as("the case is finished").isNotNull();
    assertThat(jdbc.queryForObject("select status from pf_rectification_case where process_instance_id = ?",
        String.class, pi)).isIn("已公开", "已完成");
  }

  // ---- reading the case (never changing it) ------------------------------------------------------------------

  private Set<String> runningCases() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(Rectification.PROCESS_KEY).list().stream()
        .map(p -> p.getId()).collect(Collectors.toSet());
  }

  private Task only(String key) {
    return browser.wait.until(d -> tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key)
        .singleResult());
  }

  private Task itemTask(String key, int seq) {
    return browser.wait.until(d -> tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list()
        .stream().filter(t -> Integer.valueOf(seq).equals(tasks.getVariable(t.getId(), "itemSeq"))).findFirst()
        .orElse(null));
  }

  private long itemId(int seq) {
    return jdbc.queryForObject("select id from pf_rectification_item where case_id = ? and seq = ?", Long.class,
        caseId(), seq);
  }

  private long caseId() {
    return ((Number) runtime.getVariable(pi, "caseId")).longValue();
  }
}
