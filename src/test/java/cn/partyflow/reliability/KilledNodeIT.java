package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The application is killed with kill -9 in the middle of a load of starts and completions. After a restart every
 * acknowledged action is there, nothing is duplicated, and the timers that fell due while it was down fire. The
 * timers are set an hour ahead and, while no node runs, moved into the past in the database, as an hour of downtime
 * would: no waiting for a real deadline, and no race between a slow first node and its timers.
 */
@Tag("cluster")
class KilledNodeIT {

  private static final String CASE = "{\"orgId\":{\"value\":\"rmyy-nk\"},\"role\":{\"value\":\"member\"},"
      + "\"subject\":{\"value\":\"负载\"}}";

  @Test
  void nothingAcknowledgedIsLostOrDuplicatedAndDueTimersFire() throws Exception {
    String db = ClusterDatabase.create("killed_node");
    Map<String, String> startedByKey = new ConcurrentHashMap<>();
    List<String> completedCases = new CopyOnWriteArrayList<>();
    List<String> timerCases = new ArrayList<>();

    try (Node first = Node.start("killed-first", db)) {
      first.deploy("test-processes/branch-errand.bpmn");
      first.deploy("test-processes/timer-errand.bpmn");
      for (int i = 0; i < 5; i++) {
        timerCases.add(first.startCase("nk_zuzhi", "timerErrand", "T" + i,
            "{\"orgId\":{\"value\":\"rmyy-nk\"},\"delay\":{\"value\":\"PT1H\"}}"));
      }
      Thread load = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          String key = "K" + i;
          try {
            String id = first.startCase("nk_zuzhi", "branchErrand", key, CASE);
            startedByKey.put(key, id);
            JsonNode task = first.getJson("nk_zuzhi", "/engine-rest/task?processInstanceId=" + id).get(0);
            if (first.post("nk_zuzhi", "/engine-rest/task/" + task.get("id").asText() + "/complete", "{}")
                .statusCode() == 204) {
              completedCases.add(id);
            }
          } catch (Exception nodeGone) {
            return;
          }
        }
      });
      load.start();
      Instant until = Instant.now().plusSeconds(60);
      while (completedCases.size() < 15 && Instant.now().isBefore(until)) {
        Thread.sleep(100);
      }
      first.kill();
      load.join();
    }
    assertThat(completedCases).hasSizeGreaterThanOrEqualTo(15);
    try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
        PreparedStatement due = c.prepareStatement("update act_ru_job set duedate_ = ? where type_ = 'timer'"
            + " and process_def_key_ = 'timerErrand'")) {
      due.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
      assertThat(due.executeUpdate()).as("the timers are still pending when the node dies")
          .isEqualTo(timerCases.size());
    }

    try (Node second = Node.start("killed-second", db)) {
      Map<String, Integer> casesPerKey = new HashMap<>();
      for (JsonNode pi : second.getJson("admin",
          "/engine-rest/history/process-instance?processDefinitionKey=branchErrand&maxResults=100000")) {
        casesPerKey.merge(pi.get("businessKey").asText(), 1, Integer::sum);
      }
      assertThat(casesPerKey.values()).allMatch(n -> n == 1);
      assertThat(casesPerKey.keySet()).containsAll(startedByKey.keySet());
      for (String id : completedCases) {
        JsonNode pi = second.getJson("admin", "/engine-rest/history/process-instance/" + id);
        assertThat(pi.get("state").asText()).as("acknowledged completion of " + id).isEqualTo("COMPLETED");
      }
      Instant until = Instant.now().plus(Duration.ofSeconds(90));
      long fired = 0;
      while (Instant.now().isBefore(until) && fired < timerCases.size()) {
        fired = second.getJson("admin", "/engine-rest/history/activity-instance?activityId=Task_Fire"
            + "&processDefinitionKey=timerErrand&finished=true").size();
        Thread.sleep(500);
      }
      assertThat(fired).as("timers due while the node was down").isEqualTo(timerCases.size());
    }
  }
}
