package cn.partyflow;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A signed-in browser on one of our pages: its session cookie and the page's CSRF token, sent with every form post
 * as a browser sends them.
 */
public record WebSession(TestRestTemplate as, String cookie, String csrf, String page) {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** Opens {@code path} as {@code user} (password "demo"). */
  public static WebSession open(TestRestTemplate rest, String user, String path) {
    TestRestTemplate as = rest.withBasicAuth(user, "demo");
    ResponseEntity<String> page = as.getForEntity(path, String.class);
    String cookie = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.split(";")[0]).filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
    Matcher csrf = CSRF.matcher(page.getBody() == null ? "" : page.getBody());
    return new WebSession(as, cookie, csrf.find() ? csrf.group(1) : "", page.getBody());
  }

  public String get(String path) {
    return as.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(null)), String.class).getBody();
  }

  /** A form post ({@code application/x-www-form-urlencoded}); {@code form} is already encoded. */
  public ResponseEntity<String> post(String path, String form) {
    return as.exchange(path, HttpMethod.POST,
        new HttpEntity<>(form + "&_csrf=" + csrf, headers(MediaType.APPLICATION_FORM_URLENCODED)), String.class);
  }

  /** Posts a form's fields as a browser does and returns the page it leads to, following a redirect. */
  public String submit(String path, Map<String, String> form) {
    LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    form.forEach(fields::add);
    return submit(path, fields);
  }

  /** The same with repeated fields (a list of checkboxes or rows). */
  public String submit(String path, MultiValueMap<String, String> form) {
    LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>(form);
    body.add("_csrf", csrf);
    ResponseEntity<String> posted = as.exchange(path, HttpMethod.POST,
        new HttpEntity<>(body, headers(MediaType.APPLICATION_FORM_URLENCODED)), String.class);
    return posted.getStatusCode().is3xxRedirection() ? get(posted.getHeaders().getLocation().toString())
        : posted.getBody();
  }

  /** A file upload form ({@code multipart/form-data}). */
  public ResponseEntity<String> upload(String path, Map<String, Object> parts) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    parts.forEach(body::add);
    body.add("_csrf", csrf);
    return as.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(MediaType.MULTIPART_FORM_DATA)),
        String.class);
  }

  /** The page after a form post: the redirect's target, followed here when the client did not follow it. */
  public String shown(ResponseEntity<String> answer, String path) {
    return answer.getStatusCode().value() == 302 ? get(path) : answer.getBody();
  }

  private HttpHeaders headers(MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, cookie);
    if (type != null) {
      headers.setContentType(type);
    }
    return headers;
  }
}
