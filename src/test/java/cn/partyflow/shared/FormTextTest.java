package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormTextTest {

  @Test
  void acceptsUpToTheLimitAndRefusesOneCharacterMoreInChinese() {
    assertThat(FormText.limited("谈话记录", "谈".repeat(2000))).hasSize(2000);
    assertThat(FormText.limited("谈话记录", null)).isNull();
    assertThatThrownBy(() -> FormText.limited("谈话记录", "谈".repeat(2001)))
        .isInstanceOf(RuleViolation.class).hasMessage("谈话记录最多2000字，现为2001字，请精简后再提交");
  }

  @Test
  void aShorterColumnSetsItsOwnLimit() {
    assertThat(FormText.limited("更正原因", "因".repeat(500), 500)).hasSize(500);
    assertThatThrownBy(() -> FormText.limited("更正原因", "因".repeat(501), 500)).hasMessageContaining("最多500字");
  }
}
