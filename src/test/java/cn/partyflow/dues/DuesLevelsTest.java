package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.ScopeLevels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dues per level of a scope: amounts summed in BigDecimal, the rate from the sums, every row kept for the overview,
 * one chart line beyond twelve rows.
 */
class DuesLevelsTest {

  /** A province: two cities, one with a 党总支 and its branches, the other with a branch. */
  private static final List<Organization> PROVINCE = List.of(
      org("sw", null, OrganizationKind.COMMITTEE, "省委"),
      org("c1", "sw", OrganizationKind.COMMITTEE, "甲市委"),
      org("c1-z", "c1", OrganizationKind.GENERAL_BRANCH, "甲市某党总支"),
      org("c1-z-b1", "c1-z", OrganizationKind.BRANCH, "甲一支部"),
      org("c1-b2", "c1", OrganizationKind.BRANCH, "甲二支部"),
      org("c2", "sw", OrganizationKind.COMMITTEE, "乙市委"),
      org("c2-b1", "c2", OrganizationKind.BRANCH, "乙一支部"));

  @Test
  void duesRowsSumTheAmountsAndTakeTheRateFromTheSums() {
    ScopeLevels levels = ScopeLevels.of(PROVINCE);
    List<DuesProgress.BranchMonth> months = List.of(
        month("c1-z-b1", "100.10", "100.10", 0, 2, "30.05"),
        month("c1-b2", "0.30", "0.00", 1, 1, "0.30"),
        month("c2-b1", "50.00", "25.00", 2, 0, "0"));
    List<DuesLevels.Row> rows = DuesLevels.month(levels, months, "2027-03", false);
    assertThat(rows).extracting(DuesLevels.Row::orgId).containsExactly("c1", "c2", null);
    DuesProgress.BranchMonth c1 = rows.get(0).month();
    assertThat(c1.branchId()).isEqualTo("c1");
    assertThat(c1.expected()).isEqualByComparingTo("100.40");
    assertThat(c1.received()).isEqualByComparingTo("100.10");
    assertThat(c1.ratePercent()).isEqualTo(99);
    assertThat(c1.unpaidMembers()).isEqualTo(1);
    assertThat(c1.arrearsPersonMonths()).isEqualTo(3);
    assertThat(c1.arrearsAmount()).isEqualByComparingTo("30.35");
    DuesProgress.BranchMonth total = rows.get(2).month();
    assertThat(rows.get(2).orgName()).isEqualTo("合计");
    assertThat(total.expected()).isEqualByComparingTo("150.40");
    assertThat(total.received()).isEqualByComparingTo("125.10");
    assertThat(total.ratePercent()).isEqualTo(83);
  }

  @Test
  void theMonthsChartDrawsARowPerLevelOrOneLineForTheWholeScopeBeyondTwelve() {
    ScopeLevels levels = ScopeLevels.of(PROVINCE);
    List<DuesProgress.BranchMonth> months = List.of(month("c1-b2", "10.00", "5.00", 1, 0, "0"),
        month("c2-b1", "10.00", "10.00", 0, 0, "0"));
    Map<String, String> names = new LinkedHashMap<>();
    List<DuesProgress.BranchMonth> rates = DuesLevels.monthRates(levels, months, List.of("2027-03"), names);
    assertThat(names).containsExactly(Map.entry("c1", "甲市委"), Map.entry("c2", "乙市委"));
    assertThat(rates).extracting(m -> m.branchId() + "=" + m.ratePercent()).containsExactly("c1=50", "c2=100");

    List<Organization> wide = new ArrayList<>(List.of(org("top", null, OrganizationKind.COMMITTEE, "省委")));
    List<DuesProgress.BranchMonth> many = new ArrayList<>();
    for (int i = 0; i < DuesLevels.CHART_SERIES + 1; i++) {
      wide.add(org("b" + i, "top", OrganizationKind.BRANCH, "支部" + i));
      many.add(month("b" + i, "10.00", i == 0 ? "0.00" : "10.00", 0, 0, "0"));
    }
    names.clear();
    rates = DuesLevels.monthRates(ScopeLevels.of(wide), many, List.of("2027-03"), names);
    assertThat(names).containsExactly(Map.entry("合计", "合计"));
    assertThat(rates).extracting(m -> m.branchId() + "=" + m.ratePercent()).containsExactly("合计=92");
  }


  @Test
  void theOverviewKeepsEveryRowToDrillIntoEvenWithoutALedgerThisMonth() {
    List<DuesLevels.Row> rows = DuesLevels.month(ScopeLevels.of(PROVINCE),
        List.of(month("c2-b1", "50.00", "50.00", 0, 0, "0")), "2027-03", true);
    assertThat(rows).extracting(r -> r.orgName() + "=" + r.month().expected().toPlainString())
        .containsExactly("甲市委=0", "乙市委=50.00", "合计=50.00");
    assertThat(rows.get(0).month().ratePercent()).isEqualTo(100);
  }

  private static DuesProgress.BranchMonth month(String branch, String expected, String received, int unpaid,
      int arrears, String owed) {
    return new DuesProgress.BranchMonth(branch, "2027-03", 10, new BigDecimal(expected), new BigDecimal(received),
        unpaid, arrears, new BigDecimal(owed));
  }

  private static Organization org(String id, String parent, OrganizationKind kind, String name) {
    return new Organization(id, parent, kind, name, false, 0);
  }
}
