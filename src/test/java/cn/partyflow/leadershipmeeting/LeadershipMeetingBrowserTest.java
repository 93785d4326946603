package cn.partyflow.leadershipmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.shared.ChinaClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 民主生活会 in headless Chromium: 县人民医院党委's 组织部门干事 (赵志强) opens 民主生活会 from the menu and starts the
 * year's case; with the plan approved and the preparation recorded, he asks on the case's page to postpone the
 * meeting by two days, the higher level approves, and he records the meeting in Tasklist on the approved day (three of the four 班子成员 ticked present, the observer, each one's self-criticism, a problem), and the 书记
 * (王建国) reads the attendance by name on the case's page. Screenshots in target/screenshots/lm-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class LeadershipMeetingBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  WebDriver driver;
  WebDriverWait wait;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (driver != null) {
      driver.quit();
    }
    LeadershipMeetingScenarioTest.removeCases(jdbc, runtime, history, "rmyy");
  }

  @Test
  void theOrganizationDepartmentStartsTheCaseAndRecordsTheMeetingAndTheSecretaryReadsIt() {
    LocalDate today = ChinaClock.today();
    LocalDate planned = today.plusDays(15);
    driver = BrowserSupport.chromium();
    ((ChromiumDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", ChinaClock.ZONE_ID));
    wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));

    BrowserSupport.signIn(driver, url("/camunda/app/tasklist/"), "rmyy_zzb", "赵志强");
    driver.get(url("/"));
    BrowserSupport.clickAndLoad(wait, By.id("menu-leadership-meeting"));
    BrowserSupport.clickAndLoad(wait, By.id("submit-rmyy"));
    assertThat(BrowserSupport.shown(wait, "message")).contains("已发起县人民医院党委" + today.getYear() + "年度民主生活会");
    assertThat(driver.findElement(By.id("open-tasks")).getText()).contains("拟定县人民医院党委")
        .contains("县人民医院党委组织部门干事");
    BrowserSupport.screenshot(driver, "lm-01-started");
    String pi = jdbc.queryForObject("select process_instance_id from pf_lm_case where org_id = 'rmyy'"
        + " and meeting_year = ?", String.class, today.getYear());

    as("rmyy_zzb", () -> complete(pi, LeadershipMeeting.DRAFT_PLAN, Map.of("theme", "深刻领悟两个确立的决定性意义",
        "plan", "学习研讨、征求意见、谈心谈话、撰写对照检查材料", "plannedDate", planned.toString())));
    as("wjj_shuji", () -> complete(pi, LeadershipMeeting.REVIEW_PLAN, Map.of("decision", "APPROVE")));
    List<String> members = List.of("P001", "P002", "P005", "P006");
    List<Map<String, Object>> talks = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        talks.add(Map.of("first", members.get(i), "second", members.get(j), "talkDate", today.toString()));
      }
    }
    as("rmyy_zzb", () -> complete(pi, LeadershipMeeting.PREPARE, Map.of("opinionSources", "中层干部、职工代表",
        "opinionCount", 20, "opinionSummary", "意见建议汇总", "talks", Spin.JSON(talks), "materials",
        Spin.JSON(members.stream().map(id -> Map.of("submittedOn", today.toString())).toList()))));

    // The 组织部门 asks on the case's page to postpone the meeting by two days; the higher level approves.
    LocalDate held = planned.plusDays(2);
    driver.get(url("/leadership-meeting/cases/" + pi));
    // A day typed the American way is refused, and the page keeps what was typed to be corrected.
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("date-change-day")))
        .sendKeys(held.getMonthValue() + "/" + held.getDayOfMonth() + "/" + held.getYear());
    driver.findElement(By.id("date-change-reason")).sendKeys("书记参加上级集中学习，推迟两天召开");
    BrowserSupport.clickAndLoad(wait, By.id("date-change-submit"));
    assertThat(BrowserSupport.shown(wait, "error")).contains("改期后的召开日期");
    assertThat(driver.findElement(By.id("date-change-reason")).getAttribute("value"))
        .isEqualTo("书记参加上级集中学习，推迟两天召开");
    driver.findElement(By.id("date-change-day")).clear();
    driver.findElement(By.id("date-change-day")).sendKeys(held.toString());
    BrowserSupport.clickAndLoad(wait, By.id("date-change-submit"));
    assertThat(BrowserSupport.shown(wait, "message")).contains("改期申请已报上级党组织审批");
    assertThat(driver.findElement(By.id("date-changes")).getText()).contains(planned + " 推迟到 " + held)
        .contains("待上级审批");
    BrowserSupport.screenshot(driver, "lm-01-date-change-requested");
    as("wjj_shuji", () -> complete(pi, LeadershipMeeting.REVIEW_DATE_CHANGE, Map.of("dateChangeDecision",
        "APPROVE")));

    // The meeting may not be earlier than the approved day; the engine clock, shared in-process, moves there.
    ClockUtil.setCurrentTime(ChinaClock.toDate(held.atTime(LocalTime.of(10, 0))));
    Task meeting = tasks.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(LeadershipMeeting.HOLD_MEETING).singleResult();
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + meeting.getId()));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    List<WebElement> claim = driver.findElements(By.cssSelector("button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    date("会议日期", held.toString());
    for (String name : List.of("王建国", "李红梅", "周明")) {
      field("到会的班子成员", 1).findElement(By.xpath(".//label[contains(normalize-space(.),'" + name + "')]")).click();
    }
    type("缺席人员及原因", 1, "吴芳因公出差");
    type("上级督导人员", 1, "县卫生健康局党组书记 袁志国");
    for (int n = 1; n <= 3; n++) {
      type("自我批评", n, "理论学习不够深入，联系群众不够");
    }
    type("问题", 1, "落实意识形态工作责任制不到位");
    BrowserSupport.screenshot(driver, "lm-02-meeting-form");
    pause();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();
    wait.until(d -> jdbc.queryForObject("select present from pf_lm_case where process_instance_id = ?",
        Integer.class, pi) != null);

    driver.manage().deleteAllCookies();
    BrowserSupport.signIn(driver, url("/camunda/app/tasklist/"), "rmyy_shuji", "王建国");
    driver.get(url("/"));
    BrowserSupport.clickAndLoad(wait, By.id("menu-leadership-meeting"));
    BrowserSupport.clickAndLoad(wait, By.cssSelector("#row-rmyy a"));
    assertThat(driver.findElement(By.id("attendance")).getText()).isEqualTo("应到4人，实到3人");
    assertThat(driver.findElement(By.id("observer")).getText()).isEqualTo("县卫生健康局党组书记 袁志国");
    List<String> rows = driver.findElements(By.cssSelector("#members tbody tr")).stream().map(WebElement::getText)
        .toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).startsWith("王建国 书记 " + today + "已提交 出席 理论学习不够深入");
    assertThat(rows.get(3)).startsWith("吴芳 党委委员 " + today + "已提交 缺席");
    assertThat(driver.findElement(By.id("problems")).getText()).contains("落实意识形态工作责任制不到位");
    assertThat(driver.findElement(By.id("open-tasks")).getText()).contains("报送县人民医院党委");
    assertThat(driver.findElement(By.id("events")).getText()).contains("赵志强").contains("袁志国")
        .doesNotContain("rmyy_zzb");
    BrowserSupport.screenshot(driver, "lm-03-secretary-reads-the-record");
  }

  private void as(String user, Runnable work) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList());
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void complete(String pi, String key, Map<String, Object> variables) {
    Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    tasks.complete(t.getId(), variables);
  }

  /** The {@code n}-th (from 1) form field whose label starts with {@code label}. */
  private WebElement field(String label, int n) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("(//div[contains(@class,'fjs-form-field ')"
        + " and not(contains(@class,'fjs-form-field-dynamiclist')) and .//label[starts-with(normalize-space(.),'"
        + label + "')]])[" + n + "]")));
  }

  private void type(String label, int n, String text) {
    WebElement input = field(label, n).findElement(By.cssSelector("input, textarea"));
    input.click();
    input.sendKeys(text);
    pause();
  }

  private void date(String label, String iso) {
    WebElement input = field(label, 1).findElement(By.cssSelector("input"));
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), iso, Keys.ENTER);
    driver.findElement(By.cssSelector(".fjs-form h3")).click();
    wait.until(d -> iso.equals(field(label, 1).findElement(By.cssSelector("input")).getAttribute("value")));
  }

  /** Lets form-js commit what was typed (a short debounce) before the next field. */
  private void pause() {
    new Actions(driver).pause(Duration.ofMillis(500)).perform();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
