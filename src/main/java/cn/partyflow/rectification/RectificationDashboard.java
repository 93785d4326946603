package cn.partyflow.rectification;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.SqlScope;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * The managers' view of items: the page of rows read from the items in deadline order, the counts above it and the
 * filter lists from the counts kept per organization ({@link RectificationCounts}), so neither reads every item a
 * manager may see.
 */
@Service
public class RectificationDashboard {

  /** Virtual statuses the dashboard filters by besides the stored ones. */
  public static final String OVERDUE = "已逾期";
  public static final String DUE_SOON = "即将到期";

  /** What the user asked to see; blank fields do not filter. */
  public record Filter(String org, String department, String status, String category, String leader) {
    public static Filter none() {
      return new Filter(null, null, null, null, null);
    }
  }

  /** One line of the table. {@code urgency} is overdue, soon, open or closed. */
  public record Row(long id, String orgId, String orgName, int seq, String problem, String category,
      String leaderUser, String leaderName, String department, String responsibleUser, String responsibleName,
      LocalDate deadline, String status, String taskId, String taskName, String processInstanceId, Long daysLeft,
      String urgency) {}

  private final JdbcTemplate jdbc;
  private final RectificationSettings settings;
  private final RectificationLevels levels;

  public RectificationDashboard(JdbcTemplate jdbc, RectificationSettings settings, RectificationLevels levels) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.levels = levels;
  }

  /** Rows {@code offset} to {@code offset + limit - 1} in deadline order. */
  public List<Row> rows(Collection<String> orgs, Filter filter, int offset, int limit) {
    List<Row> rows = new ArrayList<>();
    forEachRow(orgs, filter, offset, limit, rows::add);
    return rows;
  }

  /** Streams the rows (for the export) without holding them all. */
  public void forEachRow(Collection<String> orgs, Filter filter, int limit, Consumer<Row> sink) {
    forEachRow(orgs, filter, 0, limit, sink);
  }

  private void forEachRow(Collection<String> orgs, Filter filter, int offset, int limit, Consumer<Row> sink) {
    if (orgs.isEmpty()) {
      return;
    }
    List<Object> args = new ArrayList<>();
    String where = where(orgs, filter, args);
    args.add(Math.max(0, offset));
    args.add(limit);
    LocalDate today = ChinaClock.today();
    jdbc.query("select i.id, i.org_id, o.name as org_name, i.seq, i.problem, i.category, i.leader_user,"
            + " lp.name as leader_name, i.department, i.responsible_user, rp.name as responsible_name, i.deadline,"
            + " i.status, i.current_task_id, i.current_task_name, i.process_instance_id"
            + " from pf_rectification_item i join pf_organization o on o.id = i.org_id"
            + " left join pf_person lp on lp.username = i.leader_user"
            + " left join pf_person rp on rp.username = i.responsible_user"
            + where + " order by i.deadline asc nulls last, i.id offset ? rows fetch next ? rows only",
        (RowCallbackHandler) rs -> {
          Date d = rs.getDate("deadline");
          LocalDate deadline = d == null ? null : d.toLocalDate();
          String status = rs.getString("status");
          String category = rs.getString("category");
          Long daysLeft = deadline == null ? null : ChronoUnit.DAYS.between(today, deadline);
          sink.accept(new Row(rs.getLong("id"), rs.getString("org_id"), rs.getString("org_name"), rs.getInt("seq"),
              rs.getString("problem"), category, rs.getString("leader_user"), rs.getString("leader_name"),
              rs.getString("department"), rs.getString("responsible_user"), rs.getString("responsible_name"),
              deadline, status, rs.getString("current_task_id"), rs.getString("current_task_name"),
              rs.getString("process_instance_id"), daysLeft, urgency(status, category, daysLeft)));
        }, args.toArray());
  }

  /** Per responsible department: all items, open items and overdue items. */
  public record DepartmentCount(String department, long total, long open, long overdue) {}

  /** Weeks the closing chart covers, the current one last. */
  public static final int WEEKS = 8;

  /**
   * A week from Monday to Sunday: the items planned to be done in it (deadline in the week, 长期坚持 left out) and the
   * items closed (销号) in it.
   */
  public record Week(LocalDate monday, long planned, long closed) {}

  /**
   * The counts above the table under one filter: items per status (overdue and due-soon included), per responsible
   * department, the departments and leaders met, and the last {@link #WEEKS} weeks' planned and closed items.
   */
  public record Summary(Map<String, Long> byStatus, List<DepartmentCount> byDepartment, List<String> departments,
      List<String> leaders, List<Week> weeks) {}

  /**
   * Everything the counts need from the kept counts ({@link RectificationCounts}) of the user's organizations: the
   * figures grouped by status, department and leader, then the planned and the closed weeks from the rows in their
   * window; the same conditions as over the items, each row weighing its number of items, so the figures are those
   * of the items however many there are.
   */
  public Summary summary(Collection<String> orgs, Filter filter) {
    if (orgs.isEmpty()) {
      return summary(null, true, null);
    }
    return summary("pf_rectification_count", true, args -> where(orgs, filter, args));
  }

  /**
   * The same counts, unfiltered, for the whole subtrees of {@code roots} (a scope's top organizations), from the
   * counts kept per subtree ({@link RectificationLevels}): a province's row instead of its 61,200 rows. No leaders
   * (those rows keep none); empty when the kept rows lag the tree (and always on H2), and the caller reads
   * {@link #summary} instead.
   */
  public Optional<Summary> summaryOfSubtrees(Collection<String> roots) {
    if (!levels.overCurrentTree()) {
      return Optional.empty();
    }
    if (roots.isEmpty()) {
      return Optional.of(summary(null, false, null));
    }
    return Optional.of(summary(RectificationLevels.TABLE, false,
        args -> " where " + SqlScope.anyOf("i.org_id", roots, args)));
  }

  /**
   * The summary over the rows of {@code table} that {@code where} (a where clause, its arguments added to the list it
   * is given) selects; all zero without a table. Leaders are read only with {@code withLeaders}.
   */
  private Summary summary(String table, boolean withLeaders, Function<List<Object>, String> where) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    Rectification.STATUSES.forEach(s -> byStatus.put(s, 0L));
    byStatus.put(OVERDUE, 0L);
    byStatus.put(DUE_SOON, 0L);
    LocalDate today = ChinaClock.today();
    LocalDate firstMonday = today.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
    long[] planned = new long[WEEKS];
    long[] closed = new long[WEEKS];
    if (table == null) {
      return new Summary(byStatus, List.of(), List.of(), List.of(), weeks(firstMonday, planned, closed));
    }
    List<Object> args = new ArrayList<>();
    args.add(Date.valueOf(today));
    args.add(Date.valueOf(today));
    args.add(Date.valueOf(today.plusDays(settings.dueSoonDays())));
    String selected = where.apply(args);
    String leader = withLeaders ? ", i.leader_user" : "";
    Map<String, long[]> departments = new HashMap<>();
    Set<String> leaders = new HashSet<>();
    jdbc.query("select i.status, i.department" + leader + ", sum(i.n) as n,"
            + " sum(case when " + OPEN + " and i.deadline < ? then i.n else 0 end) as overdue,"
            + " sum(case when " + OPEN + " and i.deadline between ? and ? then i.n else 0 end) as soon"
            + " from " + table + " i" + selected + " and i.n > 0"
            + " group by i.status, i.department" + leader,
        (RowCallbackHandler) rs -> {
          String status = rs.getString("status");
          long n = rs.getLong("n");
          long overdue = rs.getLong("overdue");
          byStatus.merge(status, n, Long::sum);
          byStatus.merge(OVERDUE, overdue, Long::sum);
          byStatus.merge(DUE_SOON, rs.getLong("soon"), Long::sum);
          long[] d = departments.computeIfAbsent(rs.getString("department"), k -> new long[3]);
          d[0] += n;
          d[1] += Rectification.CLOSED.equals(status) ? 0 : n;
          d[2] += overdue;
          if (withLeaders) {
            leaders.add(rs.getString("leader_user"));
          }
        }, args.toArray());
    // The weeks read only the rows in their window (planned: a deadline in it; closed: closed in it), so the sums per
    // week are worked out for those rows alone and not for every row of the scope.
    weeks(table, "i.category <> '" + Rectification.LONG_TERM + "' and i.deadline", where, firstMonday, planned);
    weeks(table, "i.closed_on", where, firstMonday, closed);
    List<DepartmentCount> byDepartment = new ArrayList<>();
    departments.forEach((name, d) -> byDepartment.add(new DepartmentCount(name, d[0], d[1], d[2])));
    byDepartment.sort(Comparator.comparingLong(DepartmentCount::overdue).reversed()
        .thenComparing(Comparator.comparingLong(DepartmentCount::total).reversed())
        .thenComparing(DepartmentCount::department, NAMES));
    return new Summary(byStatus, byDepartment, sorted(departments.keySet()), sorted(leaders),
        weeks(firstMonday, planned, closed));
  }

  /** Adds to {@code into} the items per week whose {@code dated} (a condition ending in a date column) falls in it. */
  private void weeks(String table, String dated, Function<List<Object>, String> where, LocalDate firstMonday,
      long[] into) {
    String column = dated.substring(dated.lastIndexOf(' ') + 1);
    List<Object> args = new ArrayList<>();
    StringBuilder sums = new StringBuilder();
    for (int k = 0; k < WEEKS; k++) {
      sums.append(k == 0 ? "" : ", ").append("sum(case when ").append(column).append(" < ? then i.n else 0 end) as w")
          .append(k);
      args.add(Date.valueOf(firstMonday.plusWeeks(k + 1)));
    }
    String selected = where.apply(args);
    args.add(Date.valueOf(firstMonday));
    args.add(Date.valueOf(firstMonday.plusWeeks(WEEKS)));
    // Each sum counts the rows before the end of its week; the differences are the weeks.
    jdbc.query("select " + sums + " from " + table + " i" + selected + " and i.n > 0 and " + dated
            + " >= ? and " + column + " < ?",
        (RowCallbackHandler) rs -> {
          long before = 0;
          for (int k = 0; k < WEEKS; k++) {
            long upTo = rs.getLong("w" + k);
            into[k] += upTo - before;
            before = upTo;
          }
        }, args.toArray());
  }

  private static List<Week> weeks(LocalDate firstMonday, long[] planned, long[] closed) {
    List<Week> weeks = new ArrayList<>();
    for (int k = 0; k < WEEKS; k++) {
      weeks.add(new Week(firstMonday.plusWeeks(k), planned[k], closed[k]));
    }
    return weeks;
  }

  /** Chinese names in the order of the dictionary (pinyin), as the filter lists show them. */
  private static final Comparator<String> NAMES = Comparator.nullsLast(Collator.getInstance(Locale.CHINA)::compare);

  private static List<String> sorted(Collection<String> names) {
    List<String> list = new ArrayList<>(names);
    list.sort(NAMES);
    return list;
  }

  /** The departments and the leaders present in the user's organizations, for the filter lists. */
  public record Choices(List<String> departments, List<String> leaders) {}

  /** {@link Choices} in one pass over the kept counts. */
  public Choices choices(Collection<String> orgs) {
    if (orgs.isEmpty()) {
      return new Choices(List.of(), List.of());
    }
    List<Object> args = new ArrayList<>();
    String scope = SqlScope.anyOfRegistered("org_id", orgs, args);
    Set<String> departments = new HashSet<>();
    Set<String> leaders = new HashSet<>();
    jdbc.query("select department, leader_user from pf_rectification_count where " + scope
            + " and n > 0 group by department, leader_user",
        (RowCallbackHandler) rs -> {
          departments.add(rs.getString("department"));
          leaders.add(rs.getString("leader_user"));
        }, args.toArray());
    return new Choices(sorted(departments), sorted(leaders));
  }

  /**
   * The leaders of the items in {@code orgs}, as {@link #choices} lists them, found leader by leader along the index
   * of the kept counts by leader (V142): a step per leader, not a pass over every row of a province. For a large
   * scope on PostgreSQL, beside {@link #summaryOfSubtrees}, whose rows keep no leaders.
   */
  public List<String> leadersOf(Collection<String> orgs) {
    if (orgs.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    String scope = SqlScope.anyOfRegistered("c.org_id", orgs, args);
    List<String> leaders = jdbc.queryForList("with recursive l (leader_user) as ("
        + "(select leader_user from pf_rectification_count where n > 0 order by leader_user fetch first 1 rows only)"
        + " union all select (select c.leader_user from pf_rectification_count c where c.n > 0"
        + " and c.leader_user > l.leader_user order by c.leader_user fetch first 1 rows only)"
        + " from l where l.leader_user is not null)"
        + " select l.leader_user from l where l.leader_user is not null and exists (select 1"
        + " from pf_rectification_count c where c.leader_user = l.leader_user and c.n > 0 and " + scope + ")",
        String.class, args.toArray());
    return sorted(leaders);
  }

  public List<String> departments(Collection<String> orgs) {
    return choices(orgs).departments();
  }

  public List<String> leaders(Collection<String> orgs) {
    return choices(orgs).leaders();
  }

  private static final String OPEN = "i.status <> '" + Rectification.CLOSED + "' and i.category <> '"
      + Rectification.LONG_TERM + "'";

  private String where(Collection<String> orgs, Filter f, List<Object> args) {
    StringBuilder sql = new StringBuilder(" where ");
    if (!blank(f.org()) && orgs.contains(f.org())) {
      sql.append("i.org_id = ?");
      args.add(f.org());
    } else {
      // Items and kept counts (rows of n > 0 stand for items) only ever name organizations of the registry.
      sql.append(SqlScope.anyOfRegistered("i.org_id", orgs, args));
    }
    if (!blank(f.department())) {
      sql.append(" and i.department = ?");
      args.add(f.department());
    }
    if (!blank(f.category())) {
      sql.append(" and i.category = ?");
      args.add(f.category());
    }
    if (!blank(f.leader())) {
      sql.append(" and i.leader_user = ?");
      args.add(f.leader());
    }
    if (!blank(f.status())) {
      LocalDate today = ChinaClock.today();
      if (OVERDUE.equals(f.status())) {
        sql.append(" and ").append(OPEN).append(" and i.deadline < ?");
        args.add(Date.valueOf(today));
      } else if (DUE_SOON.equals(f.status())) {
        sql.append(" and ").append(OPEN).append(" and i.deadline between ? and ?");
        args.add(Date.valueOf(today));
        args.add(Date.valueOf(today.plusDays(settings.dueSoonDays())));
      } else {
        sql.append(" and i.status = ?");
        args.add(f.status());
      }
    }
    return sql.toString();
  }

  String urgency(String status, String category, Long daysLeft) {
    if (Rectification.CLOSED.equals(status)) {
      return "closed";
    }
    if (Rectification.LONG_TERM.equals(category) || daysLeft == null) {
      return "open";
    }
    if (daysLeft < 0) {
      return "overdue";
    }
    return daysLeft <= settings.dueSoonDays() ? "soon" : "open";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
