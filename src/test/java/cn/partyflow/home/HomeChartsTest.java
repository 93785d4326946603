package cn.partyflow.home;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.dues.DuesMonthTotals;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.rectification.RectificationCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SVG charts of 工作台 and the rectification dashboard in headless Chromium: each chart has a title and a
 * description, and every number it draws (its bars' {@code data-value} and the text beside them) equals the count
 * taken here from the data. Screenshots at 390 px go to target/screenshots/chart-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeChartsTest {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Map<String, String> STAGES = Map.of("APPLICANT", "入党申请人", "ACTIVIST", "入党积极分子",
      "TARGET", "发展对象", "PROBATIONARY", "预备党员");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccessScope scope;
  @Autowired RectificationCounts counts;
  @Autowired DuesMonthTotals totals;

  final String run = UUID.randomUUID().toString().substring(0, 6);
  WebDriver driver;
  WebDriverWait wait;

  @BeforeAll
  void openBrowser() {
    driver = BrowserSupport.chromium();
    wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(200));
  }

  @AfterAll
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void theDuesKeepersFunnelAndCollectionRateAreTheCountsOfTheRegistryAndLedger() {
    String period = YearMonth.now(CHINA).toString();
    List<Long> rows = new ArrayList<>();
    rows.add(ledger(period, "P019", "15.00", "15.00"));
    rows.add(ledger(period, "P022", "30.00", "0"));
    try {
      open("nk_dangfei", "黄敏", "/");
      String branch = jdbc.queryForObject("select name from pf_organization where id = 'rmyy-nk'", String.class);
      assertDescribed("chart-pipeline");
      for (Map.Entry<String, String> stage : STAGES.entrySet()) {
        long n = jdbc.queryForObject("select count(*) from pf_person where org_id = 'rmyy-nk' and status = ?",
            Long.class, stage.getKey());
        WebElement bar = bar("chart-pipeline", branch, stage.getValue());
        assertThat(bar.getAttribute("data-value")).as(stage.getValue()).isEqualTo(String.valueOf(n));
        assertThat(valueText(bar)).as(stage.getValue()).isEqualTo(String.valueOf(n));
      }

      Map<String, Object> month = jdbc.queryForMap("select sum(due) as due, sum(paid) as paid from pf_dues_ledger"
          + " where branch_id = 'rmyy-nk' and period = ?", period);
      BigDecimal due = (BigDecimal) month.get("due");
      BigDecimal paid = ((BigDecimal) month.get("paid")).min(due);
      int rate = paid.multiply(BigDecimal.valueOf(100)).divide(due, 0, RoundingMode.DOWN).intValue();
      assertDescribed("chart-dues");
      WebElement bar = bar("chart-dues", "", branch);
      assertThat(bar.getAttribute("data-value")).isEqualTo(String.valueOf(rate));
      assertThat(valueText(bar)).isEqualTo(rate + "%");
      atPhoneWidth("chart-home-nk_dangfei-390", "chart-pipeline");

      YearMonth now = YearMonth.now(CHINA);
      List<String> halfYear = new ArrayList<>();
      for (int i = 5; i >= 0; i--) {
        halfYear.add(now.minusMonths(i).toString());
      }
      assertMonthlyRates("chart-dues-months", branch, halfYear);
      open("nk_dangfei", "黄敏", "/dues");
      assertMonthlyRates("chart-dues-rates", branch, halfYear);
      atPhoneWidth("chart-dues-nk_dangfei-390", "chart-dues-rates");
      open("nk_dangfei", "黄敏", "/dues/rmyy-nk");
      List<String> year = new ArrayList<>();
      for (int m = 1; m <= 12; m++) {
        year.add(YearMonth.of(now.getYear(), m).toString());
      }
      assertMonthlyRates("chart-dues-rates", branch, year);
    } finally {
      rows.stream().filter(Objects::nonNull).forEach(id -> jdbc.update("delete from pf_dues_ledger where id = ?", id));
      totals.refresh("rmyy-nk", period);
    }
  }

  @Test
  void theCommitteeSecretarysRectificationChartsAreTheCountsOfTheItems() {
    String dept = "药剂科" + run;
    long caseId = newCase();
    LocalDate today = LocalDate.now(CHINA);
    newItem(caseId, dept, "限期整改", today.minusDays(5), "推进中");
    newItem(caseId, dept, "立行立改", today.minusDays(1), "未启动");
    newItem(caseId, dept, "限期整改", today.plusDays(3), "推进中");
    newItem(caseId, dept, "限期整改", today.plusDays(40), "待验收");
    newItem(caseId, dept, "限期整改", today.minusDays(9), "已销号");
    newItem(caseId, dept, "长期坚持", today.minusDays(9), "长期坚持");
    // Written around RectificationItems (and other tests' items removed the same way), so counted anew.
    counts.rebuild();
    try {
      Set<String> orgs = scope.visibleOrganizations("rmyy_shuji", false);
      open("rmyy_shuji", "王建国", "/");
      assertStatusChart("chart-rectification-status", orgs, null);
      assertDepartmentChart("chart-rectification-departments", orgs, null);
      assertWeeklyChart("chart-rectification-weekly", orgs, null);
      atPhoneWidth("chart-home-rmyy_shuji-390", "chart-rectification-status");

      open("rmyy_shuji", "王建国", "/dashboard/rectification");
      assertStatusChart("chart-status", orgs, null);
      assertDepartmentChart("chart-departments", orgs, null);
      assertWeeklyChart("chart-weekly", orgs, null);
      for (WebElement card : driver.findElements(By.cssSelector(".counts a.count"))) {
        String status = card.getAttribute("data-status");
        assertThat(bar("chart-status", "", status).getAttribute("data-value")).as(status)
            .isEqualTo(card.findElement(By.tagName("b")).getText());
      }
      open("rmyy_shuji", "王建国", "/dashboard/rectification?department=" + dept);
      assertStatusChart("chart-status", orgs, dept);
      assertDepartmentChart("chart-departments", orgs, dept);
      assertWeeklyChart("chart-weekly", orgs, dept);
      assertThat(bar("chart-status", "", "已逾期").getAttribute("data-value")).isEqualTo("2");
      assertThat(driver.findElements(By.cssSelector("#chart-weekly g.column[data-series='实际销号']")).stream()
          .mapToLong(c -> Long.parseLong(c.getAttribute("data-value"))).sum()).isEqualTo(1);
      atPhoneWidth("chart-dashboard-rmyy_shuji-390", "chart-status");
      atPhoneWidth("chart-dashboard-weekly-390", "chart-weekly");
    } finally {
      jdbc.update("delete from pf_rectification_item where case_id = ?", caseId);
      jdbc.update("delete from pf_rectification_case where id = ?", caseId);
      counts.rebuild();
    }
  }

  /** Each status bar is the number of items in that status; 已逾期 and 即将到期 count open, dated items. */
  private void assertStatusChart(String chart, Set<String> orgs, String dept) {
    assertDescribed(chart);
    LocalDate today = LocalDate.now(CHINA);
    String open = " and status <> '已销号' and category <> '长期坚持'";
    Map<String, Long> expected = new LinkedHashMap<>();
    for (String status : cn.partyflow.rectification.Rectification.STATUSES) {
      expected.put(status, items(orgs, dept, " and status = ?", status));
    }
    expected.put("已逾期", items(orgs, dept, open + " and deadline < ?", Date.valueOf(today)));
    expected.put("即将到期", items(orgs, dept, open + " and deadline between ? and ?", Date.valueOf(today),
        Date.valueOf(today.plusDays(7))));
    Map<String, Long> drawn = new LinkedHashMap<>();
    for (WebElement bar : driver.findElements(By.cssSelector("#" + chart + " g.bar"))) {
      drawn.put(bar.getAttribute("data-label"), Long.valueOf(bar.getAttribute("data-value")));
      assertThat(valueText(bar)).isEqualTo(bar.getAttribute("data-value"));
    }
    assertThat(drawn).isEqualTo(expected);
  }

  /**
   * Eight weeks, Monday to Sunday, the current one last: each week's 计划完成 column is the number of items due in
   * it (长期坚持 left out) and its 实际销号 column the number closed in it.
   */
  private void assertWeeklyChart(String chart, Set<String> orgs, String dept) {
    assertDescribed(chart);
    LocalDate first = LocalDate.now(CHINA).with(DayOfWeek.MONDAY).minusWeeks(7);
    List<WebElement> weeks = driver.findElements(By.cssSelector("#" + chart + " g.category"));
    assertThat(weeks).hasSize(8);
    for (int k = 0; k < 8; k++) {
      LocalDate monday = first.plusWeeks(k);
      WebElement week = weeks.get(k);
      assertThat(week.getAttribute("data-label")).isEqualTo(monday.getMonthValue() + "/" + monday.getDayOfMonth());
      long planned = items(orgs, dept, " and category <> '长期坚持' and deadline >= ? and deadline < ?",
          Date.valueOf(monday), Date.valueOf(monday.plusWeeks(1)));
      long closed = items(orgs, dept, " and closed_at >= ? and closed_at < ?",
          Timestamp.valueOf(monday.atStartOfDay()), Timestamp.valueOf(monday.plusWeeks(1).atStartOfDay()));
      assertThat(column(week, "计划完成")).as("planned in the week of " + monday).isEqualTo(String.valueOf(planned));
      assertThat(column(week, "实际销号")).as("closed in the week of " + monday).isEqualTo(String.valueOf(closed));
    }
  }

  /**
   * One column per month for the branch: its 收缴率 from the ledger (received of expected, rounded down), and no
   * column for a month without a ledger.
   */
  private void assertMonthlyRates(String chart, String branch, List<String> periods) {
    assertDescribed(chart);
    List<WebElement> months = driver.findElements(By.cssSelector("#" + chart + " g.category"));
    assertThat(months).hasSize(periods.size());
    for (int i = 0; i < periods.size(); i++) {
      Map<String, Object> m = jdbc.queryForMap("select count(*) as n, sum(due) as due, sum(paid) as paid"
          + " from pf_dues_ledger where branch_id = 'rmyy-nk' and period = ?", periods.get(i));
      WebElement column = months.get(i).findElement(By.cssSelector("g.column[data-series='" + branch + "']"));
      if (((Number) m.get("n")).longValue() == 0) {
        assertThat(column.getAttribute("data-missing")).as(periods.get(i)).isEqualTo("true");
        continue;
      }
      BigDecimal due = (BigDecimal) m.get("due");
      int rate = due.signum() == 0 ? 100 : ((BigDecimal) m.get("paid")).min(due).multiply(BigDecimal.valueOf(100))
          .divide(due, 0, RoundingMode.DOWN).intValue();
      assertThat(column.getAttribute("data-value")).as(periods.get(i)).isEqualTo(String.valueOf(rate));
    }
  }

  private static String column(WebElement category, String series) {
    return category.findElement(By.cssSelector("g.column[data-series='" + series + "']")).getAttribute("data-value");
  }

  /** Each department's stack is its overdue, other open and closed items. */
  private void assertDepartmentChart(String chart, Set<String> orgs, String dept) {
    assertDescribed(chart);
    List<WebElement> stacks = driver.findElements(By.cssSelector("#" + chart + " g.stack"));
    long departments = jdbc.queryForObject("select count(distinct department) from pf_rectification_item where"
        + " org_id in (" + marks(orgs) + ")" + (dept == null ? "" : " and department = '" + dept + "'"),
        Long.class, orgs.toArray());
    assertThat(stacks).hasSize((int) Math.min(15, departments));
    LocalDate today = LocalDate.now(CHINA);
    for (WebElement stack : stacks) {
      String d = stack.getAttribute("data-label");
      long total = items(orgs, d, "");
      long open = items(orgs, d, " and status <> '已销号'");
      long overdue = items(orgs, d, " and status <> '已销号' and category <> '长期坚持' and deadline < ?",
          Date.valueOf(today));
      assertThat(segment(stack, "已逾期")).as(d).isEqualTo(overdue);
      assertThat(segment(stack, "未逾期未销号")).as(d).isEqualTo(open - overdue);
      assertThat(segment(stack, "已销号")).as(d).isEqualTo(total - open);
      assertThat(valueText(stack)).as(d).isEqualTo(String.valueOf(total));
    }
    if (dept != null) {
      assertThat(stacks.get(0).getAttribute("data-label")).isEqualTo(dept);
      assertThat(segment(stacks.get(0), "已逾期")).isEqualTo(2);
      assertThat(segment(stacks.get(0), "未逾期未销号")).isEqualTo(3);
      assertThat(segment(stacks.get(0), "已销号")).isEqualTo(1);
    }
  }

  private long items(Set<String> orgs, String dept, String condition, Object... more) {
    List<Object> args = new ArrayList<>(orgs);
    if (dept != null) {
      args.add(dept);
    }
    args.addAll(List.of(more));
    return jdbc.queryForObject("select count(*) from pf_rectification_item where org_id in (" + marks(orgs) + ")"
        + (dept == null ? "" : " and department = ?") + condition, Long.class, args.toArray());
  }

  private static String marks(Set<String> orgs) {
    return orgs.stream().map(o -> "?").collect(Collectors.joining(","));
  }

  private void open(String user, String name, String path) {
    driver.manage().window().setSize(new Dimension(1280, 1000));
    if (driver.findElements(By.id("pf-user-name")).stream().noneMatch(e -> e.getText().equals(name))) {
      driver.manage().deleteAllCookies();
      BrowserSupport.signIn(driver, "http://localhost:" + port + "/camunda/app/tasklist/", user, "本组织待办");
    }
    driver.get("http://localhost:" + port + path);
    wait.until(ExpectedConditions.textToBe(By.id("pf-user-name"), name));
  }

  /** The chart names itself to assistive technology: a title and a description listing the numbers. */
  private void assertDescribed(String chart) {
    WebElement svg = driver.findElement(By.id(chart));
    assertThat(svg.getAttribute("role")).isEqualTo("img");
    assertThat(svg.getAttribute("aria-labelledby")).isEqualTo(chart + "-title " + chart + "-desc");
    assertThat(driver.findElement(By.id(chart + "-title")).getAttribute("textContent")).isNotBlank();
    assertThat(driver.findElement(By.id(chart + "-desc")).getAttribute("textContent")).isNotBlank();
  }

  private WebElement bar(String chart, String group, String label) {
    return driver.findElement(By.cssSelector("#" + chart + " g[data-group='" + group + "'] g.bar[data-label='"
        + label + "']"));
  }

  private static long segment(WebElement stack, String series) {
    return Long.parseLong(stack.findElement(By.cssSelector("g.segment[data-series='" + series + "']"))
        .getAttribute("data-value"));
  }

  private static String valueText(WebElement bar) {
    return bar.findElement(By.cssSelector("text.value")).getAttribute("textContent");
  }

  /** At 390 px the chart fits the screen's width (no sideways scrolling) and is kept as a screenshot. */
  private void atPhoneWidth(String screenshot, String chart) {
    driver.manage().window().setSize(new Dimension(390, 844));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    WebElement svg = driver.findElement(By.id(chart));
    js.executeScript("arguments[0].scrollIntoView()", svg);
    Number right = (Number) js.executeScript("return arguments[0].getBoundingClientRect().right", svg);
    Number viewport = (Number) js.executeScript("return document.documentElement.clientWidth");
    BrowserSupport.screenshot(driver, screenshot);
    driver.manage().window().setSize(new Dimension(1280, 1000));
    assertThat(right.doubleValue()).isLessThanOrEqualTo(viewport.doubleValue());
  }

  private long newCase() {
    String pi = "test-" + UUID.randomUUID();
    jdbc.update("insert into pf_rectification_case (org_id, source, status, process_instance_id, created_at)"
        + " values ('rmyy', '巡察', '集中整改', ?, ?)", pi, Timestamp.valueOf(LocalDateTime.now()));
    return jdbc.queryForObject("select id from pf_rectification_case where process_instance_id = ?", Long.class, pi);
  }

  private void newItem(long caseId, String dept, String category, LocalDate deadline, String status) {
    // A closed item was closed two days ago, so it counts in this or last week's 实际销号.
    Timestamp closedAt = "已销号".equals(status)
        ? Timestamp.valueOf(LocalDate.now(CHINA).minusDays(2).atTime(10, 0)) : null;
    jdbc.update("insert into pf_rectification_item (case_id, org_id, seq, problem, measures, category, leader_user,"
            + " department, responsible_user, deadline, status, process_instance_id, updated_at, closed_at)"
            + " values (?, 'rmyy', 1, ?, '措施', ?, 'rmyy_fgld', ?, 'nk_zhuren', ?, ?, 'none', ?, ?)",
        caseId, "图表问题" + run, category, dept, Date.valueOf(deadline), status,
        Timestamp.valueOf(LocalDateTime.now()), closedAt);
  }

  /** A ledger row for the test, unless the month already has one for the person; answers the new row's id. */
  private Long ledger(String period, String person, String due, String paid) {
    if (jdbc.queryForObject("select count(*) from pf_dues_ledger where branch_id = 'rmyy-nk' and period = ?"
        + " and person_id = ?", Long.class, period, person) > 0) {
      return null;
    }
    jdbc.update("insert into pf_dues_ledger (branch_id, period, person_id, base, rate, due, paid, voluntary, prepaid)"
        + " values ('rmyy-nk', ?, ?, 3000, 0.005, ?, ?, 0, false)", period, person, new BigDecimal(due),
        new BigDecimal(paid));
    // Written around the dues services, so the month's kept totals are recounted here.
    totals.refresh("rmyy-nk", period);
    return jdbc.queryForObject("select id from pf_dues_ledger where branch_id = 'rmyy-nk' and period = ?"
        + " and person_id = ?", Long.class, period, person);
  }
}
