package cn.partyflow.rectification;

import cn.partyflow.shared.web.SvgChart;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's and the managers' home's charts, drawn from the same {@link RectificationDashboard.Summary} their
 * cards and tables show, so a chart never disagrees with the numbers beside it.
 */
public final class RectificationCharts {

  /** More departments than this would make the chart longer than the table it sums up; the table has them all. */
  static final int DEPARTMENT_ROWS = 15;

  private RectificationCharts() {}

  /** One bar per status card, overdue and due-soon included. */
  public static String byStatus(String id, RectificationDashboard.Summary summary) {
    List<SvgChart.Bar> bars = summary.byStatus().entrySet().stream()
        .map(e -> new SvgChart.Bar(e.getKey(), e.getValue(), String.valueOf(e.getValue()), color(e.getKey())))
        .toList();
    return SvgChart.bars(id, "整改事项按状态", "各状态的整改事项数，已逾期和即将到期另计（不含长期坚持类）。",
        List.of(new SvgChart.Group(null, bars)), 0);
  }

  /** Per 责任科室: overdue, other open and closed items, stacked. */
  public static String byDepartment(String id, RectificationDashboard.Summary summary) {
    List<SvgChart.Series> series = List.of(new SvgChart.Series("已逾期", "#c62828"),
        new SvgChart.Series("未逾期未销号", "#5c6bc0"), new SvgChart.Series(Rectification.CLOSED, "#2e7d32"));
    List<RectificationDashboard.DepartmentCount> rows = summary.byDepartment();
    String more = rows.size() > DEPARTMENT_ROWS ? "（逾期最多的前" + DEPARTMENT_ROWS + "个科室，其余见下表）" : "";
    List<SvgChart.Stack> stacks = rows.stream().limit(DEPARTMENT_ROWS)
        .map(d -> new SvgChart.Stack(d.department() == null ? "（未填科室）" : d.department(),
            List.of(d.overdue(), d.open() - d.overdue(), d.total() - d.open())))
        .toList();
    return SvgChart.stacked(id, "逾期情况（按责任科室）", "各责任科室的整改事项：已逾期、未逾期未销号、已销号" + more + "。",
        series, stacks);
  }

  /** Per week of the last {@link RectificationDashboard#WEEKS}: items planned to be done and items closed. */
  public static String weekly(String id, RectificationDashboard.Summary summary) {
    List<SvgChart.Series> series = List.of(new SvgChart.Series("计划完成", "#9e9e9e"),
        new SvgChart.Series("实际销号", "#2e7d32"));
    List<SvgChart.Stack> weeks = summary.weeks().stream()
        .map(w -> new SvgChart.Stack(WEEK.format(w.monday()), List.of(w.planned(), w.closed()))).toList();
    return SvgChart.columns(id, "每周销号与计划", "近" + RectificationDashboard.WEEKS + "周（周一至周日，标注为周一的日期）"
        + "完成时限在当周的事项数（计划完成，不含长期坚持类）与当周验收销号的事项数。", series, weeks, 0, "");
  }

  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("M/d");

  private static final Map<String, String> COLORS = Map.of(RectificationDashboard.OVERDUE, "#c62828",
      RectificationDashboard.DUE_SOON, "#ef8f00", Rectification.CLOSED, "#2e7d32", Rectification.RETURNED, "#ad1457",
      Rectification.ACCEPTANCE, "#00838f");

  private static String color(String status) {
    return COLORS.getOrDefault(status, "#5c6bc0");
  }
}
