package cn.partyflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.Application;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The demo as a newcomer first meets it: the default H2 database, the demo registry and the demo's cases seeded on
 * the first start. Every demo role's home answers with work or numbers, and every page of each role's menu opens
 * (a query H2 does not understand shows here, not in the PostgreSQL tests).
 */
@SpringBootTest(
    classes = Application.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "partyflow.demo=true",
        "partyflow.demo-life=true",
        "spring.mail.host=localhost",
        "spring.mail.port=3026",
        "spring.datasource.url=jdbc:h2:mem:demo-on-h2;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
    })
class DemoOnH2Test {

  private static final List<String> ROLES = List.of("admin", "rmyy_shuji", "rmyy_zzb", "rmyy_fgld", "rmyy_dangban",
      "rmyy_jiwei", "nk_shuji", "nk_zuzhi", "nk_dangfei", "nk_zhuren", "wk_zuzhi", "xw_xcb", "jgdw_zzb", "zyy_zzb");
  /** Roles the demo gives open tasks in their organization's list. */
  private static final List<String> BUSY = List.of("rmyy_zzb", "nk_zuzhi", "nk_dangfei", "xw_xcb", "rmyy_jiwei");
  private static final Pattern CARD =
      Pattern.compile("data-filter=\"([^\"]+)\"[^>]*>\\s*<div class=\"label\">[^<]*</div>\\s*<div class=\"value\">(\\d+)<");

  @Autowired TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyDemoRoleOpensItsHomeAndEveryPageOfItsMenu() throws Exception {
    List<String> broken = new ArrayList<>();
    for (String user : ROLES) {
      TestRestTemplate as = http.withBasicAuth(user, "demo");
      JsonNode menu = json.readTree(as.getForObject("/api/menu", String.class));
      assertThat(menu.size()).as(user + "'s menu").isGreaterThan(1);
      for (JsonNode link : menu) {
        ResponseEntity<String> page = as.getForEntity(link.get("href").asText(), String.class);
        if (page.getStatusCode().value() != 200) {
          broken.add(user + " " + link.get("href").asText() + " " + page.getStatusCode().value());
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theDemoGivesOfficersWorkAndTheAuditorsFinishedCases() {
    for (String user : BUSY) {
      Map<String, Integer> cards = cards(http.withBasicAuth(user, "demo").getForObject("/", String.class));
      assertThat(cards).as(user).containsKey("本组织待办");
      assertThat(cards.get("我的待办") + cards.get("本组织待办")).as(user + "'s tasks").isPositive();
    }
    String auditor = http.withBasicAuth("rmyy_jiwei", "demo").getForObject("/", String.class);
    Matcher finished = Pattern.compile("data-status=\"FINISHED\">\\s*<div class=\"label\">已办结</div><div class=\"value\">(\\d+)<")
        .matcher(auditor);
    assertThat(finished.find()).isTrue();
    assertThat(Integer.parseInt(finished.group(1))).isPositive();
    String manager = http.withBasicAuth("rmyy_shuji", "demo").getForObject("/dashboard/rectification", String.class);
    assertThat(manager).contains("已逾期").doesNotContain("没有符合条件的整改事项");
  }

  private static Map<String, Integer> cards(String home) {
    Map<String, Integer> cards = new java.util.HashMap<>();
    Matcher m = CARD.matcher(home);
    while (m.find()) {
      cards.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return cards;
  }

}
