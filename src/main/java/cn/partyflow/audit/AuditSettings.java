package cn.partyflow.audit;

import cn.partyflow.shared.RuleSetting;
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

  @RuleSetting("案卷历史的保存天数（默认30年）")

  private int defaultRetentionDays = THIRTY_YEARS;
  @RuleSetting(value = "各流程单独的保存天数", operational = true)
  private Map<String, Integer> retentionDays = new LinkedHashMap<>();
  @RuleSetting(value = "案卷查阅每页条数", operational = true)
  private int pageSize = 20;
  @RuleSetting(value = "案卷查阅导出的最多条数", operational = true)
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
