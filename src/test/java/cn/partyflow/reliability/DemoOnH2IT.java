package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a newcomer first meets it: the packaged application started with no settings, on its H2 database,
 * seeding the demo registry and the demo's cases. Every demo role opens its home and every page of its menu (a query
 * H2 does not understand shows here, not in the PostgreSQL tests), officers have work and auditors finished cases.
 */
@Tag("cluster")
class DemoOnH2IT {

  private static final List<String> ROLES = List.of("admin", "rmyy_shuji", "rmyy_zzb", "rmyy_fgld", "rmyy_dangban",
      "rmyy_jiwei", "nk_shuji", "nk_zuzhi", "nk_dangfei", "nk_zhuren", "wk_zuzhi", "xw_xcb", "jgdw_zzb", "zyy_zzb");
  /** Roles the demo gives open tasks in their own or their organization's list. */
  private static final List<String> BUSY = List.of("rmyy_zzb", "nk_zuzhi", "nk_dangfei", "xw_xcb", "rmyy_jiwei");
  private static final Pattern CARD = Pattern.compile(
      "data-filter=\"([^\"]+)\"[^>]*>\\s*<div class=\"label\">[^<]*</div>\\s*<div class=\"value\">(\\d+)<");
  private static final Pattern FINISHED = Pattern.compile(
      "data-status=\"FINISHED\">\\s*<div class=\"label\">已办结</div><div class=\"value\">(\\d+)<");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyDemoRoleFindsWorkAndOpensEveryPageOfItsMenu(@TempDir Path data) throws Exception {
    try (Node demo = Node.demo("demo-h2", data)) {
      awaitSeeded(Duration.ofSeconds(120));

      List<String> broken = new ArrayList<>();
      for (String user : ROLES) {
        JsonNode menu = json.readTree(demo.get(user, "/api/menu").body());
        assertThat(menu.size()).as(user + "'s menu").isGreaterThan(1);
        for (JsonNode link : menu) {
          int status = demo.get(user, link.get("href").asText()).statusCode();
          if (status != 200) {
            broken.add(user + " " + link.get("href").asText() + " " + status);
          }
        }
      }
      assertThat(broken).isEmpty();

      for (String user : BUSY) {
        Map<String, Integer> cards = cards(demo.get(user, "/").body());
        assertThat(cards.get("我的待办") + cards.get("本组织待办")).as(user + "'s tasks").isPositive();
      }
      Matcher finished = FINISHED.matcher(demo.get("rmyy_jiwei", "/").body());
      assertThat(finished.find()).isTrue();
      assertThat(Integer.parseInt(finished.group(1))).as("finished cases the auditor can read").isPositive();
      assertThat(demo.get("rmyy_shuji", "/dashboard/rectification").body())
          .contains("已逾期").doesNotContain("没有符合条件的整改事项");
    }
  }

  private static void awaitSeeded(Duration limit) throws Exception {
    Instant until = Instant.now().plus(limit);
    Path log = Node.log("demo-h2");
    while (Instant.now().isBefore(until)) {
      String text = Files.readString(log);
      if (text.contains("Demo cases seeded in")) {
        assertThat(text).doesNotContain("not fully seeded");
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the demo's cases were not seeded within " + limit);
  }

  private static Map<String, Integer> cards(String home) {
    Map<String, Integer> cards = new HashMap<>();
    Matcher m = CARD.matcher(home);
    while (m.find()) {
      cards.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return cards;
  }
}
