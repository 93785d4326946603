package cn.partyflow.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Local choices the regulations leave open: rounding, the farmers' amount the province fixes, and
 * the monthly cap the 2017 circular states as "generally".
 */
public record DuesSettings(
    DuesPrecision precision,
    RoundingMode roundingMode,
    BigDecimal farmerMonthlyAmount,
    BigDecimal monthlyCap) {

  public static final BigDecimal FARMER_MIN = new BigDecimal("0.20");
  public static final BigDecimal FARMER_MAX = new BigDecimal("1.00");

  public static final DuesSettings DEFAULTS =
      new DuesSettings(
          DuesPrecision.FEN, RoundingMode.HALF_UP, new BigDecimal("0.50"), new BigDecimal("1000.00"));

  public DuesSettings {
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

  public DuesSettings withPrecision(DuesPrecision precision) {
    return new DuesSettings(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }

  public DuesSettings withRoundingMode(RoundingMode roundingMode) {
    return new DuesSettings(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }

  public DuesSettings withFarmerMonthlyAmount(BigDecimal farmerMonthlyAmount) {
    return new DuesSettings(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }

  public DuesSettings withMonthlyCap(BigDecimal monthlyCap) {
    return new DuesSettings(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }
}
