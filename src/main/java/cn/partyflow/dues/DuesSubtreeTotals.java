package cn.partyflow.dues;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.SubtreeFigures;
import cn.partyflow.shared.KeptTables;
import cn.partyflow.shared.SqlScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The kept month totals summed per subtree (pf_dues_level, V138): for each organization and month, the figures of the
 * branches of it and of everything below it that have a ledger that month, with the arrears of those branches (their
 * unpaid months before it) as {@link DuesProgress#month} sums them. The home of a province's secretary then reads
 * the rows of his cities for six months instead of 20,000 branches' month and 120,000 rows of their six months.
 *
 * <p>{@link DuesMonthTotals} hands over each branch month it recounts, with its figures before and after
 * ({@link #recounted}), and writes the differences gathered here after all its own rows, in one fixed order. A
 * branch's months are recounted one branch at a time ({@link #lockBranch}): the arrears of a month depend on the
 * branch's earlier months, so two transactions changing two months of one branch must not each miss the other's
 * change. A change of the tree is counted anew by the import ({@link SubtreeFigures}); the rows carry the tree's
 * version stamp and a reader refuses rows a change of the tree written around the import has left behind.
 */
@Repository
public class DuesSubtreeTotals implements SubtreeFigures {

  static final String TABLE = "pf_dues_level";

  /** Deeper than any party organization tree; stops a cycle in bad data. */
  private static final int MAX_DEPTH = 32;

  /** The first key of the advisory lock of a branch's months (the second is the branch id's hash). */
  private static final int LOCK_CLASS = 138;

  /**
   * Every branch month with its arrears (the owed months of the branch before it), summed at its branch and every
   * organization above; V138 fills the table with the same.
   */
  public static final String REBUILD = "insert into pf_dues_level (org_id, period, members, expected, received,"
      + " unpaid_members, owed, arrears_person_months, arrears_owed) with recursive up (ancestor_id, org_id, depth)"
      + " as (select id, id, 0 from pf_organization union all select o.parent_id, u.org_id, u.depth + 1 from up u"
      + " join pf_organization o on o.id = u.ancestor_id where o.parent_id is not null and u.depth < " + MAX_DEPTH
      + "), month_total (branch_id, period, members, expected, received, unpaid_members, owed, before_unpaid,"
      + " before_owed) as (select t.branch_id, t.period, t.members, t.expected, t.received, t.unpaid_members,"
      + " t.owed, coalesce(sum(t.unpaid_members) over (partition by t.branch_id order by"
      + " t.period rows between unbounded preceding and 1 preceding), 0),"
      + " coalesce(sum(t.owed) over (partition by t.branch_id order by t.period rows between unbounded preceding"
      + " and 1 preceding), 0) from pf_dues_month_total t where t.members > 0)"
      + " select u.ancestor_id, m.period, sum(m.members), sum(m.expected), sum(m.received), sum(m.unpaid_members),"
      + " sum(m.owed), sum(m.before_unpaid), sum(m.before_owed) from month_total m join up u on u.org_id = m.branch_id"
      + " group by u.ancestor_id, m.period";

  private static final String COLUMNS = "org_id, period, members, expected, received, unpaid_members, owed,"
      + " arrears_person_months, arrears_owed";

  private static final String UPSERT_POSTGRES = "insert into pf_dues_level (" + COLUMNS + ")"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (org_id, period) do update set"
      + " members = pf_dues_level.members + excluded.members,"
      + " expected = pf_dues_level.expected + excluded.expected,"
      + " received = pf_dues_level.received + excluded.received,"
      + " unpaid_members = pf_dues_level.unpaid_members + excluded.unpaid_members,"
      + " owed = pf_dues_level.owed + excluded.owed,"
      + " arrears_person_months = pf_dues_level.arrears_person_months + excluded.arrears_person_months,"
      + " arrears_owed = pf_dues_level.arrears_owed + excluded.arrears_owed";

  private static final String UPSERT_H2 = "merge into pf_dues_level k using (select cast(? as varchar(64)) org_id,"
      + " cast(? as varchar(7)) period, cast(? as bigint) members, cast(? as numeric(16,2)) expected,"
      + " cast(? as numeric(16,2)) received, cast(? as bigint) unpaid_members, cast(? as numeric(16,2)) owed,"
      + " cast(? as bigint) arrears_person_months, cast(? as numeric(16,2)) arrears_owed) s"
      + " on (k.org_id = s.org_id and k.period = s.period) when matched then update set"
      + " members = k.members + s.members, expected = k.expected + s.expected, received = k.received + s.received,"
      + " unpaid_members = k.unpaid_members + s.unpaid_members, owed = k.owed + s.owed,"
      + " arrears_person_months = k.arrears_person_months + s.arrears_person_months,"
      + " arrears_owed = k.arrears_owed + s.arrears_owed"
      + " when not matched then insert (" + COLUMNS + ") values (s.org_id, s.period, s.members, s.expected,"
      + " s.received, s.unpaid_members, s.owed, s.arrears_person_months, s.arrears_owed)";

  /** A row of the kept totals per subtree. */
  record Key(String orgId, String period) {
    static final Comparator<Key> ORDER = Comparator.comparing(Key::orgId).thenComparing(Key::period);
  }

  /**
   * A branch month's figures as pf_dues_month_total holds them (all zero: no ledger that month), or a difference of
   * them, with the arrears a row per subtree keeps.
   */
  record Figures(long members, BigDecimal expected, BigDecimal received, long unpaidMembers, BigDecimal owed,
      long arrearsPersonMonths, BigDecimal arrearsOwed) {

    static final Figures NONE = new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0,
        BigDecimal.ZERO);

    static Figures month(long members, BigDecimal expected, BigDecimal received, long unpaidMembers,
        BigDecimal owed) {
      return new Figures(members, expected, received, unpaidMembers, owed, 0, BigDecimal.ZERO);
    }

    static Figures arrears(long personMonths, BigDecimal owed) {
      return new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, personMonths, owed);
    }

    Figures plus(Figures o) {
      return new Figures(members + o.members, expected.add(o.expected), received.add(o.received),
          unpaidMembers + o.unpaidMembers, owed.add(o.owed), arrearsPersonMonths + o.arrearsPersonMonths,
          arrearsOwed.add(o.arrearsOwed));
    }

    Figures negate() {
      return new Figures(-members, expected.negate(), received.negate(), -unpaidMembers, owed.negate(),
          -arrearsPersonMonths, arrearsOwed.negate());
    }

    boolean zero() {
      return members == 0 && expected.signum() == 0 && received.signum() == 0 && unpaidMembers == 0
          && owed.signum() == 0 && arrearsPersonMonths == 0 && arrearsOwed.signum() == 0;
    }
  }

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;

  DuesSubtreeTotals(JdbcTemplate jdbc, OrganizationDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /** A new set of differences to gather, in the order they are written. */
  static TreeMap<Key, Figures> gathered() {
    return new TreeMap<>(Key.ORDER);
  }

  /**
   * Holds the months of a branch until the transaction ends, before the first of them is recounted: the arrears
   * kept for a month read the branch's earlier months. PostgreSQL only (the demo on H2 runs on one node).
   */
  void lockBranch(String branchId) {
    if (KeptTables.postgres(jdbc)) {
      jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_CLASS, branchId);
    }
  }

  /**
   * The branch's month went from {@code before} to {@code after} (pf_dues_month_total already holds {@code after}):
   * gathers into {@code into} the differences of the month at the branch and every organization above it, the arrears
   * of this month when the month came or went, and the arrears of the branch's later months when what it owes
   * changed.
   */
  void recounted(String branchId, String period, Figures before, Figures after, Map<Key, Figures> into) {
    List<String> above = new ArrayList<>();
    Map<String, Organization> tree = directory.organizationsById();
    for (Organization o = tree.get(branchId); o != null && above.size() <= MAX_DEPTH;
        o = o.parentId() == null ? null : tree.get(o.parentId())) {
      above.add(o.id());
    }
    if (above.isEmpty()) {
      return;
    }
    Figures change = after.plus(before.negate());
    boolean came = before.members() == 0 && after.members() > 0;
    boolean went = before.members() > 0 && after.members() == 0;
    if (came || went) {
      // Only the months somebody still owes for: ix_pf_dues_month_total_owing holds every column read here.
      Figures earlier = jdbc.queryForObject("select coalesce(sum(unpaid_members), 0) as n, coalesce(sum(owed), 0)"
              + " as owed from pf_dues_month_total where branch_id = ? and unpaid_members > 0 and period < ?",
          (rs, i) -> Figures.arrears(rs.getLong("n"), rs.getBigDecimal("owed")), branchId, period);
      change = change.plus(came ? earlier : earlier.negate());
    }
    for (String org : above) {
      into.merge(new Key(org, period), change, Figures::plus);
    }
    if (after.unpaidMembers() != before.unpaidMembers() || after.owed().compareTo(before.owed()) != 0) {
      Figures owing = Figures.arrears(after.unpaidMembers() - before.unpaidMembers(),
          after.owed().subtract(before.owed()));
      for (String later : jdbc.queryForList("select period from pf_dues_month_total where branch_id = ?"
          + " and period > ? and members > 0", String.class, branchId, period)) {
        for (String org : above) {
          into.merge(new Key(org, later), owing, Figures::plus);
        }
      }
    }
  }

  /**
   * Writes the gathered differences in their order, as one batch (a branch's month changes a row at each of its four
   * or so levels: one round trip instead of one each); a row no branch month is counted in any more goes.
   */
  void write(TreeMap<Key, Figures> changes) {
    List<Object[]> upserts = new ArrayList<>();
    List<Object[]> emptied = new ArrayList<>();
    changes.forEach((key, f) -> {
      if (f.zero()) {
        return;
      }
      upserts.add(new Object[] {key.orgId(), key.period(), f.members(), f.expected(), f.received(),
          f.unpaidMembers(), f.owed(), f.arrearsPersonMonths(), f.arrearsOwed()});
      if (f.members() < 0) {
        emptied.add(new Object[] {key.orgId(), key.period()});
      }
    });
    if (!upserts.isEmpty()) {
      jdbc.batchUpdate(KeptTables.postgres(jdbc) ? UPSERT_POSTGRES : UPSERT_H2, upserts);
    }
    if (!emptied.isEmpty()) {
      jdbc.batchUpdate("delete from pf_dues_level where org_id = ? and period = ? and members = 0", emptied);
    }
  }

  /**
   * Counts every row anew from the kept month totals over the tree as it is now, set-based: after the import wrote
   * organizations, or after the month totals were rebuilt. On PostgreSQL it holds writes to the month totals and the
   * tree for its duration, so no change is lost, and stamps the rows with the tree's version.
   */
  @Override
  public void rebuild() {
    if (KeptTables.postgres(jdbc)) {
      KeptTables.rebuild(jdbc, "pf_dues_month_total, pf_organization", TABLE, REBUILD, KeptTables.treeStamp(TABLE));
    } else {
      KeptTables.rebuild(jdbc, "pf_dues_month_total, pf_organization", TABLE, REBUILD);
    }
  }

  /**
   * For each organization of {@code orgIds} that has branches with a ledger in {@code period} ("yyyy-MM") in its
   * subtree, their month summed with their arrears, under the organization's id; empty when the kept rows may not
   * match the tree (on H2, or after a change of the tree that did not count them anew).
   */
  public Optional<Map<String, DuesProgress.BranchMonth>> month(Collection<String> orgIds, String period) {
    Periods.parse(period);
    return read(orgIds, period, period, true).map(months -> {
      Map<String, DuesProgress.BranchMonth> byOrg = new HashMap<>();
      months.forEach(m -> byOrg.put(m.branchId(), m));
      return byOrg;
    });
  }

  /**
   * Each month from {@code from} to {@code to} ("yyyy-MM", both included) of each organization of {@code orgIds}
   * whose subtree has branches with a ledger, summed under the organization's id, without arrears (as
   * {@link DuesProgress#months}); empty when the kept rows may not match the tree.
   */
  public Optional<List<DuesProgress.BranchMonth>> months(Collection<String> orgIds, String from, String to) {
    Periods.parse(from);
    Periods.parse(to);
    return read(orgIds, from, to, false);
  }

  private Optional<List<DuesProgress.BranchMonth>> read(Collection<String> orgIds, String from, String to,
      boolean withArrears) {
    if (!KeptTables.overCurrentTree(jdbc, TABLE)) {
      return Optional.empty();
    }
    List<DuesProgress.BranchMonth> months = new ArrayList<>();
    if (orgIds.isEmpty()) {
      return Optional.of(months);
    }
    List<Object> args = new ArrayList<>(List.of(from, to));
    String scope = SqlScope.anyOf("org_id", orgIds, args);
    jdbc.query("select " + COLUMNS + " from pf_dues_level where period between ? and ? and members > 0 and " + scope
            + " order by period, org_id",
        (RowCallbackHandler) rs -> months.add(new DuesProgress.BranchMonth(rs.getString("org_id"),
            rs.getString("period"), rs.getInt("members"), rs.getBigDecimal("expected"), rs.getBigDecimal("received"),
            rs.getInt("unpaid_members"), withArrears ? rs.getInt("arrears_person_months") : 0,
            withArrears ? rs.getBigDecimal("arrears_owed") : BigDecimal.ZERO)),
        args.toArray());
    return Optional.of(months);
  }
}
