package cn.partyflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A browser logged into Camunda Tasklist (password "demo"): its session cookie and the webapps' XSRF token, which
 * the webapps' own API (/camunda/api/**) demands on every write. No HTTP Basic credentials are sent.
 */
public record TasklistSession(String cookies, String xsrf) {

  public static TasklistSession login(TestRestTemplate http, String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    String cookies = cookies(page);
    String xsrf = cookies.replaceAll(".*XSRF-TOKEN=([^;]+).*", "$1");
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    form.add(HttpHeaders.COOKIE, cookies);
    form.add("X-XSRF-TOKEN", xsrf);
    ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>("username=" + user + "&password=demo", form), String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    String session = cookies(login);
    String jsession = (session.contains("JSESSIONID=") ? session : cookies).replaceAll(".*(JSESSIONID=[^;]+).*", "$1");
    String token = session.contains("XSRF-TOKEN=") ? session.replaceAll(".*XSRF-TOKEN=([^;]+).*", "$1") : xsrf;
    HttpHeaders again = new HttpHeaders();
    again.add(HttpHeaders.COOKIE, jsession);
    String fresh = cookies(http.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(again),
        String.class));
    if (fresh.contains("XSRF-TOKEN=")) {
      token = fresh.replaceAll(".*XSRF-TOKEN=([^;]+).*", "$1");
    }
    return new TasklistSession(jsession + "; XSRF-TOKEN=" + token, token);
  }

  /** Headers a page of the webapps sends: the cookies, the XSRF token and {@code type} if not null. */
  public HttpHeaders headers(MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookies);
    headers.add("X-XSRF-TOKEN", xsrf);
    if (type != null) {
      headers.setContentType(type);
    }
    return headers;
  }

  private static String cookies(ResponseEntity<String> answer) {
    List<String> set = answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    return String.join("; ", set.stream().map(c -> c.split(";", 2)[0]).toList());
  }
}
