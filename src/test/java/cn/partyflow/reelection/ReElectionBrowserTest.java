package cn.partyflow.reelection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 换届 in headless Chromium: the 党委's 组织部门干事 opens 换届 from the menu and sees 后勤党支部's term overdue in red,
 * is refused a postponement of more than a year (in Chinese, nothing started), reports 行政第一党支部's re-election
 * request, and after the branch's election meeting reads its record: who was entitled and present, the votes per
 * candidate and who was elected. Screenshots in target/screenshots/re-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class ReElectionBrowserTest {

  private static final String BRANCH = "rmyy-xz1";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired OrganizationDirectory directory;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired TermStore store;

  WebDriver driver;
  WebDriverWait wait;
  LocalDate termBefore;
  LocalDate hqTermBefore;

  @BeforeEach
  void rememberTheTerms() {
    termBefore = store.term(BRANCH).map(TermStore.Term::termEnd).orElse(null);
    hqTermBefore = store.term("rmyy-hq").map(TermStore.Term::termEnd).orElse(null);
  }

  @AfterEach
  void cleanUp() {
    if (driver != null) {
      driver.quit();
    }
    runtime.createProcessInstanceQuery().processDefinitionKey(ReElection.PROCESS_KEY).processInstanceBusinessKey(BRANCH)
        .list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
    history.createHistoricProcessInstanceQuery().processDefinitionKey(ReElection.PROCESS_KEY)
        .processInstanceBusinessKey(BRANCH).list().forEach(h -> history.deleteHistoricProcessInstance(h.getId()));
    String cases = "(select process_instance_id from pf_re_case where org_id = '" + BRANCH + "')";
    String meetings = "(select id from pf_re_meeting where process_instance_id in " + cases + ")";
    jdbc.update("delete from pf_re_vote where meeting_id in " + meetings);
    jdbc.update("delete from pf_re_attendee where meeting_id in " + meetings);
    jdbc.update("delete from pf_re_meeting where process_instance_id in " + cases);
    jdbc.update("delete from pf_re_event where process_instance_id in " + cases);
    jdbc.update("delete from pf_re_case where org_id = ?", BRANCH);
    if (termBefore != null) {
      store.setTerm(BRANCH, termBefore, null, null);
    }
    if (hqTermBefore != null) {
      store.setTerm("rmyy-hq", hqTermBefore, null, null);
    }
  }

  @Test
  void theOrganizationDepartmentSeesTheTermsReportsARequestAndReadsTheElectionMeetingsRecord() {
    LocalDate today = ChinaClock.today();
    store.setTerm("rmyy-hq", today.minusMonths(2), null, null);
    store.setTerm(BRANCH, today.plusMonths(5), null, null);
    driver = BrowserSupport.chromium();
    ((ChromiumDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", ChinaClock.ZONE_ID));
    wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));

    signIn("rmyy_zzb");
    open("/");
    click(By.id("menu-re-election"));
    WebElement hq = driver.findElement(By.id("row-rmyy-hq"));
    assertThat(hq.getAttribute("class")).isEqualTo("overdue");
    assertThat(hq.getText()).contains("已超期");
    assertThat(driver.findElement(By.id("row-" + BRANCH)).getAttribute("class")).isEqualTo("soon");
    BrowserSupport.screenshot(driver, "re-01-terms");

    click(By.cssSelector("#start-" + BRANCH + " summary"));
    new Select(driver.findElement(By.id("type-" + BRANCH))).selectByVisibleText("延期换届");
    driver.findElement(By.id("reason-" + BRANCH)).sendKeys("医院等级评审期间");
    setDate(By.id("new-end-" + BRANCH), today.plusMonths(5).plusYears(1).plusDays(1));
    click(By.id("submit-" + BRANCH));
    assertThat(error()).contains("延期换届须在任期届满日").contains("不超过1年");
    assertThat(store.openCase(BRANCH)).isEmpty();
    // The refused request is open and as typed, to be corrected.
    assertThat(driver.findElement(By.id("start-" + BRANCH)).getAttribute("open")).isNotNull();
    assertThat(new Select(driver.findElement(By.id("type-" + BRANCH))).getFirstSelectedOption().getText())
        .isEqualTo("延期换届");
    assertThat(driver.findElement(By.id("reason-" + BRANCH)).getAttribute("value")).isEqualTo("医院等级评审期间");
    assertThat(driver.findElement(By.id("new-end-" + BRANCH)).getAttribute("value"))
        .isEqualTo(today.plusMonths(5).plusYears(1).plusDays(1).toString());

    new Select(driver.findElement(By.id("type-" + BRANCH))).selectByVisibleText("换届选举");
    driver.findElement(By.id("reason-" + BRANCH)).clear();
    driver.findElement(By.id("reason-" + BRANCH)).sendKeys("本届任期将于五个月后届满，拟召开党员大会换届选举");
    click(By.id("submit-" + BRANCH));
    assertThat(message()).contains("已向上级党组织报送县人民医院行政第一党支部换届选举的请示");
    String pi = store.openCase(BRANCH).orElseThrow().processInstanceId();
    assertThat(driver.findElement(By.id("open-tasks")).getText()).contains("批复县人民医院行政第一党支部换届选举的请示");

    complete(pi, ReElection.REPLY, Map.of("decision", "APPROVE"));
    complete(pi, ReElection.NOMINATE, Map.of("seats", 1, "candidates",
        Spin.JSON(List.of(Map.of("personId", "P040"), Map.of("personId", "P041")))));
    complete(pi, ReElection.REVIEW_CANDIDATES, Map.of("decision", "APPROVE"));
    complete(pi, ReElection.HOLD_ELECTION, Map.of(ReElection.ELECTION_DATE, today.toString(),
        ReElection.PRESENT_MEMBERS, Spin.JSON(List.of("P040", "P041", "P042")), ReElection.VOTES,
        Spin.JSON(List.of(Map.of("personId", "P040", "votes", 2), Map.of("personId", "P041", "votes", 1)))));

    open("/re-election/cases/" + pi);
    WebElement round = driver.findElement(By.id("round-1"));
    assertThat(round.findElement(By.cssSelector(".entitled")).getText()).isEqualTo("3");
    assertThat(round.findElement(By.cssSelector(".present")).getText()).isEqualTo("3");
    assertThat(round.findElement(By.cssSelector(".attendees")).getText()).isEqualTo("许文、蒋莉、沈斌");
    List<WebElement> votes = round.findElements(By.cssSelector("table.votes tbody tr"));
    assertThat(votes).extracting(WebElement::getText).containsExactly("许文 2 当选", "蒋莉 1 未当选");
    assertThat(votes.get(0).getAttribute("class")).isEqualTo("elected");
    assertThat(driver.findElement(By.id("open-tasks")).getText()).contains("报批县人民医院行政第一党支部选举结果");
    BrowserSupport.screenshot(driver, "re-02-election-record");
  }

  private void complete(String pi, String key, Map<String, Object> variables) {
    Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    tasks.complete(t.getId(), variables);
  }

  private void setDate(By by, LocalDate date) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(by),
        date.toString());
  }

  private void signIn(String user) {
    String name = directory.personByUsername(user).map(Person::name).orElseThrow();
    BrowserSupport.signIn(driver, url("/camunda/app/tasklist/"), user, name);
  }

  private void open(String path) {
    driver.get(url(path));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void click(By by) {
    BrowserSupport.clickAndLoad(wait, by);
  }

  private String message() {
    return BrowserSupport.shown(wait, "message");
  }

  private String error() {
    return BrowserSupport.shown(wait, "error");
  }
}
