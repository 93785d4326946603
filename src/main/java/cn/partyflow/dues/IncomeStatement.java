package cn.partyflow.dues;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One member's monthly income as the dues base needs it: the regular pay items, the income tax,
 * and the items the 2017 circular excludes (social insurance and housing fund, annuities,
 * reform-type allowances, incentive performance pay, allowances for some posts only).
 */
public record IncomeStatement(List<Item> regularItems, BigDecimal tax, List<Item> excludedItems) {

  /** A named amount, e.g. 岗位工资 or 住房公积金, kept by name so the ledger can show the base. */
  public record Item(String name, BigDecimal amount) {

    public Item {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an income item needs a name");
      }
      amount = Money.nonNegativeYuan(amount, name);
    }
  }

  public IncomeStatement {
    regularItems = List.copyOf(Objects.requireNonNull(regularItems, "regularItems"));
    tax = Money.nonNegativeYuan(tax, "个人所得税");
    excludedItems = List.copyOf(Objects.requireNonNull(excludedItems, "excludedItems"));
  }

  public BigDecimal regularIncome() {
    return sum(regularItems);
  }

  public BigDecimal excluded() {
    return sum(excludedItems);
  }

  private static BigDecimal sum(List<Item> items) {
    return items.stream().map(Item::amount).reduce(BigDecimal.ZERO.setScale(Money.SCALE), BigDecimal::add);
  }
}
