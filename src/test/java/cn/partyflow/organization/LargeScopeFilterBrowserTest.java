package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 党委书记 whose scope is above {@link OrganizationChoices#LIMIT} ({@link LargeScope}) signs in and opens 整改看板
 * in headless Chromium (the menu's way there is {@code HomeBrowserTest}'s), then drills down the 组织 filter by
 * choosing an option and pressing 筛选, three times: the 党委, one of its 党总支, one of that one's branches. Each
 * step offers the chosen organization's children, keeps the path above it and shows the chosen one selected; the
 * test organizations hold no 整改 items, so every count is 0. Last, the 组织生活 overview ({@link OverviewScope})
 * asks for an organization and, a 党总支 chosen, lists its branches. Screenshots go to target/screenshots/large-scope-*.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class LargeScopeFilterBrowserTest {

  private static final String HOSPITAL = "县人民医院党委";
  private static final String INDENT = "\u3000";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  LargeScope scope;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void bigCommitteeAndBrowser() {
    scope = LargeScope.create(jdbc);
    driver = BrowserSupport.chromium();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100));
  }

  @AfterEach
  void closeAndCleanUp() {
    if (driver != null) {
      driver.quit();
    }
    scope.remove();
  }

  @Test
  void theSecretaryDrillsDownFromTheCommitteeToABranchByChoosingAndFiltering() {
    String base = "http://localhost:" + port;
    BrowserSupport.signIn(driver, base + "/camunda/app/welcome/default/", "rmyy_shuji", "王建国");
    driver.get(base + "/dashboard/rectification");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filter-org")));

    assertPage("全部");
    assertThat(options()).contains("全部", HOSPITAL, LargeScope.COMMITTEE)
        .containsSubsequence(LargeScope.COMMITTEE, INDENT + LargeScope.generalBranchName(1),
            INDENT + LargeScope.generalBranchName(5))
        .noneMatch(o -> o.contains("下拉测试支部"));
    BrowserSupport.screenshot(driver, "large-scope-1-all");

    filterBy(LargeScope.COMMITTEE, scope.top);
    List<String> committee = options();
    assertThat(committee).containsSubsequence("全部", HOSPITAL, LargeScope.COMMITTEE)
        .containsAll(IntStream.rangeClosed(1, 5).mapToObj(g -> INDENT + LargeScope.generalBranchName(g)).toList())
        .noneMatch(o -> o.contains("下拉测试支部"));
    assertNothingFiled();
    BrowserSupport.screenshot(driver, "large-scope-2-committee");

    filterBy(INDENT + LargeScope.generalBranchName(2), scope.generalBranch(2));
    List<String> generalBranch = options();
    assertThat(generalBranch).containsSubsequence(LargeScope.COMMITTEE, INDENT + LargeScope.generalBranchName(2),
            INDENT.repeat(2) + LargeScope.branchName(2, 1), INDENT.repeat(2) + LargeScope.branchName(2, 50))
        .contains(INDENT + LargeScope.generalBranchName(1))
        .doesNotContain(INDENT.repeat(2) + LargeScope.branchName(1, 1));
    assertThat(generalBranch.stream().filter(o -> o.contains("下拉测试支部"))).hasSize(50);
    assertNothingFiled();
    BrowserSupport.screenshot(driver, "large-scope-3-general-branch");

    filterBy(INDENT.repeat(2) + LargeScope.branchName(2, 7), scope.branch(2, 7));
    // The chosen branch among its siblings: another branch of the same 党总支 is one choice away.
    List<String> branch = options();
    assertThat(branch).containsSubsequence(LargeScope.COMMITTEE, INDENT + LargeScope.generalBranchName(2),
        INDENT.repeat(2) + LargeScope.branchName(2, 7), INDENT.repeat(2) + LargeScope.branchName(2, 8));
    assertThat(branch.stream().filter(o -> o.contains("下拉测试支部"))).hasSize(50);
    assertThat(branch).doesNotContain(INDENT + LargeScope.generalBranchName(1));
    assertNothingFiled();
    BrowserSupport.screenshot(driver, "large-scope-4-branch");

    // The 组织生活 overview takes the same filter: no row of 259 until a 党总支 is chosen, then its 51.
    driver.get(base + "/organizational-life");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("choose-organization")));
    assertThat(driver.findElements(By.id("branches"))).isEmpty();
    new Select(driver.findElement(By.id("filter-org"))).selectByValue(scope.generalBranch(3));
    BrowserSupport.clickAndLoad(wait, By.id("show-year"));
    wait.until(ExpectedConditions.urlContains("org=" + scope.generalBranch(3)));
    assertThat(driver.findElements(By.cssSelector("#branches tbody tr"))).hasSize(51);
    assertThat(driver.findElement(By.id("branch-" + scope.branch(3, 50))).getText())
        .isEqualTo(LargeScope.branchName(3, 50));
    assertThat(driver.findElements(By.id("choose-organization"))).isEmpty();
    BrowserSupport.screenshot(driver, "large-scope-5-organizational-life");
  }

  /** Chooses the option the user reads as {@code label}, presses 筛选 and waits for the filtered page. */
  private void filterBy(String label, String orgId) {
    List<String> labels = options();
    assertThat(labels).as("offered before choosing").contains(label);
    new Select(driver.findElement(By.id("filter-org"))).selectByIndex(labels.indexOf(label));
    BrowserSupport.clickAndLoad(wait, By.id("filter-submit"));
    wait.until(ExpectedConditions.urlContains("org=" + orgId + "&"));
    assertPage(label);
    assertThat(driver.findElement(By.id("export")).getAttribute("href")).contains("org=" + orgId + "&");
  }

  /** The heading of the dashboard, the user by name, and {@code selected} as the chosen 组织. */
  private void assertPage(String selected) {
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("巡察整改督办看板");
    assertThat(driver.findElement(By.id("current-user")).getText()).isEqualTo("王建国");
    WebElement chosen = new Select(driver.findElement(By.id("filter-org"))).getFirstSelectedOption();
    assertThat(chosen.getDomProperty("textContent")).isEqualTo(selected);
  }

  /**
   * The test organizations hold no item: every count is 0, the table says so, and no empty table of 责任科室 is left
   * with its header only.
   */
  private void assertNothingFiled() {
    assertThat(driver.findElements(By.cssSelector(".counts .count b")).stream().map(WebElement::getText).distinct()
        .toList()).containsExactly("0");
    assertThat(driver.findElement(By.id("items")).getText()).contains("没有符合条件的整改事项");
    assertThat(driver.findElements(By.id("departments"))).isEmpty();
  }

  /** The option texts of the 组织 filter as the page holds them, full-width indent included. */
  @SuppressWarnings("unchecked")
  private List<String> options() {
    return (List<String>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.getElementById('filter-org').options).map(function (o) { return o.textContent; });");
  }
}
