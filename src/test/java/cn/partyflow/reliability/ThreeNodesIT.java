package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.shared.ChinaClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three application nodes on one PostgreSQL with their job executors under load: a few hundred cases, started over
 * all three nodes at once, each run async work, wait for a timer that falls due at the same instant as all the
 * others and run one more async step. Every timer fires exactly once, every node takes its share of the jobs, and
 * no timer waits far beyond the others. The timers' lateness (fire time minus due time) is written to
 * target/reliability/three-nodes.json.
 */
@Tag("cluster")
class ThreeNodesIT {

  private static final int TIMERS = 300;
  private static final List<String> NODES = List.of("node-1", "node-2", "node-3");
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final String TIMER_JOB = "timer-intermediate-transition";
  private static final ZoneId CHINA = ChinaClock.ZONE;

  @Test
  void timersDueTogetherFireOnceEachAndEveryNodeTakesItsShare() throws Exception {
    Instant began = Instant.now();
    String db = ClusterDatabase.create("three_nodes");
    List<Node> nodes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      // The first node creates the schema alone; the other two join it together.
      nodes.add(Node.start(NODES.get(0), db, named(NODES.get(0))));
      List<Future<Node>> joining = new ArrayList<>();
      for (String name : NODES.subList(1, NODES.size())) {
        joining.add(pool.submit(() -> Node.start(name, db, named(name))));
      }
      for (Future<Node> node : joining) {
        nodes.add(node.get());
      }
      Instant ready = Instant.now();
      nodes.get(0).deploy("test-processes/timer-burst.bpmn");

      // Every timer is first set an hour ahead; once all of them wait, they are all made due at the same instant.
      String later = REST_DATE.format(OffsetDateTime.ofInstant(Instant.now().plusSeconds(3600), CHINA));
      String variables = "{\"orgId\":{\"value\":\"rmyy-nk\"},\"due\":{\"value\":\"" + later
          + "\",\"type\":\"Date\"}}";
      List<Future<String>> starts = new ArrayList<>();
      for (int i = 0; i < TIMERS; i++) {
        Node via = nodes.get(i % nodes.size());
        String key = "BURST-" + i;
        starts.add(pool.submit(() -> via.startCase("nk_zuzhi", "timerBurst", key, variables)));
      }
      for (Future<String> start : starts) {
        start.get();
      }
      Instant started = Instant.now();

      try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
        Instant waiting = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(waiting) && count(c, "select count(*) from act_ru_job where handler_type_ = ?"
            + " and process_def_key_ = 'timerBurst'", TIMER_JOB) < TIMERS) {
          Thread.sleep(200);
        }
        Instant due = Instant.now().plusSeconds(2);
        // Directly in the table, because no engine call moves many jobs' due dates at once; none of these jobs can
        // be locked yet, as none is due.
        try (PreparedStatement s = c.prepareStatement("update act_ru_job set duedate_ = ? where handler_type_ = ?"
            + " and process_def_key_ = 'timerBurst'")) {
          s.setTimestamp(1, Timestamp.from(due));
          s.setString(2, TIMER_JOB);
          assertThat(s.executeUpdate()).as("timers waiting").isEqualTo(TIMERS);
        }
        Instant until = due.plusSeconds(90);
        while (Instant.now().isBefore(until) && count(c, "select count(*) from act_hi_procinst"
            + " where proc_def_key_ = 'timerBurst' and end_time_ is not null") < TIMERS) {
          Thread.sleep(500);
        }
        Instant drained = Instant.now();

        assertThat(count(c, "select count(*) from act_hi_procinst where proc_def_key_ = 'timerBurst'"
            + " and state_ = 'COMPLETED'")).as("cases completed").isEqualTo(TIMERS);
        assertThat(count(c, "select count(distinct job_id_) from act_hi_job_log where job_def_type_ = ?"
            + " and job_state_ = 2", TIMER_JOB)).as("timers fired").isEqualTo(TIMERS);
        assertThat(count(c, "select count(*) from act_hi_job_log where job_def_type_ = ? and job_state_ = 2",
            TIMER_JOB)).as("timer firings").isEqualTo(TIMERS);
        assertThat(count(c, "select count(*) from (select proc_inst_id_ from act_hi_actinst where proc_def_key_ ="
            + " 'timerBurst' and act_id_ = 'Task_Fire' group by proc_inst_id_ having count(*) = 1) once"))
            .as("cases whose timer led to Task_Fire exactly once").isEqualTo(TIMERS);
        assertThat(count(c, "select count(*) from act_hi_job_log where process_def_key_ = 'timerBurst'"
            + " and job_state_ = 3")).as("failed job runs").isZero();

        Map<String, Long> jobsPerNode = new LinkedHashMap<>();
        for (String name : NODES) {
          jobsPerNode.put(name, count(c, "select count(*) from act_hi_job_log where process_def_key_ = 'timerBurst'"
              + " and job_state_ = 2 and hostname_ = ?", name));
        }
        assertThat(jobsPerNode.values().stream().mapToLong(Long::longValue).sum())
            .as("jobs run, on any node").isEqualTo(3L * TIMERS);
        assertThat(jobsPerNode).as("jobs run per node").allSatisfy((node, jobs) ->
            assertThat(jobs).as(node).isGreaterThanOrEqualTo(3L * TIMERS / 10));

        List<Long> lateness = latenessMillis(c);
        assertThat(lateness).hasSize(TIMERS);
        long p50 = percentile(lateness, 50);
        long p95 = percentile(lateness, 95);
        long max = lateness.get(lateness.size() - 1);
        assertThat(max).as("the latest timer against the others (ms, p95 " + p95 + ")")
            .isLessThanOrEqualTo(2 * p95 + 5_000);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("date", OffsetDateTime.now(CHINA).toString());
        figures.put("nodes", NODES.size());
        figures.put("timers", TIMERS);
        figures.put("jobs", 3 * TIMERS);
        figures.put("timerLatenessP50Ms", p50);
        figures.put("timerLatenessP95Ms", p95);
        figures.put("timerLatenessMaxMs", max);
        figures.put("jobsPerNode", jobsPerNode);
        figures.put("nodesReadySeconds", seconds(began, ready));
        figures.put("startsSeconds", seconds(ready, started));
        figures.put("dueToAllCompletedSeconds", seconds(due, drained));
        figures.put("testSeconds", seconds(began, Instant.now()));
        figures.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
        Path out = Path.of("target", "reliability", "three-nodes.json");
        Files.createDirectories(out.getParent());
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures);
        Files.writeString(out, json);
        System.out.println("three nodes, " + TIMERS + " timers due together: " + json);
      }
    } finally {
      pool.shutdownNow();
      for (Node node : nodes) {
        node.close();
      }
    }
  }

  /** The node's name in the job log (hostname_), so that the test can tell which node ran which job. */
  private static List<String> named(String name) {
    return List.of("--camunda.bpm.generic-properties.properties.hostname=" + name);
  }

  private static List<Long> latenessMillis(Connection c) throws Exception {
    List<Long> lateness = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("select extract(epoch from (timestamp_ - job_duedate_)) * 1000"
        + " from act_hi_job_log where job_def_type_ = ? and job_state_ = 2 order by 1")) {
      s.setString(1, TIMER_JOB);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lateness.add(Math.round(rs.getDouble(1)));
        }
      }
    }
    return lateness;
  }

  /** Nearest-rank percentile of values in ascending order. */
  private static long percentile(List<Long> sorted, int p) {
    return sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static long count(Connection c, String sql, Object... args) throws Exception {
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
}
