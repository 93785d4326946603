package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The month's register of 100,000 members is one statement and takes seconds, not one process per member. */
@PostgresTest
class LedgerVolumeTest {

  static final int MEMBERS = 100_000;

  @Autowired JdbcTemplate jdbc;
  @Autowired DuesCollectionService collections;

  @Test
  void generatesTheLedgerOfAHundredThousandMembersInSeconds() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String branch = "vol-" + tag;
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, 'rmyy', 'BRANCH', ?, false, 98)", branch, "容量测试党支部" + tag);
    jdbc.update("insert into pf_person (id, name, status, org_id, on_probation_discipline)"
        + " select ? || g, '党员' || g, 'FULL_MEMBER', ?, false from generate_series(1, ?) g", "V" + tag + "-", branch,
        MEMBERS);
    jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
        + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from)"
        + " select 2030, ?, ? || g, 'EMPLOYED', 6500, 0, 0, 6500, 0.015, 97.50, 97.50, '1.5%', 'APPROVED', '2030-01'"
        + " from generate_series(1, ?) g", branch, "V" + tag + "-", MEMBERS);

    long started = System.nanoTime();
    int rows = collections.generateLedger(branch, "2030-03");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(rows).isEqualTo(MEMBERS);
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(jdbc.queryForObject("select sum(due) from pf_dues_ledger where branch_id = ? and period = '2030-03'",
        BigDecimal.class, branch)).isEqualByComparingTo("9750000.00");
    assertThat(collections.generateLedger(branch, "2030-03")).as("a second run adds nothing").isZero();
  }
}
