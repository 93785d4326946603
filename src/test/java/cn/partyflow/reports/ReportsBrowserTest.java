package cn.partyflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 党委书记 opens 统计 from the menu, picks a branch and a year, and opens the people behind a figure: as many as
 * the figure says, each a link to the roster's person page.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsBrowserTest {

  @LocalServerPort int port;

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
  void theSecretaryOpensTheMembersBehindAFigure() {
    BrowserSupport.signIn(driver, "http://localhost:" + port + "/camunda/app/tasklist/", "rmyy_shuji", "本组织待办");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("pf-home-link"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("menu-reports"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("table-members-status")));
    assertThat(driver.findElement(By.id("report-org")).getText()).isEqualTo("县人民医院党委");
    BrowserSupport.screenshot(driver, "reports-committee");

    new Select(driver.findElement(By.id("report-org-select"))).selectByVisibleText("县人民医院内科党支部");
    driver.findElement(By.id("report-submit")).click();
    wait.until(ExpectedConditions.textToBe(By.id("report-org"), "县人民医院内科党支部"));
    WebElement members = driver.findElement(By.cssSelector("#table-members-status a[data-figure='members.all']"));
    String count = members.getText();
    assertThat(Integer.parseInt(count)).isPositive();
    members.click();
    wait.until(ExpectedConditions.textToBe(By.id("figure-count"), count));
    assertThat(driver.findElement(By.id("figure-label")).getText()).isEqualTo("党员合计");
    assertThat(driver.findElements(By.cssSelector("#figure-rows tbody tr"))).hasSize(Integer.parseInt(count));
    assertThat(driver.findElement(By.cssSelector("#figure-rows tbody tr a")).getAttribute("href")).contains("/people/");
    BrowserSupport.screenshot(driver, "reports-figure-members");

    driver.findElement(By.cssSelector("#figure-rows tbody tr a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-name")));
    assertThat(driver.findElement(By.id("facts")).getText()).contains("内科党支部");
  }
}
