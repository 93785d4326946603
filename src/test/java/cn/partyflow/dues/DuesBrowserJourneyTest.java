package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A branch's dues in headless Chromium, by mouse and keyboard only, each step by the user the process routes it
 * to: the 党费管理员 starts the year's assessment on the branch's dues page, downloads the payroll template,
 * uploads it filled in (first with a wrong amount, which the page refuses in Chinese), corrects one member with a
 * reason and sends it on; the 书记 confirms and the 党委组织部门 approves in Tasklist. Then one month: the
 * 党费管理员 starts it, enters one payment (first a wrong one), marks the others paid at once, closes the month and
 * remits in Tasklist; the 党委's 党费管理员 confirms the receipt. The payroll carries columns the 2017 notice leaves
 * out of the base (住房补贴, 奖励性绩效工资), which the amounts table lists but does not count; and a retiree's
 * reduction in hardship, requested on the page, is approved by the branch's 书记 in Tasklist.
 * Screenshots in target/screenshots/dues-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class DuesBrowserJourneyTest {

  private static final String BRANCH = "rmyy-nk";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired OrganizationDirectory directory;

  WebDriver driver;
  WebDriverWait wait;
  Path downloads;

  @AfterEach
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void aBranchDuesYearFromThePayrollUploadAndOneMonthToTheReceipt() throws Exception {
    YearMonth month = YearMonth.from(ChinaClock.today());
    int year = month.getYear();
    openBrowser();

    // The branch's 党费管理员: start the year, template, a refused upload, the good upload, one correction.
    signIn("nk_dangfei");
    open("/dues");
    click(By.id("branch-" + BRANCH));
    click(By.id("start-assessment"));
    assertThat(message()).contains("已发起" + year + "年度党费核定");
    click(By.id("payroll-template"));
    Path template = downloaded(".xlsx");
    Path bad = filled(template, true);
    Path good = filled(template, false);
    driver.findElement(By.id("payroll-file")).sendKeys(bad.toString());
    click(By.id("upload-payroll"));
    assertThat(error()).contains("未导入任何数据").contains("个人所得税“一百”不是金额");
    BrowserSupport.screenshot(driver, "dues-01-refused-upload");
    assertThat(jdbc.queryForObject("select count(*) from pf_dues_assessment where branch_id = ? and assess_year = ?",
        Integer.class, BRANCH, year)).isZero();
    driver.findElement(By.id("payroll-file")).sendKeys(good.toString());
    click(By.id("upload-payroll"));
    assertThat(message()).contains("已导入");
    String listed = driver.findElement(By.cssSelector("#assessment tbody tr")).getAttribute("data-person");
    WebElement row = driver.findElement(By.cssSelector("#assessment tr[data-person='" + listed + "']"));
    assertThat(row.findElement(By.cssSelector(".not-counted")).getText()).contains("住房补贴800.00")
        .contains("奖励性绩效工资2000.00");
    assertThat(row.findElement(By.cssSelector(".base")).getText()).isEqualTo("5400.00");
    BrowserSupport.screenshot(driver, "dues-01b-payroll-with-exclusions");
    click(By.id("import-done"));
    assertThat(message()).contains("审核更正");
    String corrected = driver.findElement(By.cssSelector("#assessment tbody tr")).getAttribute("data-person");
    type(By.id("correction-base"), "8000");
    type(By.id("correction-reason"), "岗位调整后基本工资增加，经工资表核实");
    click(By.id("correct"));
    assertThat(message()).contains("已更正");
    assertThat(amountOf(corrected)).isEqualByComparingTo("120.00");
    BrowserSupport.screenshot(driver, "dues-02-assessment-corrected");
    click(By.id("review-done"));
    assertThat(message()).contains("确认").contains("书记");

    // The 书记 confirms, the 党委组织部门 approves: both in Tasklist, reached from the page.
    switchUser("nk_shuji");
    workInTasklist("Task_ConfirmBySecretary", () -> tick("确认核定表无误"), "dues-03-secretary-confirms");
    switchUser("rmyy_zzb");
    workInTasklist("Task_ApproveByOrgDept", () -> tick("批准，全年执行"), "dues-04-org-dept-approves");
    open("/dues/" + BRANCH + "?year=" + year);
    assertThat(driver.findElement(By.id("assessment-state")).getText()).isEqualTo("已办结");

    // A retiree in hardship pays less: the 党费管理员 requests it on the page, the branch's 书记 approves in Tasklist.
    switchUser("nk_dangfei");
    open("/dues/" + BRANCH + "?year=" + year);
    String retiree = requestReduction(null);
    assertThat(error()).contains("党支部研究");
    requestReduction(ChinaClock.today().toString());
    assertThat(message()).contains("党支部审批").contains("待");
    long adjustment = jdbc.queryForObject("select max(id) from pf_dues_adjustment where person_id = ?", Long.class,
        retiree);
    BrowserSupport.screenshot(driver, "dues-04b-adjustment-requested");
    switchUser("nk_shuji");
    workInTasklist("adjustment-" + adjustment, () -> choose("批准，自生效月份起执行"),
        "dues-04c-secretary-approves-adjustment", "/dues/" + BRANCH + "?year=" + year);
    open("/dues/" + BRANCH + "?year=" + year);
    assertThat(driver.findElement(By.cssSelector("[data-adjustment='" + adjustment + "'] .adjustment-state"))
        .getText()).startsWith("已批准");
    assertThat(amountOf(retiree)).isEqualByComparingTo("10.00");

    // Next month is not collected yet: choosing it shows why, and offers no start.
    switchUser("nk_dangfei");
    open("/dues/" + BRANCH + "?month=" + month);
    YearMonth next = month.plusMonths(1);
    if (next.getYear() != month.getYear()) {
      new Select(driver.findElement(By.id("year"))).selectByValue(String.valueOf(next.getYear()));
      click(By.id("show-year"));
    }
    new Select(driver.findElement(By.id("month"))).selectByValue(next.toString());
    click(By.id("show-month"));
    assertThat(BrowserSupport.shown(wait, "future-month")).startsWith(next + "尚未到来");
    assertThat(driver.findElements(By.id("start-collection"))).isEmpty();
    BrowserSupport.screenshot(driver, "dues-05a-next-month-not-yet");

    // One month: start, a refused payment, one payment, the rest at once, then close and remit in Tasklist.
    open("/dues/" + BRANCH + "?month=" + month);
    click(By.id("start-collection"));
    assertThat(message()).contains("登记表已生成");
    String first = driver.findElement(By.cssSelector("#ledger tbody tr")).getAttribute("data-person");
    type(By.id("payment-amount"), "999");
    new Select(driver.findElement(By.id("payment-method"))).selectByVisibleText("银行转账");
    click(By.id("record-payment"));
    assertThat(error()).contains("超出应交数额");
    BrowserSupport.screenshot(driver, "dues-05-refused-payment");
    assertThat(paid(month)).isEqualByComparingTo("0");
    // The refused payment is on the form as typed, to be corrected rather than typed again.
    assertThat(driver.findElement(By.id("payment-amount")).getAttribute("value")).isEqualTo("999");
    assertThat(new Select(driver.findElement(By.id("payment-method"))).getFirstSelectedOption().getText())
        .isEqualTo("银行转账");
    assertThat(new Select(driver.findElement(By.id("payment-person"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo(first);
    type(By.id("payment-amount"), "120.00");
    click(By.id("record-payment"));
    assertThat(message()).contains("已登记");
    List<WebElement> unpaid = driver.findElements(By.cssSelector("#ledger input[type=checkbox]"));
    assertThat(unpaid).isNotEmpty();
    unpaid.forEach(WebElement::click);
    click(By.id("pay-selected"));
    assertThat(message()).contains("已登记" + unpaid.size() + "名党员足额交纳");
    BrowserSupport.screenshot(driver, "dues-06-ledger-paid");
    assertThat(jdbc.queryForObject("select count(*) from pf_dues_ledger where branch_id = ? and period = ?"
        + " and paid < due", Integer.class, BRANCH, month.toString())).isZero();
    assertThat(driver.findElement(By.cssSelector("#ledger tr[data-person='" + first + "'] .paid")).getText())
        .isEqualTo("120.00");
    click(By.id("collect-done"));
    assertThat(message()).contains("月结对账");
    String total = paid(month).toPlainString();
    workInTasklist("Task_CloseMonth", () -> {
      typeInForm("存入党费账户的金额", total);
      pickToday();
    }, "dues-07-month-closed");
    workInTasklist("Task_Remit", () -> {
      typeInForm("上缴金额", total);
      pickToday();
    }, "dues-08-remitted");

    // The 党委's 党费管理员 confirms the receipt; the branch page shows it.
    switchUser("rmyy_dangban");
    workInTasklist("Task_ConfirmReceipt", () -> {
      tick("已收到，金额一致");
      typeInForm("实收金额", total);
      pickToday();
    }, "dues-09-receipt-confirmed");
    open("/dues/" + BRANCH + "?month=" + month);
    assertThat(driver.findElement(By.id("remittance-state")).getText()).contains("党委已确认收讫" + total);
    BrowserSupport.screenshot(driver, "dues-10-month-done");
    assertThat(jdbc.queryForObject("select status from pf_dues_remittance where branch_id = ? and period = ?",
        String.class, BRANCH, month.toString())).isEqualTo("CONFIRMED");
  }

  /**
   * Every member employed: 6000 pay, 100 tax, 500 pension, which is a base of 5400 and 81.00 a month; 800 housing
   * allowance and 2000 incentive performance pay are paid but not counted.
   */
  private Path filled(Path template, boolean withWrongTax) throws Exception {
    Path target = downloads.resolve(withWrongTax ? "payroll-wrong.xlsx" : "payroll.xlsx");
    try (InputStream in = Files.newInputStream(template); Workbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheetAt(0);
      Map<String, Integer> columns = new java.util.HashMap<>();
      sheet.getRow(0).forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        row.createCell(columns.get("人员类别")).setCellValue("在职");
        row.createCell(columns.get("岗位工资")).setCellValue(6000);
        if (withWrongTax && r == 2) {
          row.createCell(columns.get("个人所得税")).setCellValue("一百");
        } else {
          row.createCell(columns.get("个人所得税")).setCellValue(100);
        }
        row.createCell(columns.get("养老保险")).setCellValue(500);
        row.createCell(columns.get("住房补贴")).setCellValue(800);
        row.createCell(columns.get("奖励性绩效工资")).setCellValue(2000);
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        book.write(out);
      }
    }
    return target;
  }

  private void openBrowser() throws Exception {
    driver = BrowserSupport.chromium();
    ((ChromiumDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", ChinaClock.ZONE_ID));
    downloads = Files.createTempDirectory("dues-downloads").toAbsolutePath();
    ((ChromiumDriver) driver).executeCdpCommand("Page.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));
  }

  private void signIn(String user) {
    String name = directory.personByUsername(user).map(Person::name).orElseThrow();
    BrowserSupport.signIn(driver, url("/camunda/app/tasklist/"), user, name);
  }

  private void switchUser(String user) {
    driver.manage().deleteAllCookies();
    signIn(user);
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

  private void type(By by, String text) {
    BrowserSupport.type(wait, by, text);
  }

  private String message() {
    return BrowserSupport.shown(wait, "message");
  }

  private String error() {
    return BrowserSupport.shown(wait, "error");
  }

  private Path downloaded(String suffix) {
    return wait.until(d -> {
      try (var files = Files.list(downloads)) {
        return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
      } catch (java.io.IOException e) {
        return null;
      }
    });
  }

  /**
   * From the branch's dues page, opens the step's task in Tasklist by its link, claims it, fills the form and
   * completes it; waits until the engine has the task done.
   */
  private void workInTasklist(String step, Runnable fill, String screenshot) {
    workInTasklist(step, fill, screenshot, "/dues/" + BRANCH + "?month=" + YearMonth.from(ChinaClock.today()));
  }

  private void workInTasklist(String step, Runnable fill, String screenshot, String page) {
    open(page);
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.id("tasklist-" + step)));
    String taskId = link.getAttribute("href").replaceAll(".*task=", "");
    link.click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    fill.run();
    BrowserSupport.screenshot(driver, screenshot);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();
    wait.until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
  }

  private void tick(String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'fjs-form-field-checkbox')]"
        + "[.//label[contains(normalize-space(.),'" + label + "')]]//input"))).click();
  }

  /** Requests on the page that the second member, a retiree in hardship, pay 10.00 instead of 20.00. */
  private String requestReduction(String branchDecisionDate) {
    org.openqa.selenium.support.ui.Select person =
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("adjustment-person")));
    person.selectByIndex(1);
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("adjustment-category")))
        .selectByVisibleText("离退休");
    type(By.id("adjustment-base"), "4000");
    type(By.id("adjustment-reason"), "长期患病，生活困难，本人申请少交");
    type(By.id("adjustment-reduced"), "10.00");
    if (branchDecisionDate != null) {
      type(By.id("adjustment-branch-date"), branchDecisionDate);
    }
    String personId = person.getFirstSelectedOption().getAttribute("value");
    click(By.id("request-adjustment"));
    return personId;
  }

  private void choose(String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'fjs-form-field-radio')]"
        + "//label[contains(normalize-space(.),'" + label + "')]"))).click();
  }

  private void typeInForm(String label, String text) {
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.),'" + label + "')]]//input")));
    field.clear();
    field.sendKeys(text);
  }

  /** Picks today in the form's date field from its calendar, whatever date format the field shows. */
  private void pickToday() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-form-field-datetime input"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today")))
        .click();
  }

  private BigDecimal amountOf(String personId) {
    return jdbc.queryForObject("select amount from pf_dues_assessment where person_id = ? and assess_year = ?",
        BigDecimal.class, personId, ChinaClock.today().getYear());
  }

  private BigDecimal paid(YearMonth month) {
    return jdbc.queryForObject("select coalesce(sum(paid), 0) from pf_dues_ledger where branch_id = ? and period = ?",
        BigDecimal.class, BRANCH, month.toString()).setScale(2);
  }
}
