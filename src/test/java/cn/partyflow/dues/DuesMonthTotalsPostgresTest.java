package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL: the kept month totals (pf_dues_month_total) equal the ledger aggregated directly after each kind of
 * ledger write, through the services that write it: a month generated (provisional, before the year's approval), a
 * payment, the year's approval settling the provisional months, an approved adjustment; and what the home reads
 * from them is the ledger's figure.
 */
@PostgresTest
class DuesMonthTotalsPostgresTest {

  /** The ledger's figures per month of the branch, as the kept rows hold them. */
  private static final String FROM_LEDGER = "select period || ' ' || count(*) || ' '"
      + " || cast(sum(due) as numeric(14,2)) || ' ' || cast(sum(paid) as numeric(14,2)) || ' '"
      + " || sum(case when paid < due then 1 else 0 end) || ' '"
      + " || cast(sum(case when paid < due then due - paid else 0 end) as numeric(14,2)) from pf_dues_ledger"
      + " where branch_id = ? group by period order by period";
  private static final String KEPT = "select period || ' ' || members || ' ' || expected || ' ' || received || ' '"
      + " || unpaid_members || ' ' || owed from pf_dues_month_total where branch_id = ? order by period";

  @Autowired JdbcTemplate jdbc;
  @Autowired DuesCollectionService collections;
  @Autowired DuesAssessmentService assessments;
  @Autowired DuesAdjustments adjustments;
  @Autowired DuesProgress progress;
  @Autowired ApplicationContext context;

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final String branch = "duest-" + tag;
  final String first = "T" + tag + "1";
  final String second = "T" + tag + "2";
  final TestData made = new TestData();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    made.remove(context);
  }

  @Test
  void theKeptMonthTotalsAreTheLedgersAfterEveryKindOfWrite() {
    createBranch();
    assessed(first, 2026, "4000.00", "0.0100", "40.00", "APPROVED");
    assessed(second, 2026, "3000.00", "0.0050", "15.00", "APPROVED");

    clock(2027, 1, 20);
    collections.generateLedger(branch, "2027-01");
    assertKeptIsLedger(1);
    collections.record(branch, "2027-01", List.of(new DuesCollectionService.Payment(first, null,
        new BigDecimal("40.00"), null, LocalDate.parse("2027-01-20"), "现金", 1, null)), "nk_dangfei");
    assertKeptIsLedger(1);

    clock(2027, 2, 20);
    collections.generateLedger(branch, "2027-02");
    assertKeptIsLedger(2);
    // A refused batch changes neither the ledger nor the kept totals: the second payment exceeds what is due.
    assertThatThrownBy(() -> collections.record(branch, "2027-02", List.of(
        new DuesCollectionService.Payment(first, null, new BigDecimal("40.00"), null, LocalDate.parse("2027-02-20"),
            "微信", 1, null),
        new DuesCollectionService.Payment(second, null, new BigDecimal("99.00"), null,
            LocalDate.parse("2027-02-20"), "微信", 1, null)), "nk_dangfei")).isInstanceOf(RuntimeException.class);
    assertKeptIsLedger(2);

    // The 2027 amounts approved in March: January and February are settled at them, the difference owed.
    clock(2027, 3, 5);
    assessed(first, 2027, "6500.00", "0.0150", "97.50", "CORRECTED");
    assessed(second, 2027, "3000.00", "0.0050", "15.00", "CORRECTED");
    assessments.approve(branch, 2027, "rmyy_zzb");
    assertThat(jdbc.queryForObject("select owed from pf_dues_month_total where branch_id = ? and period = '2027-01'",
        BigDecimal.class, branch)).isEqualByComparingTo("72.50");
    assertKeptIsLedger(2);

    // An approved adjustment from February changes the due of the months already generated.
    jdbc.update("insert into pf_dues_adjustment (assess_year, branch_id, person_id, category, base, old_amount,"
        + " new_amount, effective_from, reason, requested_by, requested_at, status) values (2027, ?, ?, 'EMPLOYED',"
        + " 5000, 15.00, 50.00, '2027-02', '调资', 'nk_dangfei', ?, 'REQUESTED')", branch, second,
        Timestamp.valueOf(LocalDateTime.of(2027, 3, 5, 10, 0)));
    long id = jdbc.queryForObject("select max(id) from pf_dues_adjustment where branch_id = ?", Long.class, branch);
    adjustments.approveAdjustment(id, "rmyy_zzb");
    assertKeptIsLedger(2);

    // What the home reads: this month's figures and the earlier months' arrears in 人次 and yuan.
    DuesProgress.BranchMonth february = progress.month(List.of(branch), "2027-02").get(0);
    assertThat(february.members()).isEqualTo(2);
    assertThat(february.expected()).isEqualByComparingTo(ledger("sum(due)", "period = '2027-02'"));
    assertThat(february.received()).isEqualByComparingTo(ledger("coalesce(sum(paid), 0)", "period = '2027-02'"));
    assertThat(february.arrearsPersonMonths()).isEqualTo(ledger("count(*)", "period < '2027-02' and paid < due")
        .intValue());
    assertThat(february.arrearsAmount()).isEqualByComparingTo(ledger("sum(due - paid)",
        "period < '2027-02' and paid < due"));
  }

  private void assertKeptIsLedger(int months) {
    List<String> ledger = jdbc.queryForList(FROM_LEDGER, String.class, branch);
    assertThat(ledger).hasSize(months);
    assertThat(jdbc.queryForList(KEPT, String.class, branch)).isEqualTo(ledger);
  }

  private BigDecimal ledger(String figure, String condition) {
    return jdbc.queryForObject("select " + figure + " from pf_dues_ledger where branch_id = ? and " + condition,
        BigDecimal.class, branch);
  }

  private void createBranch() {
    made.organization(branch);
    made.person(first);
    made.person(second);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, 'rmyy', 'BRANCH', ?, false, 99)", branch, "党费合计测试党支部" + tag);
    for (String person : List.of(first, second)) {
      jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, full_member_date,"
          + " on_probation_discipline) values (?, ?, '男', date '1980-01-01', 'FULL_MEMBER', ?, date '2005-07-01',"
          + " false)", person, "合" + person, branch);
    }
  }

  private void assessed(String person, int year, String base, String rate, String amount, String status) {
    jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
        + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from) values (?, ?, ?,"
        + " 'EMPLOYED', ?, 0, 0, ?, ?, ?, ?, '在职', ?, ?)", year, branch, person, new BigDecimal(base),
        new BigDecimal(base), new BigDecimal(rate), new BigDecimal(amount), new BigDecimal(amount), status,
        year + "-01");
  }

  private static void clock(int year, int month, int day) {
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.of(year, month, day, 10, 0)
        .atZone(cn.partyflow.shared.ChinaClock.ZONE).toInstant()));
  }
}
