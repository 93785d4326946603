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
import cn.partyflow.dues.DuesProcesses;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
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
  private static final int MD_PER_THREAD = 50;
  private static final int ITEMS_PER_THREAD = 100;
  private static final int DUES_PER_THREAD = 75;
  private static final int WARM_UP = 10;
  /** The profile's volume; {@code -Dbench.volume=20000} for a quicker check of the harness itself. */
  private static final int VOLUME = Integer.getInteger("bench.volume", 100_000);
  private static final Figures FIGURES = new Figures();

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
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
    ProcedureRuns runs = new ProcedureRuns(forms, tasks, repository, jdbc, collections);
    runs.prepareApplicants(2 * MD_PER_THREAD + WARM_UP);
    runs.prepareDuesBranches(2 * DUES_PER_THREAD + WARM_UP);
    String[] cases = {runs.rectificationCase(ITEMS_PER_THREAD), runs.rectificationCase(ITEMS_PER_THREAD),
        runs.rectificationCase(WARM_UP)};
    List<List<String>> items = List.of(runs.itemExecutions(cases[0]), runs.itemExecutions(cases[1]));
    List<String> warmItems = runs.itemExecutions(cases[2]);
    for (int i = 0; i < WARM_UP; i++) {
      startAndComplete("benchFloor", Map.of());
      runs.memberDevelopment(2 * MD_PER_THREAD + i);
      runs.duesMonth(2 * DUES_PER_THREAD + i);
      runs.rectificationItem(cases[2], warmItems.get(i));
    }

    double floor = perSecond(PER_THREAD, (t, i) -> {
      startAndComplete("benchFloor", Map.of());
      return 1;
    });
    double routed = perSecond(PER_THREAD, (t, i) -> {
      startAndComplete("branchErrand", Map.of("orgId", "rmyy-nk", "role", "organizer", "subject", "基准" + i));
      return 1;
    });
    double development = perSecond(MD_PER_THREAD, (t, i) -> runs.memberDevelopment(t * MD_PER_THREAD + i));
    double rectification = perSecond(ITEMS_PER_THREAD,
        (t, i) -> runs.rectificationItem(cases[t], items.get(t).get(i)));
    double dues = perSecond(DUES_PER_THREAD, (t, i) -> runs.duesMonth(t * DUES_PER_THREAD + i));
    String floorName = "engine floor: start -> task -> complete";
    FIGURES.add("routed task completions (start, route, grant, complete)", "/s", routed, floorName, floor,
        "ratio >= 0.5");
    FIGURES.add("发展党员 user-task completions (stages 1-2, 6 forms)", "/s", development, floorName, floor,
        "ratio >= 0.5");
    FIGURES.add("巡察整改 item user-task completions (3 forms per item)", "/s", rectification, floorName, floor,
        "ratio >= 0.5");
    FIGURES.add("党费 month user-task completions (4 forms per branch)", "/s", dues, floorName, floor,
        "ratio >= 0.5");
  }

  @Test
  @Order(2)
  void queriesWithAHundredThousandOpenTasksFinishedCasesAndItems() {
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey("duesCollection")
        .processInstanceBusinessKey(DuesProcesses.collectionKey("bench-c0", ProcedureRuns.MONTH)).finished()
        .count() == 0) {
      // Run on its own (-Dit.test=PlatformBenchmark#queries...), the case page needs one finished case of its own.
      ProcedureRuns runs = new ProcedureRuns(forms, tasks, repository, jdbc, collections);
      runs.prepareDuesBranches(1);
      runs.duesMonth(0);
    }
    seedVolume();
    String filterId = (String) ((Map<?, ?>) http.withBasicAuth("nk_zuzhi", "demo")
        .getForObject("/engine-rest/filter?resourceType=Task&name=本组织待办", List.class).get(0)).get("id");
    double[] baseline = latency("admin", "/engine-rest/engine");
    double[] filter = latency("nk_zuzhi", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
    double[] count = latency("nk_zuzhi", "/engine-rest/filter/" + filterId + "/count");
    String finished = history.createHistoricProcessInstanceQuery().processDefinitionKey("duesCollection")
        .processInstanceBusinessKey(DuesProcesses.collectionKey("bench-c0", ProcedureRuns.MONTH)).finished()
        .singleResult().getId();
    double[] activities = latency("rmyy_jiwei", "/engine-rest/history/activity-instance?processInstanceId="
        + finished);
    double[] casePage = latency("rmyy_jiwei", "/audit/cases/" + finished);
    double[] search = latency("rmyy_jiwei", "/audit?procedure=duesCollection");
    double[] dashboard = latency("rmyy_shuji", "/dashboard/rectification");
    double[] officerHome = latency("nk_zuzhi", "/");
    double[] managerHome = latency("rmyy_shuji", "/");
    String noOp = "authenticated no-op p95";
    FIGURES.add("本组织待办 filter list p50 (100k open tasks)", "ms", filter[0], "authenticated no-op p50",
        baseline[0], "");
    FIGURES.add("本组织待办 filter list p95", "ms", filter[1], noOp, baseline[1], "< 100 ms");
    FIGURES.add("本组织待办 filter count p95", "ms", count[1], noOp, baseline[1], "< 100 ms");
    FIGURES.add("auditor case page /audit/cases/{id} p95 (100k finished)", "ms", casePage[1], noOp, baseline[1],
        "< 100 ms");
    FIGURES.add("case history REST (activities) p95", "ms", activities[1], noOp, baseline[1], "< 100 ms");
    FIGURES.add("auditor search /audit first page p95", "ms", search[1], noOp, baseline[1], "");
    FIGURES.add("rectification dashboard p95 (100k items visible)", "ms", dashboard[1], noOp, baseline[1],
        "< 100 ms");
    FIGURES.add("工作台 home page p95, branch officer (100k open tasks)", "ms", officerHome[1], noOp, baseline[1],
        "< 100 ms");
    FIGURES.add("工作台 home page p95, 党委书记 (100k open tasks, 100k items)", "ms", managerHome[1], noOp,
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
    // The same rows into a table of the ledger's own definition (keys, unique month row, indexes, foreign keys),
    // and into a table with none of them, for the cost of the ledger's integrity itself.
    jdbc.execute("create table bench_keyed_ledger (like pf_dues_ledger including all)");
    jdbc.execute("alter table bench_keyed_ledger add foreign key (branch_id) references pf_organization (id),"
        + " add foreign key (person_id) references pf_person (id)");
    jdbc.execute("create table bench_heap_ledger as select * from pf_dues_ledger where false");
    double heap = bareInsert("bench_heap_ledger", branch);
    double keyed = bareInsert("bench_keyed_ledger", branch);
    long start = System.nanoTime();
    int rows = collections.generateLedger(branch, "2030-03");
    double ours = (System.nanoTime() - start) / 1e9;
    assertThat(rows).isEqualTo(VOLUME);
    assertThat(jdbc.queryForObject("select count(*) from bench_keyed_ledger", Integer.class)).isEqualTo(VOLUME);
    FIGURES.add("monthly dues ledger, 100k members", "s", ours, "bare INSERT ... SELECT, same table definition",
        keyed, "ratio <= 2");
    FIGURES.add("monthly dues ledger, 100k members", "s", ours, "bare INSERT ... SELECT, no keys or indexes", heap,
        "");
  }

  private double bareInsert(String table, String branch) {
    long start = System.nanoTime();
    jdbc.update("insert into " + table + " (branch_id, period, person_id, base, rate, due, paid, voluntary, prepaid)"
        + " select a.branch_id, '2030-03', a.person_id, a.base, a.rate, a.amount, 0, 0, false"
        + " from pf_dues_assessment a where a.branch_id = ? and a.assess_year = 2030", branch);
    return (System.nanoTime() - start) / 1e9;
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
      FIGURES.add("peak heap in use during startup", "MB", node.peakHeapMib(), "-Xmx", 512, "");
      FIGURES.add("peak resident memory after startup", "MB", node.peakResidentMib(), "-Xmx", 512, "");
    }
  }

  @Test
  @Order(5)
  void report() throws Exception {
    System.out.println(FIGURES.table());
    FIGURES.write(Path.of("target", "bench", "results.json"));
  }

  private void startAndComplete(String key, Map<String, Object> variables) {
    String id = runtime.startProcessInstanceByKey(key, variables).getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
  }

  /** One unit of work by thread t: returns the user tasks it completed. */
  interface Work {
    int run(int thread, int index) throws Exception;
  }

  /** User-task completions per second with two threads, each running its units one after another. */
  private static double perSecond(int unitsPerThread, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    List<Future<Integer>> futures = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        int completed = 0;
        for (int i = 0; i < unitsPerThread; i++) {
          completed += work.run(thread, i);
        }
        return completed;
      }));
    }
    int completed = 0;
    for (Future<Integer> f : futures) {
      completed += f.get();
    }
    pool.shutdown();
    return completed / ((System.nanoTime() - start) / 1e9);
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

  /**
   * By set-based SQL: open tasks spread over a thousand groups (one of them 内科党支部's 支部委员), finished cases
   * with their history (activities, variables, tasks, details), and rectification items of 县人民医院党委's
   * organizations over a hundred cases.
   */
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
    jdbc.update("insert into act_hi_actinst (id_, proc_def_id_, proc_def_key_, proc_inst_id_, root_proc_inst_id_,"
        + " execution_id_, act_id_, act_type_, start_time_, end_time_, duration_, sequence_counter_)"
        + " select 'bench-ai' || i || '-' || k, 'bench-def', 'benchHistory', 'bench-h' || i, 'bench-h' || i,"
        + " 'bench-h' || i, 'Task_' || k, 'userTask', now() - interval '400 days', now() - interval '300 days', 1, k"
        + " from generate_series(1, ?) i, generate_series(1, 4) k", VOLUME);
    jdbc.update("insert into act_hi_taskinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
        + " execution_id_, act_inst_id_, name_, task_def_key_, assignee_, start_time_, end_time_, duration_)"
        + " select 'bench-ti' || i || '-' || k, 'benchHistory', 'bench-def', 'bench-h' || i, 'bench-h' || i,"
        + " 'bench-h' || i, 'bench-ai' || i || '-' || k, '基准任务', 'Task_' || k, 'nk_zuzhi',"
        + " now() - interval '400 days', now() - interval '300 days', 1"
        + " from generate_series(1, ?) i, generate_series(1, 2) k", VOLUME);
    jdbc.update("insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
        + " execution_id_, name_, var_type_, text_, create_time_, state_) select 'bench-vi' || i || '-' || k,"
        + " 'benchHistory', 'bench-def', 'bench-h' || i, 'bench-h' || i, 'bench-h' || i,"
        + " case k when 1 then 'orgId' else 'field' || k end, 'string', case k when 1 then 'bench-g' || (i % 1000)"
        + " else '值' || i end, now() - interval '400 days', 'CREATED'"
        + " from generate_series(1, ?) i, generate_series(1, 4) k", VOLUME);
    jdbc.update("insert into act_hi_detail (id_, type_, proc_def_key_, proc_def_id_, root_proc_inst_id_,"
        + " proc_inst_id_, execution_id_, task_id_, name_, var_inst_id_, var_type_, text_, time_, sequence_counter_)"
        + " select 'bench-d' || i || '-' || k, 'VariableUpdate', 'benchHistory', 'bench-def',"
        + " 'bench-h' || i, 'bench-h' || i, 'bench-h' || i, 'bench-ti' || i || '-1', 'field' || k,"
        + " 'bench-vi' || i || '-' || k, 'string', '值' || i, now() - interval '400 days', k"
        + " from generate_series(1, ?) i, generate_series(1, 4) k", VOLUME);

    jdbc.update("insert into pf_rectification_case (org_id, source, round_name, status, process_instance_id,"
        + " created_at) select 'rmyy', '巡察', '基准巡察' || g, '整改中', 'bench-rc' || g, now()"
        + " from generate_series(1, 100) g");
    jdbc.update("insert into pf_rectification_item (case_id, org_id, seq, problem, category, leader_user,"
        + " department, responsible_user, deadline, status, process_instance_id, updated_at)"
        + " select c.id, (array['rmyy', 'rmyy-nk', 'rmyy-wk', 'rmyy-xz1', 'rmyy-hq'])[1 + i % 5], i, '问题表现' || i,"
        + " case when i % 10 = 0 then '长期坚持' else '限期整改' end, 'rmyy_fgld', '科室' || (i % 50), 'nk_zhuren',"
        + " current_date + (i % 120 - 30), case when i % 3 = 0 then '已销号' else '推进中' end, c.process_instance_id,"
        + " now() from generate_series(1, ?) i join pf_rectification_case c"
        + " on c.process_instance_id = 'bench-rc' || (1 + i % 100)", VOLUME);
    // What autovacuum does after a load: statistics, and the visibility map that lets index-only scans skip the heap.
    jdbc.execute("vacuum analyze");
  }
}
