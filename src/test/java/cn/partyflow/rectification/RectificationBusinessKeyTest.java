package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A 巡察整改 case started without a 业务编号 gets one on the server (organization, day, count), and the auditors'
 * search finds the case by it; a number the starter gives is kept.
 */
@PostgresTest
class RectificationBusinessKeyTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;

  final List<String> started = new ArrayList<>();

  @AfterEach
  void removeTheCases() {
    started.forEach(id -> runtime.deleteProcessInstance(id, "test cleanup"));
  }

  @Test
  void aCaseStartedWithoutANumberGetsOneTheAuditorsFind() {
    String first = businessKey(start(null));
    String second = businessKey(start(null));
    String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyyMMdd"));
    assertThat(first).startsWith("XCZG-rmyy-" + day + "-");
    long n = Long.parseLong(first.substring(first.lastIndexOf('-') + 1));
    assertThat(second).isEqualTo("XCZG-rmyy-" + day + "-" + (n + 1));

    String page = rest.withBasicAuth("rmyy_jiwei", "demo").getForObject("/audit?businessKey=" + second, String.class);
    assertThat(page).contains(second).contains("/audit/cases/" + started.get(1));
  }

  @Test
  void aNumberTheStarterGivesIsKept() {
    assertThat(businessKey(start("XC-2026-巡察第三组"))).isEqualTo("XC-2026-巡察第三组");
  }

  @SuppressWarnings("rawtypes")
  private String start(String businessKey) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("variables", Map.of("orgId", Map.of("value", "rmyy"),
        "source", Map.of("value", "巡察"))));
    if (businessKey != null) {
      body.put("businessKey", businessKey);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> answer = rest.withBasicAuth("rmyy_zzb", "demo").postForEntity(
        "/engine-rest/process-definition/key/inspectionRectification/start", new HttpEntity<>(body, headers),
        Map.class);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(String.valueOf(answer.getBody())).isTrue();
    String id = (String) answer.getBody().get("id");
    started.add(id);
    return id;
  }

  private String businessKey(String id) {
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey();
  }
}
