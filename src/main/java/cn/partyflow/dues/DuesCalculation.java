package cn.partyflow.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Local choices the regulations leave open: rounding, the farmers' amount the province fixes, and
 * the monthly cap the 2017 circular states as "generally".
 */
public record DuesCalculation(
    DuesPrecision precision,
    RoundingMode roundingMode,
    BigDecimal farmerMonthlyAmount,
    BigDecimal monthlyCap) {

  public static final BigDecimal FARMER_MIN = new BigDecimal("0.20");
  public static final BigDecimal FARMER_MAX = new BigDecimal("1.00");

  public static final DuesCalculation DEFAULTS =
      new DuesCalculation(
          DuesPrecision.FEN, RoundingMode.HALF_UP, new BigDecimal("0.50"), new BigDecimal("1000.00"));

  public DuesCalculation {
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(roundingMode, "roundingMode");
    if (roundingMode == RoundingMode.UNNECESSARY) {
      throw new IllegalArgumentException("roundingMode UNNECESSARY would fail on most incomes");
    }
    Objects.requireNonNull(farmerMonthlyAmount, "farmerMonthlyAmount");
    if (farmerMonthlyAmount.compareTo(FARMER_MIN) < 0 || farmerMonthlyAmount.compareTo(FARMER_MAX) > 0) {
      throw DuesRules.farmerAmountOutOfRange(farmerMonthlyAmount);
    }
    farmerMonthlyAmount = Money.yuan(farmerMonthlyAmount, "农民党员每月交纳党费标准");
    monthlyCap = Money.yuan(monthlyCap, "每月党费上限");
    if (monthlyCap.signum() <= 0) {
      throw new IllegalArgumentException("monthlyCap must be positive: " + monthlyCap);
    }
  }

  public DuesCalculation withPrecision(DuesPrecision precision) {
    return new DuesCalculation(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }

  public DuesCalculation withRoundingMode(RoundingMode roundingMode) {
    return new DuesCalculation(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }

  public DuesCalculation withFarmerMonthlyAmount(BigDecimal farmerMonthlyAmount) {
    return new DuesCalculation(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }

  public DuesCalculation withMonthlyCap(BigDecimal monthlyCap) {
    return new DuesCalculation(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }
}
