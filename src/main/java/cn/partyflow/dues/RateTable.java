package cn.partyflow.dues;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rate tiers of the 2008 regulation. One rate applies to the whole base, so the first tier whose
 * inclusive ceiling holds the base wins; that is what makes 3,000.01 pay twice what 3,000.00 pays.
 */
final class RateTable {

  record Tier(BigDecimal ceiling, BigDecimal rate, String rule) {

    boolean holds(BigDecimal base) {
      return ceiling == null || base.compareTo(ceiling) <= 0;
    }
  }

  private static final List<Tier> EMPLOYED =
      List.of(
          tier("3000", "0.005", "在职党员月工资收入3000元（含）以下按0.5%交纳"),
          tier("5000", "0.01", "在职党员月工资收入3000元以上至5000元（含）按1%交纳"),
          tier("10000", "0.015", "在职党员月工资收入5000元以上至10000元（含）按1.5%交纳"),
          tier(null, "0.02", "在职党员月工资收入10000元以上按2%交纳"));

  private static final List<Tier> RETIRED =
      List.of(
          tier("5000", "0.005", "离退休党员月离退休费收入5000元（含）以下按0.5%交纳"),
          tier(null, "0.01", "离退休党员月离退休费收入5000元以上按1%交纳"));

  private RateTable() {}

  static Tier tierFor(MemberCategory category, BigDecimal base) {
    List<Tier> tiers =
        switch (category) {
          case EMPLOYED -> EMPLOYED;
          case RETIRED -> RETIRED;
          default -> throw new IllegalArgumentException(category + " pays a fixed amount, not a rate");
        };
    return tiers.stream().filter(t -> t.holds(base)).findFirst().orElseThrow();
  }

  private static Tier tier(String ceiling, String rate, String rule) {
    return new Tier(ceiling == null ? null : new BigDecimal(ceiling), new BigDecimal(rate), rule);
  }
}
