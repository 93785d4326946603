package cn.partyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import java.sql.Date;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An officer whose browser was never set to Chinese (en-US) works Camunda Forms in Tasklist: dates are shown and
 * typed as yyyy-MM-dd, form-js and Tasklist itself speak Chinese, and a refusal shows only the rule's Chinese
 * message, where it covers no button, and is gone at the next submission. Screenshots go to target/screenshots/en-browser-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class EnglishBrowserFormsTest {

  private static final String DATED_ERRAND = "datedErrand";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();

  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(DATED_ERRAND).count() == 0) {
      repository.createDeployment().name("dated-errand-test")
          .addClasspathResource("test-processes/dated-errand.bpmn")
          .addClasspathResource("test-forms/test-dated-errand-start.form")
          .deploy();
    }
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    made.remove(context);
  }

  @Test
  void aTaskFormTakesIsoDatesSpeaksChineseAndShowsOnlyTheRuleOfARefusal() {
    String applicant = "EB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    made.person(applicant);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        applicant, "英文浏览器申请人", "女", Date.valueOf("2010-05-05"), "NON_MEMBER", "rmyy-nk");
    String pi = runtime.startProcessInstanceByKey("memberDevelopment", Map.of("applicantId", applicant)).getId();
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();

    signIn();
    browser.get(tasklist() + "default/#/?task=" + task.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "登记英文浏览器申请人的入党申请书"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));

    WebElement applied = dateInput("applicationDate");
    assertThat(applied.getAttribute("placeholder")).contains("2027-01-10").doesNotContain("mm", "dd", "yy");
    assertThat(dateInput("birthDate").getAttribute("value")).as("the registry's birth date, shown as ISO")
        .isEqualTo("2010-05-05");

    applied.click();
    applied.sendKeys(Keys.ESCAPE);
    leaveField();
    wait.until(d -> errors().contains("此项为必填项。"));
    assertThat(formText()).doesNotContain("Field is required");
    BrowserSupport.screenshot(browser, "en-browser-01-required");

    applied.click();
    WebElement calendar = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".flatpickr-calendar.open")));
    assertThat(calendar.getText()).contains("日", "六").doesNotContain("Sun", "Sat");
    BrowserSupport.screenshot(browser, "en-browser-02-calendar");
    applied.sendKeys("2027-01-10", Keys.ENTER);
    applied.sendKeys(Keys.ESCAPE);
    leaveField();
    assertThat(dateInput("applicationDate").getAttribute("value")).isEqualTo("2027-01-10");

    complete();
    String refusal = wait.until(d -> notification("申请日期2027-01-10"));
    BrowserSupport.screenshot(browser, "en-browser-03-refused");
    assertThat(refusal).as("the rule, with the date read as 10 January 2027")
        .contains("入党申请人须年满十八周岁", "出生于2010-05-05，申请日期2027-01-10时未满18周岁")
        .doesNotContainPattern("[A-Za-z]");
    assertThat(panelText()).doesNotContain("Cannot", task.getId(), task.getProcessDefinitionId(), pi)
        .as("Tasklist's own heading of the error in Chinese too").contains("提交任务表单时发生错误")
        .doesNotContain("An error happened");
    assertThat(completeButton().getText()).as("Tasklist's own buttons in Chinese").isEqualTo("完成");
    assertThat(browser.findElement(By.cssSelector("button[ng-click='save($event)']")).getText()).isEqualTo("保存");
    assertThat(notCovered(completeButton())).as("the error leaves 完成 visible and clickable").isTrue();
    assertThat(notCovered(browser.findElement(By.cssSelector("button[ng-click='save($event)']")))).isTrue();

    retype("birthDate", "2000-02-02");
    retype("applicationDate", "2025-03-03");
    complete();
    wait.until(d -> tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_TalkWithApplicant")
        .count() == 1);
    wait.until(d -> panelText().isBlank());
    BrowserSupport.screenshot(browser, "en-browser-04-completed");
    assertThat(runtime.getVariable(pi, "applicationDate")).isEqualTo("2025-03-03");
    assertThat(runtime.getVariable(pi, "birthDate")).isEqualTo("2000-02-02");
  }

  @Test
  void theStartDialogShowsOnlyTheLatestRefusal() {
    String title = OfficerErrand.uniqueTitle("补登支部活动");
    signIn();
    browser.findElement(By.cssSelector("li.start-process-action a")).click();
    WebElement search = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".modal-header input[ng-model='page.searchValue']")));
    search.sendKeys("登记已办事项");
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//ul[contains(@class,'processes')]//a[contains(., '登记已办事项（测试）')]"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-body .fjs-container")));

    By itemTitle = By.cssSelector(".modal-body input[id*='-Field_itemTitle_']");
    browser.findElement(itemTitle).sendKeys(title);
    wait.until(d -> title.equals(d.findElement(itemTitle).getAttribute("value")));
    retype("happenedOn", "2999-01-10");
    start();
    wait.until(d -> dialogErrors().size() == 1 && dialogErrors().get(0).contains("发生日期（2999-01-10）不能晚于今天"));
    BrowserSupport.screenshot(browser, "en-browser-05-start-refused");

    retype("happenedOn", "1999-12-31");
    start();
    wait.until(d -> dialogErrors().stream().anyMatch(e -> e.contains("发生日期（1999-12-31）不能早于2000-01-01")));
    BrowserSupport.screenshot(browser, "en-browser-06-start-refused-again");
    assertThat(dialogErrors()).as("the first refusal is gone").hasSize(1);
    assertThat(dialogErrors().get(0)).doesNotContain("Cannot", DATED_ERRAND + ":");

    retype("happenedOn", "2025-01-10");
    start();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-body .fjs-container")));
    HistoricProcessInstance started = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(DATED_ERRAND).variableValueEquals("itemTitle", title).singleResult();
    assertThat(started).isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
        .variableName("happenedOn").singleResult().getValue()).isEqualTo("2025-01-10");
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/";
  }

  private void signIn() {
    browser = BrowserSupport.englishChromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    BrowserSupport.signIn(browser, tasklist(), "nk_zuzhi", "刘洋");
  }

  private WebElement dateInput(String key) {
    return browser.findElement(By.cssSelector(".fjs-container input[id*='-Field_" + key + "_']"));
  }

  /** Replaces what a date field holds, by keyboard, as an officer correcting a date does. */
  private void retype(String key, String text) {
    dateInput(key).click();
    // No Escape: in the start dialog it would close the dialog. Enter takes the date and closes the calendar.
    dateInput(key).sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.ENTER);
    leaveField();
    wait.until(d -> text.equals(dateInput(key).getAttribute("value")));
  }

  private void leaveField() {
    browser.findElement(By.cssSelector(".fjs-container h3")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
  }

  private WebElement completeButton() {
    return browser.findElement(By.cssSelector("button[ng-click='complete()']"));
  }

  private void complete() {
    // form-js takes typed text when its field loses focus (else after a short debounce): leave the field first.
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "if (document.activeElement) { document.activeElement.blur(); }");
    wait.until(ExpectedConditions.elementToBeClickable(completeButton())).click();
  }

  private void start() {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "if (document.activeElement) { document.activeElement.blur(); }");
    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button[ng-click='startProcessInstance()']"))).click();
  }

  private String errors() {
    return String.join("|", browser.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .map(WebElement::getText).toList());
  }

  private String formText() {
    return browser.findElement(By.cssSelector(".fjs-container")).getText();
  }

  /** The message of the error notification that contains {@code fragment}, or null while there is none. */
  private String notification(String fragment) {
    return browser.findElements(By.cssSelector(".page-notifications .alert-danger .message")).stream()
        .map(WebElement::getText).filter(t -> t.contains(fragment)).findFirst().orElse(null);
  }

  private String panelText() {
    return browser.findElement(By.cssSelector(".page-notifications")).getText();
  }

  private List<String> dialogErrors() {
    return browser.findElements(By.cssSelector(".modal-body [notifications-panel] .alert-danger .message")).stream()
        .map(WebElement::getText).toList();
  }

  /** Whether what the officer would hit at the button's centre is the button itself. */
  private boolean notCovered(WebElement button) {
    return (Boolean) ((JavascriptExecutor) browser).executeScript(
        "var b = arguments[0]; b.scrollIntoView({block: 'nearest'}); var r = b.getBoundingClientRect();"
            + " var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            + " return hit === b || b.contains(hit);", button);
  }
}
