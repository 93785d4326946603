package cn.partyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole officer workflow in a real headless Chromium with a Chinese browser language: the 组织委员 of 内科支部
 * logs into Tasklist, sees it in Chinese with the four role filters and their counts, opens a task, claims it, fills
 * its Camunda Form and completes it; the next task goes to the branch secretary; the 组织委员 of 外科支部 sees none
 * of it. Screenshots go to target/screenshots/tasklist-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class OfficerTasklistBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** Any Latin word in what the officer reads: Tasklist's own English labels, raw translation keys, English dates. */
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  final ObjectMapper json = new ObjectMapper();
  WebDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void deploy() {
    OfficerErrand.deployOnce(repository);
  }

  @AfterEach
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void aBranchOfficerWorksATaskInChineseTasklistAndTheSecretaryGetsTheNextOne() throws Exception {
    String soonTitle = OfficerErrand.uniqueTitle("整理党员档案");
    String lateTitle = OfficerErrand.uniqueTitle("补交思想汇报");
    String soonCase = OfficerErrand.start(runtime, "rmyy-nk", "内科支部", soonTitle,
        Date.from(Instant.now().plus(Duration.ofDays(2))));
    OfficerErrand.start(runtime, "rmyy-nk", "内科支部", lateTitle, Date.from(Instant.now().minus(Duration.ofDays(1))));
    Map<String, Integer> expected = restCounts("nk_zuzhi");
    assertThat(expected.get(TaskFilters.DUE_SOON)).isPositive();
    assertThat(expected.get(TaskFilters.OVERDUE)).isPositive();

    openBrowser();
    login("nk_zuzhi");

    wait.until(d -> filterNames().equals(TaskFiltersTest.ROLE_FILTERS));
    for (String filter : TaskFiltersTest.ROLE_FILTERS) {
      selectFilter(filter);
      wait.until(d -> String.valueOf(expected.get(filter)).equals(activeCounter()));
    }
    // Camunda 7.24 ships an end-of-life banner that partyflow.css hides; Operaton ships none
    assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);

    selectFilter(TaskFilters.MY_GROUPS);
    wait.until(d -> listText().contains(soonTitle) && listText().contains(lateTitle));
    BrowserSupport.screenshot(driver, "tasklist-01-filters-and-list");
    assertThat(listText()).contains("到期", "内科支部").containsPattern("\\d+ 天(后|前)");
    assertThat(driver.findElement(By.cssSelector(".sorting-choice .sort-by")).getText()).isEqualTo("到期日期");
    assertThat(listText().indexOf(lateTitle)).as("overdue first").isLessThan(listText().indexOf(soonTitle));
    assertNoEnglish();

    driver.findElement(By.xpath("//section[contains(@class,'tasks-list')]//a[contains(normalize-space(.),'办理"
        + soonTitle + "')]")).click();
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
    assertThat(claim.getText()).isEqualTo("认领");
    assertNoEnglish();
    taskTab("描述");
    wait.until(d -> d.findElement(By.cssSelector(".page-wrap")).getText().contains("办理本事项并填写办理情况"));
    BrowserSupport.screenshot(driver, "tasklist-02-task-description");
    taskTab("表单");
    claim.click();
    // Claiming reloads the form; typing before it is back would be lost.
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));

    WebElement outcome = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-form textarea")));
    outcome.sendKeys("已召开支委会，档案整理完毕");
    LocalDate today = LocalDate.now(CHINA);
    driver.findElement(By.cssSelector(".fjs-form input.flatpickr-input"))
        .sendKeys(today.toString());
    driver.findElement(By.cssSelector(".fjs-form label")).click();
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button[ng-click='complete()']")));
    assertThat(complete.getText()).isEqualTo("完成");
    BrowserSupport.screenshot(driver, "tasklist-03-form-filled");
    complete.click();

    wait.until(d -> OfficerErrand.REVIEW_TASK.equals(currentTaskKey(soonCase)));
    wait.until(d -> !listText().contains("办理" + soonTitle));
    BrowserSupport.screenshot(driver, "tasklist-04-completed");

    Task review = tasks.createTaskQuery().processInstanceId(soonCase).singleResult();
    assertThat(review.getName()).isEqualTo("审核" + soonTitle + "办理情况");
    assertThat(review.getAssignee()).isNull();
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("rmyy-nk.secretary");
    assertThat(runtime.getVariable(soonCase, "outcome")).isEqualTo("已召开支委会，档案整理完毕");
    assertThat(runtime.getVariable(soonCase, "doneOn")).isEqualTo(today.toString());
    assertThat(restTaskNames("nk_shuji", soonCase)).containsExactly(review.getName());
    assertThat(restTaskNames("nk_zuzhi", soonCase)).isEmpty();

    driver.manage().deleteAllCookies();
    driver.get(tasklistUrl());
    login("wk_zuzhi");
    wait.until(d -> filterNames().equals(TaskFiltersTest.ROLE_FILTERS));
    selectFilter(TaskFilters.MY_GROUPS);
    wait.until(d -> activeCounter() != null && !activeCounter().isBlank());
    Thread.sleep(2000); // the list renders after the counter
    BrowserSupport.screenshot(driver, "tasklist-05-other-branch");
    assertThat(driver.findElement(By.cssSelector(".page-wrap")).getText())
        .doesNotContain(soonTitle).doesNotContain(lateTitle);
    assertThat(restTaskNames("wk_zuzhi", soonCase)).isEmpty();
  }

  private void openBrowser() {
    driver = BrowserSupport.chromium();
    // Officers' browsers run on China time; the headless default would be the machine's zone.
    ((ChromiumDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", CHINA.getId()));
    wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(500));
    driver.get(tasklistUrl());
  }

  private String tasklistUrl() {
    return "http://localhost:" + port + "/camunda/app/tasklist/";
  }

  private void login(String user) {
    WebElement name = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("input[ng-model='username']")));
    assertThat(name.getAttribute("placeholder")).isEqualTo("用户名");
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    WebElement submit = driver.findElement(By.cssSelector("button[type='submit']"));
    assertThat(submit.getText()).isEqualTo("登录");
    submit.click();
  }

  private List<String> filterNames() {
    return driver.findElements(By.cssSelector("[cam-tasklist-filters] .task-filter .name a")).stream()
        .map(a -> a.getText().replaceAll("\\s*\\d+$", "").trim()).toList();
  }

  private void selectFilter(String name) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),'" + name + "')]"))).click();
    wait.until(d -> {
      List<WebElement> active = d.findElements(By.cssSelector(".task-filter.active .name a"));
      return !active.isEmpty() && active.get(0).getText().startsWith(name);
    });
  }

  private void taskTab(String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + label + "']"))).click();
  }

  private String activeCounter() {
    List<WebElement> counter = driver.findElements(By.cssSelector(".task-filter.active .counter"));
    return counter.isEmpty() ? null : counter.get(0).getText().trim();
  }

  private String listText() {
    List<WebElement> list = driver.findElements(By.cssSelector("section.tasks-list"));
    return list.isEmpty() ? "" : list.get(0).getText();
  }

  private void assertNoEnglish() {
    String text = (String) ((JavascriptExecutor) driver).executeScript(
        "return document.querySelector('.page-wrap').innerText");
    List<String> latin = LATIN_WORD.matcher(text).results().map(MatchResult::group).toList();
    assertThat(latin).as("English words in Tasklist:\n" + text).isEmpty();
    assertThat(text).doesNotContain("Filters", "Claim", "Complete");
  }

  private String currentTaskKey(String processInstanceId) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    return task == null ? null : task.getTaskDefinitionKey();
  }

  private Map<String, Integer> restCounts(String user) throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    JsonNode filters = json.readTree(http.withBasicAuth(user, "demo")
        .getForObject("/engine-rest/filter?resourceType=Task&itemCount=true", String.class));
    filters.forEach(f -> counts.put(f.get("name").asText(), f.get("itemCount").asInt()));
    return counts;
  }

  private List<String> restTaskNames(String user, String processInstanceId) throws Exception {
    JsonNode list = json.readTree(http.withBasicAuth(user, "demo")
        .getForObject("/engine-rest/task?processInstanceId=" + processInstanceId, String.class));
    return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(t -> t.get("name").asText())
        .toList();
  }
}
