package cn.partyflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Task forms submitted over /engine-rest as the user the task is routed to (password "demo"), with the values a
 * form sends: the steps of a browser journey that other browser tests already prove in Tasklist go this way, so
 * the journey spends Chromium only on what the browser alone shows. The same server checks run as in Tasklist.
 */
public record TaskForms(TestRestTemplate http) {

  /** Submits the task's form; the answer as it came. */
  public ResponseEntity<String> trySubmit(String user, String taskId, Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, v instanceof Json json
        ? Map.of("value", json.text(), "type", "Json") : Map.of("value", v)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        new HttpEntity<>(Map.of("variables", variables), headers), String.class);
  }

  /** Submits the task's form and fails unless the server took it. */
  public void submit(String user, String taskId, Map<String, ?> values) {
    ResponseEntity<String> answer = trySubmit(user, taskId, values);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(user + " submits " + values.keySet() + ": "
        + answer.getBody()).isTrue();
  }

  /** A value a form's dynamic list or tag list sends: JSON text, typed Json. */
  public record Json(String text) {}
}
