package cn.partyflow;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium from Debian's packages (chromium, chromium-driver), never a downloaded browser. Where it is
 * missing, a local run skips the browser test and says so; on CI (CI=true) the test fails instead.
 */
public final class BrowserSupport {

  /** The JUnit tag of every test that drives Chromium: {@code ./mvnw test -Pquick} leaves these out. */
  public static final String TAG = "browser";

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private BrowserSupport() {}

  /** A Chinese-speaking headless Chromium. */
  public static WebDriver chromium() {
    return chromium("zh-CN", "zh-CN,zh");
  }

  /** An American-English headless Chromium, as an officer whose browser was never set to Chinese has. */
  public static WebDriver englishChromium() {
    return chromium("en-US", "en-US,en");
  }

  private static WebDriver chromium(String language, String acceptLanguages) {
    boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!present) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI must run the browser tests, but /usr/bin/chromium or /usr/bin/chromedriver"
            + " is missing: .ci/run installs them with apt-get install chromium chromium-driver");
      }
      Assumptions.abort("Chromium is not installed here (apt-get install chromium chromium-driver): browser test"
          + " skipped locally; CI always runs it");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=" + language,
        "--user-data-dir=" + tempDir());
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguages));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /**
   * Signs in on the Camunda login page of {@code app} (e.g. {@code http://localhost:8080/camunda/app/tasklist/}) and
   * waits until the page shows {@code expected} (the user's name). A first page load on a cold server can swallow
   * the first submit; the page is then loaded again, at most three times, with a screenshot of each miss.
   */
  public static void signIn(WebDriver driver, String app, String user, String expected) {
    By username = By.cssSelector("input[ng-model='username']");
    for (int attempt = 1; ; attempt++) {
      driver.get(app);
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      // The page is replaced under the wait (the login page leads on to 工作台 or the page asked for), so an element
      // may vanish between finding and reading it.
      wait.ignoring(WebDriverException.class);
      try {
        wait.until(ExpectedConditions.or(ExpectedConditions.elementToBeClickable(username),
            ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expected)));
        if (driver.findElements(username).stream().noneMatch(WebElement::isDisplayed)) {
          return;
        }
        driver.findElement(username).sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[type='submit']"))).click();
        // Signed in through Camunda's login page, the browser goes on to where the login lands: wait until it has.
        boolean landsElsewhere = !app.contains("/camunda/app/") || app.contains("/app/welcome/");
        wait.until(d -> (!landsElsewhere || !d.getCurrentUrl().contains("/app/welcome/"))
            && d.findElement(By.tagName("body")).getText().contains(expected));
        return;
      } catch (TimeoutException missed) {
        screenshot(driver, "sign-in-" + user + "-attempt-" + attempt);
        if (attempt == 3) {
          throw missed;
        }
      }
    }
  }

  /** Clicks on one of our pages and waits for the page it leads to. */
  public static void clickAndLoad(WebDriverWait wait, By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /** Replaces what a field holds with the text, as a user types it. */
  public static void type(WebDriverWait wait, By by, String text) {
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(by));
    field.clear();
    field.sendKeys(text);
  }

  /** The text of an element once it shows, e.g. a page's {@code #message} or {@code #error}. */
  public static String shown(WebDriverWait wait, String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
  }

  /** Keeps a screenshot under target/screenshots/NAME.png and returns its path. */
  public static Path screenshot(WebDriver driver, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path target = dir.resolve(name + ".png");
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tempDir() {
    try {
      return Files.createTempDirectory("partyflow-chromium").toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
