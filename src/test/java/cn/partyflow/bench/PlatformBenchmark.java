package cn.partyflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.EmbeddedPostgresInitializer;
import cn.partyflow.PostgresTest;
import cn.partyflow.dues.DuesCollectionService;
import cn.partyflow.dues.DuesMonthTotals;
import cn.partyflow.dues.DuesSubtreeTotals;
import cn.partyflow.reliability.ClusterDatabase;
import cn.partyflow.reliability.Node;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import cn.partyflow.dues.DuesProcesses;
import cn.partyflow.organization.IdentitySync;
import cn.partyflow.organization.PersonStageLevels;
import cn.partyflow.organization.Role;
import java.util.Arrays;
import java.util.stream.Collectors;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.rectification.RectificationCounts;
import cn.partyflow.rectification.RectificationLevels;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.KeptTables;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
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
  private static final int VOLUME = volume();
  /** {@code -Dvolume=province}: the volume spread over a province's organizations, members and dues ledger. */
  private static final boolean PROVINCE = "province".equals(System.getProperty("volume"));
  /** The province's branches, each with {@link #PROVINCE_MEMBERS} / 20,000 members. */
  private static final int PROVINCE_BRANCHES = 20_000;
  private static final int PROVINCE_MEMBERS = Integer.getInteger("bench.province.members", 4_000_000);
  /** Requests before the timed ones; a province's dashboard request takes seconds on a loaded machine. */
  private static final int WARM_UPS = Integer.getInteger("bench.warmups", 20);
  /**
   * {@code -Dbench.url.seconds=N} stops timing a URL after N seconds once {@link #MIN_SAMPLES} requests
   * ({@code -Dbench.url.min}, 20) are timed (a province's slowest pages take seconds each); unbounded by default.
   */
  private static final long URL_NANOS = Long.getLong("bench.url.seconds", Long.MAX_VALUE / 2_000_000_000L)
      * 1_000_000_000L;
  private static final int MIN_SAMPLES = Integer.getInteger("bench.url.min", 20);
  private static final int GROUPS = Math.max(1_000, VOLUME / 100);
  /** Timed requests per URL after 20 to warm up; {@code -Dbench.samples=100} halves a long run on a busy machine. */
  private static final int SAMPLES = Integer.getInteger("bench.samples", 200);
  private static final Figures FIGURES = new Figures();
  private static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail");
  /** The county of the annual report: people, and months of dues ledger ({@code -Dbench.county.months=24} is quicker). */
  private static final int COUNTY_PEOPLE = Integer.getInteger("bench.county.people", 50_000);
  private static final int COUNTY_MONTHS = Integer.getInteger("bench.county.months", 120);

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired TestRestTemplate http;
  @Autowired DuesCollectionService collections;
  @Autowired DuesMonthTotals totals;
  @Autowired ManagementService management;
  @Autowired IdentitySync identitySync;
  @Autowired RectificationCounts counts;
  @Autowired PersonStageLevels stageLevels;
  @Autowired RectificationLevels rectificationLevels;
  @Autowired DuesSubtreeTotals duesLevels;

  /**
   * {@code -Dbench.volume=300000} sets the open tasks, finished cases and rectification items; {@code -Dvolume=province}
   * is the provincial million of each.
   */
  private static int volume() {
    if ("province".equals(System.getProperty("volume"))) {
      return Integer.getInteger("bench.volume", 1_000_000);
    }
    return Integer.getInteger("bench.volume", 100_000);
  }

  private static String volumeLabel() {
    return VOLUME % 1000 == 0 ? (VOLUME / 1000) + "k" : String.valueOf(VOLUME);
  }

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
    // The case page needs one finished dues month. Run on its own (-Dit.test=PlatformBenchmark#queries...), or on a
    // kept database whose history cleanup has removed it, one more branch makes one.
    String caseBranch = "bench-c0";
    if (finishedDuesMonth(caseBranch) == null) {
      int next = jdbc.queryForObject("select count(*) from pf_organization where id like 'bench-c%'", Integer.class);
      ProcedureRuns runs = new ProcedureRuns(forms, tasks, repository, jdbc, collections);
      runs.prepareDuesBranches(next, 1);
      runs.duesMonth(next);
      caseBranch = "bench-c" + next;
    }
    seedVolume();
    countedOverTheTree();
    // At the provincial volume the officer is a province branch's, the manager the province's (every item visible).
    String officer = PROVINCE ? "pvb1_zuzhi" : "nk_zuzhi";
    String manager = PROVINCE ? "pv_shuji" : "rmyy_shuji";
    String filterId = (String) ((Map<?, ?>) http.withBasicAuth(officer, "demo")
        .getForObject("/engine-rest/filter?resourceType=Task&name=本组织待办", List.class).get(0)).get("id");
    double[] baseline = latency("admin", "/engine-rest/engine");
    double[] filter = latency(officer, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15");
    double[] count = latency(officer, "/engine-rest/filter/" + filterId + "/count");
    String finished = finishedDuesMonth(caseBranch);
    double[] activities = latency("rmyy_jiwei", "/engine-rest/history/activity-instance?processInstanceId="
        + finished);
    double[] casePage = latency("rmyy_jiwei", "/audit/cases/" + finished);
    double[] search = latency("rmyy_jiwei", "/audit?procedure=duesCollection");
    double[] dashboard = latency(manager, "/dashboard/rectification");
    double[] branchDashboard = latency(manager, "/dashboard/rectification?org=" + (PROVINCE ? "pvc1" : "rmyy-nk"));
    double[] officerHome = latency(officer, "/");
    double[] managerHome = latency(manager, "/");
    String noOp = "authenticated no-op p95";
    String v = volumeLabel();
    FIGURES.add("本组织待办 filter list p50 (" + v + " open tasks)", "ms", filter[0], "authenticated no-op p50",
        baseline[0], "");
    FIGURES.add("本组织待办 filter list p95", "ms", filter[1], noOp, baseline[1], "< 100 ms");
    FIGURES.add("本组织待办 filter count p95", "ms", count[1], noOp, baseline[1], "< 100 ms");
    FIGURES.add("auditor case page /audit/cases/{id} p95 (" + v + " finished)", "ms", casePage[1], noOp, baseline[1],
        "< 100 ms");
    FIGURES.add("case history REST (activities) p95", "ms", activities[1], noOp, baseline[1], "< 100 ms");
    FIGURES.add("auditor search /audit first page p95", "ms", search[1], noOp, baseline[1], "");
    FIGURES.add("rectification dashboard p95 (" + v + " items visible)", "ms", dashboard[1], noOp, baseline[1],
        "< 100 ms");
    // The dashboard's organization filter selects that organization's own items (a 党委's, not its branches').
    FIGURES.add(PROVINCE ? "rectification dashboard p95, filtered to one 党委"
        : "rectification dashboard p95, one branch (" + VOLUME / 5 / 1000 + "k items)", "ms",
        branchDashboard[1], noOp, baseline[1], "< 100 ms");
    FIGURES.add("工作台 home page p95, branch officer (" + v + " open tasks)", "ms", officerHome[1], noOp, baseline[1],
        "< 100 ms");
    FIGURES.add("工作台 home page p95, " + (PROVINCE ? "省 manager" : "党委书记") + " (" + v + " open tasks, " + v
        + " items)", "ms", managerHome[1], noOp, baseline[1], "< 100 ms");
    if (PROVINCE) {
      measured("rectification dashboard p95, one branch of the province", "pv_shuji",
          "/dashboard/rectification?org=pvb1", baseline);
      measured("工作台 home page p95, 党委书记 of one 党委 (50 branches)", "pvc1_shuji", "/", baseline);
      measured("rectification dashboard p95, 党委书记 of one 党委", "pvc1_shuji", "/dashboard/rectification", baseline);
      measured("auditor search /audit first page p95, province auditor (" + v + " finished)", "pv_jiwei",
          "/audit?procedure=benchHistory", baseline);
      // A city: 1,021 organizations, one in twenty of the province and of its finished cases.
      measured("auditor search /audit first page p95, city auditor (1,021 organizations)", "pvs1_jiwei",
          "/audit?procedure=benchHistory", baseline);
      // Tasklist as the leaders open it: the engine's own queries, with every group of the user in their checks.
      // A province's 书记 is not offered 本单位全部待办 (his unit's tasks are the 党委s'); 已逾期 reads every task he
      // may read.
      String mine = filterId("pv_shuji", "我的待办");
      String overdue = filterId("pv_shuji", "已逾期");
      String unit = filterId("pvc1_shuji", "本单位全部待办");
      measured("Tasklist 我的待办 list p95, province's 书记", "pv_shuji",
          "/engine-rest/filter/" + mine + "/list?firstResult=0&maxResults=15", baseline);
      measured("Tasklist 本单位全部待办 list p95, 书记 of one 党委 (50 branches)", "pvc1_shuji",
          "/engine-rest/filter/" + unit + "/list?firstResult=0&maxResults=15", baseline);
      measured("Tasklist 已逾期 list p95, province's 书记", "pv_shuji",
          "/engine-rest/filter/" + overdue + "/list?firstResult=0&maxResults=15", baseline);
      measured("Tasklist 已逾期 list p95, branch officer", "pvb1_zuzhi",
          "/engine-rest/filter/" + overdue + "/list?firstResult=0&maxResults=15", baseline);
    }
    FIGURES.add("database size after the volume seed", "MB", jdbc.queryForObject(
        "select pg_database_size(current_database())", Long.class) / 1048576.0, "", 0, "");
    assertThat(filter[1]).isPositive();
  }

  @Test
  @Order(3)
  void annualReportOfACountyWithTenYearsOfRecords() {
    int year = ChinaClock.today().getYear() - 1;
    seedCounty(year);
    String query = "orgId=wjj&year=" + year;
    // Each request reads the whole county, so fewer rounds than the lists: 3 to warm up, 20 timed.
    double[] baseline = latency("wjj_shuji", "/engine-rest/engine", 3, 20);
    double[] page = latency("wjj_shuji", "/reports?" + query, 3, 20);
    double[] docx = latency("wjj_shuji", "/reports/annual.docx?" + query, 3, 20);
    String noOp = "authenticated no-op p95";
    String people = String.format("%,d", COUNTY_PEOPLE);
    FIGURES.add("统计 /reports of a county, a year (" + people + " people, 10 years) p95", "ms", page[1], noOp,
        baseline[1], "< 2000 ms");
    FIGURES.add("annual data report DOCX of a county p95", "ms", docx[1], noOp, baseline[1], "< 2000 ms");
  }

  /**
   * A county under 县卫生健康局党组 ({@code wjj}) of ten 党委 with ten branches each: {@link #COUNTY_PEOPLE} people
   * with the stage dates of their status; a finished 发展党员 case with its history (the process instance, twelve
   * variables, twelve recorded updates, an extension in one case of twenty, a cancellation in one of fifty) for
   * every second person admitted in the ten years up to {@code year}; three rectification cases a year per 党委 with
   * twenty items each and their closing, return and 约谈 records; and the dues ledger of every member for
   * {@link #COUNTY_MONTHS} months up to December of {@code year}, with each branch's confirmed remittance.
   */
  private void seedCounty(int year) {
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select 'bc' || k, 'wjj', 'COMMITTEE', '基准县属党委' || k, true, 100 + k from generate_series(1, 10) k");
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select 'bc' || k || '-' || j, 'bc' || k, 'BRANCH', '基准县属党委' || k || '第' || j || '支部', false, j"
        + " from generate_series(1, 10) k, generate_series(1, 10) j");
    // Status by g % 50: 40 in 50 正式党员 (admitted over the ten years and before), then 预备党员, 发展对象, 积极分子,
    // 申请人 of the last two years; the dates of each stage reached.
    String start = "make_date(" + (year - 12) + ", 1, 1) + (g * 37 % 3650)";
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, application_date,"
        + " activist_date, target_date, admission_date, full_member_date, on_probation_discipline)"
        + " select 'BC-' || g, '县属党员' || g, case when g % 5 < 2 then '女' else '男' end,"
        + " date '1960-01-01' + g % 14000, s, 'bc' || (1 + g % 10) || '-' || (1 + g / 10 % 10), a,"
        + " case when s in ('APPLICANT') then null else a + 180 end,"
        + " case when s in ('APPLICANT', 'ACTIVIST') then null else a + 540 end,"
        + " case when s in ('FULL_MEMBER', 'PROBATIONARY') then a + 720 end,"
        + " case when s = 'FULL_MEMBER' then a + 1085 end, false"
        + " from (select g, case when g % 50 < 40 then 'FULL_MEMBER' when g % 50 < 42 then 'PROBATIONARY'"
        + " when g % 50 < 44 then 'TARGET' when g % 50 < 47 then 'ACTIVIST' else 'APPLICANT' end as s,"
        + " case when g % 50 < 40 then " + start + " when g % 50 < 44 then make_date(" + (year - 2) + ", 1, 1)"
        + " + g % 365 else make_date(" + (year - 1) + ", 1, 1) + g % 365 end as a"
        + " from generate_series(1, ?) g) p", COUNTY_PEOPLE);

    String window = "p.admission_date between make_date(" + (year - 9) + ", 1, 1) and make_date(" + year
        + ", 12, 31) and p.id like 'BC-%' and substr(p.id, 4)::int % 2 = 0";
    jdbc.update("insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,"
        + " start_time_, end_time_, duration_, end_act_id_, state_) select 'bcm-' || p.id, 'bcm-' || p.id, p.id,"
        + " 'memberDevelopment', 'memberDevelopment:bench', p.application_date, coalesce(p.full_member_date,"
        + " p.admission_date + 365), 1000, case when substr(p.id, 4)::int % 100 = 0 then '"
        + "EndEvent_Cancelled' else 'EndEvent_Converted' end, 'COMPLETED' from pf_person p where "
        + window);
    jdbc.update("insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
        + " execution_id_, name_, var_type_, text_, create_time_, state_) select h.id_ || '-v' || k,"
        + " 'memberDevelopment', 'memberDevelopment:bench', h.id_, h.id_, h.id_, case k when 1 then 'orgId' when 2"
        + " then 'conversionApprovalDate' when 3 then 'applicantId' when 4 then 'applicantName' else 'field' || k"
        + " end, 'string', case k when 1 then p.org_id when 2 then to_char(h.end_time_, 'YYYY-MM-DD') when 3 then"
        + " p.id when 4 then p.name else '值' || k end, h.start_time_, 'COMPLETED'"
        + " from act_hi_procinst h join pf_person p on p.id = h.business_key_, generate_series(1, 12) k"
        + " where h.id_ like 'bcm-%'");
    jdbc.update("insert into act_hi_detail (id_, type_, proc_def_key_, proc_def_id_, root_proc_inst_id_,"
        + " proc_inst_id_, execution_id_, name_, var_inst_id_, var_type_, long_, text_, time_, sequence_counter_)"
        + " select h.id_ || '-d' || k, 'VariableUpdate', 'memberDevelopment', 'memberDevelopment:bench', h.id_,"
        + " h.id_, h.id_, case k when 1 then 'extended' else 'field' || k end, h.id_ || '-v' || k,"
        + " case k when 1 then 'boolean' else 'string' end, case when k = 1 and substr(h.business_key_, 4)::int % 40"
        + " = 0 then 1 when k = 1 then 0 end, case when k > 1 then '值' || k end,"
        + " case k when 1 then h.end_time_ - interval '60 days' else h.start_time_ + k * interval '30 days' end, k"
        + " from act_hi_procinst h, generate_series(1, 12) k where h.id_ like 'bcm-%'");

    String sources = "(array['巡察', '民主生活会', '组织生活会', '述职评议'])[1 + (k + y) % 4]";
    jdbc.update("insert into pf_rectification_case (org_id, source, round_name, feedback_date, status,"
        + " process_instance_id, created_at) select 'bc' || k, " + sources + ", '基准' || y || '年第' || r || '轮',"
        + " make_date(y, 1 + r * 3, 15), '已完成', 'bench-cc-' || k || '-' || y || '-' || r,"
        + " make_date(y, 1 + r * 3, 1) from generate_series(1, 10) k, generate_series(" + (year - 9) + ", " + year
        + ") y, generate_series(1, 3) r");
    jdbc.update("insert into pf_rectification_item (case_id, org_id, seq, problem, category, leader_user,"
        + " department, responsible_user, deadline, status, process_instance_id, closed_at, updated_at)"
        + " select c.id, c.org_id, n, '问题表现' || n, case when n % 10 = 0 then '长期坚持' else '限期整改' end,"
        + " 'rmyy_fgld', '科室' || (n % 8), 'nk_zhuren', c.feedback_date + 60 + n % 30,"
        + " case when n % 25 = 0 then '推进中' else '已销号' end, c.process_instance_id || '-' || n,"
        + " case when n % 25 <> 0 then c.feedback_date + 50 + n % 40 end, c.created_at"
        + " from pf_rectification_case c, generate_series(1, 20) n where c.process_instance_id like 'bench-cc-%'");
    jdbc.update("insert into pf_rectification_event (item_id, kind, actor, detail, occurred_at)"
        + " select i.id, e.kind, 'rmyy_fgld', e.detail, coalesce(i.closed_at, i.updated_at) - e.back * interval '1 day'"
        + " from pf_rectification_item i join pf_rectification_case c on c.id = i.case_id"
        + " cross join lateral (values ('" + Rectification.EVENT_CLOSED + "', '" + Rectification.ACCEPTANCE_RECORD
        + "县委巡察办）', 0, i.closed_at is not null), ('" + Rectification.EVENT_RETURNED + "', '材料不全', 10,"
        + " i.seq % 5 = 0), ('" + Rectification.EVENT_ACCOUNTABILITY + "', '约谈责任人', 20, i.seq % 20 = 0),"
        + " ('progress', '已推进', 30, true)) e (kind, detail, back, present)"
        + " where e.present and c.process_instance_id like 'bench-cc-%'");

    jdbc.update("insert into pf_dues_ledger (branch_id, period, person_id, base, rate, due, paid, voluntary,"
        + " paid_date, method, prepaid) select p.org_id, to_char(make_date(" + year + ", 12, 1) - m * interval"
        + " '1 month', 'YYYY-MM'), p.id, 6500, 0.015, 97.50, case when (m + substr(p.id, 4)::int) % 30 = 0 then 0"
        + " else 97.50 end, 0, make_date(" + year + ", 12, 10) - m * interval '1 month', '现金', false"
        + " from pf_person p, generate_series(0, ?) m where p.id like 'BC-%'"
        + " and p.status in ('FULL_MEMBER', 'PROBATIONARY')", COUNTY_MONTHS - 1);
    // The home's month totals are kept by the code that writes the ledger, its pipeline per level by the import
    // and the cases; a SQL seed counts them anew.
    totals.rebuild();
    stageLevels.rebuild();
    jdbc.update("insert into pf_dues_remittance (branch_id, committee_id, period, amount, sent_date,"
        + " confirmed_amount, confirmed_date, status) select o.id, o.parent_id, to_char(make_date(" + year
        + ", 12, 1) - m * interval '1 month', 'YYYY-MM'), 40000, make_date(" + year + ", 12, 20) - m * interval"
        + " '1 month', 40000, make_date(" + year + ", 12, 25) - m * interval '1 month', 'CONFIRMED'"
        + " from pf_organization o, generate_series(0, ?) m where o.id like 'bc%-%'", COUNTY_MONTHS - 1);
    jdbc.execute("vacuum analyze");
  }

  @Test
  @Order(4)
  void monthlyDuesLedgerAgainstABareInsert() {
    if (PROVINCE) {
      provinceLedger();
      return;
    }
    String branch = "bench-dues";
    if (absent("select count(*) from pf_organization where id = 'bench-dues'")) {
      jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
          + " values (?, 'rmyy', 'BRANCH', '基准党支部', false, 99)", branch);
      jdbc.update("insert into pf_person (id, name, status, org_id, on_probation_discipline)"
          + " select 'BD-' || g, '党员' || g, 'FULL_MEMBER', ?, false from generate_series(1, ?) g", branch, VOLUME);
      jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
          + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from)"
          + " select 2030, ?, 'BD-' || g, 'EMPLOYED', 6500, 0, 0, 6500, 0.015, 97.50, 97.50, '1.5%', 'APPROVED',"
          + " '2030-01' from generate_series(1, ?) g", branch, VOLUME);
    }
    // A kept database (-Dbench.pgdata) holds the last run's month and tables.
    jdbc.update("delete from pf_dues_ledger where branch_id = ? and period = '2030-03'", branch);
    jdbc.update("delete from pf_dues_month_total where branch_id = ? and period = '2030-03'", branch);
    duesLevels.rebuild();
    jdbc.execute("drop table if exists bench_keyed_ledger, bench_heap_ledger");
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
    String members = volumeLabel() + " members";
    FIGURES.add("monthly dues ledger, " + members, "s", ours, "bare INSERT ... SELECT, same table definition",
        keyed, "ratio <= 2");
    FIGURES.add("monthly dues ledger, " + members, "s", ours, "bare INSERT ... SELECT, no keys or indexes", heap,
        "");
  }

  /**
   * The month of every member of the province. The application makes a branch's month when its collection starts
   * ({@link DuesCollectionService#generateLedger}, one branch at a time, as the calendar duty starts one collection
   * case per branch), so the figure is that call for each of the 20,000 branches one after another, summed; the
   * baseline is one {@code INSERT ... SELECT} of the same 4,000,000 rows into a table of the ledger's definition.
   * {@code -Dbench.ledger.minutes} (20) bounds the branch loop; past it the figure is extrapolated from the branches
   * done, and its name says so.
   */
  private void provinceLedger() {
    String period = "2030-03";
    jdbc.update("delete from pf_dues_ledger where period = ? and branch_id like 'pvb%'", period);
    jdbc.update("delete from pf_dues_month_total where period = ? and branch_id like 'pvb%'", period);
    // Totals deleted around DuesMonthTotals: their sums per subtree are counted anew, or the month counts twice.
    duesLevels.rebuild();
    jdbc.execute("drop table if exists bench_keyed_ledger, bench_heap_ledger");
    jdbc.execute("vacuum analyze pf_dues_ledger");
    jdbc.execute("create table bench_keyed_ledger (like pf_dues_ledger including all)");
    jdbc.execute("alter table bench_keyed_ledger add foreign key (branch_id) references pf_organization (id),"
        + " add foreign key (person_id) references pf_person (id)");
    jdbc.execute("create table bench_heap_ledger as select * from pf_dues_ledger where false");
    String select = " (branch_id, period, person_id, base, rate, due, paid, voluntary, prepaid)"
        + " select a.branch_id, '" + period + "', a.person_id, a.base, a.rate, a.amount, 0, 0, false"
        + " from pf_dues_assessment a where a.branch_id like 'pvb%' and a.assess_year = 2030";
    long start = System.nanoTime();
    int heapRows = jdbc.update("insert into bench_heap_ledger" + select);
    double heap = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    int keyedRows = jdbc.update("insert into bench_keyed_ledger" + select);
    double keyed = (System.nanoTime() - start) / 1e9;
    System.out.printf("bare inserts of %,d rows: %.1f s unkeyed, %.1f s keyed%n", heapRows, heap, keyed);
    long limit = Long.getLong("bench.ledger.minutes", 20) * 60_000_000_000L;
    long rows = 0;
    int branches = 0;
    start = System.nanoTime();
    while (branches < PROVINCE_BRANCHES && System.nanoTime() - start < limit) {
      rows += collections.generateLedger("pvb" + (++branches), period);
      if (branches % 1000 == 0) {
        System.out.printf("ledger: %d branches, %,d rows, %.1f s%n", branches, rows, (System.nanoTime() - start) / 1e9);
      }
    }
    double ours = (System.nanoTime() - start) / 1e9 * PROVINCE_BRANCHES / branches;
    assertThat(keyedRows).isEqualTo(PROVINCE_MEMBERS);
    if (branches == PROVINCE_BRANCHES) {
      assertThat(rows).isEqualTo(PROVINCE_MEMBERS);
    }
    String members = String.format("%,d members, %,d branches", PROVINCE_MEMBERS, PROVINCE_BRANCHES)
        + (branches < PROVINCE_BRANCHES ? String.format(" (extrapolated from %,d)", branches) : "");
    FIGURES.add("monthly dues ledger, " + members, "s", ours, "bare INSERT ... SELECT, same table definition",
        keyed, "ratio <= 2");
    FIGURES.add("monthly dues ledger, " + members, "s", ours, "bare INSERT ... SELECT, no keys or indexes", heap,
        "");
  }

  private double bareInsert(String table, String branch) {
    long start = System.nanoTime();
    jdbc.update("insert into " + table + " (branch_id, period, person_id, base, rate, due, paid, voluntary, prepaid)"
        + " select a.branch_id, '2030-03', a.person_id, a.base, a.rate, a.amount, 0, 0, false"
        + " from pf_dues_assessment a where a.branch_id = ? and a.assess_year = 2030", branch);
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The engine's history cleanup (removal-time strategy, its default batch of 500) over the finished cases of the
   * volume seed, all due for removal: cases removed per minute in one minute of cleanup jobs run back to back.
   */
  @Test
  @Order(5)
  void historyCleanupThroughput() {
    long seeded = historyRows("act_hi_procinst");
    if (seeded == 0) {
      return;
    }
    for (String table : HISTORY_TABLES) {
      jdbc.update("update " + table + " set removal_time_ = now() - interval '1 day' where proc_inst_id_ like"
          + " 'bench-h%'");
    }
    jdbc.execute("vacuum analyze " + String.join(", ", HISTORY_TABLES));
    Map<String, Long> before = new LinkedHashMap<>();
    HISTORY_TABLES.forEach(t -> before.put(t, historyRows(t)));
    String due = HISTORY_TABLES.stream().map(t -> "exists (select 1 from " + t + " where removal_time_ < now())")
        .collect(Collectors.joining(" or "));
    String jobId = history.cleanUpHistoryAsync(true).getId();
    long start = System.nanoTime();
    while (System.nanoTime() - start < 60_000_000_000L) {
      management.executeJob(jobId);
      if (!jdbc.queryForObject("select " + due, Boolean.class)) {
        break;
      }
    }
    double minutes = (System.nanoTime() - start) / 60e9;
    // Each run of the job removes a batch from every table, so a case is wholly gone only when its rows in every
    // table are: the table with the most rows per case sets the pace.
    double cases = Double.MAX_VALUE;
    for (String table : HISTORY_TABLES) {
      long removed = before.get(table) - historyRows(table);
      System.out.printf("history cleanup: %s %,d of %,d rows removed%n", table, removed, before.get(table));
      cases = Math.min(cases, removed * (double) seeded / before.get(table));
    }
    long left = historyRows("act_hi_procinst");
    FIGURES.add("history cleanup, process instances removed per minute", "/min", (seeded - left) / minutes,
        "finished cases seeded", seeded, "");
    FIGURES.add("history cleanup, cases wholly removed per minute (all five tables)", "/min", cases / minutes,
        "finished cases seeded", seeded, "");
  }

  private long historyRows(String table) {
    return jdbc.queryForObject("select count(*) from " + table + " where proc_inst_id_ like 'bench-h%'", Long.class);
  }

  @Test
  @Order(6)
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
    if (PROVINCE) {
      // A node joining the provincial database: the registry, its groups and memberships read and synced at start.
      String province = System.getProperty("bench.jdbc");
      long provinceStart = System.nanoTime();
      try (Node node = Node.start("bench-startup-province", province == null || province.isBlank()
          ? EmbeddedPostgresInitializer.postgres().getJdbcUrl("postgres", "postgres") : province)) {
        double seconds = (System.nanoTime() - provinceStart) / 1e9;
        FIGURES.add(String.format("startup to ready, provincial database (%,d members)", PROVINCE_MEMBERS), "s", seconds,
            "bare JVM start", bareJvm, "< 20 s");
        FIGURES.add("peak heap in use during startup, provincial database", "MB", node.peakHeapMib(), "-Xmx", 512,
            "");
      }
    }
  }

  @Test
  @Order(7)
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
    return latency(user, url, WARM_UPS, SAMPLES);
  }

  private double[] latency(String user, String url, int warmUp, int samples) {
    TestRestTemplate as = http.withBasicAuth(user, "demo");
    for (int i = 0; i < warmUp; i++) {
      assertThat(as.getForEntity(url, byte[].class).getStatusCode().is2xxSuccessful()).as(url).isTrue();
    }
    long[] nanos = new long[samples];
    long start = System.nanoTime();
    int taken = 0;
    while (taken < nanos.length && (taken < MIN_SAMPLES || System.nanoTime() - start < URL_NANOS)) {
      long t = System.nanoTime();
      as.getForEntity(url, byte[].class);
      nanos[taken++] = System.nanoTime() - t;
    }
    long[] timed = Arrays.copyOf(nanos, taken);
    double[] result = {Figures.percentile(timed, 50), Figures.percentile(timed, 95)};
    System.out.printf("latency %s %s: p50 %.1f ms, p95 %.1f ms over %d requests, load %.2f%n", user, url,
        result[0], result[1], taken, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return result;
  }


  /** A provincial figure of its own: a failed request is reported beside the figures, not a failed run. */
  /** The finished dues month of a benchmark branch, or null. */
  private String finishedDuesMonth(String branch) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey("duesCollection")
        .processInstanceBusinessKey(DuesProcesses.collectionKey(branch, ProcedureRuns.MONTH)).finished().list()
        .stream().map(h -> h.getId()).findFirst().orElse(null);
  }

  private String filterId(String user, String name) {
    return (String) ((Map<?, ?>) http.withBasicAuth(user, "demo")
        .getForObject("/engine-rest/filter?resourceType=Task&name=" + name, List.class).get(0)).get("id");
  }

  private void measured(String name, String user, String url, double[] baseline) {
    try {
      FIGURES.add(name, "ms", latency(user, url)[1], "authenticated no-op p95", baseline[1], "< 100 ms");
    } catch (AssertionError | RuntimeException e) {
      System.out.println("not measured: " + name + ": " + e.getMessage());
    }
  }

  /**
   * The figures kept per subtree counted anew where organizations written by SQL (the case branch above, a seed) have
   * left them behind the tree, as the import would: else a large scope's home sums its organizations' figures
   * instead of reading them, and the figure measures that fallback.
   */
  private void countedOverTheTree() {
    Map<String, Runnable> kept = new LinkedHashMap<>();
    kept.put("pf_person_stage_level", stageLevels::rebuild);
    kept.put("pf_rectification_level", rectificationLevels::rebuild);
    kept.put("pf_dues_level", duesLevels::rebuild);
    kept.forEach((table, rebuild) -> {
      if (KeptTables.postgres(jdbc) && !KeptTables.overCurrentTree(jdbc, table)) {
        timed(table + " counted anew over the tree", rebuild);
      }
    });
  }

  private boolean absent(String sql) {
    return jdbc.queryForObject(sql, Long.class) == 0;
  }

  /**
   * By set-based SQL: open tasks spread over a thousand groups (one of them 内科党支部's 支部委员), finished cases
   * with their history (activities, variables, tasks, details), and rectification items of 县人民医院党委's
   * organizations over a hundred cases. At the provincial volume: the province first (see {@link #seedProvince()}),
   * the groups its branches' 支部委员 and the items spread over its 党委 and branches. Each part is seeded only when
   * it is not there, so a database kept with {@code -Dbench.pgdata} is measured again without a seed (history
   * cleanup removes the finished cases, which the next run seeds again).
   */
  private void seedVolume() {
    boolean seeded = false;
    if (PROVINCE && absent("select count(*) from pf_organization where id = 'pv'")) {
      timed("province: organizations, members, assessments, users", this::seedProvince);
      // The pipeline per level is kept by the import and the cases; a SQL seed of the tree and people counts anew.
      timed("pipeline counts per level", stageLevels::rebuild);
      seeded = true;
    }
    if (PROVINCE && absent("select count(*) from pf_person where id = 'PVS-JW'")) {
      timed("a city's auditor", this::seedCityAuditor);
    }
    if (absent("select count(*) from act_ru_task where id_ = 'bench-t1'")) {
      timed("open tasks", this::seedTasks);
      seeded = true;
    }
    if (PROVINCE && absent("select count(*) from act_ru_authorization where id_ = 'bench-u1'")) {
      timed("unit leaders' read grants on the open tasks", this::seedUnitGrants);
      seeded = true;
    }
    if (absent("select count(*) from act_hi_procinst where id_ = 'bench-h1'")) {
      timed("finished cases", this::seedHistory);
      seeded = true;
    }
    if (absent("select count(*) from pf_rectification_case where process_instance_id = 'bench-rc1'")) {
      timed("rectification items", this::seedItems);
      // The dashboard's and the home's counts are kept by the code that writes items; a SQL seed recounts them.
      timed("rectification counts", counts::rebuild);
      seeded = true;
    }
    if (seeded) {
      // What autovacuum does after a load: statistics, and the visibility map that lets index-only scans skip the
      // heap.
      timed("vacuum analyze", () -> jdbc.execute("vacuum analyze"));
    }
  }

  private static void timed(String what, Runnable step) {
    long start = System.nanoTime();
    step.run();
    System.out.printf("seeded %s in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
  }

  private void seedTasks() {
    jdbc.update("insert into act_ru_task (id_, rev_, name_, priority_, create_time_, due_date_, suspension_state_,"
        + " task_state_) select 'bench-t' || i, 1, '基准任务' || i, 50, now(), now() + (i % 30) * interval '1 day',"
        + " 1, 'Created' from generate_series(1, ?) i", VOLUME);
    // A group per hundred tasks (1,000 at 100,000, 10,000 at a province's million): every officer's own group
    // holds about a hundred of them at any volume.
    String group = "case when i % " + GROUPS + " = 0 then 'rmyy-nk.member' else "
        + (PROVINCE ? "'pvb' || (i % " + GROUPS + ") || '.member'" : "'bench-g' || (i % " + GROUPS + ")") + " end";
    jdbc.update("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select 'bench-l' || i, 1, "
        + group + ", 'candidate', 'bench-t' || i from generate_series(1, ?) i", VOLUME);
    jdbc.update("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
        + " select 'bench-a' || i, 1, 1, " + group + ", 7, 'bench-t' || i, 6 from generate_series(1, ?) i", VOLUME);
  }

  /**
   * What {@code CaseAccessPlugin} grants each task of a case: READ to the 书记 of its unit, the 党委 above the branch
   * whose 党员 group is the task's candidate.
   */
  private void seedUnitGrants() {
    jdbc.update("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)"
        + " select 'bench-u' || i, 1, 1, 'pvc' || (1 + (i % " + GROUPS + " - 1) / 50) || '.secretary', 7,"
        + " 'bench-t' || i, 2 from generate_series(1, ?) i where i % " + GROUPS + " <> 0", VOLUME);
  }

  private void seedHistory() {
    // History cleanup removes the process instances before the rest of their rows: what it left goes first.
    for (String table : HISTORY_TABLES) {
      jdbc.update("delete from " + table + " where proc_inst_id_ like 'bench-h%'");
    }
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
        + " case k when 1 then 'orgId' else 'field' || k end, 'string', case k when 1 then "
        + (PROVINCE ? "'pvb' || (1 + i % " + PROVINCE_BRANCHES + ")" : "'bench-g' || (i % 1000)")
        + " else '值' || i end, now() - interval '400 days', 'CREATED'"
        + " from generate_series(1, ?) i, generate_series(1, 4) k", VOLUME);
    jdbc.update("insert into act_hi_detail (id_, type_, proc_def_key_, proc_def_id_, root_proc_inst_id_,"
        + " proc_inst_id_, execution_id_, task_id_, name_, var_inst_id_, var_type_, text_, time_, sequence_counter_)"
        + " select 'bench-d' || i || '-' || k, 'VariableUpdate', 'benchHistory', 'bench-def',"
        + " 'bench-h' || i, 'bench-h' || i, 'bench-h' || i, 'bench-ti' || i || '-1', 'field' || k,"
        + " 'bench-vi' || i || '-' || k, 'string', '值' || i, now() - interval '400 days', k"
        + " from generate_series(1, ?) i, generate_series(1, 4) k", VOLUME);
  }

  private void seedItems() {
    if (PROVINCE) {
      seedProvinceItems();
      return;
    }
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
  }

  /** A case per 党委 of the province, its items six in seven at one of its 50 branches and one in seven at itself. */
  private void seedProvinceItems() {
    jdbc.update("insert into pf_rectification_case (org_id, source, round_name, status, process_instance_id,"
        + " created_at) select 'pvc' || g, '巡察', '基准巡察' || g, '整改中', 'bench-rc' || g, now()"
        + " from generate_series(1, 400) g");
    jdbc.update("insert into pf_rectification_item (case_id, org_id, seq, problem, category, leader_user,"
        + " department, responsible_user, deadline, status, process_instance_id, updated_at)"
        + " select c.id, case when i % 7 = 0 then c.org_id else 'pvb' || ((i % 400) * 50 + 1 + (i / 400) % 50)"
        + " end, i, '问题表现' || i, case when i % 10 = 0 then '长期坚持' else '限期整改' end, 'rmyy_fgld',"
        + " '科室' || (i % 50), 'nk_zhuren', current_date + (i % 120 - 30),"
        + " case when i % 3 = 0 then '已销号' else '推进中' end, c.process_instance_id, now()"
        + " from generate_series(1, ?) i join pf_rectification_case c"
        + " on c.process_instance_id = 'bench-rc' || (1 + i % 400)", VOLUME);
  }

  /**
   * A province: its 党组 ({@code pv}), 20 city 党组 ({@code pvs1..20}), 400 党委 ({@code pvc1..400}, 20 a city) and
   * 20,000 branches ({@code pvb1..20000}, 50 a 党委) with {@link #PROVINCE_MEMBERS} members (one in twenty 预备党员)
   * and their approved dues for 2030; the Camunda groups an import derives for each organization (by SQL, as the
   * registry's import would make them one by one); and the users: the province's 书记 {@code pv_shuji} and 纪委
   * {@code pv_jiwei}, the 书记 of 党委 pvc1 {@code pvc1_shuji} and the 组织委员 and 支部委员 of branch pvb1
   * {@code pvb1_zuzhi}, made by the application's own identity sync.
   */
  private void seedProvince() {
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values ('pv', null, 'PARTY_GROUP', '基准省党组', false, 900)");
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select 'pvs' || s, 'pv', 'PARTY_GROUP', '基准市' || s || '党组', false, s from generate_series(1, 20) s");
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select 'pvc' || c, 'pvs' || (1 + (c - 1) / 20), 'COMMITTEE', '基准党委' || c, true, c"
        + " from generate_series(1, 400) c");
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select 'pvb' || b, 'pvc' || (1 + (b - 1) / 50), 'BRANCH', '基准党委' || (1 + (b - 1) / 50) || '第'"
        + " || (1 + (b - 1) % 50) || '支部', false, b from generate_series(1, ?) b", PROVINCE_BRANCHES);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, admission_date,"
        + " full_member_date, on_probation_discipline) select 'PM' || g, '省党员' || g,"
        + " case when g % 5 < 2 then '女' else '男' end, date '1960-01-01' + g % 14000,"
        + " case when g % 20 = 0 then 'PROBATIONARY' else 'FULL_MEMBER' end, 'pvb' || (1 + g % ?),"
        + " date '2000-01-01' + g % 9000, case when g % 20 <> 0 then date '2001-01-01' + g % 9000 end, false"
        + " from generate_series(1, ?) g", PROVINCE_BRANCHES, PROVINCE_MEMBERS);
    jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
        + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from)"
        + " select 2030, p.org_id, p.id, 'EMPLOYED', 6500, 0, 0, 6500, 0.015, 97.50, 97.50, '1.5%', 'APPROVED',"
        + " '2030-01' from pf_person p where p.id like 'PM%'");

    String province = "(select id, name, kind from pf_organization where id = 'pv' or id ~ '^pv[scb][0-9]+$')";
    String roles = Arrays.stream(Role.values()).map(r -> "('" + r.code() + "', '" + r.label() + "')")
        .collect(Collectors.joining(", "));
    jdbc.update("insert into act_id_group (id_, rev_, name_, type_) select o.id, 1, o.name, 'PF_SCOPE' from "
        + province + " o");
    jdbc.update("insert into act_id_group (id_, rev_, name_, type_) select o.id || '.staff', 1, o.name || '工作人员',"
        + " 'PF_STAFF' from " + province + " o where o.kind in ('PARTY_GROUP', 'COMMITTEE')");
    jdbc.update("insert into act_id_group (id_, rev_, name_, type_) select o.id || '.' || r.code, 1,"
        + " o.name || r.label, 'PF_ROLE' from " + province + " o cross join (values " + roles + ") r (code, label)");
    jdbc.update("insert into pf_person (id, name, gender, status, org_id, username, on_probation_discipline) values"
        + " ('PV-SJ', '省书记', '男', 'FULL_MEMBER', 'pv', 'pv_shuji', false),"
        + " ('PV-JW', '省纪委', '女', 'FULL_MEMBER', 'pv', 'pv_jiwei', false),"
        + " ('PVC-SJ', '党委书记', '男', 'FULL_MEMBER', 'pvc1', 'pvc1_shuji', false),"
        + " ('PVB-ZZ', '支部组织委员', '女', 'FULL_MEMBER', 'pvb1', 'pvb1_zuzhi', false)");
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values ('pv', 'PV-SJ', 'SECRETARY'),"
        + " ('pv', 'PV-JW', 'AUDITOR'), ('pvc1', 'PVC-SJ', 'SECRETARY'), ('pvb1', 'PVB-ZZ', 'ORGANIZER'),"
        + " ('pvb1', 'PVB-ZZ', 'BRANCH_COMMITTEE')");
    identitySync.sync();
  }

  /**
   * The 纪委 of city 党组 pvs1 ({@code pvs1_jiwei}, 1,021 organizations), made as the province's users are; also on a
   * province seeded before there was one.
   */
  private void seedCityAuditor() {
    jdbc.update("insert into pf_person (id, name, gender, status, org_id, username, on_probation_discipline) values"
        + " ('PVS-JW', '市纪委', '男', 'FULL_MEMBER', 'pvs1', 'pvs1_jiwei', false)");
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values ('pvs1', 'PVS-JW', 'AUDITOR')");
    identitySync.sync();
  }
}
