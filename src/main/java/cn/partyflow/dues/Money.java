package cn.partyflow.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Amounts in yuan, always with two decimals so that equal sums compare equal. */
final class Money {

  static final int SCALE = 2;

  private Money() {}

  /** Refuses fractions of a fen instead of rounding them, because input is never rounded silently. */
  static BigDecimal yuan(BigDecimal value, String what) {
    Objects.requireNonNull(value, what);
    try {
      return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw DuesRules.finerThanFen(what, value);
    }
  }

  static BigDecimal nonNegativeYuan(BigDecimal value, String what) {
    BigDecimal yuan = yuan(value, what);
    if (yuan.signum() < 0) {
      throw DuesRules.negativeAmount(what, yuan);
    }
    return yuan;
  }
}
