package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kept month totals on H2 (the demo's database, its MERGE upsert) migrated with the project's own scripts: the
 * migration counts the ledger already there, a change is recounted when its transaction commits and not at all when
 * it rolls back, a month whose rows are gone loses its kept row, and a rebuild restores spoiled totals.
 */
class DuesMonthTotalsTest {

  private static final String FROM_LEDGER = "select period || ' ' || count(*) || ' ' || cast(sum(due) as numeric(14,2))"
      + " || ' ' || cast(sum(paid) as numeric(14,2)) || ' ' || sum(case when paid < due then 1 else 0 end) || ' '"
      + " || cast(sum(case when paid < due then due - paid else 0 end) as numeric(14,2)) from pf_dues_ledger"
      + " group by period order by period";
  private static final String KEPT = "select period || ' ' || members || ' ' || expected || ' ' || received || ' '"
      + " || unpaid_members || ' ' || owed from pf_dues_month_total order by period";

  final DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:dues-totals-" + java.util.UUID.randomUUID()
      + ";DB_CLOSE_DELAY=-1", "sa", "");
  final JdbcTemplate jdbc = new JdbcTemplate(ds);
  final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(ds));
  final DuesMonthTotals totals = new DuesMonthTotals(jdbc,
      new DuesSubtreeTotals(jdbc, cn.partyflow.organization.DirectoryFixture.directory(jdbc)));

  @Test
  void theKeptTotalsFollowTheLedgerThroughCommitRollbackDeletionAndRebuild() {
    Flyway.configure().dataSource(ds).table("pf_schema_history").target("125").load().migrate();
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values ('b1', null, 'BRANCH', '支部', false, 0)");
    for (String person : List.of("p1", "p2", "p3")) {
      jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, on_probation_discipline)"
          + " values (?, ?, '男', date '1980-01-01', 'FULL_MEMBER', 'b1', false)", person, "党员" + person);
      ledger("2027-01", person, "40.00", person.equals("p3") ? "0" : "40.00");
    }
    Flyway.configure().dataSource(ds).table("pf_schema_history").load().migrate();
    assertThat(kept()).containsExactly("2027-01 3 120.00 80.00 1 40.00").isEqualTo(fromLedger());

    transaction.executeWithoutResult(s -> {
      ledger("2027-02", "p1", "40.00", "10.00");
      ledger("2027-02", "p2", "15.50", "0");
      totals.changed("b1", "2027-02");
      assertThat(kept()).as("recounted at commit").hasSize(1);
    });
    assertThat(kept()).containsExactly("2027-01 3 120.00 80.00 1 40.00", "2027-02 2 55.50 10.00 2 45.50")
        .isEqualTo(fromLedger());

    assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
      jdbc.update("update pf_dues_ledger set paid = due where period = '2027-02'");
      totals.changed("b1", List.of("2027-02"));
      throw new IllegalStateException("refused");
    })).hasMessage("refused");
    assertThat(kept()).isEqualTo(fromLedger());

    jdbc.update("update pf_dues_ledger set paid = due where person_id = 'p3'");
    totals.changed("b1", "2027-01");
    jdbc.update("delete from pf_dues_ledger where period = '2027-02'");
    totals.refresh("b1", "2027-02");
    assertThat(kept()).containsExactly("2027-01 3 120.00 120.00 0 0.00").isEqualTo(fromLedger());

    jdbc.update("update pf_dues_month_total set received = 0");
    jdbc.update("insert into pf_dues_month_total (branch_id, period, members, expected, received, unpaid_members,"
        + " owed) values ('b1', '2026-12', 1, 1, 0, 1, 1)");
    totals.rebuild();
    assertThat(kept()).isEqualTo(fromLedger());
  }

  private void ledger(String period, String person, String due, String paid) {
    jdbc.update("insert into pf_dues_ledger (branch_id, period, person_id, base, rate, due, paid, voluntary, prepaid)"
        + " values ('b1', ?, ?, 3000, 0.005, ?, ?, 0, false)", period, person, new java.math.BigDecimal(due),
        new java.math.BigDecimal(paid));
  }

  private List<String> kept() {
    return jdbc.queryForList(KEPT, String.class);
  }

  private List<String> fromLedger() {
    return jdbc.queryForList(FROM_LEDGER, String.class);
  }
}
