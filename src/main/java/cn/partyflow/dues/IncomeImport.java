package cn.partyflow.dues;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.RowCheck;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SheetReader;
import cn.partyflow.shared.SheetRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payroll import of the annual assessment (导入收入数据): every listed member's income read from the sheet and
 * their amount computed through {@link DuesCalculator} into the branch's assessment of the year.
 */
@Service
public class IncomeImport {

  /** Every amount column of the payroll sheet: counted, deducted and not counted items ({@link IncomeBase}). */
  static final List<String> PAYROLL_ITEMS = Stream.of(IncomeBase.REGULAR_ITEMS, IncomeBase.DEDUCTIONS,
      IncomeBase.NOT_COUNTED).flatMap(List::stream).toList();

  private final JdbcTemplate jdbc;
  private final DuesCalculator calculator;
  private final OrganizationDirectory directory;
  private final RuntimeService runtime;
  private final SheetReader sheets;
  private final DuesAssessmentService assessments;

  IncomeImport(JdbcTemplate jdbc, DuesCalculator calculator, OrganizationDirectory directory, RuntimeService runtime,
      SheetReader sheets, DuesAssessmentService assessments) {
    this.jdbc = jdbc;
    this.calculator = calculator;
    this.directory = directory;
    this.runtime = runtime;
    this.sheets = sheets;
    this.assessments = assessments;
  }

  /** What an import did, for the officer's screen. */
  public record ImportResult(int members, BigDecimal monthlyTotal) {}

  /**
   * Reads the payroll sheet and computes every listed member's amount. All or nothing: one bad row refuses the
   * whole file, naming every bad row, and the earlier import of the year (if any) stays as it was.
   */
  @Transactional
  public ImportResult importIncome(String branchId, int year, String filename, byte[] content) {
    Organization branch = assessments.branch(branchId);
    if (assessments.approved(branchId, year)) {
      throw new RuleViolation("dues.assessment.fixed", branch.name() + year
          + "年度党费已经核定，年内不再整体重算（" + DuesRules.NOTICE_2017 + "）；个别变动请办理党费调整");
    }
    String instanceId = runningInstance(branchId, year);
    List<SheetRow> rows = sheets.read(filename, content, columns());
    Map<String, Person> members = directory.people(List.of(branchId)).stream()
        .collect(Collectors.toMap(Person::id, Function.identity()));
    Set<String> elsewhere = new HashSet<>(jdbc.queryForList(
        "select person_id from pf_dues_assessment where assess_year = ? and branch_id <> ?", String.class, year,
        branchId));
    List<ImportRefused.RowError> errors = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    BigDecimal total = BigDecimal.ZERO.setScale(Money.SCALE);
    for (SheetRow sheetRow : rows) {
      RowCheck row = sheetRow.check();
      String personId = row.get("person_id");
      Person person = members.get(personId);
      if (personId.isEmpty()) {
        row.problem("缺少人员编号");
      } else if (person == null) {
        row.problem("人员编号" + personId + "不是" + branch.name() + "的人员");
      } else if (person.status() != MemberStatus.FULL_MEMBER && person.status() != MemberStatus.PROBATIONARY) {
        row.problem(person.name() + "是" + person.status().label() + "，不是党员，不交纳党费");
      } else if (!seen.add(personId)) {
        row.problem(person.name() + "（" + personId + "）在文件中重复出现");
      } else if (elsewhere.contains(personId)) {
        row.problem(person.name() + "已在其他支部核定" + year + "年党费，党费在组织关系所在支部交纳");
      }
      if (person != null && !row.get("name").isEmpty() && !row.get("name").equals(person.name())) {
        row.problem("姓名“" + row.get("name") + "”与人员编号" + personId + "（" + person.name() + "）不符");
      }
      MemberCategory category = MemberCategory.parse(row.get("category")).orElse(null);
      if (category == null) {
        row.problem("人员类别“" + row.get("category") + "”无法识别，可填：在职、离退休、学生、下岗失业、低保、农民");
      }
      Map<String, BigDecimal> items = new LinkedHashMap<>();
      for (String item : PAYROLL_ITEMS) {
        items.put(item, row.yuan("i:" + item, item));
      }
      BigDecimal tax = row.yuan("tax", "个人所得税");
      BigDecimal otherRegular = row.yuan("regular_income", "固定收入合计");
      BigDecimal otherDeductions = row.yuan("excluded", "不计入基数合计");
      DuesAssessment assessment = null;
      IncomeBase.Result income = null;
      if (row.ok()) {
        try {
          income = IncomeBase.of(category, items, otherRegular, tax, otherDeductions);
          assessment = calculator.assess(category, income.statement());
        } catch (RuleViolation e) {
          row.problem(e.getMessage());
        }
      }
      if (!row.ok()) {
        errors.add(row.error());
        continue;
      }
      total = total.add(assessment.amount());
      inserts.add(new Object[] {year, branchId, personId, category.name(), income.statement().regularIncome(), tax,
          income.statement().excluded(), income.notCountedTotal(), income.notCountedText(), assessment.base(),
          assessment.rate(), assessment.amount(), assessment.amount(), assessment.rule(),
          DuesAssessmentService.IMPORTED, year + "-01", instanceId});
    }
    if (rows.isEmpty()) {
      errors.add(new ImportRefused.RowError(0, "文件中没有党员的收入数据"));
    }
    ImportRefused.ifAny(errors);
    jdbc.update("delete from pf_dues_assessment where branch_id = ? and assess_year = ?", branchId, year);
    jdbc.batchUpdate("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income,"
        + " tax, excluded, not_counted, not_counted_items, base, rate, computed_amount, amount, rule_text, status,"
        + " effective_from, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        inserts);
    return new ImportResult(inserts.size(), total);
  }

  private String runningInstance(String branchId, int year) {
    var instance = runtime.createProcessInstanceQuery().processDefinitionKey(DuesProcesses.ASSESSMENT)
        .processInstanceBusinessKey(DuesProcesses.assessmentKey(branchId, year)).singleResult();
    if (instance == null) {
      throw new RuleViolation("dues.assessment.notStarted",
          directory.organization(branchId).map(Organization::name).orElse(branchId) + year
              + "年度党费核定尚未开始，请先启动年度党费核定");
    }
    return instance.getId();
  }

  /** The payroll sheet's columns: a payroll item's column is named after the item. */
  static Map<String, String> columns() {
    Map<String, String> columns = SheetReader.columns("person_id", "人员编号", "person_id", "党员编号",
        "name", "姓名", "category", "人员类别", "category", "类别", "regular_income", "固定收入合计",
        "tax", "个人所得税", "excluded", "不计入基数合计", "remark", "备注");
    PAYROLL_ITEMS.forEach(item -> columns.put(item, "i:" + item));
    return columns;
  }
}
