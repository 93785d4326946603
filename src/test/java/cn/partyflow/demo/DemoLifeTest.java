package cn.partyflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.dues.DuesProgress;
import cn.partyflow.organizationallife.MeetingStore;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.rectification.RectificationDashboard;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.tasklist.MyTasks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's seeding run once on the shared test database (a demo database with the demo registry, whose start
 * seeds no cases): afterwards each demo role's home has work and numbers. Everything the seeding made is removed
 * at the end, the registry's people restored: other tests count tasks and cases.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoLifeTest {

  static final String BRANCH = DemoLife.BRANCH;

  @Autowired DemoLife life;
  @Autowired MyTasks myTasks;
  @Autowired RectificationDashboard dashboard;
  @Autowired DuesProgress dues;
  @Autowired MeetingStore meetings;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  final Set<String> before = new HashSet<>();
  List<Map<String, Object>> people;
  long lastCommitteeMeeting;
  long seededInMillis;

  @BeforeAll
  void seed() {
    history.createHistoricProcessInstanceQuery().list().forEach(h -> before.add(h.getId()));
    people = jdbc.queryForList("select id, status, application_date, activist_date, target_date, admission_date,"
        + " full_member_date from pf_person");
    lastCommitteeMeeting = jdbc.queryForObject("select coalesce(max(id), 0) from pf_committee_meeting", Long.class);
    long begin = System.currentTimeMillis();
    life.seed();
    seededInMillis = System.currentTimeMillis() - begin;
  }

  @AfterAll
  void removeWhatTheSeedingMade() {
    ClockUtil.reset();
    List<String> made = history.createHistoricProcessInstanceQuery().list().stream().map(HistoricProcessInstance::getId)
        .filter(id -> !before.contains(id)).toList();
    String rectification = "select id from pf_rectification_case where process_instance_id = ?";
    String items = "select id from pf_rectification_item where case_id in (" + rectification + ")";
    for (String pi : made) {
      jdbc.update("delete from pf_notification where item_id in (" + items + ")", pi);
      jdbc.update("delete from pf_rectification_event where item_id in (" + items + ")", pi);
      jdbc.update("delete from pf_rectification_evidence where item_id in (" + items + ")", pi);
      jdbc.update("delete from pf_rectification_item where case_id in (" + rectification + ")", pi);
      jdbc.update("delete from pf_rectification_case where process_instance_id = ?", pi);
      jdbc.update("delete from pf_routing_log where process_instance_id = ?", pi);
    }
    runtime.deleteProcessInstancesIfExists(made, "demo seeding test finished", true, true, true);
    made.stream().filter(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id).count() > 0)
        .forEach(history::deleteHistoricProcessInstance);
    for (String table : jdbc.queryForList("select table_name from information_schema.columns where column_name ="
        + " 'branch_id' and table_name like 'pf_dues%'", String.class)) {
      jdbc.update("delete from " + table + " where branch_id = ?", BRANCH);
    }
    jdbc.update("delete from pf_dues_case_start where business_key like ?", BRANCH + ":%");
    meetings.deleteYear(BRANCH, ChinaClock.today().getYear());
    jdbc.update("delete from pf_committee_attendance where meeting_id > ?", lastCommitteeMeeting);
    jdbc.update("delete from pf_committee_decision where meeting_id > ?", lastCommitteeMeeting);
    jdbc.update("delete from pf_committee_meeting where id > ?", lastCommitteeMeeting);
    for (Map<String, Object> p : people) {
      jdbc.update("update pf_person set status = ?, application_date = ?, activist_date = ?, target_date = ?,"
          + " admission_date = ?, full_member_date = ? where id = ?", p.get("status"), p.get("application_date"),
          p.get("activist_date"), p.get("target_date"), p.get("admission_date"), p.get("full_member_date"),
          p.get("id"));
    }
  }

  @Test
  void everyProcedureIsSeededQuicklyAndTheClockIsBackToNow() {
    assertThat(seededInMillis).as("seeding time").isLessThan(60_000);
    assertThat(Math.abs(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis())).isLessThan(5_000);
    assertThat(life.started).hasSizeGreaterThan(15);
  }

  @Test
  void memberCasesRunAtEveryStageAndTwoHaveEnded() {
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DemoLife.MD).list())
        .extracting(p -> p.getBusinessKey())
        .contains("P015", "P033", "P052", "P074", "P016", "P034", "P064", "P017", "P018", "P035");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(DemoLife.MD).finished().list())
        .filteredOn(h -> !before.contains(h.getId()))
        .extracting(HistoricProcessInstance::getEndActivityId)
        .containsExactlyInAnyOrder("EndEvent_FullMember", "EndEvent_PoliticalReviewFailed");
    assertThat(jdbc.queryForObject("select status from pf_person where id = 'P020'", String.class))
        .isEqualTo("FULL_MEMBER");
  }

  @Test
  void everyRoleHasWorkOnItsDesk() {
    for (String user : List.of("nk_zuzhi", "nk_shuji", "wk_zuzhi", "hq_shuji", "zb1_shuji", "jgzb_shuji",
        "rmyy_zzb", "rmyy_fgld", "nk_zhuren", "xz1_keshi", "xw_xcb")) {
      long open = myTasks.filterCounts(user).stream().filter(c -> c.name().equals("我的待办")
          || c.name().equals("本组织待办")).mapToLong(MyTasks.FilterCount::count).sum();
      assertThat(open).as("open tasks of " + user).isPositive();
    }
  }

  @Test
  void theRectificationItemsAreInEveryStateWithOverdueAndDueSoon() {
    Map<String, Long> byStatus = dashboard.summary(List.of(DemoLife.COMMITTEE), RectificationDashboard.Filter.none())
        .byStatus();
    for (String status : Rectification.STATUSES) {
      assertThat(byStatus.get(status)).as(status).isPositive();
    }
    assertThat(byStatus.get(RectificationDashboard.OVERDUE)).isGreaterThanOrEqualTo(2);
    assertThat(byStatus.get(RectificationDashboard.DUE_SOON)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theBranchCollectsThisMonthWithOneMemberInArrears() {
    YearMonth month = YearMonth.from(ChinaClock.today());
    DuesProgress.BranchMonth now = dues.month(List.of(BRANCH), month.toString()).get(0);
    assertThat(now.received()).isPositive();
    assertThat(now.unpaidMembers()).isPositive();
    if (month.getMonthValue() > 1) {
      // 宋涛 owes every earlier month the demo collected (at most three): 欠缴人次 counts each month of his.
      assertThat(now.arrearsPersonMonths()).isEqualTo(Math.min(3, month.getMonthValue() - 1));
      DuesProgress.BranchMonth last = dues.month(List.of(BRANCH), month.minusMonths(1).toString()).get(0);
      assertThat(last.ratePercent()).isBetween(50, 99);
    }
    assertThat(jdbc.queryForObject("select count(*) from pf_dues_remittance where branch_id = ? and status ="
        + " 'CONFIRMED'", Integer.class, BRANCH)).isEqualTo(Math.min(3, month.getMonthValue() - 1));
  }

  @Test
  void theBranchsYearHoldsItsMeetings() {
    LocalDate today = ChinaClock.today();
    assertThat(meetings.meetings(BRANCH, today.getYear())).hasSizeGreaterThanOrEqualTo(today.getMonthValue() > 2 ? 6
        : 2);
  }

  @Test
  void theHomePagesShowTheNumbers() {
    ResponseEntity<String> manager = http.withBasicAuth("rmyy_shuji", "demo").getForEntity("/", String.class);
    assertThat(manager.getStatusCode().value()).isEqualTo(200);
    assertThat(manager.getBody()).contains("已逾期").contains("已销号");
    ResponseEntity<String> keeper = http.withBasicAuth("nk_dangfei", "demo").getForEntity("/", String.class);
    assertThat(keeper.getBody()).contains("县人民医院内科党支部").contains("收缴率");
  }
}
