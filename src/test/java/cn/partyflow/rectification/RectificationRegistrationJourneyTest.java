package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.shared.ChinaClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registration of a 巡察整改 case in headless Chromium, by mouse and keyboard only, as the 组织部门干事 who gets
 * it: the case is started beforehand by the 党办; 赵志强 (rmyy_zzb) claims the 登记反馈问题清单 task in Tasklist,
 * follows the form's link to the import page, has a bad sheet refused in Chinese, imports two problems, returns to
 * the task, fills it in, completes it and finds the plan task. Screenshots go to
 * target/screenshots/rectification-registration-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class RectificationRegistrationJourneyTest {

  static final List<List<Object>> PROBLEMS = List.of(List.of(1, "一、党的领导", "党委会议事规则不健全"),
      List.of(2, "二、从严治党", "医药购销廉洁风险防控不到位"));

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProblemListHandover handover;
  @TempDir Path files;

  RectificationBrowser browser;

  final List<String> started = new ArrayList<>();

  @AfterEach
  void closeBrowserAndRemoveTheCases() {
    if (browser != null) {
      browser.close();
    }
    started.forEach(id -> CaseCleanup.delete(jdbc, runtime, history, id));
  }

  @Test
  void theOrgDepartmentOfficerRegistersTheFeedbackWithAnImportedProblemListAndGetsThePlan() throws Exception {
    // 民主生活会 gives the task a name no other test's case has, so the officer can tell it in the list.
    String pi = startedBy("rmyy_dangban", "民主生活会");
    started.add(pi);
    Task register = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(register.getName()).isEqualTo("登记县人民医院党委民主生活会反馈问题清单");

    browser = new RectificationBrowser(port, "rectification-registration");
    WebDriver driver = browser.driver;
    WebDriverWait wait = browser.wait;
    browser.signIn("rmyy_zzb", "赵志强");

    browser.selectFilter("本组织待办");
    assertThat(browser.listEntry(register.getId())).contains("登记县人民医院党委民主生活会反馈问题清单");
    shot("01-task-in-list");
    wait.until(ExpectedConditions.elementToBeClickable(RectificationBrowser.taskInList(register.getId()))).click();
    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
    shot("02-task-before-claim");
    claim.click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    assertThat(browser.formText()).contains("尚未导入问题清单");

    WebElement row = browser.openImportPage(register.getId());
    assertThat(row.getText()).contains("已由我认领").contains("尚未导入");
    assertThat(row.findElement(By.cssSelector("input[type=radio]")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("template-xlsx")).getText()).contains("Excel模板");
    shot("03-import-page");

    browser.upload(csv("缺行.csv", "序号,反馈意见,问题表现\n1,一、党的领导,党委会议事规则不健全\n2,二、从严治党,\n"));
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-error")));
    assertThat(error.getText()).contains("第3行").contains("缺少问题表现").contains("未导入任何数据");
    assertThat(tasks.getVariable(register.getId(), "problems")).isNull();
    shot("04-bad-sheet-refused");

    assertThat(driver.findElement(By.cssSelector("#tasks tr[data-task='" + register.getId() + "'] input[type=radio]"))
        .isSelected()).isTrue();
    browser.upload(RectificationBrowser.problemSheet(files, "问题清单.xlsx", PROBLEMS));
    WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-message")));
    assertThat(message.getText()).contains("已导入2条问题");
    shot("05-two-problems-imported");

    browser.backToTask();
    wait.until(d -> browser.formText().contains("医药购销廉洁风险防控不到位"));
    assertThat(browser.formText()).contains("党委会议事规则不健全").doesNotContain("尚未导入问题清单");
    WebElement complete = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("button[ng-click='complete()']")));
    // A form that reads the imported list must leave 完成 usable: the dynamic list it replaces did not.
    Thread.sleep(1000);
    assertThat(complete.isEnabled()).as("完成 after the import").isTrue();
    shot("06-back-at-the-task");

    browser.type("巡察轮次", "县委第六轮巡察");
    browser.type("巡察组", "县委第二巡察组");
    driver.findElement(By.cssSelector(".fjs-form input.flatpickr-input")).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today"))).click();
    browser.leaveField();
    wait.until(ExpectedConditions.elementToBeClickable(complete));
    shot("07-form-filled");
    complete.click();

    wait.until(d -> "Task_DraftPlan".equals(currentTaskKey(pi)));
    Task plan = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    browser.selectFilter("本组织待办");
    assertThat(browser.listEntry(plan.getId())).contains("拟定县人民医院党委整改方案（三个清单）");
    shot("08-plan-task-in-list");

    assertThat(runtime.getVariable(pi, "problemCount")).isEqualTo(2);
    Map<String, Object> recorded = jdbc.queryForMap("select source, round_name, group_name, feedback_date"
        + " from pf_rectification_case where process_instance_id = ?", pi);
    assertThat(recorded.get("source")).isEqualTo("民主生活会");
    assertThat(recorded.get("round_name")).isEqualTo("县委第六轮巡察");
    assertThat(recorded.get("group_name")).isEqualTo("县委第二巡察组");
    assertThat(recorded.get("feedback_date").toString()).isEqualTo(ChinaClock.today().toString());
  }

  @Test
  void aProblemListHandedOverByAMeetingIsCheckedAndRegisteredWithoutAnImport() {
    String pi = handover.start("rmyy", Rectification.LEADERSHIP_LIFE_MEETING, ChinaClock.today(), "2026年度民主生活会",
        List.of(new ProblemListHandover.Problem("对照检查", "班子成员谈心谈话不够深入"),
            new ProblemListHandover.Problem("", "落实民主集中制有差距")));
    started.add(pi);
    Task register = tasks.createTaskQuery().processInstanceId(pi).singleResult();

    browser = new RectificationBrowser(port, "rectification-handover");
    WebDriverWait wait = browser.wait;
    browser.signIn("rmyy_zzb", "赵志强");
    browser.selectFilter("本组织待办");
    WebElement card = wait.until(ExpectedConditions.elementToBeClickable(
        RectificationBrowser.taskInList(register.getId())));
    // The engine's priority (50 on every task) is no figure an officer can use: the card does not show it.
    assertThat(browser.driver.findElements(By.cssSelector(".tasks-list .task .priority"))).isNotEmpty()
        .noneMatch(WebElement::isDisplayed);
    card.click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    wait.until(d -> browser.formText().contains("落实民主集中制有差距"));
    String form = browser.formText();
    assertThat(form).contains("民主生活会查摆的问题，已随本案件移交").contains("无需导入")
        .contains("来源会议：2026年度民主生活会").contains("班子成员谈心谈话不够深入")
        .doesNotContain("请先导入").doesNotContain("尚未导入问题清单").doesNotContain("巡察轮次")
        .doesNotContain("巡察组");
    shot("handover-01-list-filled-in");

    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button[ng-click='complete()']")));
    complete.click();
    wait.until(d -> "Task_DraftPlan".equals(currentTaskKey(pi)));
    Task plan = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    browser.selectFilter("本组织待办");
    assertThat(browser.listEntry(plan.getId())).contains("整改方案");
    shot("handover-02-plan-task-in-list");
    Map<String, Object> recorded = jdbc.queryForMap("select source, round_name, feedback_date"
        + " from pf_rectification_case where process_instance_id = ?", pi);
    assertThat(recorded.get("source")).isEqualTo("民主生活会");
    assertThat(recorded.get("round_name")).isEqualTo("2026年度民主生活会");
    assertThat(recorded.get("feedback_date").toString()).isEqualTo(ChinaClock.today().toString());
  }

  private String startedBy(String user, String source) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> started = rest.withBasicAuth(user, "demo").postForEntity(
        "/engine-rest/process-definition/key/inspectionRectification/start",
        new HttpEntity<>(Map.of("variables", Map.of("orgId", Map.of("value", "rmyy"),
            "source", Map.of("value", source))), headers), Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    return (String) started.getBody().get("id");
  }

  private Path csv(String name, String content) throws Exception {
    return Files.write(files.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private String currentTaskKey(String processInstanceId) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    return task == null ? null : task.getTaskDefinitionKey();
  }

  private void shot(String name) {
    browser.shot(name);
  }
}
