package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL: the job executors share the work through the database, a burst of timers
 * fires exactly once each, and a task completed on one node is gone on the other.
 */
class TwoNodesIT {

  private static final int BURST = 40;

  @Test
  void aBurstOfTimersFiresExactlyOnceAndTasksAreSharedAcrossNodes() throws Exception {
    String db = ClusterDatabase.create("two_nodes");
    try (Node a = Node.start("node-a", db); Node b = Node.start("node-b", db)) {
      a.deploy("test-processes/timer-errand.bpmn");
      List<String> cases = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        Node via = i % 2 == 0 ? a : b;
        cases.add(via.startCase("nk_zuzhi", "timerErrand", "B" + i,
            "{\"orgId\":{\"value\":\"rmyy-nk\"},\"delay\":{\"value\":\"PT3S\"}}"));
      }

      Instant until = Instant.now().plusSeconds(120);
      int waiting = 0;
      while (Instant.now().isBefore(until) && waiting < BURST) {
        waiting = b.getJson("admin", "/engine-rest/task?processDefinitionKey=timerErrand&maxResults=1000").size();
        Thread.sleep(500);
      }
      assertThat(waiting).isEqualTo(BURST);

      Map<String, Integer> firesPerCase = new HashMap<>();
      for (JsonNode ai : a.getJson("admin",
          "/engine-rest/history/activity-instance?activityId=Task_Fire&maxResults=1000")) {
        firesPerCase.merge(ai.get("processInstanceId").asText(), 1, Integer::sum);
      }
      assertThat(firesPerCase).hasSize(BURST);
      assertThat(firesPerCase.values()).allMatch(n -> n == 1);

      String caseId = cases.get(0);
      String taskId = a.getJson("nk_zuzhi", "/engine-rest/task?processInstanceId=" + caseId).get(0).get("id").asText();
      assertThat(a.post("nk_zuzhi", "/engine-rest/task/" + taskId + "/complete", "{}").statusCode()).isEqualTo(204);
      assertThat(b.get("nk_zuzhi", "/engine-rest/task/" + taskId).statusCode()).isEqualTo(404);
      assertThat(b.getJson("nk_zuzhi", "/engine-rest/task?processInstanceId=" + caseId)).isEmpty();
      assertThat(b.post("nk_zhuren", "/engine-rest/task/" + taskId + "/complete", "{}").statusCode())
          .isIn(404, 409);
    }
  }
}
