package cn.partyflow.memberdevelopment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.shared.ChinaClock;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 党委's 组织部门干事 (赵志强) records one 党委会 of 县人民医院党委 deciding two candidates at once, each with its own
 * vote, one member absent with a written opinion: the first is approved, the second refused with its reason, and
 * the auditor (孙丽) finds meeting, attendance and votes in the first case's file. The two cases are brought to the
 * approval step through the engine; the meeting is recorded by mouse and keyboard. Screenshots in
 * target/screenshots/md-committee-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class CommitteeMeetingBrowserTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();

  WebDriver browser;
  WebDriverWait wait;
  final LocalDate today = ChinaClock.today();
  final List<String> cases = new ArrayList<>();

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    for (String pi : cases) {
      if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtime.deleteProcessInstance(pi, "test ended");
      }
    }
    made.remove(context);
  }

  @Test
  void theOrganizationDepartmentRecordsOneMeetingDecidingTwoCandidatesAndTheCaseFileShowsTheVotes() {
    String first = awaitingApproval("党委会甲" + "春夏秋冬".charAt((int) (System.nanoTime() % 4)));
    String second = awaitingApproval("党委会乙" + "梅兰竹菊".charAt((int) (System.nanoTime() % 4)));
    String firstTask = approvalTask(first).getId();
    String secondTask = approvalTask(second).getId();

    signIn("rmyy_zzb", "赵志强");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("menu-committee-meetings"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("committee-meeting")));
    assertThat(browser.findElement(By.id("committee-name")).getText()).isEqualTo("县人民医院党委");
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
        browser.findElement(By.id("meetingDate")), today.minusDays(1).toString());
    browser.findElement(By.id("minutes")).sendKeys("研究接收预备党员两名，逐个表决");
    browser.findElement(By.id("written-absent-P006")).click();
    browser.findElement(By.id("opinion-P006")).sendKeys("同意接收");
    vote(firstTask, "3", "0", "0", null);
    vote(secondTask, "1", "2", "0", null);
    browser.findElement(By.id("record-meeting")).click();
    // Not approved without its reason: refused, and the meeting comes back as typed to add the reason only.
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText())
        .contains("请填写不予批准的理由");
    assertThat(browser.findElement(By.id("meetingDate")).getAttribute("value"))
        .isEqualTo(today.minusDays(1).toString());
    assertThat(browser.findElement(By.id("minutes")).getAttribute("value")).isEqualTo("研究接收预备党员两名，逐个表决");
    assertThat(browser.findElement(By.id("written-absent-P006")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("opinion-P006")).getAttribute("value")).isEqualTo("同意接收");
    assertThat(browser.findElement(By.id("decide-" + secondTask)).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("for-" + firstTask)).getAttribute("value")).isEqualTo("3");
    browser.findElement(By.id("candidate-opinion-" + secondTask)).sendKeys("群众反映作风问题，尚需考察");
    BrowserSupport.screenshot(browser, "md-committee-01-meeting-filled");
    browser.findElement(By.id("record-meeting")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    BrowserSupport.screenshot(browser, "md-committee-02-recorded");
    assertThat(browser.findElement(By.id("message")).getText()).contains("赞成3票，批准", "赞成1票，不予批准");

    assertThat(runtime.getVariable(first, "approvalDecision")).isEqualTo("APPROVE");
    assertThat(tasks.createTaskQuery().processInstanceId(first).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_FileUpward");
    assertThat(tasks.createTaskQuery().processInstanceId(second).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_NotifyRefusal");

    signIn("rmyy_jiwei", "孙丽");
    browser.get("http://localhost:" + port + "/audit/cases/" + first);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "党委会表决记录"));
    BrowserSupport.screenshot(browser, "md-committee-03-case-file");
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("应到委员4人，实到3人",
        "吴芳（书面意见：同意接收）", "赞成3票，反对0票，弃权0票");
  }

  private void vote(String taskId, String votesFor, String against, String abstain, String opinion) {
    browser.findElement(By.id("decide-" + taskId)).click();
    browser.findElement(By.id("for-" + taskId)).sendKeys(votesFor);
    browser.findElement(By.id("against-" + taskId)).sendKeys(against);
    browser.findElement(By.id("abstain-" + taskId)).sendKeys(abstain);
    if (opinion != null) {
      browser.findElement(By.id("candidate-opinion-" + taskId)).sendKeys(opinion);
    }
  }

  /** A 发展对象 of 内科党支部 entered at the 接收 stage and taken by the engine to the 党委's approval. */
  private String awaitingApproval(String name) {
    String id = "MC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    made.person(id);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        id, name, "女", Date.valueOf("1995-06-01"), "TARGET", "rmyy-nk");
    String pi = runtime.startProcessInstanceByKey("memberDevelopment", Variables.createVariables()
        .putValue("applicantId", id).putValue("startStage", "ADMISSION")
        .putValue("applicationDate", day(900)).putValue("birthDate", "1995-06-01").putValue("activistDate", day(700))
        .putValue("developmentTargetDate", day(300)).putValue("sponsorIds", "P019, P022")
        .putValue("politicalReviewPassed", "true").putValue("politicalReviewDate", day(250))
        .putValue("trainingDays", 3).putValue("trainingHours", 24).putValue("trainingEnd", day(240))).getId();
    cases.add(pi);
    complete(pi, "Task_CommitteeScreening", Map.of("screeningDate", day(230), "screeningRecord", "同意",
        "screeningDecision", "PASS", "leavingUnitSoon", "false"));
    complete(pi, "Task_StartPublicity", Map.of("publicityStart", day(220), "publicityPlace", "内科公示栏"));
    complete(pi, "Task_WatchPublicity", Map.of("objectionReceived", false));
    complete(pi, "Task_PreReview", Map.of("preReviewDate", day(200), "preReviewOpinion", "同意",
        "preReviewPassed", "true"));
    complete(pi, "Task_FillVolunteerForm", Map.of("volunteerFormDate", day(190), "sponsorOpinionsWritten", true));
    complete(pi, "Task_AdmissionMeeting", Map.of("admissionMeetingDate", day(30), "votersEntitled", 9,
        "votersPresent", 8, "votesFor", 7, "admissionMeetingRecord", "无记名投票"));
    complete(pi, "Task_PreApprovalTalk", Map.of("preApprovalTalkDate", day(20), "preApprovalTalkBy", "P002",
        "preApprovalTalkOpinion", "同意"));
    return pi;
  }

  private void complete(String pi, String key, Map<String, Object> variables) {
    Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    assertThat(t).as("open task " + key).isNotNull();
    tasks.complete(t.getId(), variables);
  }

  private Task approvalTask(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_Approval").singleResult();
  }

  private String day(int daysAgo) {
    return today.minusDays(daysAgo).toString();
  }

  private void signIn(String user, String fullName) {
    if (browser != null) {
      browser.quit();
    }
    browser = BrowserSupport.chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200));
    BrowserSupport.signIn(browser, "http://localhost:" + port + "/camunda/app/tasklist/", user, fullName);
    browser.get("http://localhost:" + port + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pf-menu")));
  }
}
