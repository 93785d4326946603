package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.shared.ChinaClock;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One 巡察整改 case from 发起流程 to the disclosure, in headless Chromium by mouse and keyboard, each step by the
 * demo user it is routed to: the 党办 (吴芳, rmyy_dangban) starts it for 县人民医院党委; the 组织部门干事 (赵志强,
 * rmyy_zzb) registers the feedback with an imported 问题清单 of two problems (a future 反馈日期 is refused in Chinese
 * first), drafts the plan's two items choosing the 对应问题, 责任领导 and 责任人 from lists; the 党委书记 (王建国,
 * rmyy_shuji) returns the plan once with a reason and signs the redraft with the 党委会's date and attendance; the
 * plan is sent to the 县委巡察办, whose 郑国华 (xw_xcb) accepts it; 赵志强 records the 专题民主生活会; the 责任人 (何军,
 * nk_zhuren) applies for 销号 without evidence (refused in Chinese), uploads evidence on each item's page and applies;
 * the 责任领导 (周明, rmyy_fgld) submits both; 郑国华 sends item 1 back (its 责任人 sees why) and accepts item 2, then
 * item 1 goes round again and is accepted; the engine clock moves to the report's compilation day; 赵志强 drafts the
 * 整改情况报告 with the 书记's 组织落实情况报告, 王建国 approves it, 赵志强 records its submission and disclosure (with
 * withheld content, its reason and the 巡察领导小组's consent). Nothing but Chromium is used to work the case; the
 * case is deleted afterwards. Screenshots: target/screenshots/rc-journey-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class InspectionRectificationJourneyTest {

  static final String ZZB = "rmyy_zzb";
  static final String ZZB_NAME = "赵志强";
  static final String SHUJI = "rmyy_shuji";
  static final String SHUJI_NAME = "王建国";
  static final String DANGBAN = "rmyy_dangban";
  static final String DANGBAN_NAME = "吴芳";
  static final String RESPONSIBLE = "nk_zhuren";
  static final String RESPONSIBLE_NAME = "何军";
  static final String LEADER = "rmyy_fgld";
  static final String LEADER_NAME = "周明";
  static final String INSPECTOR = "xw_xcb";
  static final String INSPECTOR_NAME = "郑国华";
  static final String MINE = "我的待办";
  static final String MY_GROUPS = "本组织待办";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path files;

  RectificationBrowser browser;
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
    LocalDate today = ChinaClock.today();

    try {
      startInTasklist();
      register(today);
      draftPlan(today);
      returnThePlanAndApproveTheRedraft();
      submitThePlan(today);
      theInspectionOfficeAcceptsThePlan();
      recordTheLifeMeeting(today);
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

  /** 赵志强 imports the 问题清单 from the task's form; a 反馈日期 in the future is refused in Chinese. */
  private void register(LocalDate today) throws Exception {
    Task register = only("Task_RegisterFeedback");
    browser.signIn(ZZB, ZZB_NAME);
    browser.openTask(MY_GROUPS, register.getId());
    assertThat(browser.formText()).contains("尚未导入问题清单");
    Path sheet = RectificationBrowser.problemSheet(files, "问题清单.xlsx",
        RectificationRegistrationJourneyTest.PROBLEMS);
    browser.importProblemsFromTask(register.getId(), sheet, 2);
    browser.wait.until(d -> browser.formText().contains("医药购销廉洁风险防控不到位"));
    browser.type("巡察轮次", "县委第七轮巡察");
    browser.type("巡察组", "县委第一巡察组");
    browser.date("反馈日期", today.plusDays(1).toString());
    browser.complete();
    browser.wait.until(d -> browser.errors().stream().anyMatch(e -> e.contains("反馈日期不能晚于今天")));
    assertThat(browser.errors()).allSatisfy(e -> assertThat(e).doesNotContain("Cannot", register.getId()));
    browser.shot("03-future-feedback-date-refused");
    assertThat(tasks.createTaskQuery().taskId(register.getId()).count()).as("the task is still open").isEqualTo(1);

    browser.date("反馈日期", today.toString());
    browser.shot("04-registration-filled");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(register.getId()).count() == 0);
  }

  /** The plan's three lists: each problem with its measures and target, the 责任领导, 科室 and 责任人 by name. */
  private void draftPlan(LocalDate today) {
    Task draft = only("Task_DraftPlan");
    browser.openTask(MY_GROUPS, draft.getId());
    item(1, 1, "修订党委会议事规则并经党委会通过", "限期整改", "党委办公室", today.plusDays(30));
    browser.driver.findElement(By.cssSelector(".fjs-repeat-render-add")).click();
    item(2, 2, "开展医药购销领域专项治理", "立行立改", "药剂科", today.plusDays(20));
    browser.shot("05-plan-filled");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(draft.getId()).count() == 0);
    List<Map<String, Object>> items = jdbc.queryForList("select seq, leader_user, responsible_user, category"
        + " from pf_rectification_item where case_id = ? order by seq", caseId());
    assertThat(items).extracting(m -> m.get("leader_user")).containsExactly(LEADER, LEADER);
    assertThat(items).extracting(m -> m.get("responsible_user")).containsExactly(RESPONSIBLE, RESPONSIBLE);
  }

  private void item(int row, int problemNo, String measures, String category, String department,
      LocalDate deadline) {
    String problem = (String) RectificationRegistrationJourneyTest.PROBLEMS.get(problemNo - 1).get(2);
    browser.choose("对应问题序号", row, problem.substring(0, 4), problemNo + "．" + problem);
    browser.type("整改措施", row, measures);
    browser.type("整改目标/标准", row, "形成制度并执行到位");
    browser.choose("类别", row, category, category);
    browser.choose("责任领导", row, LEADER_NAME, LEADER_NAME + "（县人民医院党委）");
    browser.type("责任科室（牵头）", row, department);
    browser.choose("责任人", row, RESPONSIBLE_NAME, RESPONSIBLE_NAME + "（县人民医院内科党支部）");
    browser.date("完成时限", row, deadline.toString());
  }

  /** 王建国 returns the plan with a reason; 赵志强 sees it, sharpens a measure; 王建国 approves. */
  private void returnThePlanAndApproveTheRedraft() {
    Task approve = only("Task_ApprovePlan");
    browser.signIn(SHUJI, SHUJI_NAME);
    browser.openTask(MY_GROUPS, approve.getId());
    browser.tick("审定结论", "退回重拟");
    browser.type("退回理由", "第2项措施不够具体，请写明专项治理的范围和时间");
    browser.shot("06-plan-returned");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(approve.getId()).count() == 0);

    Task redraft = only("Task_DraftPlan");
    browser.signIn(ZZB, ZZB_NAME);
    browser.openTask(MY_GROUPS, redraft.getId());
    assertThat(browser.value("上次退回理由")).contains("第2项措施不够具体");
    browser.type("整改措施", 2, "对药剂科、设备科的采购开展为期一个月的专项治理");
    browser.shot("07-plan-redrafted");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(redraft.getId()).count() == 0);

    Task approveAgain = only("Task_ApprovePlan");
    browser.signIn(SHUJI, SHUJI_NAME);
    browser.openTask(MY_GROUPS, approveAgain.getId());
    browser.tick("审定结论", "同意，报送巡察办");
    browser.date("党委（党组）会日期", ChinaClock.today().toString());
    browser.type("应到委员人数", "7");
    browser.type("实到委员人数", "6");
    browser.type("出席人员", "王建国、李红梅、周明、吴芳等6名委员");
    browser.shot("07b-plan-signed-after-the-meeting");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(approveAgain.getId()).count() == 0);
  }

  private void submitThePlan(LocalDate today) {
    Task submit = only("Task_SubmitPlan");
    assertThat(submit.getName()).isEqualTo("向县委巡察办报送县人民医院党委整改方案");
    browser.signIn(ZZB, ZZB_NAME);
    browser.openTask(MY_GROUPS, submit.getId());
    browser.date("报送日期", today.toString());
    browser.type("报送文号", "人医党发〔2026〕12号");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(submit.getId()).count() == 0);
  }

  /** 郑国华 of the 县委巡察办 reviews the plan in his 本组织待办 and accepts it; the items start. */
  private void theInspectionOfficeAcceptsThePlan() {
    Task review = only("Task_ReviewPlan");
    browser.signIn(INSPECTOR, INSPECTOR_NAME);
    browser.openTask(MY_GROUPS, review.getId());
    assertThat(browser.formText()).contains("应到7人").contains("实到6人");
    browser.tick("审核结论", "同意，开始整改");
    browser.shot("07c-plan-accepted-by-the-inspection-office");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ReportProgress")
        .count() == 2);
  }

  private void recordTheLifeMeeting(LocalDate today) {
    Task meeting = only("Task_RecordLifeMeeting");
    browser.signIn(ZZB, ZZB_NAME);
    browser.openTask(MY_GROUPS, meeting.getId());
    browser.date("召开日期", today.toString());
    browser.type("会议情况", "县纪委监委、县委组织部派员列席，班子成员逐一对照检查");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(meeting.getId()).count() == 0);
  }

  /** Both items reported and passed on; item 1 is sent back once by the verifier and closed the second time. */
  private void workTheItems() throws Exception {
    browser.signIn(RESPONSIBLE, RESPONSIBLE_NAME);
    Task first = itemTask("Task_ReportProgress", 1);
    browser.openTask(MINE, first.getId());
    fillReport("议事规则已修订，待党委会审议");
    browser.complete();
    browser.wait.until(d -> browser.errors().stream().anyMatch(e -> e.contains("申请销号须先上传证明材料")));
    assertThat(browser.errors()).allSatisfy(e -> assertThat(e).doesNotContain("Cannot", first.getId()));
    browser.shot("08a-closing-request-without-evidence-refused");
    assertThat(tasks.createTaskQuery().taskId(first.getId()).count()).as("the task is still open").isEqualTo(1);
    uploadEvidence(1, "议事规则修订稿.pdf");
    uploadEvidence(2, "专项治理台账.pdf");
    report(1, "议事规则已修订，待党委会审议");
    report(2, "专项治理已完成，问题已整改");
    browser.shot("08-items-reported");

    browser.signIn(LEADER, LEADER_NAME);
    review(1);
    review(2);

    browser.signIn(INSPECTOR, INSPECTOR_NAME);
    verify(1, false, "未见党委会审议通过的记录，请补充会议纪要");
    browser.shot("09-item-1-sent-back");
    verify(2, true, "查阅治理台账并实地查看，整改到位");

    browser.signIn(RESPONSIBLE, RESPONSIBLE_NAME);
    Task again = itemTask("Task_ReportProgress", 1);
    browser.openTask(MINE, again.getId());
    assertThat(browser.value("退回理由")).contains("验收未通过：未见党委会审议通过的记录");
    assertThat(browser.ticked("已完成，申请销号")).as("sent back, not yet applied for 销号 again").isFalse();
    browser.shot("10-item-1-back-with-the-reason");
    fillReport("议事规则已经党委会审议通过，会议纪要已上传");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(again.getId()).count() == 0);

    browser.signIn(LEADER, LEADER_NAME);
    review(1);
    browser.signIn(INSPECTOR, INSPECTOR_NAME);
    verify(1, true, "查阅会议纪要，规则已执行");
    assertThat(jdbc.queryForList("select status from pf_rectification_item where case_id = ? order by seq",
        String.class, caseId())).containsOnly(Rectification.CLOSED);
    assertThat(jdbc.queryForList("select e.kind from pf_rectification_event e join pf_rectification_item i"
        + " on i.id = e.item_id where i.case_id = ? and i.seq = 1 order by e.occurred_at, e.id", String.class,
        caseId())).containsSubsequence("planned", "progress", "reviewed", "returned", "progress", "reviewed",
        "closed");
  }

  /** The 责任人 opens the item's task, follows its link to the evidence page and uploads a PDF there. */
  private void uploadEvidence(int seq, String name) throws Exception {
    Task report = itemTask("Task_ReportProgress", seq);
    browser.openTask(MINE, report.getId());
    Path pdf = java.nio.file.Files.write(files.resolve(name), "%PDF-1.4\n整改佐证".getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    assertThat(browser.uploadEvidence(pdf)).contains("已上传：" + name);
    browser.shot("08b-evidence-uploaded-item-" + seq);
    browser.driver.get(browser.tasklist());
  }

  private void report(int seq, String progress) {
    Task report = itemTask("Task_ReportProgress", seq);
    browser.openTask(MINE, report.getId());
    assertThat(browser.formText()).doesNotContain("退回理由");
    fillReport(progress);
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(report.getId()).count() == 0);
  }

  private void fillReport(String progress) {
    browser.type("整改进展", progress);
    browser.tick("已完成，申请销号", "已完成，申请销号");
  }

  private void review(int seq) {
    Task review = itemTask("Task_LeaderReview", seq);
    browser.openTask(MINE, review.getId());
    browser.tick("审核结论", "同意，提交验收");
    browser.type("审核意见", "整改措施已落实，同意提交验收");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(review.getId()).count() == 0);
  }

  private void verify(int seq, boolean passed, String comment) {
    Task verify = itemTask("Task_VerifyItem", seq);
    browser.openTask(MY_GROUPS, verify.getId());
    browser.choose("验收评价", passed ? "好" : "差");
    browser.tick("验收结论", passed ? "验收通过，销号" : "不予销号，退回");
    browser.type("验收意见", comment);
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(verify.getId()).count() == 0);
  }

  /**
   * The report is compiled five working days before it falls due, two months after the feedback: the engine clock
   * moves there and the due timer runs, as the job executor would. Then the report, its approval, the disclosure.
   */
  private void reportAndDisclose() {
    Job compile = management.createJobQuery().processInstanceId(pi).activityId("Timer_ReportCompile").singleResult();
    ClockUtil.setCurrentTime(new Date(compile.getDuedate().getTime() + 60_000));
    management.executeJob(compile.getId());
    LocalDate reportDay = ChinaClock.today();

    Task draft = only("Task_DraftReport");
    browser.signIn(ZZB, ZZB_NAME);
    browser.openTask(MY_GROUPS, draft.getId());
    assertThat(browser.value("系统汇总的整改情况")).contains("整改事项共2项：已完成销号2项");
    browser.type("整改情况报告正文", "县人民医院党委关于巡察整改情况的报告：两项问题均已整改销号。");
    browser.type("主要负责人组织落实整改情况的报告", "党委书记履行第一责任人职责，主持党委会研究整改方案并逐项督办。");
    browser.shot("11-report-drafted");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(draft.getId()).count() == 0);

    Task approve = only("Task_ApproveReport");
    browser.signIn(SHUJI, SHUJI_NAME);
    browser.openTask(MY_GROUPS, approve.getId());
    browser.tick("审定结论", "同意，报送巡察办");
    browser.complete();
    browser.wait.until(d -> tasks.createTaskQuery().taskId(approve.getId()).count() == 0);

    Task disclose = only("Task_RecordDisclosure");
    browser.signIn(ZZB, ZZB_NAME);
    browser.openTask(MY_GROUPS, disclose.getId());
    browser.date("报告报送日期", reportDay.toString());
    browser.type("公开的内容", "整改情况报告（摘要）");
    browser.choose("公开渠道", "门户网站");
    browser.date("公开日期", reportDay.toString());
    browser.type("不予公开的内容", "问题2涉及的供应商名单");
    browser.type("不予公开的理由", "涉及正在初核的问题线索，暂不公开");
    browser.type("同意不予公开的机构及负责人", "县委巡察工作领导小组（组长李某）");
    browser.date("同意日期", reportDay.toString());
    browser.shot("12-disclosure-filled");
    browser.complete();
    browser.wait.until(d -> history.createHistoricProcessInstanceQuery().processInstanceId(pi).finished()
        .count() == 1);
    browser.shot("13-case-finished");

    HistoricProcessInstance done = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
    assertThat(done.getEndActivityId()).isNotNull();
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

  private long caseId() {
    return ((Number) runtime.getVariable(pi, "caseId")).longValue();
  }
}
