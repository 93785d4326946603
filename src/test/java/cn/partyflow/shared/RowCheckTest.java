package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.shared.ImportRefused.RowError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCheckTest {

  private static RowCheck row(String... columnAndValue) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < columnAndValue.length; i += 2) {
      values.put(columnAndValue[i], columnAndValue[i + 1]);
    }
    return new SheetRow(7, values).check();
  }

  @Test
  void everyProblemOfARowIsNamedOnItsLineWithTheColumnsLabel() {
    RowCheck row = row("name", "<b>张三</b>", "flag", "也许", "sort", "1.5", "born", "1990-02-30");
    row.required("id", "编号");
    row.plainText("name", "姓名", 100);
    row.yesNo("flag", "留党察看");
    row.integer("sort", "排序");
    row.date("born", "出生日期");

    assertThat(row.ok()).isFalse();
    assertThat(row.errors()).extracting(RowError::toString).containsExactly(
        "第7行：缺少编号",
        "第7行：姓名不能包含“<”或“>”，只能填写纯文本",
        "第7行：留党察看应填“是”或“否”，而不是“也许”",
        "第7行：排序应为整数，而不是“1.5”",
        "第7行：出生日期“1990-02-30”不是有效日期，应为2025-03-01的格式");
    assertThat(row.error().message()).startsWith("缺少编号；姓名不能包含");
  }

  @Test
  void emptyOptionalCellsReadAsNothingAndGoodOnesAsTheirValues() {
    RowCheck row = row("flag", "", "yes", "是", "born", "1990/03/01", "pay", "1,234.5", "name", "\u3000李四\u3000");
    assertThat(row.yesNo("flag", "审批权")).isFalse();
    assertThat(row.yesNo("yes", "审批权")).isTrue();
    assertThat(row.integer("sort", "排序")).isZero();
    assertThat(row.date("none", "转正日期")).isNull();
    assertThat(row.date("born", "出生日期")).isEqualTo(LocalDate.of(1990, 3, 1));
    assertThat(row.yuan("pay", "岗位工资")).isEqualByComparingTo("1234.50");
    assertThat(row.yuan("none", "岗位工资")).isEqualTo(new BigDecimal("0.00"));
    assertThat(row.plainText("name", "姓名", 100)).isEqualTo("李四");
    assertThat(row.ok()).isTrue();
  }

  @Test
  void anAmountIsNonNegativeYuanToTheFen() {
    RowCheck row = row("a", "-1", "b", "10.005", "c", "十元", "d", "10.500");
    row.yuan("a", "岗位工资");
    row.yuan("b", "薪级工资");
    row.yuan("c", "个人所得税");
    assertThat(row.yuan("d", "住房公积金")).isEqualByComparingTo("10.50");
    assertThat(row.problems()).containsExactly("岗位工资不能为负数", "薪级工资“10.005”最多精确到分",
        "个人所得税“十元”不是金额");
  }

  @Test
  void aLaterDateBeforeAnEarlierOneIsAProblemAndAMissingOneIsNot() {
    RowCheck row = row();
    row.notBefore("转正日期", LocalDate.of(2020, 1, 1), "接收预备党员日期", LocalDate.of(2020, 6, 1));
    row.notBefore("转正日期", null, "接收预备党员日期", LocalDate.of(2020, 6, 1));
    assertThat(row.problems()).containsExactly("转正日期不能早于接收预备党员日期");
  }

  @Test
  void columnsAcceptEachKeyAsItselfAndUnderEveryName() {
    assertThat(SheetReader.columns("person_id", "人员编号", "person_id", "党员编号", "name", "姓名"))
        .containsExactly(Map.entry("person_id", "person_id"), Map.entry("人员编号", "person_id"),
            Map.entry("党员编号", "person_id"), Map.entry("name", "name"), Map.entry("姓名", "name"));
  }
}
