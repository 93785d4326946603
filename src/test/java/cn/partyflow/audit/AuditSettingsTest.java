package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditSettingsTest {

  @Test
  void aProcedureWithoutItsOwnPeriodIsKeptThirtyYears() {
    AuditSettings settings = new AuditSettings();
    settings.setRetentionDays(Map.of("duesCollection", 3653));
    assertThat(settings.retentionDaysFor("memberDevelopment")).isEqualTo(10958);
    assertThat(settings.retentionDaysFor("duescollection")).isEqualTo(3653);
  }

  @Test
  void theSearchReadsInChineseInTheAccessLog() {
    CaseCriteria c = new CaseCriteria(" ", "张三", null, "memberDevelopment", CaseCriteria.Status.CANCELLED,
        LocalDate.of(2025, 1, 1), null);
    assertThat(c.describe()).isEqualTo("姓名=张三，流程=memberDevelopment，状态=已撤销/终止，开始于2025-01-01起");
    assertThat(new CaseCriteria(null, null, null, null, null, null, null).describe()).isEqualTo("全部案卷");
  }

  @Test
  void chineseNamesWrapByCharacter() {
    assertThat(DiagramSvg.wrap("与王审计测试谈话并记录", 8)).isEqualTo(List.of("与王审计测试谈话", "并记录"));
  }
}
