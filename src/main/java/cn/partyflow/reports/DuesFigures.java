package cn.partyflow.reports;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.SqlScope;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * 党费 for the months of the period from the 党费收缴登记表 (summed by the database per branch and month): expected,
 * received, 收缴率, remitted to the 党委 and confirmed; the arrears cases opened in the period by kind and stage; the
 * large voluntary payments.
 */
@Component
class DuesFigures {

  static final Map<String, String> ARREARS_KINDS = Map.of("TALK", "连续未交谈话", "WITHDRAWAL", "连续六个月未交（自行脱党）",
      "SHORT", "未按规定交纳");
  static final Map<String, String> ARREARS_STAGES = new LinkedHashMap<>();

  static {
    ARREARS_STAGES.put("OPEN", "待谈话");
    ARREARS_STAGES.put("TALKED", "已谈话");
    ARREARS_STAGES.put("DECIDED_KEEP", "支部大会决定不作除名");
    ARREARS_STAGES.put("DECIDED_REMOVE", "支部大会决定除名");
    ARREARS_STAGES.put("APPROVED", "上级党委批准");
    ARREARS_STAGES.put("NOT_APPROVED", "上级党委未批准");
  }

  /** A branch's month: ledger rows, expected, received, rows paid short, and the confirmed remittance. */
  record Month(String branch, String period, long rows, BigDecimal due, BigDecimal paid, long unpaid,
      BigDecimal remitted) {}

  private final JdbcTemplate jdbc;

  DuesFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Month> months(ReportScope scope, Period period) {
    List<String> months = period.months();
    List<Object> args = new ArrayList<>(List.of(months.get(0), months.get(months.size() - 1)));
    args.add(SqlScope.ids(scope.orgIds()));
    String in = SqlScope.anyOf("branch_id");
    Map<String, BigDecimal> remitted = new LinkedHashMap<>();
    jdbc.query("select branch_id, period, sum(confirmed_amount) as amount from pf_dues_remittance"
            + " where status = 'CONFIRMED' and period >= ? and period <= ? and " + in
            + " group by branch_id, period",
        (RowCallbackHandler) rs -> remitted.put(rs.getString("branch_id") + "|" + rs.getString("period"),
            rs.getBigDecimal("amount")), args.toArray());
    return jdbc.query("select branch_id, period, count(*) as n, sum(due) as due, sum(paid) as paid,"
            + " sum(case when paid < due then 1 else 0 end) as unpaid from pf_dues_ledger"
            + " where period >= ? and period <= ? and " + in + " group by branch_id, period",
        (rs, i) -> new Month(rs.getString("branch_id"), rs.getString("period"), rs.getLong("n"),
            rs.getBigDecimal("due"), rs.getBigDecimal("paid"), rs.getLong("unpaid"),
            remitted.getOrDefault(rs.getString("branch_id") + "|" + rs.getString("period"), BigDecimal.ZERO)),
        args.toArray());
  }

  /** The ledger rows paid short for some branches and months, read when somebody opens the figure. */
  List<Ref> unpaid(ReportScope scope, Set<String> branches, List<String> periods) {
    if (branches.isEmpty() || periods.isEmpty()) {
      return List.of();
    }
    List<Object> args = List.of(SqlScope.ids(branches), SqlScope.ids(periods));
    return jdbc.query("select l.person_id, p.name, l.branch_id, l.period, l.due, l.paid from pf_dues_ledger l"
            + " join pf_person p on p.id = l.person_id where " + SqlScope.anyOf("l.branch_id")
            + " and " + SqlScope.anyOf("l.period") + " and l.paid < l.due order by l.period, l.branch_id, l.person_id",
        (rs, i) -> new Ref(rs.getString("name"), scope.name(rs.getString("branch_id")), rs.getString("period")
            + " 应交" + rs.getBigDecimal("due").toPlainString() + "元，已交" + rs.getBigDecimal("paid").toPlainString()
            + "元", ReportScope.personHref(rs.getString("person_id")), null), args.toArray());
  }

  List<ReportTable> tables(ReportScope scope, Period period, Figures f) {
    List<Month> months = months(scope, period);
    List<ReportTable.Row> byMonth = new ArrayList<>();
    for (String m : period.months()) {
      List<Month> of = months.stream().filter(x -> x.period().equals(m)).toList();
      Set<String> branches = new LinkedHashSet<>();
      of.forEach(x -> branches.add(x.branch()));
      byMonth.add(new ReportTable.Row(m, cells(of, "dues.month." + m, m + "未交足", scope, branches, List.of(m),
          null, f)));
    }
    List<ReportTable.Row> byBranch = new ArrayList<>();
    Map<String, List<Month>> grouped = new LinkedHashMap<>();
    scope.ordered().forEach(o -> grouped.put(o.id(), new ArrayList<>()));
    months.forEach(x -> grouped.computeIfAbsent(x.branch(), k -> new ArrayList<>()).add(x));
    grouped.forEach((branch, of) -> {
      if (!of.isEmpty()) {
        byBranch.add(new ReportTable.Row(scope.name(branch), cells(of, "dues.branch." + branch,
            scope.name(branch) + "未交足", scope, Set.of(branch), period.months(),
            "/dues/" + branch + "?year=" + period.from().getYear(), f)));
      }
    });
    Set<String> all = new LinkedHashSet<>();
    months.forEach(x -> all.add(x.branch()));
    List<ReportTable.Cell> total = cells(months, "dues.all", "未交足", scope, all, period.months(), null, f);
    byMonth.add(new ReportTable.Row("合计", total));
    BigDecimal due = sum(months, Month::due);
    BigDecimal paid = sum(months, Month::paid);
    f.number("duesExpected", due.toPlainString());
    f.number("duesReceived", paid.toPlainString());
    f.number("duesRemitted", sum(months, Month::remitted).toPlainString());
    f.number("duesRate", Figures.percent(paid.min(due), due));
    f.number("duesBranches", all.size());
    List<String> headers = List.of("应交（元）", "实交（元）", "收缴率", "未交足人次", "已上缴并确认（元）");
    List<String> monthHeaders = new ArrayList<>(List.of("月份"));
    monthHeaders.addAll(headers);
    List<String> branchHeaders = new ArrayList<>(List.of("党支部"));
    branchHeaders.addAll(headers);
    String note = "实交为交纳于该月的党费（含补交、预交）；收缴率＝实交÷应交（超出应交部分不计）";
    List<ReportTable> tables = new ArrayList<>();
    tables.add(new ReportTable("dues-month", "党费收缴（按月，" + period.label() + "）", monthHeaders, byMonth, note));
    tables.add(new ReportTable("dues-branch", "党费收缴（按党支部，" + period.label() + "）", branchHeaders, byBranch,
        note));
    tables.add(arrears(scope, period, f));
    tables.add(largeVoluntary(scope, period, f));
    return tables;
  }

  private List<ReportTable.Cell> cells(List<Month> of, String key, String label, ReportScope scope,
      Set<String> branches, List<String> periods, String href, Figures f) {
    BigDecimal due = sum(of, Month::due);
    BigDecimal paid = sum(of, Month::paid);
    long unpaid = of.stream().mapToLong(Month::unpaid).sum();
    return List.of(new ReportTable.Cell(due.toPlainString(), null, href),
        new ReportTable.Cell(paid.toPlainString(), null, href),
        ReportTable.Cell.text(Figures.percent(paid.min(due), due)),
        f.count(key + ".unpaid", label, unpaid, () -> unpaid(scope, branches, periods)),
        ReportTable.Cell.text(sum(of, Month::remitted).toPlainString()));
  }

  private ReportTable arrears(ReportScope scope, Period period, Figures f) {
    List<Object> args = new ArrayList<>(List.of(start(period.from()), start(period.to().plusDays(1))));
    args.add(SqlScope.ids(scope.orgIds()));
    record Arrears(String kind, String stage, Ref ref) {}
    List<Arrears> cases = jdbc.query("select a.person_id, p.name, a.branch_id, a.kind, a.status, a.first_unpaid,"
            + " a.last_unpaid, a.process_instance_id from pf_dues_arrears_case a join pf_person p on p.id = a.person_id"
            + " where a.opened_at >= ? and a.opened_at < ? and "
            + SqlScope.anyOf("a.branch_id") + " order by a.opened_at",
        (rs, i) -> new Arrears(rs.getString("kind"), rs.getString("status"), new Ref(rs.getString("name"),
            scope.name(rs.getString("branch_id")), rs.getString("first_unpaid") + "至" + rs.getString("last_unpaid")
            + "，" + ARREARS_STAGES.getOrDefault(rs.getString("status"), rs.getString("status")),
            ReportScope.personHref(rs.getString("person_id")), rs.getString("process_instance_id"))),
        args.toArray());
    Set<String> stages = new LinkedHashSet<>(ARREARS_STAGES.keySet());
    cases.forEach(c -> stages.add(c.stage()));
    Set<String> kinds = new LinkedHashSet<>(List.of("TALK", "WITHDRAWAL", "SHORT"));
    cases.forEach(c -> kinds.add(c.kind()));
    List<String> headers = new ArrayList<>(List.of("类别"));
    stages.forEach(s -> headers.add(ARREARS_STAGES.getOrDefault(s, s)));
    headers.add("合计");
    List<ReportTable.Row> rows = new ArrayList<>();
    for (String kind : kinds) {
      List<ReportTable.Cell> cells = new ArrayList<>();
      String label = ARREARS_KINDS.getOrDefault(kind, kind);
      for (String stage : stages) {
        cells.add(f.count("dues.arrears." + kind + "." + stage, label + "：" + ARREARS_STAGES.getOrDefault(stage, stage),
            cases.stream().filter(c -> c.kind().equals(kind) && c.stage().equals(stage)).map(Arrears::ref).toList()));
      }
      cells.add(f.count("dues.arrears." + kind, label, cases.stream().filter(c -> c.kind().equals(kind))
          .map(Arrears::ref).toList()));
      rows.add(new ReportTable.Row(label, cells));
    }
    f.number("arrearsCases", cases.size());
    return new ReportTable("dues-arrears", "欠缴党费处理（" + period.label() + "开启的案件，按当前环节）", headers, rows, null);
  }

  private ReportTable largeVoluntary(ReportScope scope, Period period, Figures f) {
    List<Object> args = new ArrayList<>(List.of(start(period.from()), start(period.to().plusDays(1))));
    args.add(SqlScope.ids(scope.orgIds()));
    record Large(BigDecimal amount, boolean forwarded, Ref ref) {}
    List<Large> found = jdbc.query("select v.person_id, p.name, v.branch_id, v.amount, v.flagged_at, v.forwarded"
            + " from pf_dues_large_voluntary v join pf_person p on p.id = v.person_id"
            + " where v.flagged_at >= ? and v.flagged_at < ? and "
            + SqlScope.anyOf("v.branch_id") + " order by v.flagged_at",
        (rs, i) -> new Large(rs.getBigDecimal("amount"), rs.getBoolean("forwarded"), new Ref(rs.getString("name"),
            scope.name(rs.getString("branch_id")), ChinaClock.toLocalDate(rs.getTimestamp("flagged_at")) + " "
            + rs.getBigDecimal("amount").toPlainString() + "元" + (rs.getBoolean("forwarded") ? "，已全额转交" : "，未转交"),
            "/dues/large-voluntary", null)),
        args.toArray());
    BigDecimal total = found.stream().map(Large::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<ReportTable.Row> rows = List.of(
        new ReportTable.Row("笔数", List.of(f.count("dues.large", "大额自愿交纳党费", found.stream().map(Large::ref)
            .toList()))),
        new ReportTable.Row("金额（元）", List.of(ReportTable.Cell.link(total.toPlainString(), "/dues/large-voluntary"))),
        new ReportTable.Row("已全额转交", List.of(f.count("dues.large.forwarded", "已全额转交的大额自愿交纳党费",
            found.stream().filter(Large::forwarded).map(Large::ref).toList()))));
    f.number("largeVoluntary", found.size());
    f.number("largeVoluntaryAmount", total.toPlainString());
    return new ReportTable("dues-large", "一次性交纳1000元以上党费（" + period.label() + "）", List.of("项目", "数值"), rows,
        null);
  }

  private static BigDecimal sum(List<Month> months, java.util.function.Function<Month, BigDecimal> value) {
    return months.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(ChinaClock.ZONE).toInstant());
  }
}
