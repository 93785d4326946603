package cn.partyflow.rectification;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.SubtreeFigures;
import cn.partyflow.shared.KeptTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The item counts kept per subtree (pf_rectification_level, V138): for each organization, the items of it and of
 * everything below it per department, category, status, deadline and closing day (the leaders left out: the home
 * shows none, and they are as many as the items' organizations). A province's secretary's home then reads the
 * province's row instead of the 61,200 rows of {@link RectificationCounts} per request.
 *
 * <p>{@link RectificationCounts} hands every change of its rows here in the same flush just before the transaction
 * commits, after its own rows, as upserts in one fixed order; a change of the tree is counted anew by the import
 * ({@link SubtreeFigures}), and the rows carry the tree's version stamp, so a reader refuses rows a change of the tree
 * written around the import has left behind ({@link #overCurrentTree}) and counts from the kept counts instead.
 */
@Repository
public class RectificationLevels implements SubtreeFigures {

  static final String TABLE = "pf_rectification_level";

  /** Deeper than any party organization tree; stops a cycle in bad data. */
  private static final int MAX_DEPTH = 32;

  /** The kept counts summed at each organization and every one above it; V138 fills the table with the same. */
  public static final String REBUILD = "insert into pf_rectification_level (org_id, department, category, status,"
      + " deadline, closed_on, n) with recursive up (ancestor_id, org_id, depth) as (select id, id, 0"
      + " from pf_organization union all select o.parent_id, u.org_id, u.depth + 1 from up u"
      + " join pf_organization o on o.id = u.ancestor_id where o.parent_id is not null and u.depth < " + MAX_DEPTH
      + ") select u.ancestor_id, c.department, c.category, c.status, c.deadline, c.closed_on, sum(c.n)"
      + " from pf_rectification_count c join up u on u.org_id = c.org_id where c.n > 0"
      + " group by u.ancestor_id, c.department, c.category, c.status, c.deadline, c.closed_on";

  private static final String UPSERT_POSTGRES = "insert into pf_rectification_level (org_id, department, category,"
      + " status, deadline, closed_on, n) values (?, ?, ?, ?, ?, ?, ?)"
      + " on conflict (org_id, department, category, status, deadline, closed_on)"
      + " do update set n = pf_rectification_level.n + excluded.n";

  private static final String UPSERT_H2 = "merge into pf_rectification_level c using (select"
      + " cast(? as varchar(64)) org_id, cast(? as varchar(100)) department, cast(? as varchar(20)) category,"
      + " cast(? as varchar(20)) status, cast(? as date) deadline, cast(? as date) closed_on, cast(? as bigint) n) s"
      + " on (c.org_id = s.org_id and c.department = s.department and c.category = s.category"
      + " and c.status = s.status and c.deadline = s.deadline and c.closed_on = s.closed_on)"
      + " when matched then update set n = c.n + s.n"
      + " when not matched then insert (org_id, department, category, status, deadline, closed_on, n)"
      + " values (s.org_id, s.department, s.category, s.status, s.deadline, s.closed_on, s.n)";

  /** A row of the counts per subtree. */
  private record Key(String orgId, String department, String category, String status, LocalDate deadline,
      LocalDate closedOn) {
    static final Comparator<Key> ORDER = Comparator.comparing(Key::orgId).thenComparing(Key::department)
        .thenComparing(Key::category).thenComparing(Key::status).thenComparing(Key::deadline)
        .thenComparing(Key::closedOn);
  }

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;

  RectificationLevels(JdbcTemplate jdbc, OrganizationDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /**
   * Counts every row anew from the kept counts over the tree as it is now, set-based: after the import wrote
   * organizations, or after the kept counts were rebuilt. On PostgreSQL it holds writes to the counts and the tree
   * for its duration, so no change is lost, and stamps the rows with the tree's version.
   */
  @Override
  public void rebuild() {
    if (KeptTables.postgres(jdbc)) {
      KeptTables.rebuild(jdbc, "pf_rectification_count, pf_organization", TABLE, REBUILD,
          KeptTables.treeStamp(TABLE));
    } else {
      KeptTables.rebuild(jdbc, "pf_rectification_count, pf_organization", TABLE, REBUILD);
    }
  }

  /** Whether the rows match the tree as it is now (never on H2, which keeps no version of the tree). */
  boolean overCurrentTree() {
    return KeptTables.overCurrentTree(jdbc, TABLE);
  }

  /**
   * Writes the changes of the kept counts' rows at their organizations and every one above them, in one fixed order;
   * called by {@link RectificationCounts} while it writes its own, in the same transaction.
   */
  void write(Map<RectificationCounts.Key, Long> deltas) {
    Map<String, Organization> tree = directory.organizationsById();
    TreeMap<Key, Long> up = new TreeMap<>(Key.ORDER);
    deltas.forEach((k, delta) -> {
      int depth = 0;
      for (Organization o = tree.get(k.orgId()); o != null && depth++ <= MAX_DEPTH;
          o = o.parentId() == null ? null : tree.get(o.parentId())) {
        up.merge(new Key(o.id(), k.department(), k.category(), k.status(), k.deadline(), k.closedOn()), delta,
            Long::sum);
      }
    });
    boolean postgres = KeptTables.postgres(jdbc);
    up.forEach((key, delta) -> {
      if (delta == 0) {
        return;
      }
      Object[] args = {key.orgId(), key.department(), key.category(), key.status(), Date.valueOf(key.deadline()),
          Date.valueOf(key.closedOn()), delta};
      jdbc.update(postgres ? UPSERT_POSTGRES : UPSERT_H2, args);
      if (delta < 0) {
        jdbc.update("delete from pf_rectification_level where org_id = ? and department = ? and category = ?"
            + " and status = ? and deadline = ? and closed_on = ? and n = 0", java.util.Arrays.copyOf(args, 6));
      }
    });
  }
}
