package cn.partyflow.dutyreview;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 述职评议 in headless Chromium: 县人民医院党委's 组织部门干事 (赵志强) opens 述职评议 from the menu, starts this year's
 * review with 陈静 (内科党支部) as the only secretary reporting; after her report and the meeting the rater 王建国 logs
 * in and votes 好 in his own 民主测评 task in Tasklist (赵志强 votes 较好; the header offers no 添加用户组), 周明 does
 * not vote and the 组织部门 closes the ballot early on the case page with the reason, then reads the rating row with
 * the counts per grade and the overall grade 较好, the votes by name. Screenshots in target/screenshots/dr-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class DutyReviewBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired OrganizationDirectory directory;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  WebDriver driver;
  WebDriverWait wait;

  @AfterEach
  void cleanUp() {
    if (driver != null) {
      driver.quit();
    }
    runtime.createProcessInstanceQuery().processDefinitionKey(DutyReview.PROCESS_KEY).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
    history.createHistoricProcessInstanceQuery().processDefinitionKey(DutyReview.PROCESS_KEY).list()
        .forEach(h -> history.deleteHistoricProcessInstance(h.getId()));
    jdbc.update("delete from pf_dr_vote");
    jdbc.update("delete from pf_dr_problem");
    jdbc.update("delete from pf_dr_reporter");
    jdbc.update("delete from pf_dr_event");
    jdbc.update("delete from pf_dr_case");
  }

  @Test
  void theOrganizationDepartmentStartsTheReviewAndReadsTheRating() {
    driver = BrowserSupport.chromium();
    wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));
    signIn("rmyy_zzb");
    driver.get(url("/"));
    click(By.id("menu-duty-review"));
    assertThat(driver.findElement(By.id("org-rmyy")).getText()).contains("县人民医院党委").contains("未发起");
    for (String other : List.of("P030", "P040", "P050")) {
      driver.findElement(By.id("reporter-" + other)).click();
    }
    BrowserSupport.screenshot(driver, "dr-01-start");
    click(By.id("start-rmyy"));
    assertThat(BrowserSupport.shown(wait, "message")).contains("已发起县人民医院党委" + ChinaClock.today().getYear()
        + "年度书记抓基层党建述职评议，述职书记1名");
    String pi = runtime.createProcessInstanceQuery().processDefinitionKey(DutyReview.PROCESS_KEY).singleResult().getId();
    assertThat(driver.findElement(By.id("open-tasks")).getText()).contains("述职报告（县人民医院内科党支部书记陈静）");

    complete(pi, DutyReview.SUBMIT_REPORT, Map.of(DutyReview.REPORT_TEXT, "本年度抓基层党建工作情况……"));
    complete(pi, DutyReview.RECORD_MEETING, Map.of(DutyReview.MEETING_DATE, ChinaClock.today().toString(),
        DutyReview.ATTENDEES, Spin.JSON(List.of("P001", "P003", "P005", "P010")),
        DutyReview.RATERS, Spin.JSON(List.of("P001", "P003", "P005"))));
    ballot(pi, "rmyy_zzb", "较好");

    // The rater 王建国 votes in his own Tasklist task.
    driver.manage().deleteAllCookies();
    signIn("rmyy_shuji");
    Task mine = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(DutyReview.CAST_BALLOT)
        .taskAssignee("rmyy_shuji").singleResult();
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + mine.getId()));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    // His own ballot is not for groups: Tasklist's header offers no 添加用户组 (the server refuses it anyway).
    assertThat(driver.findElements(By.xpath("//*[normalize-space(text())='添加用户组']")))
        .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
    // Nor does it offer to set or clear a due or follow-up date, which the rules fix (the server refuses them too).
    for (String offer : List.of("设置到期日期", "设置跟进日期")) {
      assertThat(driver.findElements(By.xpath("//*[normalize-space(text())='" + offer + "']"))).as(offer)
          .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
    }
    assertThat(driver.findElements(By.cssSelector(".reset-due-date, .reset-follow-up-date")))
        .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
    // The ballot is his alone: it can be neither given back nor handed on (×), and no task is made by hand (新建任务).
    assertThat(driver.findElements(By.cssSelector("ul.actors .unclaim, ul.actors .reset-assignee")))
        .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
    assertThat(driver.findElements(By.xpath("//a[normalize-space(.)='新建任务']")))
        .noneMatch(org.openqa.selenium.WebElement::isDisplayed);
    assertThat(driver.findElement(By.cssSelector(".fjs-form-field-dynamiclist input")).getAttribute("value"))
        .isEqualTo("县人民医院内科党支部书记陈静");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-form-field-select .fjs-input-group")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='好']"))).click();
    BrowserSupport.screenshot(driver, "dr-02-ballot");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();
    wait.until(d -> jdbc.queryForObject("select count(*) from pf_dr_vote where rater_id = 'P001'", Integer.class) == 1);

    // 周明 does not vote: the 组织部门 closes the ballot early on the case page, with the reason.
    driver.manage().deleteAllCookies();
    signIn("rmyy_zzb");
    driver.get(url("/duty-review/cases/" + pi));
    assertThat(driver.findElement(By.cssSelector("#rating-P010 .grade")).getText()).isEqualTo("较好（测评中）");
    assertThat(driver.findElement(By.id("open-tasks")).getText()).contains("期限 ");
    driver.findElement(By.id("close-ballot-reason")).sendKeys("周明已调离，不再参加测评");
    BrowserSupport.screenshot(driver, "dr-03-close-ballot");
    click(By.id("close-ballot-submit"));
    assertThat(BrowserSupport.shown(wait, "message")).contains("民主测评已提前截止");
    assertThat(driver.findElements(By.id("close-ballot"))).isEmpty();
    assertThat(driver.findElement(By.id("events")).getText()).contains("理由：周明已调离，不再参加测评");

    // The 组织部门's review shows the tally; the vote lines of a case from before the ballot stay hidden.
    Task review = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(DutyReview.REVIEW_SECRETARY)
        .singleResult();
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + review.getId()));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "点评意见"));
    assertThat(driver.findElement(By.cssSelector(".fjs-form")).getText()).contains("点评意见")
        .doesNotContain("由组织部门录入");

    complete(pi, DutyReview.REVIEW_SECRETARY, Map.of(DutyReview.COMMENT, "责任落实较好，组织生活仍需规范",
        DutyReview.PROBLEMS, Spin.JSON(List.of())));

    driver.get(url("/duty-review/cases/" + pi));
    assertThat(driver.findElement(By.id("rating-P010")).getText())
        .isEqualTo("陈静 县人民医院内科党支部 已提交（" + ChinaClock.today() + "） 数据报告 1 1 0 0 2 较好 0");
    assertThat(driver.findElement(By.cssSelector("#reporter-P010 .votes")).getText())
        .isEqualTo("王建国：好；赵志强：较好");
    assertThat(driver.findElement(By.id("case-state")).getText()).startsWith("已办结");
    BrowserSupport.screenshot(driver, "dr-04-rating");
  }

  private void ballot(String pi, String login, String grade) {
    Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(DutyReview.CAST_BALLOT)
        .taskAssignee(login).singleResult();
    tasks.complete(t.getId(), Map.of(DutyReview.BALLOT, Spin.JSON(List.of(Map.of("reporterId", "P010", "grade",
        grade)))));
  }

  private void complete(String pi, String key, Map<String, Object> variables) {
    Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    tasks.complete(t.getId(), variables);
  }

  private void signIn(String user) {
    String name = directory.personByUsername(user).map(Person::name).orElseThrow();
    BrowserSupport.signIn(driver, url("/camunda/app/tasklist/"), user, name);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void click(By by) {
    BrowserSupport.clickAndLoad(wait, by);
  }
}
