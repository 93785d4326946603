package cn.partyflow.dues;

import static cn.partyflow.dues.MemberCategory.EMPLOYED;
import static cn.partyflow.dues.MemberCategory.FARMER;
import static cn.partyflow.dues.MemberCategory.RETIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.shared.RuleViolation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DuesCalculatorTest {

  private static final LocalDate BRANCH_DECIDED = LocalDate.of(2025, 3, 10);
  private static final LocalDate HIGHER_APPROVED = LocalDate.of(2025, 3, 20);

  private final DuesCalculator calculator = new DuesCalculator();

  // 3,000.50 and 5,009.00 sit exactly on a half fen; computed in double they round down instead.
  @ParameterizedTest(name = "{0} {1} ({2}, {3}) -> {5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # category | base     | precision | rounding  | rate  | amount  | capped
          EMPLOYED   | 0.00     | FEN       | HALF_UP   | 0.005 | 0.00    | false
          EMPLOYED   | 2999.99  | FEN       | HALF_UP   | 0.005 | 15.00   | false
          EMPLOYED   | 3000.00  | FEN       | HALF_UP   | 0.005 | 15.00   | false
          EMPLOYED   | 3000.01  | FEN       | HALF_UP   | 0.01  | 30.00   | false
          EMPLOYED   | 3000.50  | FEN       | HALF_UP   | 0.01  | 30.01   | false
          EMPLOYED   | 3333.33  | FEN       | HALF_UP   | 0.01  | 33.33   | false
          EMPLOYED   | 5000.00  | FEN       | HALF_UP   | 0.01  | 50.00   | false
          EMPLOYED   | 5000.01  | FEN       | HALF_UP   | 0.015 | 75.00   | false
          EMPLOYED   | 5009.00  | FEN       | HALF_UP   | 0.015 | 75.14   | false
          EMPLOYED   | 6500.00  | FEN       | HALF_UP   | 0.015 | 97.50   | false
          EMPLOYED   | 10000.00 | FEN       | HALF_UP   | 0.015 | 150.00  | false
          EMPLOYED   | 10000.01 | FEN       | HALF_UP   | 0.02  | 200.00  | false
          EMPLOYED   | 50000.00 | FEN       | HALF_UP   | 0.02  | 1000.00 | false
          EMPLOYED   | 60000.00 | FEN       | HALF_UP   | 0.02  | 1000.00 | true
          EMPLOYED   | 3333.33  | JIAO      | HALF_UP   | 0.01  | 33.30   | false
          EMPLOYED   | 6550.00  | FEN       | HALF_UP   | 0.015 | 98.25   | false
          EMPLOYED   | 6550.00  | JIAO      | HALF_UP   | 0.015 | 98.30   | false
          EMPLOYED   | 6550.00  | JIAO      | HALF_EVEN | 0.015 | 98.20   | false
          RETIRED    | 4000.00  | FEN       | HALF_UP   | 0.005 | 20.00   | false
          RETIRED    | 5000.00  | FEN       | HALF_UP   | 0.005 | 25.00   | false
          RETIRED    | 5000.01  | FEN       | HALF_UP   | 0.01  | 50.00   | false
          RETIRED    | 6000.00  | FEN       | HALF_UP   | 0.01  | 60.00   | false
          STUDENT    | 0.00     | FEN       | HALF_UP   |       | 0.20    | false
          UNEMPLOYED | 0.00     | FEN       | HALF_UP   |       | 0.20    | false
          RELIEF     | 0.00     | FEN       | HALF_UP   |       | 0.20    | false
          FARMER     | 0.00     | FEN       | HALF_UP   |       | 0.50    | false
          """)
  void assessesMonthlyDues(
      MemberCategory category,
      BigDecimal base,
      DuesPrecision precision,
      RoundingMode rounding,
      BigDecimal rate,
      String amount,
      boolean capped) {
    DuesCalculation settings = DuesCalculation.DEFAULTS.withPrecision(precision).withRoundingMode(rounding);

    DuesAssessment assessment = new DuesCalculator(settings).assess(category, base);

    assertThat(assessment.amount()).isEqualTo(new BigDecimal(amount));
    assertThat(assessment.rate()).isEqualTo(rate);
    assertThat(assessment.capApplied()).isEqualTo(capped);
  }

  @Test
  void namesTheRuleApplied() {
    assertThat(calculator.assess(EMPLOYED, new BigDecimal("6500.00")).rule())
        .isEqualTo("在职党员月工资收入5000元以上至10000元（含）按1.5%交纳");
    assertThat(calculator.assess(EMPLOYED, new BigDecimal("60000.00")).rule())
        .startsWith("在职党员月工资收入10000元以上按2%交纳")
        .contains("不超过1000.00元");
  }

  @Test
  void refusesNegativeBase() {
    assertThatThrownBy(() -> calculator.assess(EMPLOYED, new BigDecimal("-0.01")))
        .isInstanceOf(RuleViolation.class)
        .hasMessageStartingWith("党费计算基数不能为负数（《关于中国共产党党费收缴、使用和管理的规定》第一条）")
        .extracting(e -> ((RuleViolation) e).rule())
        .isEqualTo("dues.base.notNegative");
  }

  @Test
  void computesBaseFromIncomeStatement() {
    IncomeStatement hospitalDoctor =
        new IncomeStatement(
            items("岗位工资", "2800.00", "薪级工资", "1350.00", "基础性绩效工资", "3000.00",
                "奖励性绩效工资", "2500.00", "津贴补贴", "600.00", "交通补贴", "300.00"),
            new BigDecimal("182.00"),
            items("奖励性绩效工资", "2500.00", "交通补贴", "300.00", "养老保险", "728.00",
                "医疗保险", "182.00", "失业保险", "45.50", "住房公积金", "1092.00", "职业年金", "364.00"));

    assertThat(calculator.base(hospitalDoctor)).isEqualTo(new BigDecimal("5156.50"));
    assertThat(calculator.assess(EMPLOYED, hospitalDoctor).amount()).isEqualTo(new BigDecimal("77.35"));
  }

  @Test
  void refusesIncomeStatementWhoseDeductionsExceedIncome() {
    IncomeStatement statement =
        new IncomeStatement(items("基本工资", "1000.00"), BigDecimal.ZERO, items("住房公积金", "1200.00"));

    assertThatThrownBy(() -> calculator.base(statement))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("党费计算基数不能为负数")
        .hasMessageContaining("-200.00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.19", "1.01", "0.00"})
  void refusesFarmerAmountOutsideProvincialRange(String amount) {
    DuesSettings properties = new DuesSettings();
    properties.setFarmerMonthlyAmount(new BigDecimal(amount));

    assertThatThrownBy(properties::toCalculation)
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("0.20元至1.00元")
        .extracting(e -> ((RuleViolation) e).rule())
        .isEqualTo("dues.farmer.range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.20", "1.00"})
  void farmersPayTheConfiguredAmount(String amount) {
    DuesCalculation settings = DuesCalculation.DEFAULTS.withFarmerMonthlyAmount(new BigDecimal(amount));

    assertThat(new DuesCalculator(settings).assess(FARMER, BigDecimal.ZERO).amount())
        .isEqualTo(new BigDecimal(amount));
  }

  @Test
  void refusesReductionWithoutHigherApprovalForEmployedMember() {
    DuesAssessment assessment = calculator.assess(EMPLOYED, new BigDecimal("4000.00"));
    DuesReduction branchOnly = new DuesReduction(new BigDecimal("10.00"), "家庭重大疾病", BRANCH_DECIDED, null);

    assertThatThrownBy(() -> assessment.withReduction(branchOnly))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("报上一级党委批准")
        .extracting(e -> ((RuleViolation) e).rule())
        .isEqualTo("dues.reduction.higherApproval");
  }

  @Test
  void acceptsBranchConsentAloneForRetiredMemberInHardship() {
    DuesAssessment assessment = calculator.assess(RETIRED, new BigDecimal("4000.00"));

    DuesAssessment reduced =
        assessment.withReduction(new DuesReduction(new BigDecimal("5.00"), "生活困难", BRANCH_DECIDED, null));

    assertThat(reduced.amount()).isEqualTo(new BigDecimal("20.00"));
    assertThat(reduced.due()).isEqualTo(new BigDecimal("5.00"));
  }

  @Test
  void exemptsWithBranchDecisionAndHigherApproval() {
    DuesAssessment assessment = calculator.assess(EMPLOYED, new BigDecimal("2000.00"));

    DuesAssessment exempted =
        assessment.withReduction(DuesReduction.exemption("长期患病无收入", BRANCH_DECIDED, HIGHER_APPROVED));

    assertThat(exempted.due()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void refusesReductionAboveComputedAmountOrBelowZero() {
    DuesAssessment assessment = calculator.assess(EMPLOYED, new BigDecimal("4000.00"));

    assertThatThrownBy(() -> assessment.withReduction(
            new DuesReduction(new BigDecimal("40.01"), "生活困难", BRANCH_DECIDED, HIGHER_APPROVED)))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("不能超过按规定计算的40.00元");
    assertThatThrownBy(() -> new DuesReduction(new BigDecimal("-1.00"), "生活困难", BRANCH_DECIDED, HIGHER_APPROVED))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("不能为负数");
  }

  @Test
  void refusesHigherApprovalDatedBeforeBranchDecision() {
    assertThatThrownBy(() -> DuesReduction.exemption("生活困难", HIGHER_APPROVED, BRANCH_DECIDED))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("不能早于党支部研究日期");
  }

  @Test
  void addsVoluntaryExtraBeyondTheCap() {
    DuesAssessment assessment =
        calculator.assess(EMPLOYED, new BigDecimal("60000.00")).withVoluntaryExtra(new BigDecimal("500.00"));

    assertThat(assessment.amount()).isEqualTo(new BigDecimal("1000.00"));
    assertThat(assessment.total()).isEqualTo(new BigDecimal("1500.00"));
    assertThatThrownBy(() -> assessment.withVoluntaryExtra(new BigDecimal("-0.01")))
        .isInstanceOf(RuleViolation.class);
  }

  @Test
  void sumsDuesOfManyMembersExactly() {
    // 0.10 + 0.20 ten thousand times: any binary floating point drifts away from 1500.00.
    BigDecimal total =
        Stream.iterate(0, i -> i + 1)
            .limit(10_000)
            .map(i -> calculator.assess(EMPLOYED, new BigDecimal(i % 2 == 0 ? "20.00" : "40.00")).amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(total).isEqualTo(new BigDecimal("1500.00"));
  }

  @Test
  void usesNoBinaryFloatingPoint() throws IOException {
    Path sources = Path.of("src/main/java/cn/partyflow/dues");
    Pattern floating = Pattern.compile("\\b(double|float|Double|Float)\\b|doubleValue|floatValue");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }

    assertThat(files).hasSizeGreaterThan(5);
    for (Path file : files) {
      assertThat(floating.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
    }
  }

  @Test
  void readsSettingsFromSpringProperties() {
    new ApplicationContextRunner()
        .withUserConfiguration(DuesConfiguration.class)
        .withPropertyValues("partyflow.dues.precision=jiao", "partyflow.dues.farmer-monthly-amount=0.80")
        .run(context -> {
          DuesCalculator configured = context.getBean(DuesCalculator.class);
          assertThat(configured.assess(EMPLOYED, new BigDecimal("3333.33")).amount())
              .isEqualTo(new BigDecimal("33.30"));
          assertThat(configured.assess(FARMER, BigDecimal.ZERO).amount()).isEqualTo(new BigDecimal("0.80"));
        });
  }

  private static List<IncomeStatement.Item> items(String... namesAndAmounts) {
    return Stream.iterate(0, i -> i < namesAndAmounts.length, i -> i + 2)
        .map(i -> new IncomeStatement.Item(namesAndAmounts[i], new BigDecimal(namesAndAmounts[i + 1])))
        .toList();
  }
}
