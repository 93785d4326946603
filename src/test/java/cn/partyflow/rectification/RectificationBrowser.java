package cn.partyflow.rectification;

import cn.partyflow.BrowserSupport;
import cn.partyflow.shared.ChinaClock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the 巡察整改 journey tests do in Tasklist and on the 问题清单 import page, by mouse and keyboard: sign in as
 * somebody, pick a filter, open and claim a task, fill form-js fields found by their labels, submit, import a sheet.
 * One headless Chromium in China time; screenshots go to target/screenshots/PREFIX-NAME.png.
 */
final class RectificationBrowser implements AutoCloseable {

  static final Duration PATIENCE = Duration.ofSeconds(120);

  final WebDriver driver;
  final WebDriverWait wait;
  private final int port;
  private final String prefix;

  RectificationBrowser(int port, String screenshotPrefix) {
    this.port = port;
    this.prefix = screenshotPrefix;
    this.driver = BrowserSupport.chromium();
    ((ChromiumDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", ChinaClock.ZONE_ID));
    this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));
  }

  String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/";
  }

  /** Signs out whoever was signed in (the session cookie goes) and signs in as {@code user}. */
  void signIn(String user, String name) {
    if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
      driver.manage().deleteAllCookies();
    }
    BrowserSupport.signIn(driver, tasklist(), user, name);
  }

  void shot(String name) {
    BrowserSupport.screenshot(driver, prefix + "-" + name);
  }

  // ---- the task list ------------------------------------------------------------------------------------------

  static By taskInList(String taskId) {
    return By.cssSelector("ol.tasks-list a[href*='task=" + taskId + "']");
  }

  void selectFilter(String name) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),'" + name + "')]"))).click();
    wait.until(d -> {
      List<WebElement> active = d.findElements(By.cssSelector(".task-filter.active .name a"));
      return !active.isEmpty() && active.get(0).getText().startsWith(name);
    });
  }

  /** Opens the task from the list of {@code filter} and claims it when it is not yet the user's. */
  void openTask(String filter, String taskId) {
    selectFilter(filter);
    // The list is drawn again when its count comes in; an entry found just before is then gone.
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      d.findElement(taskInList(taskId)).click();
      return true;
    });
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    if (!driver.findElements(By.cssSelector("button.claim")).stream().filter(WebElement::isDisplayed).toList()
        .isEmpty()) {
      driver.findElement(By.cssSelector("button.claim")).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
  }

  /** The text of the task's entry in the current list. */
  String listEntry(String taskId) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(taskInList(taskId))).getText();
  }

  // ---- form-js fields ----------------------------------------------------------------------------------------

  String formText() {
    List<WebElement> form = driver.findElements(By.cssSelector(".fjs-form"));
    return form.isEmpty() ? "" : form.get(0).getText();
  }

  /** The {@code n}-th (from 1) visible form field whose label starts with {@code label}. */
  WebElement field(String label, int n) {
    By by = By.xpath("(//div[contains(@class,'fjs-form-field ') and not(contains(@class,'fjs-form-field-dynamiclist'))"
        + " and not(contains(@class,'fjs-form-field-group'))"
        + " and .//label[starts-with(normalize-space(.),'" + label + "')]])[" + n + "]");
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement field(String label) {
    return field(label, 1);
  }

  /** What the field shows: the value of its input or text area. */
  String value(String label) {
    return field(label).findElement(By.cssSelector("input, textarea")).getAttribute("value");
  }

  /**
   * Types into a field and leaves it: form-js takes typed text when the field loses focus (otherwise only after a
   * 300 ms debounce), so the value is in the form before the next field is touched, with no waiting. Typed again
   * should a re-render of the form have replaced the text.
   */
  void type(String label, int n, String text) {
    for (int attempt = 1; ; attempt++) {
      WebElement input = field(label, n).findElement(By.cssSelector("input, textarea"));
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(text);
      ((JavascriptExecutor) driver).executeScript("arguments[0].blur();", input);
      if (text.equals(field(label, n).findElement(By.cssSelector("input, textarea")).getAttribute("value"))) {
        return;
      }
      if (attempt == 3) {
        shot("typing-" + label + "-failed");
        throw new AssertionError(label + " does not hold what was typed: " + text);
      }
    }
  }

  void type(String label, String text) {
    type(label, 1, text);
  }

  /** Types a date as yyyy-MM-dd into a date field and takes it with Enter, as an officer does. */
  void date(String label, int n, String isoDate) {
    WebElement input = field(label, n).findElement(By.cssSelector("input.flatpickr-input, input"));
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), isoDate, Keys.ENTER);
    leaveField();
    wait.until(d -> isoDate.equals(field(label, n).findElement(By.cssSelector("input")).getAttribute("value")));
  }

  void date(String label, String isoDate) {
    date(label, 1, isoDate);
  }

  /** Chooses an option of a select: opens it, types {@code search} where it is searchable, clicks the option. */
  void choose(String label, int n, String search, String option) {
    WebElement field = field(label, n);
    List<WebElement> searchBox = field.findElements(By.cssSelector("input.fjs-input"));
    if (!searchBox.isEmpty() && searchBox.get(0).isDisplayed()) {
      searchBox.get(0).click();
      searchBox.get(0).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      searchBox.get(0).sendKeys(search);
    } else {
      field.findElement(By.cssSelector(".fjs-input-group")).click();
    }
    By item = By.xpath(".//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + option + "']");
    wait.until(d -> field.findElements(item).stream().anyMatch(WebElement::isDisplayed));
    field.findElement(item).click();
    wait.until(d -> field.getText().contains(option)
        || field.findElements(By.cssSelector("input.fjs-input")).stream()
            .anyMatch(i -> option.equals(i.getAttribute("value"))));
  }

  void choose(String label, String option) {
    choose(label, 1, option, option);
  }

  /** Clicks the radio button or checkbox labelled {@code option} inside the field labelled {@code label}. */
  void tick(String label, String option) {
    field(label).findElement(By.xpath(".//label[contains(normalize-space(.),'" + option + "')]")).click();
  }

  /** Whether the checkbox labelled {@code label} is ticked. */
  boolean ticked(String label) {
    return field(label).findElement(By.cssSelector("input[type=checkbox]")).isSelected();
  }

  void leaveField() {
    driver.findElement(By.cssSelector(".fjs-form h2, .fjs-form h3, .fjs-form p")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
  }

  WebElement completeButton() {
    return driver.findElement(By.cssSelector("button[ng-click='complete()']"));
  }

  /** Clicks 完成; the fields were left after typing, so form-js holds every value. */
  void complete() {
    wait.until(ExpectedConditions.elementToBeClickable(completeButton())).click();
  }

  /** Loads Tasklist again, still signed in: the lists show what happened meanwhile outside this browser. */
  void reload() {
    driver.get(tasklist());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
  }

  /** The messages of the error notifications on screen. */
  List<String> errors() {
    return driver.findElements(By.cssSelector(".page-notifications .alert-danger")).stream()
        .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
  }

  /** The form-js field errors shown under fields. */
  List<String> fieldErrors() {
    return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream().filter(WebElement::isDisplayed)
        .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
  }

  // ---- the evidence page ------------------------------------------------------------------------------------

  /**
   * From an item task's form: the link to the item's evidence page (form-js opens it in the same tab), the file
   * uploaded there, and the page's answer.
   */
  String uploadEvidence(Path file) {
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("本事项的证明材料页面"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file"))).sendKeys(file.toString());
    driver.findElement(By.xpath("//form[@enctype='multipart/form-data']//button[@type='submit']")).click();
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.message, p#upload-error")))
        .getText();
  }

  /** The text of the evidence list's row of {@code filename}, on the evidence page. */
  String evidenceRow(String filename) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//table[@id='evidence']//tr[td/a[normalize-space(.)='" + filename + "']]"))).getText();
  }

  // ---- the 问题清单 import page ----------------------------------------------------------------------------

  /** From the registration task's form: the import page, the sheet uploaded, back to the task. */
  void importProblemsFromTask(String taskId, Path sheet, int count) {
    openImportPage(taskId);
    upload(sheet);
    WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-message")));
    if (!message.getText().contains("已导入" + count + "条问题")) {
      throw new AssertionError("import answered: " + message.getText());
    }
    backToTask();
  }

  WebElement openImportPage(String taskId) {
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("打开问题清单导入页面"))).click();
    return wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#tasks tr[data-task='" + taskId + "']")));
  }

  void upload(Path sheet) {
    driver.findElement(By.id("file")).sendKeys(sheet.toString());
    driver.findElement(By.id("import-submit")).click();
  }

  void backToTask() {
    driver.findElement(By.id("back-to-task")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form table")));
  }

  /** A 问题清单 sheet as the template has it: 序号, 反馈意见, 问题表现, one problem per row. */
  static Path problemSheet(Path dir, String name, List<List<Object>> problems) throws IOException {
    Path path = dir.resolve(name);
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(path)) {
      Sheet sheet = wb.createSheet("问题清单");
      Row header = sheet.createRow(0);
      List<String> columns = List.of("序号", "反馈意见", "问题表现");
      for (int c = 0; c < columns.size(); c++) {
        header.createCell(c).setCellValue(columns.get(c));
      }
      for (int r = 0; r < problems.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < problems.get(r).size(); c++) {
          Object v = problems.get(r).get(c);
          if (v instanceof Integer n) {
            row.createCell(c).setCellValue(n);
          } else {
            row.createCell(c).setCellValue(v.toString());
          }
        }
      }
      wb.write(out);
    }
    return path;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
