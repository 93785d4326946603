package cn.partyflow.rectification;

import cn.partyflow.shared.KeptTables;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The item counts the dashboard and the 党委书记's home read (pf_rectification_count, V120): one row per organization,
 * department, leader, category, status, deadline and closing day with its number of items. {@link RectificationItems}
 * reports every change of an item here; the changes of a transaction are summed per row and written just before it
 * commits, as upserts in one fixed order of the rows, so two nodes changing items at once neither lose a count nor
 * wait for each other in a cycle (every item lock is taken before any count row's).
 */
@Repository
public class RectificationCounts {

  /** The deadline or closing day of an item that has none: later than any window the dashboard counts. */
  static final LocalDate NONE = LocalDate.of(9999, 12, 31);

  /** One row of the counts. */
  record Key(String orgId, String department, String leaderUser, String category, String status, LocalDate deadline,
      LocalDate closedOn) {

    static final Comparator<Key> ORDER = Comparator.comparing(Key::orgId).thenComparing(Key::department)
        .thenComparing(Key::leaderUser).thenComparing(Key::category).thenComparing(Key::status)
        .thenComparing(Key::deadline).thenComparing(Key::closedOn);

    Key withStatus(String status) {
      return new Key(orgId, department, leaderUser, category, status, deadline, closedOn);
    }

    Key withDeadline(LocalDate deadline) {
      return new Key(orgId, department, leaderUser, category, status, or(deadline), closedOn);
    }

    Key closed(String status, LocalDate closedOn) {
      return new Key(orgId, department, leaderUser, category, status, deadline, or(closedOn));
    }

    static Key of(String orgId, String department, String leaderUser, String category, String status,
        LocalDate deadline, LocalDate closedOn) {
      return new Key(orgId, department, leaderUser, category, status, or(deadline), or(closedOn));
    }

    private static LocalDate or(LocalDate date) {
      return date == null ? NONE : date;
    }
  }

  static final String KEY_COLUMNS = "org_id, department, leader_user, category, status, deadline, closed_at";

  static Key key(ResultSet rs) throws SQLException {
    Date deadline = rs.getDate("deadline");
    LocalDateTime closedAt = rs.getObject("closed_at", LocalDateTime.class);
    return Key.of(rs.getString("org_id"), rs.getString("department"), rs.getString("leader_user"),
        rs.getString("category"), rs.getString("status"), deadline == null ? null : deadline.toLocalDate(),
        closedAt == null ? null : closedAt.toLocalDate());
  }

  private static final String REBUILD = "insert into pf_rectification_count (org_id, department, leader_user,"
      + " category, status, deadline, closed_on, n) select org_id, department, leader_user, category, status,"
      + " coalesce(deadline, date '9999-12-31'), coalesce(cast(closed_at as date), date '9999-12-31'), count(*)"
      + " from pf_rectification_item group by org_id, department, leader_user, category, status,"
      + " coalesce(deadline, date '9999-12-31'), coalesce(cast(closed_at as date), date '9999-12-31')";

  private static final String WHERE_KEY = " org_id = ? and department = ? and leader_user = ? and category = ?"
      + " and status = ? and deadline = ? and closed_on = ?";

  private final JdbcTemplate jdbc;
  private final RectificationLevels levels;

  public RectificationCounts(JdbcTemplate jdbc, RectificationLevels levels) {
    this.jdbc = jdbc;
    this.levels = levels;
  }

  /**
   * Counts every item anew, set-based: after items were written around {@link RectificationItems} (a bulk load, the
   * benchmark's seed). On PostgreSQL it holds item writes for its duration, so no change is counted twice or lost.
   * The counts per subtree ({@link RectificationLevels}) are counted anew from them.
   */
  public void rebuild() {
    KeptTables.rebuild(jdbc, "pf_rectification_item", "pf_rectification_count", REBUILD);
    levels.rebuild();
  }


  /** An item moved from one row of the counts to another (or appeared, or went). */
  void moved(Key from, Key to) {
    Map<Key, Long> deltas = new TreeMap<>(Key.ORDER);
    if (from != null) {
      deltas.merge(from, -1L, Long::sum);
    }
    if (to != null) {
      deltas.merge(to, 1L, Long::sum);
    }
    add(deltas);
  }

  /** Adds the changes to the transaction's, written just before it commits, or writes them at once outside one. */
  void add(Map<Key, Long> deltas) {
    Map<Key, Long> pending = KeptTables.beforeCommit(this, () -> new TreeMap<>(Key.ORDER), this::write);
    if (pending == null) {
      write(deltas);
      return;
    }
    deltas.forEach((key, delta) -> pending.merge(key, delta, Long::sum));
  }

  private void write(Map<Key, Long> deltas) {
    TreeMap<Key, Long> ordered = new TreeMap<>(Key.ORDER);
    ordered.putAll(deltas);
    ordered.forEach((key, delta) -> {
      if (delta == 0) {
        return;
      }
      Object[] args = {key.orgId(), key.department(), key.leaderUser(), key.category(), key.status(),
          Date.valueOf(key.deadline()), Date.valueOf(key.closedOn()), delta};
      jdbc.update(KeptTables.postgres(jdbc) ? UPSERT_POSTGRES : UPSERT_H2, args);
      if (delta < 0) {
        // A row nobody is counted in any more would still offer its department and leader in the filter lists.
        jdbc.update("delete from pf_rectification_count where" + WHERE_KEY + " and n = 0",
            java.util.Arrays.copyOf(args, 7));
      }
    });
    // After every row of its own, in the same transaction: the same changes at each level above.
    levels.write(ordered);
  }

  private static final String UPSERT_POSTGRES = "insert into pf_rectification_count (org_id, department,"
      + " leader_user, category, status, deadline, closed_on, n) values (?, ?, ?, ?, ?, ?, ?, ?)"
      + " on conflict (org_id, department, leader_user, category, status, deadline, closed_on)"
      + " do update set n = pf_rectification_count.n + excluded.n";

  private static final String UPSERT_H2 = "merge into pf_rectification_count c using (select"
      + " cast(? as varchar(64)) org_id, cast(? as varchar(100)) department, cast(? as varchar(64)) leader_user,"
      + " cast(? as varchar(20)) category, cast(? as varchar(20)) status, cast(? as date) deadline,"
      + " cast(? as date) closed_on, cast(? as bigint) n) s on (c.org_id = s.org_id and c.department = s.department"
      + " and c.leader_user = s.leader_user and c.category = s.category and c.status = s.status"
      + " and c.deadline = s.deadline and c.closed_on = s.closed_on)"
      + " when matched then update set n = c.n + s.n"
      + " when not matched then insert (org_id, department, leader_user, category, status, deadline, closed_on, n)"
      + " values (s.org_id, s.department, s.leader_user, s.category, s.status, s.deadline, s.closed_on, s.n)";

}
