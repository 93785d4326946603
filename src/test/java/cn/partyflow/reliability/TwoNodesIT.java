package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL: the job executors share the work through the database, a burst of timers
 * fires exactly once each, a task completed on one node is gone on the other, the escalation ladders of twenty
 * overdue rectification items climb exactly once each, and the calendar duties, set to run every five seconds,
 * send each person one digest a day and start each branch-month collection once.
 */
@Tag("cluster")
class TwoNodesIT {

  private static final int BURST = 40;
  private static final int ITEMS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final List<String> COLLECTING_BRANCHES = List.of("rmyy-nk", "rmyy-wk");

  @Test
  void aBurstOfTimersFiresExactlyOnceAndTasksAreSharedAcrossNodes() throws Exception {
    String db = ClusterDatabase.create("two_nodes");
    GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    LocalDate today = LocalDate.now(CHINA);
    List<String> settings = List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
        "--partyflow.rectification.digest-cron=*/5 * * * * *", "--partyflow.dues.collection-cron=*/5 * * * * *",
        "--partyflow.dues.collection-day=" + today.getDayOfMonth());
    try (Node a = Node.start("node-a", db, settings); Node b = Node.start("node-b", db, settings)) {
      todayIsACollectionDay(a, b, db, today);
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
      calendarDutiesRunOncePerCluster(db, mail, today);
    } finally {
      mail.stop();
    }
  }

  /**
   * Today becomes a working day on both nodes (their calendars are cached per node) and two branches get approved
   * amounts for the year, so the collection duty, due every five seconds, starts their month.
   */
  private static void todayIsACollectionDay(Node a, Node b, String db, LocalDate today) throws Exception {
    byte[] csv = ("date,off_day,name\n" + today + ",否,双节点测试\n").getBytes(StandardCharsets.UTF_8);
    for (Node node : List.of(a, b)) {
      HttpResponse<String> r = node.upload("admin", "/api/admin/calendar", "file", "calendar.csv", csv);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
      for (String[] member : new String[][] {{"rmyy-nk", "P014"}, {"rmyy-wk", "P030"}}) {
        update(c, "insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
            + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from) values (?, ?, ?,"
            + " 'EMPLOYED', 5000, 0, 0, 5000, 0.01, 50.00, 50.00, '双节点测试', 'APPROVED', ?)", today.getYear(),
            member[0], member[1], today.getYear() + "-01");
      }
    }
  }

  /**
   * By now both duties have fired many times, on either node. Each firing ran once, each branch-month collection
   * was started once, and the 责任人 and the 责任领导 of the overdue items each got one digest today, by mail and in
   * pf_notification.
   */
  private static void calendarDutiesRunOncePerCluster(String db, GreenMail mail, LocalDate today) throws Exception {
    String month = YearMonth.from(today).toString();
    try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
      Instant until = Instant.now().plusSeconds(120);
      while (Instant.now().isBefore(until) && (query(c, "select count(*) from act_hi_procinst"
          + " where proc_def_key_ = 'duesCollection' and business_key_ like ?", "%:" + month) < 2
          || query(c, "select count(*) from pf_rectification_digest where digest_day = ?", Date.valueOf(today)) < 2)) {
        Thread.sleep(500);
      }
      Thread.sleep(12_000);

      for (String branch : COLLECTING_BRANCHES) {
        assertThat(query(c, "select count(*) from act_hi_procinst where proc_def_key_ = 'duesCollection'"
            + " and business_key_ = ?", branch + ":" + month)).as(branch).isEqualTo(1);
      }
      for (String duty : List.of("duesCollectionDay", "rectificationDigest")) {
        long runs = query(c, "select count(*) from act_hi_procinst where proc_def_key_ = ?", duty);
        assertThat(runs).as(duty + " runs").isGreaterThan(3);
        assertThat(query(c, "select count(*) from act_hi_job_log where job_def_type_ = 'timer-start-event'"
            + " and process_def_key_ = ? and job_state_ = 2", duty)).as(duty + " firings").isEqualTo(runs);
        assertThat(query(c, "select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2"
            + " and job_def_type_ = 'timer-start-event' and process_def_key_ = ? group by job_id_"
            + " having count(*) > 1) twice", duty)).as(duty + " firings run twice").isZero();
      }
      assertThat(query(c, "select count(*) from pf_notification where kind = 'digest' and delivered"
          + " and recipient_user = ?", "nk_zhuren")).isEqualTo(1);
      assertThat(query(c, "select count(*) from pf_notification where kind = 'digest' and delivered"
          + " and recipient_user = ?", "rmyy_fgld")).isEqualTo(1);
    }
    Map<String, Integer> digests = new HashMap<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      if (m.getSubject().startsWith("【整改每日提示】")) {
        for (var to : m.getAllRecipients()) {
          digests.merge(to.toString(), 1, Integer::sum);
        }
      }
    }
    assertThat(digests).containsOnly(Map.entry("nk_zhuren@demo.partyflow.cn", 1),
        Map.entry("rmyy_fgld@demo.partyflow.cn", 1));
  }

  /**
   * A 巡察整改 case whose items are all a month overdue: every item's reminder, warning and escalation fall due at
   * once, and the two nodes between them record each step exactly once, with one 督办 and one 问责 task per item.
   */
  private void escalationLaddersClimbOnceEach(Node a, Node b, String db) throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String pi = a.startCase("rmyy_zzb", "inspectionRectification", "TWO-NODES",
        "{\"orgId\":{\"value\":\"rmyy\"},\"source\":{\"value\":\"巡察\"}}");
    StringBuilder problems = new StringBuilder("序号,问题表现\n");
    StringBuilder plan = new StringBuilder("[");
    for (int n = 1; n <= ITEMS; n++) {
      String sep = n == 1 ? "" : ",";
      problems.append(n).append(",问题").append(n).append("\n");
      plan.append(sep).append("{\"problemNo\":").append(n).append(",\"measures\":\"措施").append(n)
          .append("\",\"category\":\"限期整改\",\"leaderUser\":\"rmyy_fgld\",\"department\":\"院办\",")
          .append("\"responsibleUser\":\"nk_zhuren\",\"deadline\":\"").append(today.minusDays(30)).append("\"}");
    }
    JsonNode registration = a.getJson("rmyy_zzb",
        "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=Task_RegisterFeedback");
    HttpResponse<String> imported = a.upload("rmyy_zzb", "/api/rectification/tasks/"
        + registration.get(0).get("id").asText() + "/problems", "file", "问题清单.csv",
        problems.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    submit(a, "rmyy_zzb", pi, "Task_RegisterFeedback", "\"feedbackDate\":{\"value\":\"" + today.minusDays(60)
        + "\"},\"roundName\":{\"value\":\"双节点巡察\"},\"groupName\":{\"value\":\"第一巡察组\"}");
    submit(b, "rmyy_zzb", pi, "Task_DraftPlan", "\"planItems\":" + json(plan.append("]").toString()));
    submit(a, "rmyy_shuji", pi, "Task_ApprovePlan", "\"planApproved\":{\"value\":\"true\"},"
        + "\"planMeetingDate\":{\"value\":\"" + today.minusDays(56) + "\"},\"planMeetingEntitled\":{\"value\":7},"
        + "\"planMeetingPresent\":{\"value\":6},\"planMeetingAttendees\":{\"value\":\"王建国等6名委员\"}");
    submit(b, "rmyy_zzb", pi, "Task_SubmitPlan",
        "\"planSubmittedDate\":{\"value\":\"" + today.minusDays(55) + "\"}");
    submit(a, "xw_xcb", pi, "Task_ReviewPlan", "\"planAccepted\":{\"value\":\"true\"}");

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

  private static long query(Connection c, String sql, Object... args) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void update(Connection c, String sql, Object... args) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
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
