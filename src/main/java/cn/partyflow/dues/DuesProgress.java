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
 * How a month's collection stands, per branch, from the kept month totals of the 党费收缴登记表
 * ({@link DuesMonthTotals}, never the ledger's rows): expected and received amounts, the 收缴率, who has not paid
 * yet, and the arrears of earlier months. Read-only; for the home pages of officers and 党费管理员.
 */
@Service
public class DuesProgress {

  /**
   * One branch's month, or the sum of several branches' ({@link #plus}). {@code unpaidMembers}: members who owe for
   * the month; {@code arrearsPersonMonths} (欠缴人次) and {@code arrearsAmount}: the unpaid months before it, a member
   * owing two months counted twice, and how much is owed for them in all.
   */
  public record BranchMonth(String branchId, String period, int members, BigDecimal expected, BigDecimal received,
      int unpaidMembers, int arrearsPersonMonths, BigDecimal arrearsAmount) {

    /** Received of expected, in whole percent (rounded down, so 99.6% paid never reads as 100%). */
    public int ratePercent() {
      if (expected.signum() == 0) {
        return 100;
      }
      return received.min(expected).multiply(BigDecimal.valueOf(100)).divide(expected, 0, RoundingMode.DOWN)
          .intValue();
    }

    /** The figures of both, under {@code id}: the rate of a sum is computed from the summed amounts. */
    public BranchMonth plus(String id, BranchMonth other) {
      return new BranchMonth(id, period, members + other.members, expected.add(other.expected),
          received.add(other.received), unpaidMembers + other.unpaidMembers,
          arrearsPersonMonths + other.arrearsPersonMonths, arrearsAmount.add(other.arrearsAmount));
    }

    /** The figures of this less those of {@code other} (a subtree less the subtrees under it), under this id. */
    public BranchMonth minus(BranchMonth other) {
      return new BranchMonth(branchId, period, members - other.members, expected.subtract(other.expected),
          received.subtract(other.received), unpaidMembers - other.unpaidMembers,
          arrearsPersonMonths - other.arrearsPersonMonths, arrearsAmount.subtract(other.arrearsAmount));
    }

    /** A month with nothing in it, to sum into. */
    public static BranchMonth empty(String id, String period) {
      return new BranchMonth(id, period, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO);
    }
  }

  private final JdbcTemplate jdbc;

  DuesProgress(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Each month from {@code from} to {@code to} ("yyyy-MM", both included) that a branch among {@code branchIds} has a
   * ledger for, with its expected and received amounts (no arrears).
   */
  public List<BranchMonth> months(Collection<String> branchIds, String from, String to) {
    Periods.parse(from);
    Periods.parse(to);
    if (branchIds.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(List.of(from, to));
    String scope = SqlScope.anyOf("t.branch_id", branchIds, args);
    return jdbc.query("select t.branch_id, t.period, t.members, t.expected, t.received, t.unpaid_members"
            + " from pf_dues_month_total t where t.period between ? and ? and " + scope
            + " order by t.period, t.branch_id",
        (rs, n) -> new BranchMonth(rs.getString("branch_id"), rs.getString("period"), rs.getInt("members"),
            rs.getBigDecimal("expected"), rs.getBigDecimal("received"), rs.getInt("unpaid_members"), 0,
            BigDecimal.ZERO),
        args.toArray());
  }

  /** The branches among {@code branchIds} that have a ledger for {@code period} ("yyyy-MM"), in the order given. */
  public List<BranchMonth> month(Collection<String> branchIds, String period) {
    Periods.parse(period);
    if (branchIds.isEmpty()) {
      return List.of();
    }
    Map<String, BranchMonth> months = new HashMap<>();
    List<Object> args = new ArrayList<>(List.of(period));
    String scope = SqlScope.anyOf("t.branch_id", branchIds, args);
    jdbc.query("select t.branch_id, t.members, t.expected, t.received, t.unpaid_members from pf_dues_month_total t"
            + " where t.period = ? and " + scope,
        (RowCallbackHandler) rs -> months.put(rs.getString("branch_id"), new BranchMonth(rs.getString("branch_id"),
            period, rs.getInt("members"), rs.getBigDecimal("expected"), rs.getBigDecimal("received"),
            rs.getInt("unpaid_members"), 0, BigDecimal.ZERO)),
        args.toArray());
    if (months.isEmpty()) {
      return List.of();
    }
    // Only the months somebody still owes for: ix_pf_dues_month_total_owing holds every column read here.
    List<Object> owing = new ArrayList<>();
    String owingScope = SqlScope.anyOf("t.branch_id", branchIds, owing);
    owing.add(period);
    jdbc.query("select t.branch_id, sum(t.unpaid_members) as person_months, sum(t.owed) as owed"
            + " from pf_dues_month_total t where " + owingScope + " and t.unpaid_members > 0"
            + " and t.period < ? group by t.branch_id",
        (RowCallbackHandler) rs -> {
          BranchMonth m = months.get(rs.getString("branch_id"));
          if (m != null) {
            months.put(m.branchId(), new BranchMonth(m.branchId(), period, m.members(), m.expected(), m.received(),
                m.unpaidMembers(), rs.getInt("person_months"), rs.getBigDecimal("owed")));
          }
        },
        owing.toArray());
    return branchIds.stream().filter(months::containsKey).map(months::get).toList();
  }
}
