package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.sql.Date;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The wide 发展党员 diagram on the auditors' case page in Chromium: it opens at 100 % (not squeezed into the column)
 * with the current step inside the visible box, zooms in by its button and pans by dragging; the dossier PDF ends
 * with the diagram on a page of its own size. Screenshot target/screenshots/audit-case-diagram.png.
 */
@Tag(BrowserSupport.TAG)
@PostgresTest
class CaseDiagramBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();

  @AfterEach
  void removeWhatWasMade() {
    made.remove(context);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void theDiagramOpensReadableAtTheCurrentStepZoomsAndPansAndIsInTheDossier() throws Exception {
    String applicant = "DG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    made.person(applicant);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        applicant, "流程图测试", "女", Date.valueOf("1999-05-20"), "NON_MEMBER", "rmyy-nk");
    ResponseEntity<Map> started = http.withBasicAuth("nk_zuzhi", "demo").postForEntity(
        "/engine-rest/process-definition/key/memberDevelopment/submit-form",
        Map.of("variables", Map.of("applicantId", Map.of("value", applicant),
            "startStage", Map.of("value", "APPLICATION"))), Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as("start: %s", started.getBody()).isTrue();
    String pi = (String) started.getBody().get("id");
    WebDriver driver = BrowserSupport.chromium();
    try {
      driver.manage().window().setSize(new Dimension(1280, 900));
      BrowserSupport.signIn(driver, "http://localhost:" + port + "/camunda/app/tasklist/", "rmyy_jiwei", "本组织待办");
      driver.get("http://localhost:" + port + "/audit/cases/" + pi);
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.until(ExpectedConditions.attributeToBe(By.id("diagram"), "data-ready", "true"));
      JavascriptExecutor js = (JavascriptExecutor) driver;
      WebElement box = driver.findElement(By.id("diagram"));
      WebElement svg = box.findElement(By.cssSelector("svg.pf-diagram"));
      double natural = ((Number) js.executeScript("return arguments[0].viewBox.baseVal.width", svg)).doubleValue();
      assertThat(natural).as("the member development diagram is wider than the box").isGreaterThan(box.getSize()
          .getWidth() * 2);
      assertThat(svg.getSize().getWidth()).as("drawn at 100 %").isCloseTo((int) natural, org.assertj.core.data
          .Offset.offset(2));

      WebElement active = box.findElement(By.cssSelector("g[data-element-id='" + svg.getAttribute("data-focus")
          + "']"));
      assertThat(svg.getAttribute("data-focus")).as("opens at the current step").isEqualTo("Task_RecordApplication");
      assertThat(active.getAttribute("class")).isEqualTo("pf-active");
      assertInside(js, active, box);
      BrowserSupport.screenshot(driver, "audit-case-diagram");

      driver.findElement(By.id("diagram-zoom-in")).click();
      assertThat(box.getAttribute("data-scale")).isEqualTo("1.250");
      assertThat(svg.getSize().getWidth()).isCloseTo((int) Math.round(natural * 1.25), org.assertj.core.data
          .Offset.offset(2));
      assertThat(driver.findElement(By.id("diagram-scale")).getText()).isEqualTo("125%");
      driver.findElement(By.id("diagram-focus")).click();
      assertInside(js, active, box);

      long before = ((Number) js.executeScript("return arguments[0].scrollLeft", box)).longValue();
      new Actions(driver).moveToElement(box).clickAndHold().moveByOffset(-150, 0).release().perform();
      long after = ((Number) js.executeScript("return arguments[0].scrollLeft", box)).longValue();
      assertThat(after - before).as("dragging left moves the view right").isBetween(140L, 160L);
    } finally {
      driver.quit();
    }

    ResponseEntity<byte[]> pdf = http.withBasicAuth("rmyy_jiwei", "demo").getForEntity("/audit/cases/" + pi
        + "/dossier.pdf", byte[].class);
    PdfReader reader = new PdfReader(pdf.getBody());
    int last = reader.getNumberOfPages();
    Rectangle size = reader.getPageSize(last);
    String text = new PdfTextExtractor(reader).getTextFromPage(last).replaceAll("\\s", "");
    reader.close();
    assertThat(size.getWidth()).as("the diagram page is as wide as the widest stage").isGreaterThan(1500);
    assertThat(size.getHeight()).as("the overview and every stage below it").isGreaterThan(1500);
    assertThat(text).contains("流程图", "发展党员");
    runtime.deleteProcessInstance(pi, "test cleanup");
  }

  /** The element's centre lies within the scroll box's visible area. */
  private static void assertInside(JavascriptExecutor js, WebElement element, WebElement box) {
    Boolean inside = (Boolean) js.executeScript("var e = arguments[0].getBoundingClientRect();"
        + " var b = arguments[1].getBoundingClientRect(); var x = e.left + e.width / 2, y = e.top + e.height / 2;"
        + " return x > b.left && x < b.right && y > b.top && y < b.bottom;", element, box);
    assertThat(inside).as("the current step is in view").isTrue();
  }
}
