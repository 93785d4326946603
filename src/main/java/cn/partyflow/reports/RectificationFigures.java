package cn.partyflow.reports;

import cn.partyflow.rectification.Rectification;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.SqlScope;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 巡察整改 (and the 整改清单 of 民主生活会, 组织生活会 and 述职评议) for the cases whose feedback falls in the period:
 * problems, items, closed, closed on time, overdue now, returned, 约谈 and 问责, 整改率 and 按期完成率, by source.
 * A case without a source is a 巡察 case (the first cases had none).
 */
@Component
class RectificationFigures {

  static final List<String> SOURCES = List.of("巡察", "民主生活会", "组织生活会", "述职评议");

  /**
   * One item of a case in the period, as read once for every figure. {@code closedOn} is the day the inspecting
   * body accepted it (销号); an item marked 已销号 without that acceptance has none and counts as open.
   */
  record Item(long id, long caseId, String problem, String source, String status, LocalDate deadline,
      LocalDate closedOn, String org, String department, int returns, int talks, int accountabilities) {

    boolean closedBy(LocalDate day) {
      return Rectification.CLOSED.equals(status) && closedOn != null && !closedOn.isAfter(day);
    }

    boolean due(LocalDate day) {
      return deadline != null && !deadline.isAfter(day);
    }

    /** Closed no later than its deadline, as moved by an approved change. */
    boolean closedOnTime(LocalDate day) {
      return closedBy(day) && deadline != null && !closedOn.isAfter(deadline);
    }

    /** Past its deadline and not accepted: 验收中 (with the inspecting body) is not yet 销号. */
    boolean overdueOn(LocalDate today) {
      return !closedBy(today) && deadline != null && deadline.isBefore(today);
    }
  }

  private final JdbcTemplate jdbc;

  RectificationFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Item> items(ReportScope scope, Period period) {
    List<Object> args = new ArrayList<>(List.of(Date.valueOf(period.from()), Date.valueOf(period.to())));
    args.add(SqlScope.ids(scope.orgIds()));
    return jdbc.query("select i.id, i.case_id, i.problem, c.source, i.status, i.deadline, c.org_id, i.department,"
            + " (select max(e.occurred_at) from pf_rectification_event e where e.item_id = i.id and e.kind = '"
            + Rectification.EVENT_CLOSED + "' and e.detail like '" + Rectification.ACCEPTANCE_RECORD
            + "%') as accepted_at,"
            + " (select count(*) from pf_rectification_event e where e.item_id = i.id and e.kind = '"
            + Rectification.EVENT_RETURNED + "' and coalesce(e.detail, '') not like '" + Rectification.KEEP_ON_RECORD
            + "%') as returns,"
            + " (select count(*) from pf_rectification_event e where e.item_id = i.id and e.kind = '"
            + Rectification.EVENT_ACCOUNTABILITY + "' and e.detail like '约谈%') as talks,"
            + " (select count(*) from pf_rectification_event e where e.item_id = i.id and e.kind = '"
            + Rectification.EVENT_ACCOUNTABILITY + "' and e.detail like '问责%') as accountabilities"
            + " from pf_rectification_item i join pf_rectification_case c on c.id = i.case_id"
            + " where c.feedback_date >= ? and c.feedback_date <= ? and "
            + SqlScope.anyOf("c.org_id") + " order by c.feedback_date, i.case_id, i.seq",
        (rs, n) -> {
          Timestamp closed = rs.getTimestamp("accepted_at");
          Date deadline = rs.getDate("deadline");
          String source = rs.getString("source");
          return new Item(rs.getLong("id"), rs.getLong("case_id"), rs.getString("problem"),
              source == null || source.isBlank() ? SOURCES.get(0) : source.trim(), rs.getString("status"),
              deadline == null ? null : deadline.toLocalDate(),
              closed == null ? null : ChinaClock.toLocalDate(closed), rs.getString("org_id"),
              rs.getString("department"), rs.getInt("returns"), rs.getInt("talks"), rs.getInt("accountabilities"));
        }, args.toArray());
  }

  static List<ReportTable> tables(List<Item> items, ReportScope scope, Period period, LocalDate asOf,
      LocalDate today, Figures f) {
    Set<String> sources = new LinkedHashSet<>(SOURCES);
    items.forEach(i -> sources.add(i.source()));
    List<ReportTable.Row> rows = new ArrayList<>();
    for (String source : sources) {
      List<Item> of = items.stream().filter(i -> i.source().equals(source)).toList();
      rows.add(new ReportTable.Row(source, cells("rc." + source, source, of, scope, asOf, today, f)));
    }
    rows.add(new ReportTable.Row("合计", cells("rc.all", "", items, scope, asOf, today, f)));
    String asOfText = "截至" + asOf;
    return List.of(new ReportTable("rectification", "整改落实（" + period.label() + "反馈的问题，" + asOfText + "）",
        List.of("来源", "问题", "整改事项", "已销号", "到期事项", "按期完成", "逾期未销号", "退回重改", "约谈", "问责",
            "整改率", "按期完成率"),
        rows, "已销号指经巡察办（或上级党委）验收销号的事项，验收中的不计；整改率＝已销号÷整改事项；按期完成率＝按期完成÷到期事项（完成时限在" + asOf + "前的事项）；"
            + "逾期未销号按今天（" + today + "）计；退回重改含责任领导退回和验收未通过，长期坚持事项的暂不销号不计；"
            + "未注明来源的案件计入巡察"));
  }

  private static List<ReportTable.Cell> cells(String key, String source, List<Item> items, ReportScope scope,
      LocalDate asOf, LocalDate today, Figures f) {
    Map<String, Item> problems = new LinkedHashMap<>();
    items.forEach(i -> problems.putIfAbsent(i.caseId() + "|" + i.problem(), i));
    List<Item> closed = filter(items, i -> i.closedBy(asOf));
    List<Item> due = filter(items, i -> i.due(asOf));
    List<Item> onTime = filter(due, i -> i.closedOnTime(asOf));
    List<Item> overdue = filter(items, i -> i.overdueOn(today));
    List<Item> returned = filter(items, i -> i.returns() > 0);
    List<Item> talks = filter(items, i -> i.talks() > 0);
    List<Item> accountable = filter(items, i -> i.accountabilities() > 0);
    String p = source.isEmpty() ? "" : source + "：";
    List<ReportTable.Cell> cells = List.of(
        f.count(key + ".problems", p + "问题", refs(new ArrayList<>(problems.values()), scope, true)),
        f.count(key + ".items", p + "整改事项", refs(items, scope, false)),
        f.count(key + ".closed", p + "已销号", refs(closed, scope, false)),
        f.count(key + ".due", p + "到期事项", refs(due, scope, false)),
        f.count(key + ".onTime", p + "按期完成", refs(onTime, scope, false)),
        f.count(key + ".overdue", p + "逾期未销号", refs(overdue, scope, false)),
        f.count(key + ".returned", p + "退回重改", refs(returned, scope, false)),
        f.count(key + ".talks", p + "约谈", refs(talks, scope, false)),
        f.count(key + ".accountability", p + "问责", refs(accountable, scope, false)),
        ReportTable.Cell.text(Figures.rate(closed.size(), items.size())),
        ReportTable.Cell.text(Figures.rate(onTime.size(), due.size())));
    String prefix = source.isEmpty() ? "rc" : "rc" + SOURCES.indexOf(source);
    if (source.isEmpty() || SOURCES.contains(source)) {
      f.number(prefix + "Problems", problems.size());
      f.number(prefix + "Items", items.size());
      f.number(prefix + "Closed", closed.size());
      f.number(prefix + "Due", due.size());
      f.number(prefix + "OnTime", onTime.size());
      f.number(prefix + "Overdue", overdue.size());
      f.number(prefix + "Returned", returned.size());
      f.number(prefix + "Talks", talks.size());
      f.number(prefix + "Accountability", accountable.size());
      f.number(prefix + "Rate", Figures.rate(closed.size(), items.size()));
      f.number(prefix + "OnTimeRate", Figures.rate(onTime.size(), due.size()));
    }
    return cells;
  }

  private static List<Item> filter(List<Item> items, Predicate<Item> test) {
    return items.stream().filter(test).toList();
  }

  private static List<Ref> refs(List<Item> items, ReportScope scope, boolean problem) {
    return items.stream().map(i -> new Ref(problem ? shorten(i.problem()) : shorten(i.problem()) + "（" + i.department()
        + "）", scope.name(i.org()), i.status() + (i.deadline() == null ? "" : "，完成时限" + i.deadline())
        + (i.closedOn() == null ? "" : "，销号" + i.closedOn()), "/rectification/items/" + i.id() + "/evidence", null))
        .toList();
  }

  private static String shorten(String text) {
    return text == null ? "" : text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
