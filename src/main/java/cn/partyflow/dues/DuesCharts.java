package cn.partyflow.dues;

import cn.partyflow.shared.web.SvgChart;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 收缴率 by month and branch, drawn from {@link DuesProgress#months}: one column per branch in each month, on a scale of
 * 100%; a month without a ledger for a branch has no column.
 */
public final class DuesCharts {

  private static final List<String> COLORS = List.of("#c62828", "#1565c0", "#2e7d32", "#ef8f00", "#6a1b9a",
      "#00838f", "#5d4037", "#ad1457");

  private DuesCharts() {}

  /** The months from {@code from} to {@code to}, both included. */
  public static List<String> periods(YearMonth from, YearMonth to) {
    List<String> periods = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      periods.add(m.toString());
    }
    return periods;
  }

  /**
   * {@code branches} maps each branch id to its name, in the order of the legend; {@code months} are the rows of
   * {@link DuesProgress#months} for those branches and {@code periods}.
   */
  public static String monthlyRates(String id, Map<String, String> branches, List<String> periods,
      List<DuesProgress.BranchMonth> months) {
    return monthlyRates(id, "党支部", branches, periods, months);
  }

  /**
   * The same for rows that are not branches ({@code rows} names them in the title and description, e.g. 组织 for
   * organizations each summing the branches below it); {@code series} maps each row's id to its name.
   */
  public static String monthlyRates(String id, String rows, Map<String, String> series, List<String> periods,
      List<DuesProgress.BranchMonth> months) {
    Map<String, Integer> rates = new HashMap<>();
    months.forEach(m -> rates.put(m.branchId() + "|" + m.period(), m.ratePercent()));
    List<SvgChart.Series> lines = new ArrayList<>();
    int i = 0;
    for (String name : series.values()) {
      lines.add(new SvgChart.Series(name, COLORS.get(i++ % COLORS.size())));
    }
    List<SvgChart.Stack> categories = new ArrayList<>();
    for (String period : periods) {
      List<Long> values = new ArrayList<>();
      for (String row : series.keySet()) {
        Integer rate = rates.get(row + "|" + period);
        values.add(rate == null ? null : rate.longValue());
      }
      categories.add(new SvgChart.Stack(YearMonth.parse(period).getMonthValue() + "月", values));
    }
    String span = periods.isEmpty() ? "" : periods.get(0) + " 至 " + periods.get(periods.size() - 1) + " ";
    return SvgChart.columns(id, "党费收缴率（按月、按" + rows + "）", span
        + "各" + rows + "每月已交占应交的百分比（向下取整）；没有收缴登记的月份不画。", lines, categories, 100, "%");
  }
}
