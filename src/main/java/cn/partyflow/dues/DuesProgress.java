package cn.partyflow.dues;

import cn.partyflow.shared.SqlScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * How a month's collection stands, per branch, from the 党费收缴登记表: expected and received amounts, the 收缴率, who
 * has not paid yet, and the arrears of earlier months. Read-only; for the home pages of officers and 党费管理员.
 */
@Service
public class DuesProgress {

  /**
   * One branch's month. {@code unpaidMembers}: members who owe for the month; {@code arrearsMembers} and
   * {@code arrearsAmount}: members who still owe for an earlier month, and how much in all.
   */
  public record BranchMonth(String branchId, String period, int members, BigDecimal expected, BigDecimal received,
      int unpaidMembers, int arrearsMembers, BigDecimal arrearsAmount) {

    /** Received of expected, in whole percent (rounded down, so 99.6% paid never reads as 100%). */
    public int ratePercent() {
      if (expected.signum() == 0) {
        return 100;
      }
      return received.min(expected).multiply(BigDecimal.valueOf(100)).divide(expected, 0, RoundingMode.DOWN)
          .intValue();
    }
  }

  private final JdbcTemplate jdbc;

  DuesProgress(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Each month from {@code from} to {@code to} ("yyyy-MM", both included) that a branch among {@code branchIds} has a
   * ledger for, with its expected and received amounts (no arrears): one pass over the months' ledger rows.
   */
  public List<BranchMonth> months(Collection<String> branchIds, String from, String to) {
    Periods.parse(from);
    Periods.parse(to);
    if (branchIds.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    args.add(from);
    args.add(to);
    args.add(SqlScope.ids(branchIds));
    return jdbc.query("select l.branch_id, l.period, count(*) as members, sum(l.due) as expected,"
            + " sum(l.paid) as received, sum(case when l.paid < l.due then 1 else 0 end) as unpaid"
            + " from pf_dues_ledger l where l.period between ? and ? and " + SqlScope.anyOf("l.branch_id")
            + " group by l.branch_id, l.period order by l.period, l.branch_id",
        (rs, n) -> new BranchMonth(rs.getString("branch_id"), rs.getString("period"), rs.getInt("members"),
            rs.getBigDecimal("expected"), rs.getBigDecimal("received"), rs.getInt("unpaid"), 0, BigDecimal.ZERO),
        args.toArray());
  }

  /** The branches among {@code branchIds} that have a ledger for {@code period} ("yyyy-MM"), in the order given. */
  public List<BranchMonth> month(Collection<String> branchIds, String period) {
    Periods.parse(period);
    if (branchIds.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>();
    args.add(period);
    args.add(SqlScope.ids(branchIds));
    Map<String, BranchMonth> months = new HashMap<>();
    jdbc.query("select l.branch_id, count(*) as members, sum(l.due) as expected, sum(l.paid) as received,"
            + " sum(case when l.paid < l.due then 1 else 0 end) as unpaid"
            + " from pf_dues_ledger l where l.period = ? and " + SqlScope.anyOf("l.branch_id")
            + " group by l.branch_id",
        (RowCallbackHandler) rs -> months.put(rs.getString("branch_id"), new BranchMonth(rs.getString("branch_id"),
            period, rs.getInt("members"), rs.getBigDecimal("expected"), rs.getBigDecimal("received"),
            rs.getInt("unpaid"), 0, BigDecimal.ZERO)),
        args.toArray());
    if (months.isEmpty()) {
      return List.of();
    }
    jdbc.query("select l.branch_id, count(distinct l.person_id) as people, sum(l.due - l.paid) as owed"
            + " from pf_dues_ledger l where l.period < ? and l.paid < l.due and " + SqlScope.anyOf("l.branch_id")
            + " group by l.branch_id",
        (RowCallbackHandler) rs -> {
          BranchMonth m = months.get(rs.getString("branch_id"));
          if (m != null) {
            months.put(m.branchId(), new BranchMonth(m.branchId(), period, m.members(), m.expected(), m.received(),
                m.unpaidMembers(), rs.getInt("people"), rs.getBigDecimal("owed")));
          }
        },
        args.toArray());
    return branchIds.stream().filter(months::containsKey).map(months::get).toList();
  }
}
