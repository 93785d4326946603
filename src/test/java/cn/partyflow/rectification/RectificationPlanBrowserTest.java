package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.shared.ChinaClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * The 整改方案 (三个清单) drafted in headless Chromium by mouse and keyboard, as the 组织部门干事 (rmyy_zzb) who gets
 * the task: the form's dynamic list of 整改事项 is filled row by row, 完成 is usable and the plan goes to the 党委书记.
 * form-js 1.8.7 left an empty error entry behind for every list field it had checked, which kept 完成 disabled with
 * nothing on screen (partyflow-forms.js, part 4). A required field left empty still blocks 完成 with its Chinese
 * message. The case is prepared over REST up to the plan task. Screenshots go to
 * target/screenshots/rectification-plan-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class RectificationPlanBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String REQUIRED = "此项为必填项。";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;

  WebDriver driver;
  WebDriverWait wait;
  String unfinishedCase;

  @AfterEach
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
    // A plan task left claimed would show up in other tests' task lists.
    if (unfinishedCase != null) {
      runtime.deleteProcessInstance(unfinishedCase, "test finished", true);
    }
  }

  @Test
  void theOfficerFillsThePlanListsByKeyboardAndThePlanGoesToTheSecretary() {
    String pi = caseAtThePlan();
    Task plan = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    openClaimed(plan);
    assertThat(rows()).as("one row to start with").hasSize(1);

    fillRow(0, "1", "修订党委会议事规则并经党委会通过", "限期整改", "周明（县人民医院党委）", "党委办公室",
        "何军（县人民医院内科党支部）",
        ChinaClock.today().plusDays(30).toString());
    shot("01-first-row");
    addRow();
    fillRow(1, "2", "建立医药购销廉洁风险点台账并定期排查", "长期坚持", "周明（县人民医院党委）", "纪委办公室",
        "沈斌（县人民医院行政第一党支部）", null);
    addRow();
    type(text(row(2), "整改措施"), "多添的一行");
    leaveField();
    removeRow(2);
    assertThat(rows()).hasSize(2);
    shot("02-two-rows");

    WebElement complete = completeButton();
    assertThat(errors()).as("no field shows an error").isEmpty();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(complete));
    complete.click();

    wait.until(d -> "Task_ApprovePlan".equals(currentTaskKey(pi)));
    shot("03-completed");
    long caseId = ((Number) runtime.getVariable(pi, "caseId")).longValue();
    List<Map<String, Object>> items = jdbc.queryForList("select category, measures, leader_user, responsible_user,"
        + " deadline from pf_rectification_item where case_id = ? order by seq", caseId);
    assertThat(items).hasSize(2);
    assertThat(items.get(0)).containsEntry("category", "限期整改").containsEntry("responsible_user", "nk_zhuren")
        .containsEntry("measures", "修订党委会议事规则并经党委会通过");
    assertThat(items.get(0).get("deadline").toString()).isEqualTo(ChinaClock.today().plusDays(30).toString());
    assertThat(items.get(1)).containsEntry("category", "长期坚持").containsEntry("responsible_user", "xz1_keshi")
        .containsEntry("deadline", null);
  }

  @Test
  void aRequiredFieldLeftEmptyInAListRowBlocksCompletionWithItsChineseMessage() {
    String pi = caseAtThePlan();
    unfinishedCase = pi;
    Task plan = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    openClaimed(plan);
    WebElement complete = completeButton();

    text(row(0), "整改措施").click();
    leaveField();
    wait.until(d -> errors().contains(REQUIRED));
    assertThat(complete.isEnabled()).as("完成 while 整改措施 shows its error").isFalse();
    shot("04-required-error");

    type(text(row(0), "整改措施"), "修订党委会议事规则");
    leaveField();
    wait.until(d -> errors().isEmpty());
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(complete));

    addRow();
    input(row(1), "责任科室").click();
    leaveField();
    wait.until(d -> errors().contains(REQUIRED));
    assertThat(complete.isEnabled()).as("完成 while the new row's 责任科室 shows its error").isFalse();
    removeRow(1);
    wait.until(d -> errors().isEmpty());
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(complete));
    shot("05-row-with-error-removed");

    // The fields never touched are still empty: 完成 checks them all and names them, and nothing is submitted.
    complete.click();
    wait.until(d -> errors().size() >= 5);
    assertThat(errors()).containsOnly(REQUIRED);
    assertThat(complete.isEnabled()).isFalse();
    shot("06-untouched-fields-refused");
    assertThat(currentTaskKey(pi)).isEqualTo("Task_DraftPlan");
  }

  /** A 巡察 case started by the 党办, its two problems imported and its feedback registered by the 组织部门干事. */
  private String caseAtThePlan() {
    ResponseEntity<Map> started = rest.withBasicAuth("rmyy_dangban", "demo").postForEntity(
        "/engine-rest/process-definition/key/inspectionRectification/start",
        json(Map.of("variables", Map.of("orgId", v("rmyy"), "source", v("巡察")))), Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    String pi = (String) started.getBody().get("id");
    Task register = tasks.createTaskQuery().processInstanceId(pi).singleResult();

    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(("序号,反馈意见,问题表现\n1,一、党的领导,党委会议事规则不健全\n"
        + "2,二、从严治党,医药购销廉洁风险防控不到位\n").getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "问题清单.csv";
      }
    });
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> imported = rest.withBasicAuth("rmyy_zzb", "demo").postForEntity(
        "/api/rectification/tasks/" + register.getId() + "/problems", new HttpEntity<>(body, multipart), String.class);
    assertThat(imported.getBody()).contains("\"imported\":2");

    ResponseEntity<String> registered = rest.withBasicAuth("rmyy_zzb", "demo").postForEntity(
        "/engine-rest/task/" + register.getId() + "/submit-form",
        json(Map.of("variables", Map.of("feedbackDate", v(ChinaClock.today().toString()),
            "roundName", v("县委第七轮巡察"), "groupName", v("县委第三巡察组")))), String.class);
    assertThat(registered.getStatusCode().is2xxSuccessful()).as(registered.getBody()).isTrue();
    assertThat(currentTaskKey(pi)).isEqualTo("Task_DraftPlan");
    return pi;
  }

  private void openClaimed(Task plan) {
    driver = BrowserSupport.chromium();
    ((ChromiumDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", ChinaClock.ZONE_ID));
    wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));
    BrowserSupport.signIn(driver, tasklist(), "rmyy_zzb", "赵志强");
    driver.get(tasklist() + "default/#/?task=" + plan.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "拟定县人民医院党委整改方案（三个清单）"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-repeat-row-container")));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
  }

  private void fillRow(int index, String problemNo, String measures, String category, String leader,
      String department, String responsible, String deadline) {
    WebElement row = row(index);
    pickProblem(input(row, "对应问题序号"), problemNo);
    type(text(row, "整改措施"), measures);
    type(input(row, "整改目标"), "年内见效");
    row.findElement(By.xpath(".//label[contains(normalize-space(.),'类别')]/following::div"
        + "[contains(@class,'fjs-input-group')][1]")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')"
        + " and normalize-space(.)='" + category + "']"))).click();
    pick(input(row, "责任领导"), leader);
    type(input(row, "责任科室"), department);
    pick(input(row, "责任人"), responsible);
    if (deadline != null) {
      WebElement date = row.findElement(By.cssSelector("input.flatpickr-input"));
      date.click();
      date.sendKeys(deadline, Keys.ENTER);
    }
    leaveField();
  }

  /**
   * Types into one field and leaves it: form-js takes typed text when the field loses focus (otherwise after a
   * 300 ms debounce), so it is in the form before the next field is touched and cannot be lost when a neighbour's
   * value lands.
   */
  private void type(WebElement field, String text) {
    field.sendKeys(text);
    ((JavascriptExecutor) driver).executeScript("arguments[0].blur();", field);
    wait.until(d -> text.equals(field.getAttribute("value")));
  }

  /** Chooses the problem of the imported list numbered {@code no}: the server lists them as "1．问题表现". */
  private void pickProblem(WebElement select, String no) {
    select.click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')"
        + " and starts-with(normalize-space(.),'" + no + "．')]"))).click();
  }

  /** Chooses a person in a searchable select: types the name, clicks the option (name and organization). */
  private void pick(WebElement select, String option) {
    select.click();
    select.sendKeys(option.substring(0, option.indexOf('（')));
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')"
        + " and normalize-space(.)='" + option + "']"))).click();
  }

  private void addRow() {
    int before = rows().size();
    WebElement add = driver.findElement(By.cssSelector("button.fjs-repeat-render-add"));
    assertThat(add.getText()).contains("添加");
    add.click();
    wait.until(d -> rows().size() == before + 1);
  }

  private void removeRow(int index) {
    int before = rows().size();
    row(index).findElement(By.cssSelector("button.fjs-repeat-row-remove")).click();
    wait.until(d -> rows().size() == before - 1);
  }

  private List<WebElement> rows() {
    return driver.findElements(By.cssSelector(".fjs-form .fjs-repeat-row-container"));
  }

  private WebElement row(int index) {
    return rows().get(index);
  }

  private WebElement input(WebElement row, String label) {
    return row.findElement(By.xpath(".//label[contains(normalize-space(.),'" + label + "')]/following::input[1]"));
  }

  private WebElement text(WebElement row, String label) {
    return row.findElement(By.xpath(".//label[contains(normalize-space(.),'" + label + "')]/following::textarea[1]"));
  }

  /** Clicks the form's heading, which closes a calendar and makes form-js check the field just left. */
  private void leaveField() {
    driver.findElement(By.cssSelector(".fjs-form h2")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
  }

  private WebElement completeButton() {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
  }

  private List<String> errors() {
    return driver.findElements(By.cssSelector(".fjs-form .fjs-form-field-error")).stream()
        .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
  }

  private String currentTaskKey(String processInstanceId) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    return task == null ? null : task.getTaskDefinitionKey();
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/";
  }

  private void shot(String name) {
    BrowserSupport.screenshot(driver, "rectification-plan-" + name);
  }

  private static Map<String, Object> v(Object value) {
    return Map.of("value", value);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
