package cn.partyflow.dues;

import cn.partyflow.organization.ScopeLevels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * 党费 figures per level of a scope ({@link ScopeLevels}), for 工作台 and the /dues overview of a large scope: a month's
 * branches summed per row with a 合计 of several, and each month's 收缴率 per row for a chart. Amounts are summed in
 * BigDecimal and every rate is computed from the sums ({@link DuesProgress.BranchMonth#plus}).
 */
public final class DuesLevels {

  /** More rows than this and the months' chart draws one line for the whole scope: a legend stays readable. */
  public static final int CHART_SERIES = 12;
  public static final String TOTAL = "合计";

  /**
   * A row's month: an organization with the branches of its whole subtree, or with {@code own} the top organization's
   * own figures; {@code orgId} null for the total.
   */
  public record Row(String orgId, String orgName, boolean own, DuesProgress.BranchMonth month) {}

  private DuesLevels() {}

  /**
   * {@code months} (one {@code period}, per branch) summed per row, and a total when there are several rows. Rows
   * without a ledger this month are left out unless {@code keepEmpty} (a top's own row only when it has figures).
   */
  public static List<Row> month(ScopeLevels levels, List<DuesProgress.BranchMonth> months, String period,
      boolean keepEmpty) {
    Map<String, DuesProgress.BranchMonth> byBranch = new LinkedHashMap<>();
    months.forEach(m -> byBranch.put(m.branchId(), m));
    return withTotal(levels.totals(byBranch, l -> DuesProgress.BranchMonth.empty(l.orgId(), period),
        (a, b) -> a.plus(a.branchId(), b), keepEmpty), period);
  }

  /**
   * The same rows from the month summed per subtree ({@link DuesSubtreeTotals#month}, keyed by organization): a row
   * its organization's, a top's own row its subtree's less the rows under it.
   */
  public static List<Row> monthOfSubtrees(ScopeLevels levels, Map<String, DuesProgress.BranchMonth> perSubtree,
      String period, boolean keepEmpty) {
    return withTotal(ofSubtrees(levels, perSubtree, period, keepEmpty), period).stream()
        .map(r -> new Row(r.orgId(), r.orgName(), r.own(), nothingOwedAsSummed(r.month()))).toList();
  }

  private static List<ScopeLevels.Total<DuesProgress.BranchMonth>> ofSubtrees(ScopeLevels levels,
      Map<String, DuesProgress.BranchMonth> perSubtree, String period, boolean keepEmpty) {
    return levels.totalsOfSubtrees(perSubtree, l -> DuesProgress.BranchMonth.empty(l.orgId(), period),
        (a, b) -> a.plus(a.branchId(), b), DuesProgress.BranchMonth::minus, m -> m.members() == 0, keepEmpty);
  }

  /**
   * Arrears of nothing as the branches' sum shows them: a branch owing nothing adds a plain 0 (no owed months read),
   * where a subtree's kept sum is 0.00.
   */
  private static DuesProgress.BranchMonth nothingOwedAsSummed(DuesProgress.BranchMonth m) {
    return m.arrearsAmount().signum() != 0 ? m : new DuesProgress.BranchMonth(m.branchId(), m.period(), m.members(),
        m.expected(), m.received(), m.unpaidMembers(), m.arrearsPersonMonths(), BigDecimal.ZERO);
  }

  private static List<Row> withTotal(List<ScopeLevels.Total<DuesProgress.BranchMonth>> totals, String period) {
    List<Row> rows = new ArrayList<>(totals.stream()
        .map(t -> new Row(t.level().orgId(), t.level().name(), t.level().own(), t.value())).toList());
    if (rows.size() > 1) {
      rows.add(new Row(null, TOTAL, false, rows.stream().map(Row::month)
          .reduce(DuesProgress.BranchMonth.empty(null, period), (a, b) -> a.plus(null, b))));
    }
    return rows;
  }

  /**
   * Each month's branches summed per row, the rows' names put into {@code names} (the legend); more than
   * {@link #CHART_SERIES} rows are drawn as one line, the whole scope's ({@link #oneLine}).
   */
  public static List<DuesProgress.BranchMonth> monthRates(ScopeLevels levels, List<DuesProgress.BranchMonth> months,
      List<String> periods, Map<String, String> names) {
    return monthRates(levels, months, periods, names, (byOrg, period) -> levels.totals(byOrg,
        l -> DuesProgress.BranchMonth.empty(l.orgId(), period), (a, b) -> a.plus(a.branchId(), b), false));
  }

  /**
   * The same lines from the months summed per subtree ({@link DuesSubtreeTotals#months}, each under its
   * organization's id).
   */
  public static List<DuesProgress.BranchMonth> monthRatesOfSubtrees(ScopeLevels levels,
      List<DuesProgress.BranchMonth> perSubtree, List<String> periods, Map<String, String> names) {
    return monthRates(levels, perSubtree, periods, names,
        (byOrg, period) -> ofSubtrees(levels, byOrg, period, false));
  }

  private static List<DuesProgress.BranchMonth> monthRates(ScopeLevels levels, List<DuesProgress.BranchMonth> months,
      List<String> periods, Map<String, String> names, BiFunction<Map<String, DuesProgress.BranchMonth>, String,
      List<ScopeLevels.Total<DuesProgress.BranchMonth>>> totals) {
    Map<String, Map<String, DuesProgress.BranchMonth>> byPeriod = new LinkedHashMap<>();
    months.forEach(m -> byPeriod.computeIfAbsent(m.period(), p -> new LinkedHashMap<>()).put(m.branchId(), m));
    List<DuesProgress.BranchMonth> rates = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (String period : periods) {
      for (ScopeLevels.Total<DuesProgress.BranchMonth> t : totals.apply(byPeriod.getOrDefault(period, Map.of()),
          period)) {
        rates.add(t.value());
        seen.put(t.level().orgId(), t.level().name());
      }
    }
    Map<String, String> legend = new LinkedHashMap<>();
    levels.levels().stream().filter(l -> seen.containsKey(l.orgId())).forEach(l -> legend.put(l.orgId(), l.name()));
    if (legend.size() <= CHART_SERIES) {
      names.putAll(legend);
      return rates;
    }
    names.put(TOTAL, TOTAL);
    return oneLine(rates);
  }

  /** The months of several rows summed per month under {@link #TOTAL}, in the order the months come. */
  public static List<DuesProgress.BranchMonth> oneLine(List<DuesProgress.BranchMonth> months) {
    Map<String, DuesProgress.BranchMonth> whole = new LinkedHashMap<>();
    months.forEach(m -> whole.merge(m.period(), m.plus(TOTAL, DuesProgress.BranchMonth.empty(TOTAL, m.period())),
        (a, b) -> a.plus(TOTAL, b)));
    return List.copyOf(whole.values());
  }
}
