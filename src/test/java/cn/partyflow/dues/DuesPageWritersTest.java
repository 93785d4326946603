package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The dues page's writes are checked on the server against the writer, whatever the page shows. */
@PostgresTest
class DuesPageWritersTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;

  @Test
  void onlyTheBranchsKeeperOrSecretaryStartsItsAssessmentFromThePage() {
    assertThat(startAssessment("rmyy_jiwei", 2031)).contains("只有本支部或上级的党费管理员、书记可以办理党费事项");
    assertThat(startAssessment("wk_dangfei", 2031)).contains("不在您的权限范围内");
    assertThat(started(2031)).isZero();
    assertThat(startAssessment("nk_dangfei", 2031)).contains("已发起2031年度党费核定");
    assertThat(started(2031)).isEqualTo(1);
    assertThat(startAssessment("nk_shuji", 2031)).contains("已经开始，每个支部每年核定一次");
    assertThat(started(2031)).isEqualTo(1);
  }

  @Test
  void aPaymentOfAnAmountThatIsNoNumberIsRefusedInChinese() {
    assertThat(post("nk_dangfei", "/dues/rmyy-nk/payments", "month=2031-02&personId=P010&amount=12,5元"
        + "&paidDate=2031-02-01&method=现金")).contains("交纳金额“12,5元”不是金额");
  }

  private long started(int year) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(DuesProcesses.ASSESSMENT)
        .processInstanceBusinessKey("rmyy-nk:" + year).count();
  }

  private String startAssessment(String user, int year) {
    return post(user, "/dues/rmyy-nk/assessment", "year=" + year);
  }

  /**
   * Posts a page form as the user, with a session's CSRF token (taken from the branch page as its keeper sees it,
   * which has forms; the writer is the Basic user of each request), and returns the page it leads to.
   */
  private String post(String user, String path, String form) {
    TestRestTemplate as = http.withBasicAuth(user, "demo");
    ResponseEntity<String> page = http.withBasicAuth("nk_dangfei", "demo").getForEntity("/dues/rmyy-nk",
        String.class);
    Matcher token = CSRF.matcher(page.getBody() == null ? "" : page.getBody());
    String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    if (cookie != null) {
      headers.add(HttpHeaders.COOKIE, cookie.split(";")[0]);
    }
    MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    for (String pair : form.split("&")) {
      String[] kv = pair.split("=", 2);
      body.add(kv[0], kv[1]);
    }
    body.add("_csrf", token.find() ? token.group(1) : "");
    ResponseEntity<String> posted = as.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
    if (!posted.getStatusCode().is3xxRedirection()) {
      return posted.getBody();
    }
    HttpHeaders follow = new HttpHeaders();
    follow.put(HttpHeaders.COOKIE, List.copyOf(headers.getOrEmpty(HttpHeaders.COOKIE)));
    String next = posted.getHeaders().getLocation().toString();
    return as.exchange(next, HttpMethod.GET, new HttpEntity<>(follow), String.class).getBody();
  }
}
