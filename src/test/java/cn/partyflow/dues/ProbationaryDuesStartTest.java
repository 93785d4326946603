package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.memberdevelopment.ProbationaryMemberAdmitted;
import cn.partyflow.organization.IdentitySync;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL: a 预备党员 whose admission the 党委 approved months after the 支部大会 owes from the meeting, hears of
 * it through the member development event, and is not taken for a defaulter for the months before; and months collected
 * before the year's table was approved are settled once it is.
 */
@PostgresTest
class ProbationaryDuesStartTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired IdentitySync identitySync;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transaction;
  @Autowired DuesCollectionService collections;
  @Autowired DuesArrearsService arrears;
  @Autowired DuesAssessmentService assessments;
  @Autowired ApplicationContext context;

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final String branch = "duesp-" + tag;
  final String member = "E" + tag + "1";
  final String newcomer = "E" + tag + "2";
  final TestData made = new TestData();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    made.remove(context);
  }

  @Test
  void aMemberApprovedLateOwesFromTheMeetingButIsNoDefaulterForTheMonthsBefore() {
    createBranch();
    approvedAmount(member, 2027, "4000.00", "0.0100", "40.00");
    for (int m = 1; m <= 7; m++) {
      clock(2027, m, 20);
      String period = "2027-0" + m;
      collections.generateLedger(branch, period);
      jdbc.update("update pf_dues_ledger set paid = due where branch_id = ? and period = ?", branch, period);
    }

    // The 支部大会 passed the admission on 15 January; the 党委 approves only in August, and member development says so.
    clock(2027, 8, 10);
    transaction.executeWithoutResult(status -> {
      jdbc.update("update pf_person set status = 'PROBATIONARY', admission_date = date '2027-01-15' where id = ?",
          newcomer);
      events.publishEvent(new ProbationaryMemberAdmitted(newcomer, branch, LocalDate.parse("2027-01-15")));
    });
    assertThat(jdbc.queryForMap("select dues_from, admitted_in from pf_dues_member_start where person_id = ?",
        newcomer)).containsEntry("dues_from", "2027-01").containsEntry("admitted_in", "2027-08");

    // The amount comes by an adjustment, approved in Tasklist by the 党委's organization department.
    ResponseEntity<Map> requested = http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/adjustments",
        Map.of("personId", newcomer, "year", 2027, "category", "在职", "base", 3500,
            "reason", "新接收预备党员，2027-01-15支部大会通过"), Map.class);
    assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.OK);
    long id = ((Number) requested.getBody().get("id")).longValue();
    Task approval = tasks.createTaskQuery().processInstanceBusinessKey(DuesProcesses.adjustmentKey(branch, id))
        .singleResult();
    assertThat(approval.getTaskDefinitionKey()).isEqualTo(DuesProcesses.TASK_APPROVE_ADJUSTMENT);
    assertThat(tasks.getIdentityLinksForTask(approval.getId())).anyMatch(l -> "rmyy.orgdept".equals(l.getGroupId()));
    assertThat(http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/adjustments/" + id + "/approve",
        null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("rmyy_zzb", "demo").postForEntity("/api/dues/adjustments/" + id + "/approve",
        null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    // Owed from January, back-filled unpaid: seven months before the approval month, then August itself.
    assertThat(count("select count(*) from pf_dues_ledger where person_id = ? and paid = 0 and due = 35.00",
        newcomer)).isEqualTo(7);
    collections.generateLedger(branch, "2027-08");
    assertThat(count("select count(*) from pf_dues_ledger where person_id = ? and period = '2027-08'", newcomer))
        .isEqualTo(1);
    arrears.check(branch, "2027-08");
    assertThat(count("select count(*) from pf_dues_arrears_case where person_id = ?", newcomer))
        .as("no talk and no 自行脱党 for months before the admission was approved").isZero();

    // January is paid back in August, seven months on, without an exception: it was no arrears.
    collections.record(branch, "2027-08", List.of(new DuesCollectionService.Payment(newcomer, "2027-01",
        new BigDecimal("35.00"), null, LocalDate.parse("2027-08-10"), "微信", 1, null)), "nk_dangfei");
    assertThat(jdbc.queryForObject("select paid from pf_dues_ledger where person_id = ? and period = '2027-01'",
        BigDecimal.class, newcomer)).isEqualByComparingTo("35.00");

    // Three months with nothing paid after the approval do call for the talk.
    for (int m = 9; m <= 10; m++) {
      clock(2027, m, 20);
      String period = String.format("2027-%02d", m);
      collections.generateLedger(branch, period);
      jdbc.update("update pf_dues_ledger set paid = due where person_id = ? and period = ?", member, period);
      arrears.check(branch, period);
    }
    assertThat(jdbc.queryForList("select kind from pf_dues_arrears_case where person_id = ?", String.class,
        newcomer)).containsExactly("TALK");
  }

  @Test
  void monthsCollectedBeforeTheYearsApprovalUseLastYearsAmountsAndAreSettledOnApproval() {
    createBranch();
    approvedAmount(member, 2026, "4000.00", "0.0100", "40.00");
    clock(2027, 1, 20);
    assertThat(collections.branchesToStart("2027-01")).contains(branch);
    ResponseEntity<Map> started = http.withBasicAuth("nk_dangfei", "demo").postForEntity(
        "/api/dues/collections?branch=" + branch + "&month=2027-01", null, Map.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForMap("select due, provisional from pf_dues_ledger where person_id = ? and period ="
        + " '2027-01'", member)).containsEntry("provisional", true);
    collections.record(branch, "2027-01", List.of(new DuesCollectionService.Payment(member, null,
        new BigDecimal("40.00"), null, LocalDate.parse("2027-01-20"), "现金", 1, null)), "nk_dangfei");

    // March: the 2027 table is approved at 6,500 → 97.50; January is settled, the difference owed.
    clock(2027, 3, 5);
    jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
        + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from) values (2027, ?, ?,"
        + " 'EMPLOYED', 6500, 0, 0, 6500, 0.015, 97.50, 97.50, '在职', 'CORRECTED', '2027-01')", branch, member);
    assessments.approve(branch, 2027, "rmyy_zzb");
    Map<String, Object> january = jdbc.queryForMap("select due, paid, provisional, provisional_due from"
        + " pf_dues_ledger where person_id = ? and period = '2027-01'", member);
    assertThat((BigDecimal) january.get("due")).isEqualByComparingTo("97.50");
    assertThat((BigDecimal) january.get("provisional_due")).isEqualByComparingTo("40.00");
    assertThat(january).containsEntry("provisional", false);
    clock(2027, 3, 20);
    collections.generateLedger(branch, "2027-03");
    collections.record(branch, "2027-03", List.of(new DuesCollectionService.Payment(member, "2027-01",
        new BigDecimal("57.50"), null, LocalDate.parse("2027-03-20"), "现金", 1, null)), "nk_dangfei");
    assertThat(jdbc.queryForObject("select paid from pf_dues_ledger where person_id = ? and period = '2027-01'",
        BigDecimal.class, member)).isEqualByComparingTo("97.50");
  }

  void createBranch() {
    made.organization(branch);
    made.person(member);
    made.person(newcomer);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, 'rmyy', 'BRANCH', ?, false, 99)", branch, "预备党员党费测试党支部" + tag);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, full_member_date,"
        + " on_probation_discipline) values (?, ?, '男', date '1980-01-01', 'FULL_MEMBER', ?, date '2005-07-01',"
        + " false)", member, "庚" + tag, branch);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, on_probation_discipline)"
        + " values (?, ?, '女', date '1998-03-01', 'TARGET', ?, false)", newcomer, "辛" + tag, branch);
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P012', 'DUES_KEEPER')", branch);
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P010', 'SECRETARY')", branch);
    identitySync.sync();
  }

  void approvedAmount(String person, int year, String base, String rate, String amount) {
    jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
        + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from, approved_by)"
        + " values (?, ?, ?, 'EMPLOYED', ?, 0, 0, ?, ?, ?, ?, '在职', 'APPROVED', ?, 'rmyy_zzb')", year, branch, person,
        new BigDecimal(base), new BigDecimal(base), new BigDecimal(rate), new BigDecimal(amount),
        new BigDecimal(amount), year + "-01");
  }

  int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  static void clock(int year, int month, int day) {
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.of(year, month, day, 10, 0)
        .atZone(cn.partyflow.shared.ChinaClock.ZONE).toInstant()));
  }
}
