package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.SqlScope;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Items driven through every kind of change {@link RectificationItems} makes (plans and redrafts, progress, status
 * marks, closing in different weeks, moved deadlines), in two organizations of one 党委 and one of another; after each
 * change the dashboard's figures under several scopes and filters must be those counted directly from the items.
 */
final class CountsScenario {

  private final JdbcTemplate jdbc;
  private final RectificationItems items;
  private final RectificationDashboard dashboard;
  private final int dueSoonDays;
  /** Runs one change as the application would: in a transaction of its own where there are transactions. */
  private final Consumer<Runnable> change;
  final String run;
  final String committee;
  final String branch;
  final String other;
  final List<Long> cases = new ArrayList<>();

  CountsScenario(JdbcTemplate jdbc, RectificationItems items, RectificationDashboard dashboard, int dueSoonDays,
      Consumer<Runnable> change, String run, String committee, String branch, String other) {
    this.jdbc = jdbc;
    this.items = items;
    this.dashboard = dashboard;
    this.dueSoonDays = dueSoonDays;
    this.change = change;
    this.run = run;
    this.committee = committee;
    this.branch = branch;
    this.other = other;
  }

  /** Each step, then the figures against the items. Moves the engine clock; the caller resets it. */
  void play() {
    LocalDate start = LocalDate.of(2026, 3, 11);
    at(start.minusWeeks(3));
    long committeeCase = newCase(committee);
    long branchCase = newCase(branch);
    long otherCase = newCase(other);
    LocalDate today = ChinaClock.today();
    plan(committeeCase, committee, List.of(
        planned(1, Rectification.TIME_BOUND, "科室甲", "leader1", today.minusDays(3)),
        planned(2, Rectification.IMMEDIATE, "科室甲", "leader2", today.plusDays(2)),
        planned(3, Rectification.TIME_BOUND, "科室乙", "leader1", today.plusDays(dueSoonDays)),
        planned(4, Rectification.LONG_TERM, "科室乙", "leader2", null),
        planned(5, Rectification.TIME_BOUND, "科室丙", "leader1", today.plusDays(30))));
    plan(branchCase, branch, List.of(
        planned(1, Rectification.TIME_BOUND, "科室甲", "leader1", today.minusDays(10)),
        planned(2, Rectification.TIME_BOUND, "科室丁", "leader2", today.plusDays(8))));
    plan(otherCase, other, List.of(
        planned(1, Rectification.TIME_BOUND, "科室甲", "leader1", today.minusDays(1))));
    // A redraft replaces the plan whole: different departments, leaders and deadlines.
    plan(branchCase, branch, List.of(
        planned(1, Rectification.TIME_BOUND, "科室戊", "leader2", today.minusDays(2)),
        planned(2, Rectification.IMMEDIATE, "科室甲", "leader1", today.plusDays(1)),
        planned(3, Rectification.TIME_BOUND, "科室甲", "leader1", today.plusDays(1))));
    List<Long> c = itemIds(committeeCase);
    List<Long> b = itemIds(branchCase);
    List<Long> o = itemIds(otherCase);
    step(() -> items.progress(c.get(0), Rectification.IN_PROGRESS, "进展"));
    step(() -> items.progress(c.get(1), Rectification.AWAITING_VERIFICATION, "材料齐备"));
    step(() -> items.markStatus(c.get(1), Rectification.ACCEPTANCE));
    step(() -> items.markStatus(c.get(3), Rectification.ONGOING));
    step(() -> items.close(c.get(1)));
    step(() -> items.moveDeadline(c.get(0), ChinaClock.today().plusDays(4), "rmyy_shuji", "延期"));
    step(() -> items.progress(o.get(0), Rectification.IN_PROGRESS, "进展"));
    at(start.minusWeeks(1));
    step(() -> items.markStatus(b.get(0), Rectification.RETURNED));
    step(() -> items.progress(b.get(0), Rectification.AWAITING_VERIFICATION, "补充材料"));
    step(() -> items.close(b.get(0)));
    step(() -> items.close(o.get(0)));
    at(start);
    step(() -> items.moveDeadline(c.get(4), ChinaClock.today().minusDays(0), "rmyy_shuji", "提前"));
    step(() -> items.close(c.get(2)));
    step(() -> items.moveDeadline(b.get(1), ChinaClock.today().plusDays(dueSoonDays), "rmyy_shuji", "延期"));
    // Two changes of one item in one transaction, and changes of two items.
    step(() -> {
      items.progress(b.get(2), Rectification.IN_PROGRESS, "进展");
      items.progress(b.get(2), Rectification.AWAITING_VERIFICATION, "完成");
      items.markStatus(c.get(4), Rectification.RETURNED);
    });
    // Weeks later the same counts give other overdue and due-soon figures and other weeks.
    at(start.plusWeeks(5));
    assertFigures();
  }

  void at(LocalDate day) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.of(day, java.time.LocalTime.of(10, 0))));
  }

  private void step(Runnable r) {
    change.accept(r);
    assertFigures();
  }

  private void plan(long caseId, String org, List<RectificationRules.PlannedItem> planned) {
    step(() -> items.replaceDraft(caseId, org, "counts-" + run + "-" + caseId, planned));
  }

  static RectificationRules.PlannedItem planned(int no, String category, String department, String leader,
      LocalDate deadline) {
    return new RectificationRules.PlannedItem(no, "问题" + no, "措施", "目标", category, leader, department, null,
        "resp1", deadline);
  }

  long newCase(String org) {
    String pi = "counts-" + run + "-" + org + "-" + cases.size();
    jdbc.update("insert into pf_rectification_case (org_id, source, status, process_instance_id, created_at)"
        + " values (?, '巡察', '整改中', ?, current_timestamp)", org, pi);
    long id = jdbc.queryForObject("select id from pf_rectification_case where process_instance_id = ?", Long.class,
        pi);
    cases.add(id);
    return id;
  }

  private List<Long> itemIds(long caseId) {
    return jdbc.queryForList("select id from pf_rectification_item where case_id = ? order by seq", Long.class,
        caseId);
  }

  /**
   * A scope of {@code size} organizations, one array parameter, reads the same figures, departments, leaders and rows
   * as the three organizations in it that hold items.
   */
  void assertLargeScope(int size) {
    Set<String> small = Set.of(committee, branch, other);
    Set<String> large = new HashSet<>(small);
    for (int i = 0; large.size() < size; i++) {
      large.add("no-such-org-" + i);
    }
    RectificationDashboard.Filter none = RectificationDashboard.Filter.none();
    RectificationDashboard.Summary expected = dashboard.summary(small, none);
    RectificationDashboard.Summary actual = dashboard.summary(large, none);
    assertThat(expected.byStatus()).isNotEmpty();
    assertThat(actual.byStatus()).isEqualTo(expected.byStatus());
    assertThat(actual.byDepartment()).containsExactlyInAnyOrderElementsOf(expected.byDepartment());
    assertThat(dashboard.departments(large)).containsExactlyInAnyOrderElementsOf(dashboard.departments(small));
    assertThat(dashboard.leaders(large)).containsExactlyInAnyOrderElementsOf(dashboard.leaders(small));
    assertThat(dashboard.rows(large, none, 0, 50)).isEqualTo(dashboard.rows(small, none, 0, 50));
  }

  /**
   * A scope read relative to the registry (whole, or less some organizations) reads the same figures, filter lists and
   * rows as the same ids passed as an array.
   */
  void assertRegistryScope(Set<String> whole) {
    assertThat(SqlScope.isRegistry(whole)).isTrue();
    Set<String> listed = new HashSet<>(whole);
    assertThat(SqlScope.isRegistry(listed)).isFalse();
    for (RectificationDashboard.Filter filter : List.of(RectificationDashboard.Filter.none(),
        new RectificationDashboard.Filter(branch, null, RectificationDashboard.OVERDUE, null, null))) {
      RectificationDashboard.Summary expected = dashboard.summary(listed, filter);
      RectificationDashboard.Summary actual = dashboard.summary(whole, filter);
      assertThat(actual.byStatus()).isEqualTo(expected.byStatus());
      assertThat(actual.byDepartment()).containsExactlyInAnyOrderElementsOf(expected.byDepartment());
      assertThat(actual.weeks()).isEqualTo(expected.weeks());
      assertThat(dashboard.rows(whole, filter, 0, 500)).isEqualTo(dashboard.rows(listed, filter, 0, 500));
    }
    List<String> seen = dashboard.rows(whole, RectificationDashboard.Filter.none(), 0, 100_000).stream()
        .map(RectificationDashboard.Row::orgId).toList();
    for (String org : List.of(committee, branch, other)) {
      if (whole.contains(org)) {
        assertThat(seen).contains(org);
      } else {
        assertThat(seen).doesNotContain(org);
      }
    }
    assertThat(dashboard.departments(whole)).containsExactlyInAnyOrderElementsOf(dashboard.departments(listed));
    assertThat(dashboard.leaders(whole)).containsExactlyInAnyOrderElementsOf(dashboard.leaders(listed));
    assertThat(dashboard.leadersOf(whole)).containsExactlyInAnyOrderElementsOf(dashboard.leaders(listed));
    assertThat(dashboard.leadersOf(listed)).containsExactlyInAnyOrderElementsOf(dashboard.leaders(listed));
  }

  /** The dashboard's figures equal the direct count for every scope and filter tried. */
  void assertFigures() {
    List<Set<String>> scopes = List.of(Set.of(committee, branch), Set.of(branch), Set.of(other),
        Set.of(committee, branch, other));
    List<RectificationDashboard.Filter> filters = List.of(RectificationDashboard.Filter.none(),
        new RectificationDashboard.Filter(branch, null, null, null, null),
        new RectificationDashboard.Filter(null, "科室甲", null, null, null),
        new RectificationDashboard.Filter(null, null, RectificationDashboard.OVERDUE, null, null),
        new RectificationDashboard.Filter(null, null, RectificationDashboard.DUE_SOON, null, null),
        new RectificationDashboard.Filter(null, null, Rectification.CLOSED, null, null),
        new RectificationDashboard.Filter(null, null, null, Rectification.LONG_TERM, null),
        new RectificationDashboard.Filter(null, "科室甲", Rectification.IN_PROGRESS, Rectification.TIME_BOUND,
            "leader1"),
        new RectificationDashboard.Filter(null, null, null, null, "leader2"));
    for (Set<String> scope : scopes) {
      for (RectificationDashboard.Filter filter : filters) {
        RectificationDashboard.Summary actual = dashboard.summary(scope, filter);
        RectificationDashboard.Summary expected = counted(scope, filter);
        String as = scope + " " + filter + " on " + ChinaClock.today();
        assertThat(actual.byStatus()).as(as).isEqualTo(expected.byStatus());
        assertThat(actual.byDepartment()).as(as).containsExactlyInAnyOrderElementsOf(expected.byDepartment());
        assertThat(actual.departments()).as(as).containsExactlyInAnyOrderElementsOf(expected.departments());
        assertThat(actual.leaders()).as(as).containsExactlyInAnyOrderElementsOf(expected.leaders());
        assertThat(actual.weeks()).as(as).isEqualTo(expected.weeks());
      }
      assertThat(dashboard.departments(scope)).containsExactlyInAnyOrderElementsOf(column("department", scope));
      assertThat(dashboard.leaders(scope)).containsExactlyInAnyOrderElementsOf(column("leader_user", scope));
      assertThat(dashboard.leadersOf(scope)).containsExactlyInAnyOrderElementsOf(column("leader_user", scope));
    }
  }

  private record Item(String org, String department, String leader, String category, String status,
      LocalDate deadline, LocalDate closedOn) {}

  /** The figures counted from the items themselves, as the rules say them. */
  private RectificationDashboard.Summary counted(Set<String> scope, RectificationDashboard.Filter f) {
    LocalDate today = ChinaClock.today();
    LocalDate firstMonday = today.with(DayOfWeek.MONDAY).minusWeeks(RectificationDashboard.WEEKS - 1);
    Map<String, Long> byStatus = new LinkedHashMap<>();
    Rectification.STATUSES.forEach(s -> byStatus.put(s, 0L));
    byStatus.put(RectificationDashboard.OVERDUE, 0L);
    byStatus.put(RectificationDashboard.DUE_SOON, 0L);
    Map<String, long[]> departments = new HashMap<>();
    Set<String> leaders = new HashSet<>();
    long[] planned = new long[RectificationDashboard.WEEKS];
    long[] closed = new long[RectificationDashboard.WEEKS];
    for (Item i : items(scope)) {
      boolean open = !Rectification.CLOSED.equals(i.status()) && !Rectification.LONG_TERM.equals(i.category());
      boolean overdue = open && i.deadline() != null && i.deadline().isBefore(today);
      boolean soon = open && i.deadline() != null && !i.deadline().isBefore(today)
          && !i.deadline().isAfter(today.plusDays(dueSoonDays));
      if (!blank(f.org()) && scope.contains(f.org()) && !f.org().equals(i.org())
          || !blank(f.department()) && !f.department().equals(i.department())
          || !blank(f.category()) && !f.category().equals(i.category())
          || !blank(f.leader()) && !f.leader().equals(i.leader())
          || RectificationDashboard.OVERDUE.equals(f.status()) && !overdue
          || RectificationDashboard.DUE_SOON.equals(f.status()) && !soon
          || f.status() != null && Rectification.STATUSES.contains(f.status()) && !f.status().equals(i.status())) {
        continue;
      }
      byStatus.merge(i.status(), 1L, Long::sum);
      byStatus.merge(RectificationDashboard.OVERDUE, overdue ? 1L : 0L, Long::sum);
      byStatus.merge(RectificationDashboard.DUE_SOON, soon ? 1L : 0L, Long::sum);
      long[] d = departments.computeIfAbsent(i.department(), k -> new long[3]);
      d[0]++;
      d[1] += Rectification.CLOSED.equals(i.status()) ? 0 : 1;
      d[2] += overdue ? 1 : 0;
      leaders.add(i.leader());
      if (!Rectification.LONG_TERM.equals(i.category()) && i.deadline() != null) {
        long k = Math.floorDiv(ChronoUnit.DAYS.between(firstMonday, i.deadline()), 7);
        if (k >= 0 && k < RectificationDashboard.WEEKS) {
          planned[(int) k]++;
        }
      }
      if (i.closedOn() != null) {
        long k = Math.floorDiv(ChronoUnit.DAYS.between(firstMonday, i.closedOn()), 7);
        if (k >= 0 && k < RectificationDashboard.WEEKS) {
          closed[(int) k]++;
        }
      }
    }
    List<RectificationDashboard.DepartmentCount> byDepartment = new ArrayList<>();
    departments.forEach((name, d) -> byDepartment.add(new RectificationDashboard.DepartmentCount(name, d[0], d[1],
        d[2])));
    List<RectificationDashboard.Week> weeks = new ArrayList<>();
    for (int k = 0; k < RectificationDashboard.WEEKS; k++) {
      weeks.add(new RectificationDashboard.Week(firstMonday.plusWeeks(k), planned[k], closed[k]));
    }
    return new RectificationDashboard.Summary(byStatus, byDepartment, new ArrayList<>(departments.keySet()),
        new ArrayList<>(leaders), weeks);
  }

  private List<Item> items(Collection<String> scope) {
    String in = String.join(",", scope.stream().map(s -> "?").toList());
    return jdbc.query("select org_id, department, leader_user, category, status, deadline, closed_at"
            + " from pf_rectification_item where org_id in (" + in + ")",
        (rs, n) -> new Item(rs.getString("org_id"), rs.getString("department"), rs.getString("leader_user"),
            rs.getString("category"), rs.getString("status"), date(rs.getDate("deadline")),
            rs.getTimestamp("closed_at") == null ? null
                : rs.getTimestamp("closed_at").toLocalDateTime().toLocalDate()), scope.toArray());
  }

  private List<String> column(String column, Collection<String> scope) {
    String in = String.join(",", scope.stream().map(s -> "?").toList());
    return jdbc.queryForList("select distinct " + column + " from pf_rectification_item where org_id in (" + in
        + ")", String.class, scope.toArray());
  }

  /** Removes what {@link #play} made. */
  void delete() {
    for (long caseId : cases) {
      jdbc.update("delete from pf_rectification_event where item_id in (select id from pf_rectification_item"
          + " where case_id = ?)", caseId);
      jdbc.update("delete from pf_rectification_item where case_id = ?", caseId);
      jdbc.update("delete from pf_rectification_case where id = ?", caseId);
    }
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
