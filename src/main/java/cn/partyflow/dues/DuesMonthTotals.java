package cn.partyflow.dues;

import cn.partyflow.shared.KeptTables;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The kept month totals of the 党费收缴登记表 (pf_dues_month_total, V130): per branch and month its members, expected
 * and received amounts, the members who paid less than due and what they still owe. Every writer of pf_dues_ledger
 * reports the (branch, month) it changed with {@link #changed}; just before the transaction commits each of them is
 * recounted from the ledger (a branch's month is a few hundred rows, read through ix_pf_dues_ledger_branch_period)
 * and written over the kept row. Recounting instead of adding differences leaves nothing to get out of step.
 *
 * <p>Two transactions changing the same branch's month: each first takes the kept row's lock (an upsert that changes
 * nothing), and only then counts, in a statement of its own; under READ COMMITTED that count sees the other
 * transaction's committed ledger rows, so the last to commit writes the full count. The rows are taken in one fixed
 * order, after every ledger row the transaction writes, so two writers never wait for each other in a cycle. What
 * changed is then added at the branch and every organization above it ({@link DuesSubtreeTotals}), after all the
 * transaction's month rows.
 */
@Repository
public class DuesMonthTotals {

  /** A branch's month. */
  record Key(String branchId, String period) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = branchId.compareTo(o.branchId);
      return c != 0 ? c : period.compareTo(o.period);
    }
  }

  private static final String COLUMNS = "branch_id, period, members, expected, received, unpaid_members, owed";

  /** The ledger's figures per branch and month; the migration backfills with the same. */
  private static final String COUNT = "select count(*) as members, coalesce(sum(due), 0) as expected,"
      + " coalesce(sum(paid), 0) as received, coalesce(sum(case when paid < due then 1 else 0 end), 0) as unpaid,"
      + " coalesce(sum(case when paid < due then due - paid else 0 end), 0) as owed from pf_dues_ledger";

  private static final String LOCK_POSTGRES = "insert into pf_dues_month_total (" + COLUMNS + ")"
      + " values (?, ?, 0, 0, 0, 0, 0) on conflict (branch_id, period)"
      + " do update set members = pf_dues_month_total.members";

  private static final String LOCK_H2 = "merge into pf_dues_month_total (" + COLUMNS + ") key (branch_id, period)"
      + " values (?, ?, 0, 0, 0, 0, 0)";

  private final JdbcTemplate jdbc;
  private final DuesSubtreeTotals levels;

  DuesMonthTotals(JdbcTemplate jdbc, DuesSubtreeTotals levels) {
    this.jdbc = jdbc;
    this.levels = levels;
  }

  /** The ledger of the branch's month changed: recounted before the transaction commits, or at once outside one. */
  void changed(String branchId, String period) {
    changed(branchId, java.util.List.of(period));
  }

  /** {@link #changed(String, String)} for several months of the branch. */
  void changed(String branchId, Collection<String> periods) {
    TreeSet<Key> pending = KeptTables.beforeCommit(this, TreeSet::new, this::refresh);
    if (pending == null) {
      TreeSet<Key> keys = new TreeSet<>();
      periods.forEach(p -> keys.add(new Key(branchId, p)));
      refresh(keys);
      return;
    }
    periods.forEach(p -> pending.add(new Key(branchId, p)));
  }

  /**
   * Recounts one branch's month from the ledger now, in the caller's transaction if there is one: for ledger rows
   * written around the services (tests, a bulk load of one branch).
   */
  public void refresh(String branchId, String period) {
    refresh(new TreeSet<>(java.util.List.of(new Key(branchId, period))));
  }

  /**
   * Recounts the months in their order (a branch's months one after the other, earliest first), then writes what
   * changed at every level above them ({@link DuesSubtreeTotals}) after all of them, in that table's order.
   */
  private void refresh(TreeSet<Key> keys) {
    TreeMap<DuesSubtreeTotals.Key, DuesSubtreeTotals.Figures> changes = DuesSubtreeTotals.gathered();
    String locked = null;
    for (Key k : keys) {
      if (!k.branchId().equals(locked)) {
        levels.lockBranch(k.branchId());
        locked = k.branchId();
      }
      recount(k.branchId(), k.period(), changes);
    }
    levels.write(changes);
  }

  private void recount(String branchId, String period,
      Map<DuesSubtreeTotals.Key, DuesSubtreeTotals.Figures> changes) {
    jdbc.update(KeptTables.postgres(jdbc) ? LOCK_POSTGRES : LOCK_H2, branchId, period);
    // The row as it was (all zero when the lock just made it), now that nobody else can change it.
    DuesSubtreeTotals.Figures before = jdbc.queryForObject("select members, expected, received, unpaid_members,"
            + " owed from pf_dues_month_total where branch_id = ? and period = ?",
        (rs, i) -> DuesSubtreeTotals.Figures.month(rs.getLong("members"), rs.getBigDecimal("expected"),
            rs.getBigDecimal("received"), rs.getLong("unpaid_members"), rs.getBigDecimal("owed")),
        branchId, period);
    Map<String, Object> c = jdbc.queryForMap(COUNT + " where branch_id = ? and period = ?", branchId, period);
    int members = ((Number) c.get("members")).intValue();
    DuesSubtreeTotals.Figures after = DuesSubtreeTotals.Figures.NONE;
    if (members == 0) {
      jdbc.update("delete from pf_dues_month_total where branch_id = ? and period = ?", branchId, period);
    } else {
      after = DuesSubtreeTotals.Figures.month(members, decimal(c.get("expected")), decimal(c.get("received")),
          ((Number) c.get("unpaid")).intValue(), decimal(c.get("owed")));
      jdbc.update("update pf_dues_month_total set members = ?, expected = ?, received = ?, unpaid_members = ?,"
              + " owed = ? where branch_id = ? and period = ?", members, after.expected(), after.received(),
          after.unpaidMembers(), after.owed(), branchId, period);
    }
    levels.recounted(branchId, period, before, after, changes);
  }

  /**
   * Counts every month of every branch anew, set-based: after a bulk load of the ledger (the benchmark's seed). On
   * PostgreSQL it holds ledger writes for its duration, so no change is lost. The totals per subtree
   * ({@link DuesSubtreeTotals}) are counted anew from them.
   */
  public void rebuild() {
    KeptTables.rebuild(jdbc, "pf_dues_ledger", "pf_dues_month_total", "insert into pf_dues_month_total (" + COLUMNS
        + ") select branch_id, period, " + COUNT.substring("select ".length()) + " group by branch_id, period");
    levels.rebuild();
  }


  private static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
  }
}
