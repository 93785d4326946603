package cn.partyflow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.shared.RuleViolation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuleMessageFilterTest {

  @Test
  void everyPrefixOfTheRestResourcesIsRemoved() {
    assertThat(RuleMessageFilter.withoutPrefix("Cannot submit task form 9e67-11f1: 请填写谈话人"))
        .isEqualTo("请填写谈话人");
    assertThat(RuleMessageFilter.withoutPrefix(
        "Cannot instantiate process definition memberDevelopment:1:ed8f-11f1: 人员名册中没有编号为林小雨的人员"))
        .isEqualTo("人员名册中没有编号为林小雨的人员");
    assertThat(RuleMessageFilter.withoutPrefix("Cannot instantiate process definition a:1:b: "
        + "Cannot complete task c-d: 发生日期（2999-01-10）不能晚于今天: 请核对"))
        .isEqualTo("发生日期（2999-01-10）不能晚于今天: 请核对");
  }

  @Test
  void onlyRuleViolationsAreRewritten() {
    String rule = "{\"type\":\"RestException\",\"message\":\"Cannot submit task form t1: 请填写谈话人\",\"code\":"
        + RuleViolation.CODE + "}";
    String other = "{\"type\":\"RestException\",\"message\":\"Cannot submit task form t1: boom\",\"code\":0}";

    assertThat(new String(RuleMessageFilter.rewrite(rule.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
        .isEqualTo("{\"type\":\"RuleViolation\",\"message\":\"请填写谈话人\",\"code\":" + RuleViolation.CODE + "}");
    assertThat(RuleMessageFilter.rewrite(other.getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(RuleMessageFilter.rewrite("<html>".getBytes(StandardCharsets.UTF_8))).isNull();
  }
}
