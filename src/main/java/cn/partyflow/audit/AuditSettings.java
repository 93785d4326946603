package cn.partyflow.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long each procedure's history is kept and how much a search returns. Member files are kept for decades, so
 * the default is 30 years; a procedure may be given its own period by its process key.
 */
@ConfigurationProperties("partyflow.audit")
class AuditSettings {

  /** 30 years of 365.25 days: files of party members outlive most careers. */
  static final int THIRTY_YEARS = 10958;

  private int defaultRetentionDays = THIRTY_YEARS;
  private Map<String, Integer> retentionDays = new LinkedHashMap<>();
  private int pageSize = 20;
  private int exportLimit = 10000;

  int retentionDaysFor(String processKey) {
    return retentionDays.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(processKey))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(defaultRetentionDays);
  }

  public int getDefaultRetentionDays() {
    return defaultRetentionDays;
  }

  public void setDefaultRetentionDays(int defaultRetentionDays) {
    this.defaultRetentionDays = defaultRetentionDays;
  }

  public Map<String, Integer> getRetentionDays() {
    return retentionDays;
  }

  public void setRetentionDays(Map<String, Integer> retentionDays) {
    this.retentionDays = retentionDays;
  }

  public int getPageSize() {
    return pageSize;
  }

  public void setPageSize(int pageSize) {
    this.pageSize = pageSize;
  }

  public int getExportLimit() {
    return exportLimit;
  }

  public void setExportLimit(int exportLimit) {
    this.exportLimit = exportLimit;
  }
}
