package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL: the job executors share the work through the database, a burst of timers
 * fires exactly once each, a task completed on one node is gone on the other, and the escalation ladders of twenty
 * overdue rectification items climb exactly once each.
 */
class TwoNodesIT {

  private static final int BURST = 40;
  private static final int ITEMS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

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

      escalationLaddersClimbOnceEach(a, b, db);
    }
  }

  /**
   * A 巡察整改 case whose items are all a month overdue: every item's reminder, warning and escalation fall due at
   * once, and the two nodes between them record each step exactly once, with one 督办 and one 问责 task per item.
   */
  private void escalationLaddersClimbOnceEach(Node a, Node b, String db) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String pi = a.startCase("rmyy_zzb", "inspectionRectification", "TWO-NODES",
        "{\"orgId\":{\"value\":\"rmyy\"},\"source\":{\"value\":\"巡察\"}}");
    StringBuilder problems = new StringBuilder("[");
    StringBuilder plan = new StringBuilder("[");
    for (int n = 1; n <= ITEMS; n++) {
      String sep = n == 1 ? "" : ",";
      problems.append(sep).append("{\"no\":").append(n).append(",\"problem\":\"问题").append(n).append("\"}");
      plan.append(sep).append("{\"problemNo\":").append(n).append(",\"measures\":\"措施").append(n)
          .append("\",\"category\":\"限期整改\",\"leaderUser\":\"rmyy_fgld\",\"department\":\"院办\",")
          .append("\"responsibleUser\":\"nk_zhuren\",\"deadline\":\"").append(today.minusDays(30)).append("\"}");
    }
    submit(a, "rmyy_zzb", pi, "Task_RegisterFeedback", "\"problems\":" + json(problems.append("]").toString())
        + ",\"feedbackDate\":{\"value\":\"" + today.minusDays(60) + "\"},\"roundName\":{\"value\":\"双节点巡察\"},"
        + "\"groupName\":{\"value\":\"第一巡察组\"}");
    submit(b, "rmyy_zzb", pi, "Task_DraftPlan", "\"planItems\":" + json(plan.append("]").toString()));
    submit(a, "rmyy_shuji", pi, "Task_ApprovePlan", "\"planApproved\":{\"value\":\"true\"}");
    submit(b, "rmyy_zzb", pi, "Task_SubmitPlan",
        "\"planSubmittedDate\":{\"value\":\"" + today.minusDays(55) + "\"}");

    try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
      Instant until = Instant.now().plusSeconds(120);
      long steps = 0;
      while (Instant.now().isBefore(until) && steps < 3L * ITEMS) {
        steps = count(c, "select count(*) from pf_rectification_event e join pf_rectification_item i"
            + " on i.id = e.item_id where i.process_instance_id = ? and e.kind in ('reminder', 'warning', 'escalation')",
            pi);
        Thread.sleep(500);
      }
      Thread.sleep(2000);
      assertThat(count(c, "select count(*) from (select e.item_id, e.kind from pf_rectification_event e"
          + " join pf_rectification_item i on i.id = e.item_id where i.process_instance_id = ?"
          + " and e.kind in ('reminder', 'warning', 'escalation') group by e.item_id, e.kind having count(*) = 1) once",
          pi)).isEqualTo(3L * ITEMS);
      assertThat(count(c, "select count(*) from pf_rectification_event e join pf_rectification_item i"
          + " on i.id = e.item_id where i.process_instance_id = ? and e.kind in ('reminder', 'warning', 'escalation')",
          pi)).isEqualTo(3L * ITEMS);
      assertThat(count(c, "select count(*) from pf_notification where process_instance_id = ?"
          + " and kind = 'escalation'", pi)).isPositive();
      assertThat(count(c, "select count(*) from act_hi_taskinst where proc_inst_id_ = ?"
          + " and task_def_key_ = 'Task_Supervise'", pi)).isEqualTo(ITEMS);
      assertThat(count(c, "select count(*) from act_hi_taskinst where proc_inst_id_ = ?"
          + " and task_def_key_ = 'Task_Escalate'", pi)).isEqualTo(ITEMS);
    }
  }

  private static void submit(Node node, String user, String pi, String taskKey, String variables) throws Exception {
    JsonNode open = node.getJson(user, "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + taskKey);
    assertThat(open).as(taskKey + " for " + user).hasSize(1);
    HttpResponse<String> r = node.post(user, "/engine-rest/task/" + open.get(0).get("id").asText() + "/submit-form",
        "{\"variables\":{" + variables + "}}");
    assertThat(r.statusCode()).as(taskKey + ": " + r.body()).isIn(200, 204);
  }

  private static String json(String text) throws Exception {
    return "{\"value\":" + JSON.writeValueAsString(text) + ",\"type\":\"Json\"}";
  }

  private static long count(Connection c, String sql, String pi) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, pi);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
