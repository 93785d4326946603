package cn.partyflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.dues.DuesCollectionService;
import cn.partyflow.reliability.ClusterDatabase;
import cn.partyflow.reliability.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code mvn -Pbench verify}: throughput, query latency at volume, startup and memory, each against a baseline measured
 * in the same run. Prints a table and writes target/bench/results.json.
 */
@PostgresTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformBenchmark {

  private static final int PER_THREAD = 300;
  private static final int VOLUME = 100_000;
  private static final Figures FIGURES = new Figures();

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired DuesCollectionService collections;

  @Test
  @Order(1)
  void taskCompletionsAgainstTheEngineFloor() throws Exception {
    repository.createDeployment().addModelInstance("bench-floor.bpmn", Bpmn.createExecutableProcess("benchFloor")
        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Floor").camundaCandidateGroups("bench")
        .endEvent().done()).deploy();
    if (repository.createProcessDefinitionQuery().processDefinitionKey("branchErrand").count() == 0) {
      repository.createDeployment().addClasspathResource("test-processes/branch-errand.bpmn").deploy();
    }
    warmUp();
    double floor = perSecond(i -> startAndComplete("benchFloor", Map.of()));
    double routed = perSecond(i -> startAndComplete("branchErrand",
        Map.of("orgId", "rmyy-nk", "role", "organizer", "subject", "基准" + i)));
    FIGURES.add("routed task completions (start, route, grant, complete)", "/s", routed,
        "engine floor: start -> task -> complete", floor, "ratio >= 0.5");
  }

  @Test
  @Order(2)
  void queriesWithAHundredThousandOpenTasksAndFinishedCases() {
    seedVolume();
    String filterId = (String) ((Map<?, ?>) http.withBasicAuth("nk_zuzhi", "demo")
        .getForObject("/engine-rest/filter?resourceType=Task&name=本组织待办", List.class).get(0)).get("id");
    double[] baseline = latency("admin", "/engine-rest/engine");
    double[] filter = latency("nk_zuzhi", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
    double[] count = latency("nk_zuzhi", "/engine-rest/filter/" + filterId + "/count");
    String finished = runtime.startProcessInstanceByKey("branchErrand",
        Map.of("orgId", "rmyy-nk", "role", "organizer", "subject", "审计基准")).getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(finished).singleResult().getId());
    double[] history = latency("rmyy_jiwei", "/engine-rest/history/activity-instance?processInstanceId=" + finished);
    FIGURES.add("本组织待办 filter list p50 (100k open tasks)", "ms", filter[0], "authenticated no-op p50",
        baseline[0], "");
    FIGURES.add("本组织待办 filter list p95", "ms", filter[1], "authenticated no-op p95", baseline[1], "< 100 ms");
    FIGURES.add("本组织待办 filter count p95", "ms", count[1], "authenticated no-op p95", baseline[1], "< 100 ms");
    FIGURES.add("case history (activities) p95, 100k finished cases", "ms", history[1], "authenticated no-op p95",
        baseline[1], "< 100 ms");
    assertThat(filter[1]).isPositive();
  }

  @Test
  @Order(3)
  void monthlyDuesLedgerAgainstABareInsert() {
    String branch = "bench-dues";
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, 'rmyy', 'BRANCH', '基准党支部', false, 99)", branch);
    jdbc.update("insert into pf_person (id, name, status, org_id, on_probation_discipline)"
        + " select 'BD-' || g, '党员' || g, 'FULL_MEMBER', ?, false from generate_series(1, ?) g", branch, VOLUME);
    jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
        + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from)"
        + " select 2030, ?, 'BD-' || g, 'EMPLOYED', 6500, 0, 0, 6500, 0.015, 97.50, 97.50, '1.5%', 'APPROVED',"
        + " '2030-01' from generate_series(1, ?) g", branch, VOLUME);
    jdbc.execute("analyze");
    jdbc.execute("create table bench_bare_ledger as select * from pf_dues_ledger where false");
    long bareStart = System.nanoTime();
    int bareRows = jdbc.update("insert into bench_bare_ledger (branch_id, period, person_id, base, rate, due, paid,"
        + " voluntary, prepaid) select a.branch_id, '2030-03', a.person_id, a.base, a.rate, a.amount, 0, 0, false"
        + " from pf_dues_assessment a where a.branch_id = ? and a.assess_year = 2030", branch);
    double bare = (System.nanoTime() - bareStart) / 1e9;
    long start = System.nanoTime();
    int rows = collections.generateLedger(branch, "2030-03");
    double ours = (System.nanoTime() - start) / 1e9;
    assertThat(rows).isEqualTo(VOLUME).isEqualTo(bareRows);
    FIGURES.add("monthly dues ledger, 100k members", "s", ours, "bare INSERT ... SELECT of the same rows", bare,
        "ratio <= 2");
  }

  @Test
  @Order(4)
  void startupAndMemory() throws Exception {
    long jvmStart = System.nanoTime();
    new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).start().waitFor();
    double bareJvm = (System.nanoTime() - jvmStart) / 1e9;
    String db = ClusterDatabase.create("bench_startup");
    long start = System.nanoTime();
    try (Node node = Node.start("bench-startup", db)) {
      double seconds = (System.nanoTime() - start) / 1e9;
      FIGURES.add("startup to ready, fresh database, demo seeded", "s", seconds, "bare JVM start", bareJvm,
          "< 20 s");
      FIGURES.add("peak resident memory after startup", "MB", node.peakResidentMib(), "-Xmx", 512, "");
    }
  }

  @Test
  @Order(5)
  void report() throws Exception {
    System.out.println(FIGURES.table());
    FIGURES.write(Path.of("target", "bench", "results.json"));
  }

  private void warmUp() throws Exception {
    for (int i = 0; i < 50; i++) {
      startAndComplete("benchFloor", Map.of());
    }
  }

  private void startAndComplete(String key, Map<String, Object> variables) {
    String id = runtime.startProcessInstanceByKey(key, variables).getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
  }

  private static double perSecond(IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int base = t * PER_THREAD;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < PER_THREAD; i++) {
          work.accept(base + i);
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return 2.0 * PER_THREAD / ((System.nanoTime() - start) / 1e9);
  }

  private double[] latency(String user, String url) {
    TestRestTemplate as = http.withBasicAuth(user, "demo");
    for (int i = 0; i < 20; i++) {
      assertThat(as.getForEntity(url, String.class).getStatusCode().is2xxSuccessful()).isTrue();
    }
    long[] nanos = new long[200];
    for (int i = 0; i < nanos.length; i++) {
      long t = System.nanoTime();
      as.getForEntity(url, String.class);
      nanos[i] = System.nanoTime() - t;
    }
    return new double[] {Figures.percentile(nanos, 50), Figures.percentile(nanos, 95)};
  }

  /** Open tasks spread over a thousand groups (one of them 内科党支部's 支部委员) and finished cases, by set-based SQL. */
  private void seedVolume() {
    jdbc.update("insert into act_ru_task (id_, rev_, name_, priority_, create_time_, due_date_, suspension_state_,"
        + " task_state_) select 'bench-t' || i, 1, '基准任务' || i, 50, now(), now() + (i % 30) * interval '1 day',"
        + " 1, 'Created' from generate_series(1, ?) i", VOLUME);
    String group = "case when i % 1000 = 0 then 'rmyy-nk.member' else 'bench-g' || (i % 1000) end";
    jdbc.update("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select 'bench-l' || i, 1, "
        + group + ", 'candidate', 'bench-t' || i from generate_series(1, ?) i", VOLUME);
    jdbc.update("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
        + " select 'bench-a' || i, 1, 1, " + group + ", 7, 'bench-t' || i, 6 from generate_series(1, ?) i", VOLUME);
    jdbc.update("insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,"
        + " start_time_, end_time_, duration_, state_) select 'bench-h' || i, 'bench-h' || i, 'BK' || i,"
        + " 'benchHistory', 'bench-def', now() - interval '400 days', now() - interval '300 days', 1000,"
        + " 'COMPLETED' from generate_series(1, ?) i", VOLUME);
    jdbc.execute("analyze");
  }
}
