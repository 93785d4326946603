package cn.partyflow.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code partyflow.dues.*}, e.g. {@code partyflow.dues.precision=jiao} or {@code
 * partyflow.dues.farmer-monthly-amount=0.50}. Validation lives in {@link DuesSettings}, so a bad
 * value stops the application at start-up with the rule's message.
 */
@ConfigurationProperties(prefix = "partyflow.dues")
public class DuesProperties {

  private DuesPrecision precision = DuesSettings.DEFAULTS.precision();
  private RoundingMode roundingMode = DuesSettings.DEFAULTS.roundingMode();
  private BigDecimal farmerMonthlyAmount = DuesSettings.DEFAULTS.farmerMonthlyAmount();
  private BigDecimal monthlyCap = DuesSettings.DEFAULTS.monthlyCap();

  public DuesSettings toSettings() {
    return new DuesSettings(precision, roundingMode, farmerMonthlyAmount, monthlyCap);
  }

  public DuesPrecision getPrecision() {
    return precision;
  }

  public void setPrecision(DuesPrecision precision) {
    this.precision = precision;
  }

  public RoundingMode getRoundingMode() {
    return roundingMode;
  }

  public void setRoundingMode(RoundingMode roundingMode) {
    this.roundingMode = roundingMode;
  }

  public BigDecimal getFarmerMonthlyAmount() {
    return farmerMonthlyAmount;
  }

  public void setFarmerMonthlyAmount(BigDecimal farmerMonthlyAmount) {
    this.farmerMonthlyAmount = farmerMonthlyAmount;
  }

  public BigDecimal getMonthlyCap() {
    return monthlyCap;
  }

  public void setMonthlyCap(BigDecimal monthlyCap) {
    this.monthlyCap = monthlyCap;
  }
}
