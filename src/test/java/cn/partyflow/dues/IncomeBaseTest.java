package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncomeBaseTest {

  final DuesCalculator calculator = new DuesCalculator();

  static BigDecimal yuan(String s) {
    return new BigDecimal(s);
  }

  @Test
  void reformAllowancesAndIncentivePerformancePayAreListedButNotCounted() {
    IncomeBase.Result r = IncomeBase.of(MemberCategory.EMPLOYED, Map.of("岗位工资", yuan("4000.00"),
        "薪级工资", yuan("2000.00"), "基础性绩效工资", yuan("2000.00"), "住房公积金", yuan("700.00"),
        "养老保险", yuan("500.00"), "住房补贴", yuan("800.00"), "通讯补贴", yuan("200.00"),
        "误餐补贴", yuan("300.00"), "奖励性绩效工资", yuan("3000.00")), null, yuan("300.00"), null);
    assertThat(calculator.base(r.statement())).isEqualByComparingTo("6500.00");
    assertThat(calculator.assess(MemberCategory.EMPLOYED, r.statement()).amount()).isEqualByComparingTo("97.50");
    assertThat(r.notCountedTotal()).isEqualByComparingTo("4300.00");
    assertThat(r.notCountedText()).contains("奖励性绩效工资3000.00").contains("住房补贴800.00")
        .contains("通讯补贴200.00").contains("误餐补贴300.00");
  }

  @Test
  void aRetireePaysOnTheBasicPensionOnly() {
    IncomeBase.Result r = IncomeBase.of(MemberCategory.RETIRED, Map.of("基本离退休费", yuan("4000.00"),
        "津贴补贴", yuan("1500.00"), "离退休人员津贴补贴", yuan("600.00")), null, BigDecimal.ZERO, null);
    assertThat(calculator.base(r.statement())).isEqualByComparingTo("4000.00");
    assertThat(calculator.assess(MemberCategory.RETIRED, r.statement()).amount()).isEqualByComparingTo("20.00");
    assertThat(r.notCountedText()).contains("津贴补贴（离退休党员只按基本离退休费计算）1500.00")
        .contains("离退休人员津贴补贴600.00");
  }

  @Test
  void theTemplateHasAColumnForEachExcludedItem() {
    assertThat(PayrollTemplate.columns()).contains("住房补贴", "交通补贴", "通讯补贴", "误餐补贴", "奖励性绩效工资",
        "基本离退休费");
  }
}
