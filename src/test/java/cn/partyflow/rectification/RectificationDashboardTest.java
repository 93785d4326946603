package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.WebSession;
import cn.partyflow.shared.ChinaClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' dashboard on PostgreSQL: a 党委书记 sees their own organization's items with overdue rows red and
 * due-soon rows amber, another hospital's 书记 sees none of them, and the filtered XLSX export reads back.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class RectificationDashboardTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RectificationCounts counts;
  @LocalServerPort int port;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String dept = "医务科" + run;
  long overdue;
  long soon;
  long later;
  long closed;
  long otherHospital;

  @BeforeEach
  void items() {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(2026, 3, 10, 10, 0)));
    long rmyyCase = newCase("rmyy");
    overdue = newItem(rmyyCase, "rmyy", "逾期问题" + run, "限期整改", "2026-03-01", Rectification.IN_PROGRESS);
    soon = newItem(rmyyCase, "rmyy", "将到期问题" + run, "立行立改", "2026-03-14", Rectification.NOT_STARTED);
    later = newItem(rmyyCase, "rmyy", "未到期问题" + run, "限期整改", "2026-06-30", Rectification.IN_PROGRESS);
    closed = newItem(rmyyCase, "rmyy", "已销号问题" + run, "限期整改", "2026-03-01", Rectification.CLOSED);
    otherHospital = newItem(newCase("zyy"), "zyy", "中医院逾期问题" + run, "限期整改", "2026-03-01",
        Rectification.IN_PROGRESS);
    // Written around RectificationItems, so counted anew for the dashboard.
    counts.rebuild();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void managerSeesOwnOverdueItemsInRed() {
    String page = dashboard("rmyy_shuji", "?status=已逾期&department=" + dept);
    assertThat(rowClass(page, overdue)).isEqualTo("overdue");
    assertThat(page).contains("逾期问题" + run).contains("逾期9天")
        .doesNotContain("将到期问题" + run).doesNotContain("已销号问题" + run);

    String all = dashboard("rmyy_shuji", "?department=" + dept);
    assertThat(rowClass(all, soon)).isEqualTo("soon");
    assertThat(rowClass(all, later)).isEqualTo("open");
    assertThat(rowClass(all, closed)).isEqualTo("closed");
    assertThat(all).doesNotContain("中医院逾期问题" + run);
    assertThat(all).containsPattern("data-status=\"已逾期\"[^>]*>.*?<b>1</b>");
    assertThat(all).as("the 责任领导 filter names the leader, never the login")
        .containsPattern("<option value=\"rmyy_fgld\"[^>]*>周明</option>").doesNotContain(">rmyy_fgld<");
  }

  @Test
  void anotherHospitalsManagerDoesNotSeeTheItems() {
    String page = dashboard("zyy_shuji", "?org=rmyy");
    assertThat(page).contains("中医院逾期问题" + run).doesNotContain("将到期问题" + run)
        .doesNotContain("未到期问题" + run).doesNotContain("已销号问题" + run).doesNotContain(">逾期问题" + run);
    ResponseEntity<String> evidence = rest.withBasicAuth("zyy_shuji", "demo")
        .getForEntity("/rectification/items/" + overdue + "/evidence", String.class);
    assertThat(evidence.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void exportReadsBackTheFilteredListWithColours() throws Exception {
    ResponseEntity<byte[]> r = rest.withBasicAuth("rmyy_shuji", "demo")
        .getForEntity("/dashboard/rectification/export.xlsx?department=" + dept, byte[].class);
    assertThat(r.getStatusCode().is2xxSuccessful()).isTrue();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()))) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("问题");
      List<String> problems = new ArrayList<>();
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        problems.add(sheet.getRow(i).getCell(2).getStringCellValue());
      }
      assertThat(problems).containsExactlyInAnyOrder("逾期问题" + run, "已销号问题" + run, "将到期问题" + run,
          "未到期问题" + run);
      Row late = rowWith(sheet, "逾期问题" + run);
      assertThat(late.getCell(9).getStringCellValue()).contains("已逾期");
      assertThat(((XSSFCellStyle) late.getCell(2).getCellStyle()).getFillForegroundColorColor()).isNotNull();
    }
  }

  @Test
  void browserManagerFiltersOverdueAndSeesRedRows() {
    WebDriver driver = BrowserSupport.chromium();
    try {
      // Log in to Tasklist as a manager does; our pages accept that session.
      driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")))
          .sendKeys("rmyy_shuji");
      driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
      driver.findElement(By.cssSelector("button[type='submit']")).click();
      wait.until(d -> d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty());
      driver.get("http://localhost:" + port + "/dashboard/rectification?department=" + dept);
      wait.until(d -> !d.findElements(By.id("items")).isEmpty());
      new Select(driver.findElement(By.id("filter-status"))).selectByValue("已逾期");
      driver.findElement(By.id("filter-submit")).click();
      wait.until(d -> d.getCurrentUrl().contains("status="));

      List<WebElement> rows = driver.findElements(By.cssSelector("#items tbody tr[data-item]"));
      assertThat(rows).extracting(e -> e.getAttribute("data-item")).containsExactly(String.valueOf(overdue));
      assertThat(rows.get(0).getAttribute("class")).isEqualTo("overdue");
      String background = rows.get(0).findElement(By.tagName("td")).getCssValue("background-color");
      assertThat(background).isEqualTo("rgba(253, 224, 224, 1)");
      assertThat(driver.findElement(By.id("export")).getAttribute("href")).contains("status=").contains("export.xlsx");
      assertThat(BrowserSupport.screenshot(driver, "rectification-dashboard-overdue")).exists();
    } finally {
      driver.quit();
    }
  }

  @Test
  void pagesOfAHundredInDeadlineOrderWithTheCountsOfAllItems() {
    long rmyyCase = newCase("rmyy");
    String bulk = "科室" + run;
    for (int i = 0; i < 150; i++) {
      long id = newItem(rmyyCase, "rmyy", "批量问题" + run + "-" + i, "限期整改",
          LocalDate.of(2026, 4, 1).plusDays(i).toString(), i % 3 == 0 ? Rectification.CLOSED : Rectification.IN_PROGRESS);
      jdbc.update("update pf_rectification_item set department = ? where id = ?", bulk, id);
    }
    counts.rebuild();
    String first = dashboard("rmyy_shuji", "?department=" + bulk);
    assertThat(Pattern.compile("data-item=").matcher(first).results().count()).isEqualTo(100);
    assertThat(first).contains("批量问题" + run + "-0<").contains("批量问题" + run + "-99<")
        .doesNotContain("批量问题" + run + "-100<").contains("id=\"next-page\"").doesNotContain("previous-page");
    assertThat(count(first, "推进中")).isEqualTo(100);
    assertThat(count(first, "已销号")).isEqualTo(50);
    String second = dashboard("rmyy_shuji", "?department=" + bulk + "&page=1");
    assertThat(Pattern.compile("data-item=").matcher(second).results().count()).isEqualTo(50);
    assertThat(second).contains("批量问题" + run + "-100<").contains("批量问题" + run + "-149<")
        .doesNotContain("批量问题" + run + "-99<").contains("previous-page").doesNotContain("next-page");
    assertThat(first.indexOf("批量问题" + run + "-0<")).isLessThan(first.indexOf("批量问题" + run + "-1<"));
  }

  static long count(String page, String status) {
    Matcher m = Pattern.compile("data-status=\"" + status + "\"[^>]*><span>[^<]*</span><b>(\\d+)</b>").matcher(page);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  @Test
  void theSecretaryMovesADeadlineOnTheItemPageWithAReasonAndNobodyElseCan() {
    assertThat(dashboard("nk_zhuren", "").isEmpty()).isFalse();
    String own = rest.withBasicAuth("nk_zhuren", "demo").getForObject("/rectification/items/" + later + "/evidence",
        String.class);
    assertThat(own).contains("未到期问题" + run).doesNotContain("deadline-change");
    // People by name, never by login.
    assertThat(own).contains("<dd id=\"item-leader\">周明</dd>", "<dd id=\"item-responsible\">何军</dd>")
        .doesNotContain("rmyy_fgld", "nk_zhuren");

    WebSession secretary = WebSession.open(rest, "rmyy_shuji", "/rectification/items/" + later + "/evidence");
    assertThat(secretary.page()).contains("调整完成时限（党委书记批准）");
    ResponseEntity<String> noReason = secretary.post("/rectification/items/" + later + "/deadline",
        "deadline=2026-07-31&reason=");
    assertThat(noReason.getStatusCode().value()).isIn(200, 302);
    assertThat(deadline(later)).isEqualTo("2026-06-30");
    assertThat(secretary.shown(noReason, "/rectification/items/" + later + "/evidence")).contains("调整完成时限须写明理由");

    ResponseEntity<String> moved = secretary.post("/rectification/items/" + later + "/deadline",
        "deadline=2026-07-31&reason=" + java.net.URLEncoder.encode("需协调设备采购", StandardCharsets.UTF_8));
    assertThat(moved.getStatusCode().value()).isIn(200, 302);
    assertThat(deadline(later)).isEqualTo("2026-07-31");
    assertThat(secretary.shown(moved, "/rectification/items/" + later + "/evidence")).contains("完成时限已调整为2026-07-31")
        .contains("需协调设备采购");

    WebSession responsible = WebSession.open(rest, "nk_zhuren", "/rectification/items/" + later + "/evidence");
    assertThat(responsible.post("/rectification/items/" + later + "/deadline",
        "deadline=2026-12-31&reason=x").getStatusCode().value()).isEqualTo(403);
    assertThat(deadline(later)).isEqualTo("2026-07-31");
  }

  String deadline(long item) {
    return jdbc.queryForObject("select deadline from pf_rectification_item where id = ?", Date.class, item).toString();
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  String dashboard(String user, String query) {
    ResponseEntity<String> r = rest.withBasicAuth(user, "demo").getForEntity("/dashboard/rectification" + query,
        String.class);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getBody()).isTrue();
    return r.getBody();
  }

  static String rowClass(String page, long item) {
    Matcher m = Pattern.compile("<tr class=\"(\\w+)\" data-item=\"" + item + "\"").matcher(page);
    return m.find() ? m.group(1) : null;
  }

  static Row rowWith(Sheet sheet, String problem) {
    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
      if (problem.equals(sheet.getRow(i).getCell(2).getStringCellValue())) {
        return sheet.getRow(i);
      }
    }
    throw new AssertionError(problem);
  }

  long newCase(String org) {
    String pi = "test-" + UUID.randomUUID();
    jdbc.update("insert into pf_rectification_case (org_id, source, status, process_instance_id, created_at)"
        + " values (?, '巡察', '集中整改', ?, ?)", org, pi, Timestamp.valueOf(LocalDateTime.now()));
    return jdbc.queryForObject("select id from pf_rectification_case where process_instance_id = ?", Long.class, pi);
  }

  long newItem(long caseId, String org, String problem, String category, String deadline, String status) {
    jdbc.update("insert into pf_rectification_item (case_id, org_id, seq, problem, measures, category, leader_user,"
            + " department, responsible_user, deadline, status, process_instance_id, updated_at)"
            + " values (?, ?, 1, ?, '措施', ?, 'rmyy_fgld', ?, 'nk_zhuren', ?, ?, 'none', ?)",
        caseId, org, problem, category, dept, Date.valueOf(LocalDate.parse(deadline)), status,
        Timestamp.valueOf(LocalDateTime.now()));
    return jdbc.queryForObject("select max(id) from pf_rectification_item where problem = ?", Long.class, problem);
  }
}
