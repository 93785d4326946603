package cn.partyflow.memberdevelopment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.TaskForms;
import cn.partyflow.TestData;
import cn.partyflow.shared.ChinaClock;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 发展党员 case from 发起流程 to the branch meeting's admission resolution, each step by the user it is routed
 * to: in Tasklist, by mouse and keyboard, the 组织委员 starts it for an applicant chosen by typing part of the name,
 * entering at the 发展对象 stage with the historic dates of the paper file (the first two stages would add fifteen
 * forms and a year of dates), lands on the first task, chooses the sponsors by name and records the political
 * review; the training, the committee screening, the publicity, the pre-review and the 入党志愿书 go over
 * /engine-rest as the 党委's 组织部门干事, the 支部书记 and the 组织委员 (forms of the same kinds of field, each
 * worked in Chromium by MemberDevelopmentTasklistTest or here); then in Tasklist again the 支部书记 records the
 * branch meeting, where a vote count above those present is refused with the rule's Chinese message. One Chromium
 * signs in twice. Only the registry entry of the applicant is prepared directly. Screenshots in
 * target/screenshots/md-journey-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class MemberDevelopmentJourneyTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();

  WebDriver browser;
  WebDriverWait wait;
  final LocalDate today = ChinaClock.today();

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    made.remove(context);
  }

  @Test
  void theOrganizerAndTheSecretaryTakeACaseFromTheStartToTheBranchMeetingsResolution() {
    String name = "旅程" + "春夏秋冬梅兰竹菊松柏".charAt(ThreadLocalRandom.current().nextInt(10))
        + "安宁康泰和顺明朗清远".charAt(ThreadLocalRandom.current().nextInt(10))
        + "一二三四五六七八九十".charAt(ThreadLocalRandom.current().nextInt(10));
    String applicant = "MJ" + System.nanoTime() % 1_000_000_000L;
    made.person(applicant);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        applicant, name, "女", Date.valueOf("1996-04-12"), "TARGET", "rmyy-nk");

    signIn("nk_zuzhi", "刘洋");
    browser.findElement(By.cssSelector("li.start-process-action a")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".modal-header input[ng-model='page.searchValue']")))
        .sendKeys("发展党员");
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//ul[contains(@class,'processes')]//a[contains(., '发展党员')]"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-body .fjs-container")));
    choose("applicantId", name.substring(0, 3), name);
    assertThat(browser.findElement(By.cssSelector(".modal-body .fjs-container")).getText())
        .as("no person id on screen").doesNotContain(applicant);
    shot("01-applicant-chosen-by-name");
    radio("发展对象（补录）");
    date("applicationDate", today.minusDays(900));
    date("birthDate", LocalDate.parse("1996-04-12"));
    date("activistDate", today.minusDays(700));
    date("developmentTargetDate", today.minusDays(200));
    shot("02-start-form-filled");
    start();
    wait.until(d -> tasks.createTaskQuery().processInstanceBusinessKey(applicant).count() == 1);
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicant).singleResult().getId();

    // Tasklist opens the first task, which is the organizer's: no search in the lists.
    String sponsorsTask = task(pi, "Task_FixSponsors").getId();
    wait.until(d -> d.getCurrentUrl().contains("task=" + sponsorsTask));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "确定" + name + "的入党介绍人"));
    shot("03-landed-on-the-first-task");
    claim();
    tag("sponsorIds", "谢", "谢华");
    tag("sponsorIds", "潘", "潘悦");
    check("两名入党介绍人均已同意");
    shot("04-sponsors-chosen-by-name");
    complete(pi, "Task_PoliticalReview");

    open(pi, "Task_PoliticalReview");
    date("politicalReviewDate", today.minusDays(150));
    check("函调");
    type("politicalReviewConclusion", "政治历史清楚，现实表现良好");
    radio("合格");
    complete(pi, "Task_Training");

    TaskForms forms = new TaskForms(http);
    forms.submit("rmyy_zzb", task(pi, "Task_Training").getId(), Map.of("trainingStart",
        today.minusDays(140).toString(), "trainingEnd", today.minusDays(138).toString(), "trainingDays", 3,
        "trainingHours", 24));
    forms.submit("nk_shuji", task(pi, "Task_CommitteeScreening").getId(), Map.of("screeningDate",
        today.minusDays(130).toString(), "screeningRecord", "支委会审查，同意", "screeningDecision", "PASS",
        "leavingUnitSoon", "false"));
    forms.submit("nk_zuzhi", task(pi, "Task_StartPublicity").getId(), Map.of("publicityStart",
        today.minusDays(120).toString(), "publicityPlace", "内科公示栏"));
    forms.submit("nk_zuzhi", task(pi, "Task_WatchPublicity").getId(), Map.of("objectionReceived", false));
    forms.submit("rmyy_zzb", task(pi, "Task_PreReview").getId(), Map.of("preReviewDate",
        today.minusDays(100).toString(), "preReviewOpinion", "同意", "preReviewPassed", "true"));
    forms.submit("nk_zuzhi", task(pi, "Task_FillVolunteerForm").getId(), Map.of("volunteerFormDate",
        today.minusDays(90).toString(), "sponsorOpinionsWritten", true));

    signIn("nk_shuji", "陈静");
    open(pi, "Task_AdmissionMeeting");
    date("admissionMeetingDate", today.minusDays(80));
    type("votersEntitled", "20");
    type("votersPresent", "15");
    type("votesFor", "16");
    type("admissionMeetingRecord", "无记名投票，同意接收");
    submit();
    wait.until(d -> notification("赞成票数（16）不能多于实到会人数（15）") != null);
    assertThat(notification("赞成票数")).doesNotContain("Cannot", applicant);
    shot("05-wrong-vote-refused");
    assertThat(task(pi, "Task_AdmissionMeeting")).as("the task is still open").isNotNull();

    // The form says what the numbers typed decide before the secretary submits them.
    type("votesFor", "10");
    wait.until(d -> formText().contains("表决不通过"));
    assertThat(formText()).contains("赞成10票，未超过应到会20人的半数").contains("回到入党积极分子阶段");
    shot("05b-vote-fails-as-typed");
    type("votesFor", "14");
    wait.until(d -> formText().contains("表决通过"));
    assertThat(formText()).contains("赞成14票，超过应到会20人的半数").doesNotContain("表决不通过");
    complete(pi, "Task_PreApprovalTalk");
    shot("06-resolution-recorded");
    assertThat(runtime.getVariable(pi, "admissionMeetingDate")).isEqualTo(today.minusDays(80).toString());
    assertThat(runtime.getVariable(pi, "admissionPassed")).isEqualTo(true);
    assertThat(runtime.getVariable(pi, "sponsorIds").toString()).contains("P019", "P022");
    HistoricProcessInstance started = history.createHistoricProcessInstanceQuery().processInstanceId(pi)
        .singleResult();
    assertThat(started.getStartUserId()).isEqualTo("nk_zuzhi");
  }

  private String formText() {
    return browser.findElement(By.cssSelector(".fjs-form")).getText();
  }

  /** One Chromium for the whole journey: the one signed in before leaves with the session cookie. */
  private void signIn(String user, String fullName) {
    if (browser == null) {
      browser = BrowserSupport.chromium();
      wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(200));
    } else {
      browser.manage().deleteAllCookies();
    }
    BrowserSupport.signIn(browser, "http://localhost:" + port + "/camunda/app/tasklist/", user, fullName);
  }

  private Task task(String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  /** Finds the task in 本组织待办 and opens it, as an officer does, then claims it. */
  private void open(String pi, String key) {
    String id = task(pi, key).getId();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),'本组织待办')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("ol.tasks-list a[href*='task=" + id + "']")))
        .click();
    wait.until(d -> d.getCurrentUrl().contains("task=" + id));
    claim();
  }

  private void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
  }

  private WebElement field(String key) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        ".fjs-container input[id*='-Field_" + key + "_'], .fjs-container textarea[id*='-Field_" + key + "_']")));
  }

  /**
   * Types into a field and leaves it: form-js takes typed text when the field loses focus (otherwise after a 300 ms
   * debounce), so it is in the form before the next field is touched. form-js re-renders the form from its state
   * when a value arrives; should that have replaced the text, it is typed again.
   */
  private void type(String key, String text) {
    for (int attempt = 1; ; attempt++) {
      WebElement input = field(key);
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
      ((JavascriptExecutor) browser).executeScript("arguments[0].blur();", input);
      if (text.equals(field(key).getAttribute("value"))) {
        return;
      }
      if (attempt == 3) {
        shot("typing-" + key + "-failed");
        throw new AssertionError(key + " holds [" + field(key).getAttribute("value") + "]");
      }
    }
  }

  /** Types the date as yyyy-MM-dd and Enter; no Escape, which would close the start dialog. */
  private void date(String key, LocalDate date) {
    WebElement input = field(key);
    input.click();
    input.sendKeys(date.toString(), Keys.ENTER);
    browser.findElement(By.cssSelector(".fjs-container h3")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
    wait.until(d -> date.toString().equals(field(key).getAttribute("value")));
  }

  /** A searchable select: types part of the name and clicks the person offered. */
  private void choose(String key, String part, String label) {
    WebElement input = field(key);
    input.click();
    input.sendKeys(part);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.),'" + label + "')]"))).click();
    wait.until(d -> field(key).getAttribute("value").startsWith(label));
  }

  /** A taglist: types part of the name and clicks the person offered. */
  private void tag(String key, String part, String label) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
        ".fjs-container [id*='-Field_" + key + "_'] input, .fjs-container input[id*='-Field_" + key + "_']")));
    input.click();
    input.sendKeys(part);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.),'" + label + "')]"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//div[contains(@class,'fjs-taglist-tag')][contains(., '" + label + "')]")));
    browser.findElement(By.cssSelector(".fjs-container h3")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist")));
  }

  private void radio(String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-container')]//label[normalize-space(.)='" + label + "']"))).click();
  }

  private void check(String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-container')]//label[contains(normalize-space(.),'" + label + "')]"))).click();
  }

  private void start() {
    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button[ng-click='startProcessInstance()']"))).click();
  }

  private void submit() {
    WebElement button;
    try {
      button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("complete-disabled");
      throw new AssertionError("完成 stays disabled; the form says: " + browser.findElement(
          By.cssSelector(".fjs-container")).getText(), e);
    }
    ((JavascriptExecutor) browser).executeScript("arguments[0].click();", button);
  }

  /** Completes the open form and waits until the case has moved on to {@code nextKey}. */
  private void complete(String pi, String nextKey) {
    submit();
    wait.until(d -> task(pi, nextKey) != null);
  }

  private String notification(String fragment) {
    List<String> messages = browser.findElements(By.cssSelector(".page-notifications .alert-danger .message"))
        .stream().map(WebElement::getText).toList();
    return messages.stream().filter(t -> t.contains(fragment)).findFirst().orElse(null);
  }

  private void shot(String name) {
    BrowserSupport.screenshot(browser, "md-journey-" + name);
  }
}
