package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.BrowserSupport;
import cn.partyflow.PostgresTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An auditor logs in on the Camunda login page, searches, opens a case and exports its dossier, in real Chromium. */
@Tag(BrowserSupport.TAG)
@PostgresTest
class AuditBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @Test
  void anAuditorSearchesOpensACaseAndExportsItsDossier() throws Exception {
    WebDriver driver = BrowserSupport.chromium();
    try {
      AuditScenario.deploy(repository);
      AuditScenario scenario = new AuditScenario(http, tasks, management).playFinishedCase();
      String base = "http://localhost:" + port;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

      driver.get(base + "/camunda/app/welcome/default/#!/login");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
      driver.findElement(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys("rmyy_jiwei");
      driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
      driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
      wait.until(d -> !d.getCurrentUrl().contains("login"));

      driver.get(base + "/audit");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
      driver.findElement(By.name("businessKey")).sendKeys(scenario.businessKey);
      driver.findElement(By.id("search")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), scenario.businessKey));
      assertThat(driver.findElement(By.id("results")).getText()).contains(AuditScenario.APPLICANT, "已办结");
      BrowserSupport.screenshot(driver, "audit-search");

      driver.findElement(By.cssSelector("#results a.open-case")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
      assertThat(driver.findElement(By.id("timeline")).getText()).contains("准备王审计测试的材料",
          AuditScenario.RETURN_REASON, "刘洋").doesNotContain("nk_zuzhi");
      assertThat(driver.findElements(By.cssSelector("#diagram g.pf-done"))).hasSizeGreaterThanOrEqualTo(7);
      Path shot = BrowserSupport.screenshot(driver, "audit-case");
      assertThat(Files.size(shot)).isPositive();

      WebElement export = driver.findElement(By.id("export-pdf"));
      String pdfUrl = export.getAttribute("href");
      Cookie session = driver.manage().getCookieNamed("JSESSIONID");
      assertThat(session).as("the Camunda login leaves a session cookie").isNotNull();
      HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfUrl))
          .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      Path file = Path.of("target", "screenshots", "audit-dossier.pdf");
      Files.write(file, pdf.body());
    } finally {
      driver.quit();
    }
  }
}
