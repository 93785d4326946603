package cn.partyflow.home;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.shared.web.SvgChart;
import java.util.List;

/** The officers' charts on 工作台, drawn from the rows the page's tables show. */
final class HomeCharts {

  private static final List<String> STAGE_COLORS = List.of("#ef9a9a", "#e57373", "#c62828", "#8e0000");

  private HomeCharts() {}

  /** Per organization (the total row left out), its people at each stage of the way in. */
  static String funnel(List<HomeController.PipelineRow> rows) {
    List<SvgChart.Group> groups = rows.stream().filter(r -> r.orgId() != null).map(r -> new SvgChart.Group(
        r.orgName(), HomeController.PIPELINE.stream().map(s -> bar(s, r.count(s))).toList())).toList();
    return SvgChart.bars("chart-pipeline", "发展党员各阶段人数（按组织）",
        "各组织的入党申请人、入党积极分子、发展对象、预备党员人数。", groups, 0);
  }

  private static SvgChart.Bar bar(MemberStatus stage, long count) {
    return new SvgChart.Bar(stage.label(), count, String.valueOf(count),
        STAGE_COLORS.get(HomeController.PIPELINE.indexOf(stage)));
  }

  /** Per row of the dues table (the total left out), this month's 收缴率 of 100%. */
  static String duesRate(List<HomeController.DuesRow> rows, String period) {
    List<SvgChart.Bar> bars = rows.stream().filter(d -> d.orgId() != null).map(d -> new SvgChart.Bar(d.orgName(),
        d.month().ratePercent(), d.month().ratePercent() + "%", d.month().ratePercent() >= 100 ? "#2e7d32"
            : "#c62828")).toList();
    return SvgChart.bars("chart-dues", "本月党费收缴率（按组织）",
        period + " 各组织（含下级党支部）已交占应交的百分比（向下取整）。", List.of(new SvgChart.Group(null, bars)), 100);
  }
}
