package cn.partyflow.organizationallife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 组织生活 in headless Chromium: the 组织委员 of 内科党支部 opens 组织生活 from the menu, starts the year, records a
 * 主题党日 at which one member was absent (first without the reason, which the page refuses in Chinese, keeping
 * what was typed), adds a photo; the 书记 then reads the quarter's counts. Screenshots in
 * target/screenshots/ol-*.png.
 */
@PostgresTest
class OrganizationalLifeBrowserJourneyTest {

  private static final String BRANCH = "rmyy-nk";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired OrganizationDirectory directory;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired MeetingStore store;

  WebDriver driver;
  WebDriverWait wait;
  int year;

  @AfterEach
  void cleanUp() {
    if (driver != null) {
      driver.quit();
    }
    String key = OrganizationalLife.businessKey(BRANCH, year);
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .forEach(h -> history.deleteHistoricProcessInstance(h.getId()));
    store.deleteYear(BRANCH, year);
  }

  @Test
  void anOrganizerRecordsAThemeDayWithAnAbsenteeAndTheSecretarySeesTheQuartersCounts() throws Exception {
    LocalDate today = ChinaClock.today();
    year = today.getYear();
    LocalDate day = today.withDayOfMonth(1);
    int quarter = (day.getMonthValue() - 1) / 3 + 1;
    driver = BrowserSupport.chromium();
    ((ChromiumDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", ChinaClock.ZONE_ID));
    wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(250));

    signIn("nk_zuzhi");
    open("/");
    click(By.id("menu-organizational-life"));
    click(By.id("branch-" + BRANCH));
    click(By.id("start-year"));
    assertThat(message()).contains("已发起" + year + "年度组织生活");
    click(By.id("record-theme-day"));
    type(By.id("heldOn"), day.toString());
    type(By.id("place"), "内科示教室");
    type(By.id("topic"), "重温入党誓词，学习党章");
    new Select(driver.findElement(By.id("chairId"))).selectByVisibleText("陈静");
    new Select(driver.findElement(By.id("recorderId"))).selectByVisibleText("刘洋");
    int entitled = driver.findElements(By.cssSelector("[id^='person-'] select.attendance")).size();
    String rate = String.format(java.util.Locale.ROOT, "%.1f%%", (entitled - 1) * 100.0 / entitled);
    WebElement absentee = driver.findElement(By.id("person-P022"));
    new Select(absentee.findElement(By.cssSelector("select.attendance"))).selectByVisibleText("缺席");
    click(By.id("save-meeting"));
    assertThat(error()).isEqualTo("潘悦缺席，请填写原因");
    assertThat(driver.findElement(By.id("topic")).getAttribute("value")).isEqualTo("重温入党誓词，学习党章");
    BrowserSupport.screenshot(driver, "ol-01-absence-needs-reason");
    assertThat(store.meetings(BRANCH, year)).isEmpty();

    driver.findElement(By.id("person-P022")).findElement(By.cssSelector("input.reason")).sendKeys("外出进修");
    click(By.id("save-meeting"));
    assertThat(message()).contains("已记录" + day + "的主题党日");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("县人民医院内科党支部" + day + "主题党日");
    assertThat(driver.findElement(By.id("tally")).getText())
        .isEqualTo(entitled + "人 / " + (entitled - 1) + "人，出勤率" + rate);
    assertThat(driver.findElement(By.id("person-P022")).getText()).contains("缺席").contains("外出进修");
    new Select(driver.findElement(By.id("kind"))).selectByVisibleText("照片");
    driver.findElement(By.id("file")).sendKeys(photo().toString());
    click(By.id("upload-file"));
    assertThat(message()).contains("已上传");
    BrowserSupport.screenshot(driver, "ol-02-theme-day-recorded");

    driver.manage().deleteAllCookies();
    signIn("nk_shuji");
    open("/organizational-life/" + BRANCH + "?year=" + year);
    WebElement counts = driver.findElement(By.id("counts-q" + quarter));
    assertThat(counts.findElement(By.cssSelector(".theme")).getText()).isEqualTo("1次");
    assertThat(counts.findElement(By.cssSelector(".three")).getText()).isEqualTo("0次");
    assertThat(counts.findElement(By.cssSelector(".rate")).getText()).isEqualTo(rate);
    assertThat(driver.findElement(By.id("meetings")).getText()).contains("潘悦（缺席：外出进修，未补课）");
    assertThat(driver.findElements(By.id("record-theme-day"))).as("the secretary keeps records too").isNotEmpty();
    BrowserSupport.screenshot(driver, "ol-03-secretary-sees-quarter");
  }

  private Path photo() throws Exception {
    Path file = Files.createTempFile("theme-day", ".png");
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    return file;
  }

  private void signIn(String user) {
    String name = directory.personByUsername(user).map(Person::name).orElseThrow();
    BrowserSupport.signIn(driver, url("/camunda/app/tasklist/"), user, name);
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
}
