package cn.partyflow.dues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which of a member's payroll items make the dues base. Counted: the relatively fixed, regular pay (2008 regulation
 * Art. 1; in a hospital 岗位工资, 薪级工资, 基础性绩效工资, 津贴补贴), after tax and the social insurance, housing fund
 * and annuity shares. Not counted (2017 notice): the reform-type allowances (housing, transport, official car,
 * communication, overtime, meals, heating, summer cooling, property fee), incentive performance pay, allowances
 * paid only to some places, units, posts or persons; and for a retiree everything but the basic pension. The items
 * not counted are still listed, so the amounts table shows what was left out and why.
 */
final class IncomeBase {

  /** Included regular pay items (2008 regulation Art. 1; for 事业单位 the basic performance pay counts). */
  static final List<String> REGULAR_ITEMS = List.of("职务工资", "级别工资", "岗位工资", "薪级工资", "基础性绩效工资",
      "津贴补贴", "技术等级工资", "基本工资", "年薪", "基本离退休费", "基本养老金", "其他固定收入");
  /** A retiree pays on these only: the basic retirement pay or basic pension (2017 notice). */
  static final List<String> PENSION_ITEMS = List.of("基本离退休费", "基本养老金");
  /** Deducted from the regular items under the 2017 notice: the member's contributions. */
  static final List<String> DEDUCTIONS = List.of("养老保险", "医疗保险", "失业保险", "工伤保险", "生育保险",
      "住房公积金", "职业年金", "企业年金", "其他不计入基数项目");
  /** Paid, but not part of the base under the 2017 notice; listed so the table shows them. */
  static final List<String> NOT_COUNTED = List.of("奖励性绩效工资", "住房补贴", "交通补贴", "公务用车补贴", "通讯补贴",
      "误餐补贴", "加班补贴", "取暖补贴", "防暑降温费", "物业补贴", "部分人员津贴补贴", "离退休人员津贴补贴");

  private IncomeBase() {}

  /** The base and everything that went into it or was left out. */
  record Result(IncomeStatement statement, List<IncomeStatement.Item> notCounted) {

    BigDecimal notCountedTotal() {
      return notCounted.stream().map(IncomeStatement.Item::amount)
          .reduce(BigDecimal.ZERO.setScale(Money.SCALE), BigDecimal::add);
    }

    /** 住房补贴800.00、奖励性绩效工资2000.00; empty when nothing was left out. */
    String notCountedText() {
      return notCounted.stream().map(i -> i.name() + i.amount().toPlainString()).collect(Collectors.joining("、"));
    }
  }

  /**
   * @param items the row's amounts by item name (absent or zero items may be left out)
   * @param otherRegular a regular income given as one sum (固定收入合计), counted for every category
   */
  static Result of(MemberCategory category, Map<String, BigDecimal> items, BigDecimal otherRegular,
      BigDecimal tax, BigDecimal otherDeductions) {
    boolean retired = category == MemberCategory.RETIRED;
    List<IncomeStatement.Item> regular = new ArrayList<>();
    List<IncomeStatement.Item> notCounted = new ArrayList<>();
    for (String name : REGULAR_ITEMS) {
      BigDecimal amount = items.get(name);
      if (amount == null || amount.signum() == 0) {
        continue;
      }
      if (retired && !PENSION_ITEMS.contains(name)) {
        notCounted.add(new IncomeStatement.Item(name + "（离退休党员只按基本离退休费计算）", amount));
      } else {
        regular.add(new IncomeStatement.Item(name, amount));
      }
    }
    if (otherRegular != null && otherRegular.signum() > 0) {
      regular.add(new IncomeStatement.Item("固定收入合计", otherRegular));
    }
    for (String name : NOT_COUNTED) {
      BigDecimal amount = items.get(name);
      if (amount != null && amount.signum() > 0) {
        notCounted.add(new IncomeStatement.Item(name, amount));
      }
    }
    List<IncomeStatement.Item> deductions = new ArrayList<>();
    for (String name : DEDUCTIONS) {
      BigDecimal amount = items.get(name);
      if (amount != null && amount.signum() > 0) {
        deductions.add(new IncomeStatement.Item(name, amount));
      }
    }
    if (otherDeductions != null && otherDeductions.signum() > 0) {
      deductions.add(new IncomeStatement.Item("不计入基数合计", otherDeductions));
    }
    return new Result(new IncomeStatement(regular, tax == null ? BigDecimal.ZERO.setScale(Money.SCALE) : tax,
        deductions), notCounted);
  }
}
