package cn.partyflow.memberdevelopment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import java.sql.Date;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** 内科's 组织委员 works stage 1 of a case in Tasklist, in the Chinese Camunda Forms, as a person would. */
@Tag(BrowserSupport.TAG)
@PostgresTest
class MemberDevelopmentTasklistTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();

  WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    made.remove(context);
  }

  @Test
  void theBranchOrganizerRecordsTheApplicationAndTheTalkInTasklist() {
    browser = BrowserSupport.chromium();
    String applicant = "MB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    made.person(applicant);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        applicant, "浏览器申请人", "男", Date.valueOf("2000-02-02"), "NON_MEMBER", "rmyy-nk");
    String pi = runtime.startProcessInstanceByKey("memberDevelopment", Map.of("applicantId", applicant)).getId();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    BrowserSupport.signIn(browser, "http://localhost:" + port + "/camunda/app/tasklist/", "nk_zuzhi", "刘洋");

    openTask(wait, pi, "登记浏览器申请人的入党申请书");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "所在支部：县人民医院内科党支部"));
    date(wait, "applicationDate", "2025-03-03");
    assertThat(browser.findElement(By.xpath("//label[contains(@class,'fjs-checked')][contains(., '男')]")).isDisplayed())
        .as("gender filled from the person registry").isTrue();
    BrowserSupport.screenshot(browser, "md-record-application");
    complete(wait);
    wait.until(d -> tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_TalkWithApplicant")
        .count() == 1);
    assertThat(jdbc.queryForObject("select status from pf_person where id = ?", String.class, applicant))
        .isEqualTo("APPLICANT");

    openTask(wait, pi, "与浏览器申请人谈话");
    date(wait, "talkDate", "2025-03-10");
    choose(wait, "talkBy", "刘", "刘洋");
    type(wait, "talkRecord", "了解入党动机，提出努力方向");
    BrowserSupport.screenshot(browser, "md-talk-with-applicant");
    complete(wait);
    wait.until(d -> tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_NominateActivist")
        .count() == 1);
    assertThat(runtime.getVariable(pi, "talkDate")).isEqualTo("2025-03-10");
    assertThat(runtime.getVariable(pi, "talkBy")).as("the chosen officer's person id").isEqualTo("P011");
  }

  private void openTask(WebDriverWait wait, String pi, String name) {
    String taskId = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), name));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[contains(., '认领') or contains(., 'Claim')]")));
    claim.click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
  }

  private WebElement field(String key) {
    // form-js 1.8 names its inputs fjs-form-<form>-<component id>; our component ids are Field_<key>_<n>.
    return browser.findElement(By.cssSelector(".fjs-container input[id*='-Field_" + key + "_'],"
        + " .fjs-container textarea[id*='-Field_" + key + "_']"));
  }

  private void type(WebDriverWait wait, String key, String text) {
    WebElement input = field(key);
    input.click();
    input.sendKeys(text);
    wait.until(d -> text.equals(field(key).getAttribute("value")));
    input.sendKeys(Keys.TAB);
  }

  /** A searchable select filled by the server: types part of the name and clicks the person offered. */
  private void choose(WebDriverWait wait, String key, String part, String name) {
    WebElement input = field(key);
    input.click();
    input.sendKeys(part);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + name + "']"))).click();
    wait.until(d -> name.equals(field(key).getAttribute("value")));
  }

  private void date(WebDriverWait wait, String key, String isoDate) {
    WebElement input = browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field')][.//*[contains(@id,'Field_"
        + key + "_')]]//input"));
    input.click();
    input.sendKeys(isoDate, Keys.ENTER);
    input.sendKeys(Keys.ESCAPE);
    browser.findElement(By.cssSelector(".fjs-container h3")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
  }

  private void complete(WebDriverWait wait) {
    // form-js takes typed text when its field loses focus (else after a short debounce): leave the field first.
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "if (document.activeElement) { document.activeElement.blur(); }");
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[contains(., '完成') or contains(., 'Complete')]")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].click();", button);
  }
}
