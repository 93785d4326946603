package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.shared.WideSheet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The reproductions of issue 12 on bounded input, over HTTP with the demo users: the wide workbook, the calendar's
 * endless spans, and evidence typed by the browser.
 */
@PostgresTest
class BoundedInputTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  /** The rectification case each test gets, removed after it: later tests must not see it. */
  final TestData made = new TestData();

  static Stream<Arguments> imports() {
    return Stream.of(
        Arguments.of("/api/import/organizations", new String[] {"编号", "名称"}),
        Arguments.of("/api/import/people", new String[] {"编号", "姓名"}),
        Arguments.of("/api/import/roles", new String[] {"组织编号", "人员编号"}),
        Arguments.of("/api/admin/calendar", new String[] {"日期", "名称"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imports")
  void theWideWorkbookIsRefusedWithinFiveSeconds(String url, String[] header) {
    byte[] wide = WideSheet.xlsx(header, 100_000, "x");
    // What is timed is reading the wide file, not the server loading POI's classes for its first workbook.
    http.withBasicAuth("admin", "demo").postForEntity(url, upload("warm.xlsx", WideSheet.xlsx(header, 1, "")),
        String.class);
    ResponseEntity<String> answer = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> http.withBasicAuth("admin", "demo").postForEntity(url, upload("wide.xlsx", wide), String.class));
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody()).contains("列数多于表头：第16384列有内容");
  }

  @ParameterizedTest(name = "days={0}")
  @ValueSource(ints = {Integer.MAX_VALUE, Integer.MIN_VALUE, 2601, -2601})
  void aSpanOfMoreThanTenYearsOfWorkingDaysIsRefused(int days) {
    ResponseEntity<String> answer = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> http.withBasicAuth("nk_zuzhi", "demo")
            .getForEntity("/api/calendar/workdays?from=2025-01-01&days=" + days, String.class));
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("最多向前或向后推算2600个工作日（约10年）");
  }

  @Test
  void tenYearsOfWorkingDaysEitherWayAreCounted() {
    TestRestTemplate as = http.withBasicAuth("nk_zuzhi", "demo");
    assertThat(as.getForObject("/api/calendar/workdays?from=2025-01-01&days=2600", String.class))
        .contains("\"date\":\"2035-");
    assertThat(as.getForObject("/api/calendar/workdays?from=2025-01-01&days=-2600", String.class))
        .containsPattern("\"date\":\"201[45]-");
    ResponseEntity<String> farFuture = as.getForEntity("/api/calendar/workdays?from=9999-12-31&days=1", String.class);
    assertThat(farFuture.getStatusCode().value()).isEqualTo(400);
    assertThat(farFuture.getBody()).contains("超出范围");
  }

  long item;
  String itemCase;

  @BeforeEach
  void item() {
    String pi = made.started("bounded-" + UUID.randomUUID());
    itemCase = pi;
    jdbc.update("insert into pf_rectification_case (org_id, source, status, process_instance_id, created_at)"
        + " values ('rmyy', '巡察', '集中整改', ?, ?)", pi, Timestamp.valueOf(LocalDateTime.now()));
    long caseId = jdbc.queryForObject("select id from pf_rectification_case where process_instance_id = ?",
        Long.class, pi);
    jdbc.update("insert into pf_rectification_item (case_id, org_id, seq, problem, measures, category, leader_user,"
            + " department, responsible_user, deadline, status, process_instance_id, updated_at)"
            + " values (?, 'rmyy', 1, ?, '措施', '限期整改', 'rmyy_fgld', '医务科', 'nk_zhuren', ?, '推进中',"
            + " 'none', ?)",
        caseId, pi, Date.valueOf(LocalDate.of(2030, 6, 30)), Timestamp.valueOf(LocalDateTime.now()));
    item = jdbc.queryForObject("select id from pf_rectification_item where problem = ?", Long.class, pi);
  }

  @AfterEach
  void removeTheItem() {
    made.remove(context);
    assertThat(jdbc.queryForObject("select count(*) from pf_rectification_case where process_instance_id = ?",
        Integer.class, itemCase)).as("rectification case left behind").isZero();
    assertThat(jdbc.queryForObject("select count(*) from pf_rectification_item where id = ?", Integer.class, item))
        .as("rectification item left behind").isZero();
  }

  @Test
  void evidenceTypedFooByTheBrowserIsStoredAsThePdfItIsAndDownloads() {
    byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    ResponseEntity<String> stored = evidence("会议纪要.pdf", "foo", pdf);
    assertThat(stored.getStatusCode().value()).as(stored.getBody()).isEqualTo(200);
    long id = jdbc.queryForObject("select id from pf_rectification_evidence where item_id = ?", Long.class, item);
    assertThat(jdbc.queryForObject("select content_type from pf_rectification_evidence where id = ?", String.class,
        id)).isEqualTo("application/pdf");

    ResponseEntity<byte[]> download = http.withBasicAuth("nk_zhuren", "demo")
        .getForEntity("/rectification/evidence/" + id, byte[].class);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getBody()).isEqualTo(pdf);
  }

  @Test
  void anHtmlPageRenamedPdfIsRefusedAndNotStored() {
    byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
        .getBytes(StandardCharsets.UTF_8);
    ResponseEntity<String> answer = evidence("整改报告.pdf", "application/pdf", html);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("不接受此类文件“整改报告.pdf”")
        .contains("pdf、jpg、jpeg、png、doc、docx、xls、xlsx、ofd");
    assertThat(jdbc.queryForObject("select count(*) from pf_rectification_evidence where item_id = ?", Long.class,
        item)).isZero();
  }

  @ParameterizedTest(name = "stored as {0}")
  @ValueSource(strings = {"foo", "text/html"})
  void evidenceStoredEarlierWithAnUnsafeTypeDownloadsAsAPlainFile(String storedType) {
    jdbc.update("insert into pf_rectification_evidence (item_id, filename, content_type, size_bytes, content,"
        + " uploaded_by, uploaded_at) values (?, 'old.pdf', ?, 3, ?, 'nk_zhuren', ?)", item, storedType,
        new byte[] {1, 2, 3}, Timestamp.valueOf(LocalDateTime.now()));
    long id = jdbc.queryForObject("select id from pf_rectification_evidence where item_id = ?", Long.class, item);
    ResponseEntity<byte[]> download = http.withBasicAuth("nk_zhuren", "demo")
        .getForEntity("/rectification/evidence/" + id, byte[].class);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  /** A multipart body written out by hand, since a client library refuses to send a part typed "foo". */
  private ResponseEntity<String> evidence(String filename, String partType, byte[] content) {
    String boundary = "----partyflow" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
    return http.withBasicAuth("nk_zhuren", "demo").postForEntity("/api/rectification/items/" + item + "/evidence",
        new HttpEntity<>(body.toByteArray(), headers), String.class);
  }

  private static HttpEntity<?> upload(String filename, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return filename;
      }
    });
    return new HttpEntity<>(parts, headers);
  }
}
