package cn.partyflow.home;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.dues.DuesMonthTotals;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.rectification.RectificationCounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * 工作台, menu and roster in headless Chromium, each demo role opening the site, signing in on the login page it is
 * sent to and landing on the home page (a case link opened while signed out lands on the case instead): the page
 * greets the user by name, its numbers equal the counts taken here from the data (Tasklist's own filter counts over
 * REST, the registry, the dues ledger, the rectification items, the cases), every menu link the role gets opens its
 * page by clicking (Tasklist's header leading back to 工作台), and the links it does not get are refused by the
 * server too. Screenshots go to target/screenshots/home-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeBrowserTest {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final List<String> STAGES = List.of("APPLICANT", "ACTIVIST", "TARGET", "PROBATIONARY");
  /** What each menu link opens: a text its page shows. */
  private static final Map<String, String> PAGES = Map.of(
      "menu-people", "党员花名册",
      "menu-rectification", "巡察整改督办看板",
      "menu-organizational-life", "年度组织生活",
      "menu-re-election", "任期和换届",
      "menu-leadership-meeting", "领导班子民主生活会",
      "menu-duty-review", "书记抓基层党建述职评议",
      "menu-dues", "大额自愿多交党费",
      "menu-reports", "统计期间",
      "menu-audit", "案卷查阅（只读）");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();
  @Autowired AccessScope scope;
  @Autowired RectificationCounts counts;
  @Autowired DuesMonthTotals totals;

  final ObjectMapper json = new ObjectMapper();
  WebDriver driver;
  WebDriverWait wait;

  @BeforeAll
  void openBrowser() {
    driver = BrowserSupport.chromium();
    wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(200));
  }

  private final List<String> errands = new ArrayList<>();

  @AfterAll
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void workForTheInternalMedicineBranch() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("officerErrand").count() == 0) {
      repository.createDeployment().name("officer-errand-test")
          .addClasspathResource("test-processes/officer-errand.bpmn")
          .addClasspathResource("test-forms/test-errand-report.form")
          .addClasspathResource("test-forms/test-errand-review.form").deploy();
    }
    errand("整理支部档案", Instant.now().plus(Duration.ofDays(2)));
    errand("补交思想汇报", Instant.now().minus(Duration.ofDays(1)));
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  void theBranchOrganizerSeesTasksAndPipelineAndFindsAPersonInTheRoster() throws Exception {
    signInAndOpenHome("nk_zuzhi", "刘洋");
    assertTaskCounts("nk_zuzhi");
    assertPipeline("rmyy-nk");
    BrowserSupport.screenshot(driver, "home-nk_zuzhi");
    assertMenu("nk_zuzhi", List.of("menu-home", "menu-tasks", "menu-people", "menu-organizational-life",
        "menu-reports"));

    String tag = UUID.randomUUID().toString().substring(0, 4);
    made.person("B" + tag);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, application_date, activist_date,"
        + " on_probation_discipline) values (?, ?, '女', date '1996-02-03', 'ACTIVIST', 'rmyy-nk', date '2024-04-01',"
        + " date '2025-01-10', false)", "B" + tag, "司马" + tag + "雪");
    click("menu-people");
    driver.findElement(By.id("search-name")).sendKeys(tag + "雪");
    driver.findElement(By.id("search-submit")).click();
    wait.until(ExpectedConditions.textToBe(By.id("result-count"), "1"));
    BrowserSupport.screenshot(driver, "home-roster-search");
    driver.findElement(By.linkText("司马" + tag + "雪")).click();
    wait.until(ExpectedConditions.textToBe(By.id("person-name"), "司马" + tag + "雪"));
    assertThat(driver.findElement(By.id("facts")).getText())
        .contains("入党积极分子", "内科党支部", "1996-02-03", "2024-04-01", "2025-01-10");
    assertThat(driver.findElement(By.id("start-member-development")).getText())
        .contains("发起发展党员（从入党积极分子阶段开始");
    BrowserSupport.screenshot(driver, "home-roster-person");

    driver.findElement(By.id("menu-logout")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")));
  }

  @Test
  void theBranchDuesKeeperSeesThisMonthsCollectionRateAndArrears() throws Exception {
    String period = YearMonth.now(CHINA).toString();
    String earlier = YearMonth.now(CHINA).minusMonths(1).toString();
    List<Long> rows = new ArrayList<>();
    rows.add(ledger(period, "P019", "15.00", "15.00"));
    rows.add(ledger(period, "P022", "30.00", "0"));
    rows.add(ledger(earlier, "P022", "30.00", "10.00"));
    try {
      duesKeeperHome(period);
    } finally {
      rows.stream().filter(java.util.Objects::nonNull)
          .forEach(id -> jdbc.update("delete from pf_dues_ledger where id = ?", id));
      totals.refresh("rmyy-nk", period);
      totals.refresh("rmyy-nk", earlier);
    }
  }

  private void duesKeeperHome(String period) throws Exception {
    signInAndOpenHome("nk_dangfei", "黄敏");
    assertTaskCounts("nk_dangfei");
    assertPipeline("rmyy-nk");

    Map<String, Object> expected = jdbc.queryForMap("select sum(due) as due, sum(paid) as paid,"
        + " sum(case when paid < due then 1 else 0 end) as unpaid from pf_dues_ledger"
        + " where branch_id = 'rmyy-nk' and period = ?", period);
    // 往月欠缴 counts 人次: each earlier month a member still owes for.
    Map<String, Object> arrears = jdbc.queryForMap("select count(*) as people,"
        + " sum(due - paid) as owed from pf_dues_ledger where branch_id = 'rmyy-nk' and period < ? and paid < due",
        period);
    BigDecimal due = (BigDecimal) expected.get("due");
    BigDecimal paid = (BigDecimal) expected.get("paid");
    assertThat(money("expected")).isEqualByComparingTo(due);
    assertThat(money("received")).isEqualByComparingTo(paid);
    assertThat(duesCell("rate")).isEqualTo(paid.multiply(BigDecimal.valueOf(100))
        .divide(due, 0, java.math.RoundingMode.DOWN) + "%");
    assertThat(duesCell("unpaid")).isEqualTo(((Number) expected.get("unpaid")).intValue() + "人");
    assertThat(duesCell("arrears")).isEqualTo(((Number) arrears.get("people")).intValue() + "人次");
    assertThat(money("arrears-amount")).isEqualByComparingTo((BigDecimal) arrears.get("owed"));
    BrowserSupport.screenshot(driver, "home-nk_dangfei");
    assertMenu("nk_dangfei", List.of("menu-home", "menu-tasks", "menu-people", "menu-organizational-life",
        "menu-dues", "menu-reports"));
  }

  @Test
  void theCommitteeSecretaryIsGreetedByNameAndSeesRectificationByDepartment() throws Exception {
    // Other tests add and remove items around RectificationItems: the counts are made from the items as they are.
    counts.rebuild();
    signInAndOpenHome("rmyy_shuji", "王建国");
    assertTaskCounts("rmyy_shuji");
    Set<String> orgs = scope.visibleOrganizations("rmyy_shuji", false);
    String in = orgs.stream().map(o -> "?").collect(Collectors.joining(","));
    long total = jdbc.queryForObject("select count(*) from pf_rectification_item where org_id in (" + in + ")",
        Long.class, orgs.toArray());
    List<Object> args = new ArrayList<>(orgs);
    args.add(java.sql.Date.valueOf(LocalDate.now(CHINA)));
    long overdue = jdbc.queryForObject("select count(*) from pf_rectification_item where org_id in (" + in + ")"
        + " and status <> '已销号' and category <> '长期坚持' and deadline < ?", Long.class, args.toArray());
    assertThat(driver.findElement(By.id("rectification-progress")).getText()).contains("共 " + total + " 项");
    assertPipelinePerBranch("rmyy", orgs);
    assertThat(driver.findElement(By.cssSelector("#rectification-counts [data-status='已逾期'] .value")).getText())
        .isEqualTo(String.valueOf(overdue));
    BrowserSupport.screenshot(driver, "home-rmyy_shuji");
    assertMenu("rmyy_shuji", List.of("menu-home", "menu-tasks", "menu-people", "menu-rectification",
        "menu-organizational-life", "menu-re-election", "menu-leadership-meeting", "menu-duty-review", "menu-dues",
        "menu-reports"));

    click("menu-rectification");
    assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("王建国");
    assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("rmyy_shuji");
    atPhoneWidth("home-rmyy_shuji-dashboard-390");
    click("menu-home");
    atPhoneWidth("home-rmyy_shuji-390");
  }

  @Test
  void theDisciplineInspectorSeesRunningAndFinishedCasesOfTheUnit() throws Exception {
    signInAndOpenHome("rmyy_jiwei", "孙丽");
    assertTaskCounts("rmyy_jiwei");
    Set<String> orgs = scope.visibleOrganizations("rmyy_jiwei", false);
    String in = orgs.stream().map(o -> "?").collect(Collectors.joining(","));
    String cases = "select count(*) from act_hi_procinst p where %s and (select max(o.text_) from act_hi_varinst o"
        + " where o.proc_inst_id_ = p.id_ and o.name_ = 'orgId' and o.execution_id_ = p.id_) in (" + in + ")";
    long running = jdbc.queryForObject(cases.formatted("p.end_time_ is null"), Long.class, orgs.toArray());
    long finished = jdbc.queryForObject(cases.formatted("p.state_ = 'COMPLETED'"), Long.class, orgs.toArray());
    assertThat(running).isPositive();
    assertThat(caseCount("RUNNING")).isEqualTo(running > 1000 ? "超过1000" : String.valueOf(running));
    assertThat(caseCount("FINISHED")).isEqualTo(finished > 1000 ? "超过1000" : String.valueOf(finished));
    BrowserSupport.screenshot(driver, "home-rmyy_jiwei");
    driver.findElement(By.cssSelector("#recent-running tbody a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export-pdf")));

    // A case link opened after signing out leads through the login page back to the case, not to 工作台.
    String caseLink = driver.getCurrentUrl();
    click("menu-logout");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")));
    BrowserSupport.signIn(driver, caseLink, "rmyy_jiwei", "导出PDF案卷");
    assertThat(driver.getCurrentUrl()).isEqualTo(caseLink);
    click("menu-home");
    assertMenu("rmyy_jiwei", List.of("menu-home", "menu-tasks", "menu-people", "menu-rectification", "menu-reports",
        "menu-audit"));
  }

  @Test
  void theAdministratorOpensTheRuleSettingsFromTheMenu() {
    signInAndOpenHome("admin", "系统管理员");
    click("menu-settings");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("规则设置");
    assertThat(driver.findElement(By.id("menu-settings")).getAttribute("class")).contains("active");
    WebElement publicity = driver.findElement(By.cssSelector(
        "tr[data-property='partyflow.member-development.publicity-workdays']"));
    assertThat(publicity.findElement(By.cssSelector("[data-field=source]")).getText()).isEqualTo("本地规定");
    assertThat(publicity.findElement(By.cssSelector("[data-field=value]")).getText()).isEqualTo("5");
    assertThat(driver.findElement(By.cssSelector("tr[data-property='partyflow.member-development.cultivation-months']"
        + " [data-field=source]")).getText()).contains("第十三条");
    BrowserSupport.screenshot(driver, "home-admin-settings");
    click("menu-home");
    assertThat(driver.findElements(By.id("menu-settings"))).hasSize(1);
    assertThat(driver.findElement(By.id("menu-cockpit")).getAttribute("href"))
        .endsWith("/camunda/app/cockpit/default/");
    assertThat(driver.findElement(By.id("menu-camunda-admin")).getAttribute("href"))
        .endsWith("/camunda/app/admin/default/");

    // Camunda's Welcome page opened by a signed-in user stays (its profile changes the password), its header leading
    // to 工作台, without the engine's group list.
    driver.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".user-profile-name")));
    assertThat(driver.getCurrentUrl()).contains("/camunda/app/welcome/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-profile-groups li")));
    assertThat(driver.findElements(By.cssSelector(".user-profile-groups li")).stream().filter(WebElement::isDisplayed))
        .isEmpty();
    // Of our pages it offers 工作台 only, whose menu is the user's own (花名册 is not everybody's).
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".custom-link-wrapper a")));
    assertThat(driver.findElements(By.cssSelector(".custom-link-wrapper a")).stream()
        .map(a -> a.getText() + " " + a.getAttribute("href")).toList())
        .containsExactly("工作台 http://localhost:" + port + "/");
    BrowserSupport.screenshot(driver, "home-admin-welcome");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("pf-home-link"))).click();
    wait.until(ExpectedConditions.textToBe(By.id("greeting"), "系统管理员"));

    // Cockpit's and Admin's first-visit hint in English links to Camunda's product intro page: it leads home too.
    driver.get("http://localhost:" + port + "/camunda-welcome");
    wait.until(ExpectedConditions.textToBe(By.id("greeting"), "系统管理员"));
    assertThat(driver.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
  }

  /**
   * Opens the site as a stranger, signs in on the login page it is sent to, and lands on 工作台 (not on Camunda's
   * Welcome page).
   */
  private void signInAndOpenHome(String user, String name) {
    driver.manage().deleteAllCookies();
    String home = "http://localhost:" + port + "/";
    BrowserSupport.signIn(driver, home, user, name);
    wait.until(ExpectedConditions.textToBe(By.id("greeting"), name));
    assertThat(driver.getCurrentUrl()).isEqualTo(home);
    BrowserSupport.screenshot(driver, "home-landing-" + user);
    assertThat(driver.findElement(By.id("pf-user-name")).getText()).isEqualTo(name);
    assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(user);
  }

  /** Each card shows the count Tasklist's filter gives the user, and opens that filter. */
  private void assertTaskCounts(String user) throws Exception {
    Map<String, String> counts = new LinkedHashMap<>();
    Map<String, String> ids = new LinkedHashMap<>();
    JsonNode filters = json.readTree(http.withBasicAuth(user, "demo")
        .getForObject("/engine-rest/filter?resourceType=Task&itemCount=true", String.class));
    filters.forEach(f -> {
      counts.put(f.get("name").asText(), f.get("itemCount").asText());
      ids.put(f.get("name").asText(), f.get("id").asText());
    });
    for (String filter : List.of("我的待办", "本组织待办", "已逾期", "三日内到期")) {
      WebElement card = driver.findElement(By.cssSelector("#task-counts [data-filter='" + filter + "']"));
      assertThat(card.findElement(By.className("value")).getText()).as(filter).isEqualTo(counts.get(filter));
      assertThat(card.getAttribute("href")).endsWith("/camunda/app/tasklist/default/#/?filter=" + ids.get(filter));
    }
  }

  /** The branch's row counts the registry's people of the branch at each stage. */
  private void assertPipeline(String orgId) {
    for (String stage : STAGES) {
      Long n = jdbc.queryForObject("select count(*) from pf_person where org_id = ? and status = ?", Long.class,
          orgId, stage);
      assertThat(driver.findElement(By.cssSelector("#pipeline tr[data-org='" + orgId + "'] td[data-stage='" + stage
          + "']")).getText()).as(stage).isEqualTo(String.valueOf(n));
    }
  }

  /**
   * Under a 党委: a row per organization directly below it counting its whole subtree (the 党委's own row only for
   * people of its own), and the 合计 of every organization in scope.
   */
  private void assertPipelinePerBranch(String committee, Set<String> orgs) {
    List<String> children = jdbc.queryForList("select id from pf_organization where parent_id = ?", String.class,
        committee);
    List<String> rows = driver.findElements(By.cssSelector("#pipeline tbody tr[data-org]")).stream()
        .map(tr -> tr.getAttribute("data-org")).toList();
    assertThat(rows).containsAll(children);
    assertThat(children).containsAll(rows.stream().filter(r -> !r.equals(committee)).toList());
    cn.partyflow.organization.OrganizationDirectory directory =
        context.getBean(cn.partyflow.organization.OrganizationDirectory.class);
    for (String stage : STAGES) {
      for (String child : children) {
        assertThat(driver.findElement(By.cssSelector("#pipeline tr[data-org='" + child + "'] td[data-stage='" + stage
            + "']")).getText()).as(child + " " + stage).isEqualTo(String.valueOf(people(directory
                .selfAndDescendants(child), stage)));
      }
      WebElement total = driver.findElement(By.cssSelector("#pipeline tbody tr:not([data-org]) td[data-stage='"
          + stage + "']"));
      assertThat(total.getText()).as("合计 " + stage).isEqualTo(String.valueOf(people(orgs, stage)));
    }
  }

  private long people(Set<String> orgs, String stage) {
    List<Object> args = new ArrayList<>(orgs);
    args.add(stage);
    return jdbc.queryForObject("select count(*) from pf_person where org_id in (" + orgs.stream().map(o -> "?")
        .collect(Collectors.joining(",")) + ") and status = ?", Long.class, args.toArray());
  }

  /** Exactly these links, each opening its page by a click; a page left out of the menu is refused too. */
  private void assertMenu(String user, List<String> links) {
    assertThat(driver.findElements(By.cssSelector("#pf-menu nav a")).stream().map(a -> a.getAttribute("id"))
        .toList()).isEqualTo(links);
    for (String link : links) {
      if (link.equals("menu-home")) {
        continue;
      }
      click(link);
      if (link.equals("menu-tasks")) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本组织待办"));
        List<String> header = links.stream().filter(l -> !l.equals("menu-tasks"))
            .map(l -> l.equals("menu-home") ? "pf-home-link" : "pf-tl-" + l).toList();
        wait.until(d -> d.findElements(By.cssSelector("li.pf-home-link a")).stream().map(a -> a.getAttribute("id"))
            .toList().equals(header));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pf-home-link"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("greeting")));
      } else {
        assertThat(driver.findElement(By.tagName("body")).getText()).contains(PAGES.get(link));
        click("menu-home");
      }
    }
    if (!links.contains("menu-audit")) {
      assertThat(http.withBasicAuth(user, "demo").getForEntity("/audit", String.class).getStatusCode().value())
          .isEqualTo(403);
    }
  }

  private void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
  }

  /** At a phone's 390 px no table header wraps to a second line. */
  private void atPhoneWidth(String screenshot) {
    driver.manage().window().setSize(new Dimension(390, 844));
    @SuppressWarnings("unchecked")
    List<Object> broken = (List<Object>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('th')).filter(function (th) {"
            + " var line = parseFloat(getComputedStyle(th).lineHeight) || 20;"
            + " return th.clientHeight > 2 * line + 12; }).map(function (th) { return th.innerText; });");
    BrowserSupport.screenshot(driver, screenshot);
    driver.manage().window().setSize(new Dimension(1280, 1000));
    assertThat(broken).as("table headers wrapped at 390 px").isEmpty();
  }

  private String caseCount(String status) {
    return driver.findElement(By.cssSelector("#case-counts [data-status='" + status + "'] .value")).getText();
  }

  private String duesCell(String field) {
    return driver.findElement(By.cssSelector("#dues tr[data-branch='rmyy-nk'] [data-field='" + field + "']"))
        .getText();
  }

  private BigDecimal money(String field) {
    return new BigDecimal(duesCell(field));
  }

  /** A ledger row for the test, unless the month already has one for the person; answers the new row's id. */
  private Long ledger(String period, String person, String due, String paid) {
    if (jdbc.queryForObject("select count(*) from pf_dues_ledger where branch_id = 'rmyy-nk' and period = ?"
        + " and person_id = ?", Long.class, period, person) > 0) {
      return null;
    }
    jdbc.update("insert into pf_dues_ledger (branch_id, period, person_id, base, rate, due, paid, voluntary, prepaid)"
        + " select 'rmyy-nk', ?, ?, 3000, 0.005, ?, ?, 0, false where not exists (select 1 from pf_dues_ledger"
        + " where branch_id = 'rmyy-nk' and period = ? and person_id = ?)", period, person, new BigDecimal(due),
        new BigDecimal(paid), period, person);
    // Written around the dues services, so the month's kept totals are recounted here.
    totals.refresh("rmyy-nk", period);
    return jdbc.queryForObject("select id from pf_dues_ledger where branch_id = 'rmyy-nk' and period = ?"
        + " and person_id = ?", Long.class, period, person);
  }

  private void errand(String title, Instant due) {
    errands.add(runtime.startProcessInstanceByKey("officerErrand", Map.of("orgId", "rmyy-nk", "orgName", "内科党支部",
        "itemTitle", title + UUID.randomUUID().toString().substring(0, 4), "due", Date.from(due))).getId());
  }

  /** The shared database keeps no errand of this test, so other tests' task lists stay as they expect. */
  @AfterEach
  void removeTheErrands() {
    for (String id : errands) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test cleanup");
      }
    }
    errands.clear();
    made.remove(context);
  }
}
