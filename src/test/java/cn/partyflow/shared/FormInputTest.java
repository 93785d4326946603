package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one form reader: each kind of answer read one way, every refusal Chinese and naming the field. */
class FormInputTest {

  @Test
  void readsADateAsTheDatePickerSendsIt() {
    assertThat(FormInput.date("2025-03-01", "谈话日期")).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(FormInput.date("2025-03-01T10:00", "谈话日期")).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(FormInput.date(" ", "谈话日期")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-30", "去年春天", "2025/10/15", "2025-03-01xyz", "20240110"})
  void refusesAnUnreadableDateNamingTheField(String value) {
    assertThatThrownBy(() -> FormInput.date(value, "谈话日期")).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("谈话日期不是有效日期").hasMessageContaining(value)
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("form.date");
  }

  @Test
  void refusesADateSentAsANumberOrABoolean() {
    assertThatThrownBy(() -> FormInput.date(20240110, "谈话日期")).hasMessageStartingWith("谈话日期不是有效日期");
    assertThatThrownBy(() -> FormInput.date(true, "谈话日期")).hasMessageStartingWith("谈话日期不是有效日期");
  }

  @Test
  void requiredDateAsksForTheField() {
    assertThatThrownBy(() -> FormInput.requiredDate(null, "谈话日期")).hasMessage("请填写谈话日期")
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("form.required");
  }

  @Test
  void readsNumbersThroughTheirDecimalText() {
    assertThat(FormInput.number(97.5, "金额")).isEqualByComparingTo("97.5");
    assertThat(FormInput.number(0.1, "金额")).isEqualTo(new BigDecimal("0.1"));
    assertThat(FormInput.number("12.30", "金额")).isEqualTo(new BigDecimal("12.30"));
    assertThatThrownBy(() -> FormInput.number("十二", "金额")).hasMessageStartingWith("金额须为数字")
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("form.number");
  }

  @Test
  void refusesANumberOutsideItsBounds() {
    assertThat(FormInput.integer(3, "培训天数", 0, 3)).isEqualTo(3);
    assertThatThrownBy(() -> FormInput.integer(4, "培训天数", 0, 3)).hasMessage("培训天数须在0到3之间，提交的是4");
    assertThatThrownBy(() -> FormInput.number("-0.01", "金额", BigDecimal.ZERO, null))
        .hasMessage("金额不能小于0，提交的是-0.01").extracting(e -> ((RuleViolation) e).rule()).isEqualTo("form.range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"四份", "2.5", "true"})
  void refusesAnIntegerWithAFractionOrWords(String value) {
    assertThatThrownBy(() -> FormInput.integer(value, "已收思想汇报份数"))
        .hasMessageStartingWith("已收思想汇报份数须为整数");
    assertThatThrownBy(() -> FormInput.integer(2.5, "赞成票数")).hasMessageStartingWith("赞成票数须为整数");
  }

  @Test
  void readsYesAndNoInEitherLanguage() {
    assertThat(FormInput.yesNo("true", "政审结论")).isTrue();
    assertThat(FormInput.yesNo("是", "政审结论")).isTrue();
    assertThat(FormInput.yesNo(false, "政审结论")).isFalse();
    assertThat(FormInput.yesNo("否", "政审结论")).isFalse();
    assertThat(FormInput.yesNo("", "政审结论")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "yes", "1", "不确定"})
  void refusesAYesNoThatIsNeither(String value) {
    assertThatThrownBy(() -> FormInput.yesNo(value, "政审结论"))
        .hasMessage("政审结论只能选择是或否，提交的是“" + value + "”")
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("form.yesNo");
  }

  @Test
  void readsAnOptionOnlyAmongTheOptions() {
    assertThat(FormInput.option("问责", "处理方式", List.of("约谈", "问责"))).isEqualTo("问责");
    assertThatThrownBy(() -> FormInput.option("罚款", "处理方式", List.of("约谈", "问责")))
        .hasMessage("处理方式只能是约谈、问责，不能是“罚款”");
    assertThatThrownBy(() -> FormInput.requiredOption("", "处理方式", List.of("约谈"))).hasMessage("请选择处理方式");
  }

  @Test
  void readsListsFromSpinJsonTextOrJava() {
    assertThat(FormInput.ids(Spin.JSON("[\"a\", \" b \"]"), "介绍人")).containsExactly("a", "b");
    assertThat(FormInput.ids("a，b、c", "介绍人")).containsExactly("a", "b", "c");
    assertThat(FormInput.rows("[{\"no\": 1}]", "问题清单")).containsExactly(Map.of("no", 1));
    assertThat(FormInput.rows(List.of(Map.of("no", 1)), "问题清单")).containsExactly(Map.of("no", 1));
    assertThat(FormInput.list(null, "考察记录")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"甲更正为3500", "{\"no\": 1}", "[1, 2]", "[{\"no\""})
  void refusesAListThatIsNotOneNamingTheField(String value) {
    assertThatThrownBy(() -> FormInput.rows(value, "问题清单")).isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("问题清单的内容无法读取");
  }

  @ParameterizedTest
  @NullAndEmptySource
  void requiredTextAsksForTheField(String value) {
    assertThatThrownBy(() -> FormInput.requiredText(value, "谈话记录")).hasMessage("请填写谈话记录");
  }

  @Test
  void limitsFreeText() {
    assertThat(FormInput.text("  记录 ", "谈话记录")).isEqualTo("记录");
    assertThatThrownBy(() -> FormInput.text("x".repeat(FormText.MAX_LENGTH + 1), "谈话记录"))
        .hasMessageStartingWith("谈话记录最多2000字").extracting(e -> ((RuleViolation) e).rule())
        .isEqualTo("form.textTooLong");
  }
}
