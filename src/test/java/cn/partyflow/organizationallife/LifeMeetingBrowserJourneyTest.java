package cn.partyflow.organizationallife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 组织生活会 in headless Chromium: the 书记 (and 组织委员) of 后勤党支部 starts the year's 组织生活会 on the branch's
 * page, records the preparation, then the meeting with both full members' grades and votes and a problem, and reads
 * the grades and the rectification case on the branch's page. Screenshots in target/screenshots/olm-*.png.
 */
@PostgresTest
class LifeMeetingBrowserJourneyTest {

  private static final String BRANCH = "rmyy-hq";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired OrganizationDirectory directory;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired LifeMeetingStore store;
  @Autowired JdbcTemplate jdbc;

  WebDriver driver;
  WebDriverWait wait;
  int year;

  @AfterEach
  void cleanUp() {
    if (driver != null) {
      driver.quit();
    }
    store.find(BRANCH, year).map(LifeMeetingStore.Case::rectificationInstanceId).ifPresent(this::deleteCase);
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(LifeMeeting.businessKey(BRANCH, year)).list()
        .forEach(p -> deleteCase(p.getId()));
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(LifeMeeting.businessKey(BRANCH, year))
        .list().forEach(h -> history.deleteHistoricProcessInstance(h.getId()));
    store.deleteCase(BRANCH, year);
  }

  @Test
  void theSecretaryRecordsTheMeetingAndTheGradesAndSeesThemOnTheBranchsPage() {
    LocalDate today = ChinaClock.today();
    year = today.getYear();
    driver = BrowserSupport.chromium();
    wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));

    signIn("hq_shuji");
    driver.get(url("/organizational-life/" + BRANCH));
    click(By.id("lm-start"));
    assertThat(BrowserSupport.shown(wait, "message")).contains("已发起" + year + "年度组织生活会");
    type(By.id("studyOn"), today.toString());
    type(By.id("studyContent"), "学习党章和《中国共产党支部工作条例（试行）》");
    type(By.id("opinionsOn"), today.toString());
    type(By.id("opinionsSummary"), "向后勤科室职工征求意见");
    new Select(driver.findElement(By.id("talker_0"))).selectByVisibleText("吕强");
    new Select(driver.findElement(By.id("partner_0"))).selectByVisibleText("丁梅");
    type(By.id("talkedOn_0"), today.toString());
    click(By.id("save-preparation"));
    assertThat(BrowserSupport.shown(wait, "message")).contains("已登记会前准备");
    BrowserSupport.screenshot(driver, "olm-01-prepared");

    type(By.id("heldOn"), today.toString());
    new Select(driver.findElement(By.id("chairId"))).selectByVisibleText("吕强");
    type(By.id("criticism"), "书记带头作对照检查，党员逐一开展批评和自我批评");
    grade("P050", "优秀", 0);
    grade("P051", "合格", 1);
    type(By.id("problems"), "后勤党小组学习记录不全");
    click(By.id("save-meeting"));
    assertThat(BrowserSupport.shown(wait, "message")).contains("已登记组织生活会和民主评议结果");
    assertThat(driver.findElement(By.id("lm-grade-P050")).getText()).contains("吕强").contains("优秀");
    assertThat(driver.findElement(By.id("lm-grade-P051")).getText()).contains("丁梅").contains("合格");
    assertThat(driver.findElement(By.id("lm-state")).getText()).isEqualTo("已完成");
    assertThat(driver.findElement(By.id("lm-rectification")).getText()).contains("1个问题已转为整改案件");
    BrowserSupport.screenshot(driver, "olm-02-grades-on-branch-page");
  }

  private void grade(String personId, String grade, int index) {
    new Select(driver.findElement(By.name("grade_" + personId))).selectByVisibleText(grade);
    type(By.name("votes_" + personId + "_" + index), "2");
  }

  private void deleteCase(String processInstanceId) {
    if (processInstanceId == null) {
      return;
    }
    runtime.deleteProcessInstancesIfExists(List.of(processInstanceId), "test finished", true, true, true);
    if (history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      history.deleteHistoricProcessInstance(processInstanceId);
    }
    jdbc.update("delete from pf_rectification_item where case_id in (select id from pf_rectification_case"
        + " where process_instance_id = ?)", processInstanceId);
    jdbc.update("delete from pf_rectification_case where process_instance_id = ?", processInstanceId);
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

  private void type(By by, String text) {
    BrowserSupport.type(wait, by, text);
  }
}
