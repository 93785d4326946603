package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Malformed requests to our own endpoints are refused with a 4xx and a message, never a 5xx. */
@PostgresTest
class BadInputTest {

  @Autowired TestRestTemplate http;

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("admin", HttpMethod.GET, "/api/people/NO-SUCH-PERSON", null, null),
        Arguments.of("admin", HttpMethod.GET, "/api/people?orgId=no-such-org", null, null),
        Arguments.of("nk_zuzhi", HttpMethod.GET, "/api/calendar/workdays?from=2025-02-30&days=3", null, null),
        Arguments.of("nk_zuzhi", HttpMethod.GET, "/api/calendar/workdays?from=2025-01-01&days=many", null, null),
        Arguments.of("nk_zuzhi", HttpMethod.GET, "/api/calendar/workdays", null, null),
        Arguments.of("admin", HttpMethod.POST, "/api/import/people", "people.csv", "编号,姓名\n\"unterminated,x\n"),
        Arguments.of("admin", HttpMethod.POST, "/api/import/organizations", "o.xlsx", "PK\u0003\u0004 not a workbook"),
        Arguments.of("admin", HttpMethod.POST, "/api/import/roles", "r.csv", ""),
        Arguments.of("admin", HttpMethod.POST, "/api/admin/calendar", "c.csv", "日期,放假,名称\n2027-02-31,是,春节\n"),
        Arguments.of("nk_dangfei", HttpMethod.POST, "/api/dues/assessments?branch=rmyy-nk&year=abc", null, null),
        Arguments.of("nk_dangfei", HttpMethod.POST, "/api/dues/payments?branch=rmyy-nk&month=2030-03", "json",
            "[{\"personId\":\"P011\",\"period\":\"2030-03\",\"amount\":-5,\"paidDate\":\"2030-03-05\","
                + "\"method\":\"现金\"}]"),
        Arguments.of("nk_dangfei", HttpMethod.POST, "/api/dues/payments?branch=rmyy-nk&month=2030-03", "json",
            "{not json"),
        Arguments.of("nk_dangfei", HttpMethod.GET, "/api/dues/ledger?branch=rmyy-nk&month=2030-99", null, null),
        Arguments.of("rmyy_shuji", HttpMethod.POST, "/api/rectification/items/999999999/deadline", "json",
            "{\"deadline\":\"2025-13-01\",\"reason\":\"\"}"),
        Arguments.of("rmyy_shuji", HttpMethod.POST, "/api/rectification/items/abc/deadline", "json", "{}"),
        Arguments.of("rmyy_jiwei", HttpMethod.GET, "/audit/cases/no-such-case", null, null),
        Arguments.of("rmyy_jiwei", HttpMethod.GET, "/audit?from=yesterday", null, null),
        Arguments.of("nk_zuzhi", HttpMethod.POST, "/engine-rest/task/no-such-task/submit-form", "json", "{}"));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("requests")
  void isRefusedWithAClientError(String user, HttpMethod method, String url, String kind, String body) {
    ResponseEntity<String> answer = http.withBasicAuth(user, "demo").exchange(url, method, entity(kind, body),
        String.class);
    assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getStatusCode() + " " + answer.getBody())
        .isTrue();
  }

  private static HttpEntity<?> entity(String kind, String body) {
    HttpHeaders headers = new HttpHeaders();
    if (kind == null) {
      return new HttpEntity<>(headers);
    }
    if (kind.equals("json")) {
      headers.setContentType(MediaType.APPLICATION_JSON);
      return new HttpEntity<>(body, headers);
    }
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(body.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return kind;
      }
    });
    return new HttpEntity<>(parts, headers);
  }
}
