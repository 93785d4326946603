package cn.partyflow.dues;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormText;
import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SheetReader;
import cn.partyflow.shared.SheetRow;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual determination of every member's monthly dues (党费核定) and the recorded changes within the year.
 * The amounts come from the imported payroll through {@link DuesCalculator}; the 党费管理员's corrections keep
 * their reasons; once the 党委 organization department has approved, the amounts hold for the year and only an
 * approved {@linkplain #requestAdjustment adjustment} changes them.
 */
@Service
public class DuesAssessmentService {

  static final String IMPORTED = "IMPORTED";
  static final String CORRECTED = "CORRECTED";
  static final String APPROVED = "APPROVED";

  /** Every amount column of the payroll sheet: counted, deducted and not counted items ({@link IncomeBase}). */
  static final List<String> PAYROLL_ITEMS = java.util.stream.Stream.of(IncomeBase.REGULAR_ITEMS,
      IncomeBase.DEDUCTIONS, IncomeBase.NOT_COUNTED).flatMap(List::stream).toList();


  private final JdbcTemplate jdbc;
  private final DuesCalculator calculator;
  private final OrganizationDirectory directory;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final SheetReader sheets;

  DuesAssessmentService(JdbcTemplate jdbc, DuesCalculator calculator, OrganizationDirectory directory,
      RuntimeService runtime, HistoryService history, SheetReader sheets) {
    this.jdbc = jdbc;
    this.sheets = sheets;
    this.calculator = calculator;
    this.directory = directory;
    this.runtime = runtime;
    this.history = history;
  }

  /** One assessment per branch and year, also when two starts happen at once; the case belongs to the branch. */
  @Transactional
  public String start(String branchId, int year) {
    Organization branch = branch(branchId);
    String key = DuesProcesses.assessmentKey(branchId, year);
    RuleViolation once = new RuleViolation("dues.assessment.once",
        branch.name() + year + "年度党费核定已经开始，每个支部每年核定一次；年内变动请办理党费调整");
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(DuesProcesses.ASSESSMENT)
        .processInstanceBusinessKey(key).count() > 0) {
      throw once;
    }
    CaseStarts.claim(jdbc, DuesProcesses.ASSESSMENT, key, once);
    return runtime.startProcessInstanceByKey(DuesProcesses.ASSESSMENT, key, Map.of(
        DuesProcesses.ORG_ID, branchId,
        DuesProcesses.YEAR, year,
        DuesProcesses.BRANCH_NAME, branch.name())).getId();
  }

  /**
   * The checks of {@link #start} for a case started another way (Tasklist, /engine-rest): a branch and a year are
   * given, and no other assessment of the branch's year exists. Returns the branch's name.
   */
  public String admitStart(String branchId, int year, String instanceId) {
    if (branchId == null || branchId.isBlank() || year == 0) {
      throw new RuleViolation("dues.start.page", "年度党费核定请在“党费”页面（/dues）选择党支部和年度后发起");
    }
    Organization branch = branch(branchId);
    boolean other = history.createHistoricProcessInstanceQuery().processDefinitionKey(DuesProcesses.ASSESSMENT)
        .processInstanceBusinessKey(DuesProcesses.assessmentKey(branchId, year)).list().stream()
        .anyMatch(h -> !h.getId().equals(instanceId));
    if (other) {
      throw new RuleViolation("dues.assessment.once",
          branch.name() + year + "年度党费核定已经开始，每个支部每年核定一次；年内变动请办理党费调整");
    }
    return branch.name();
  }

  Organization branch(String branchId) {
    Organization org = directory.organization(branchId)
        .orElseThrow(() -> new RuleViolation("dues.unknownOrganization", "组织" + branchId + "不存在"));
    if (org.kind() != OrganizationKind.BRANCH && org.kind() != OrganizationKind.GENERAL_BRANCH) {
      throw new RuleViolation("dues.branch",
          "党费由党员组织关系所在的党支部收缴（" + DuesRules.REGULATION_2008 + "第九条），" + org.name() + "不是党支部");
    }
    return org;
  }

  /** What an import did, for the officer's screen. */
  public record ImportResult(int members, BigDecimal monthlyTotal) {}

  /**
   * Reads the payroll sheet and computes every listed member's amount. All or nothing: one bad row refuses the
   * whole file, naming every bad row, and the earlier import of the year (if any) stays as it was.
   */
  @Transactional
  public ImportResult importIncome(String branchId, int year, String filename, byte[] content) {
    Organization branch = branch(branchId);
    if (count(branchId, year, APPROVED) > 0) {
      throw new RuleViolation("dues.assessment.fixed", branch.name() + year
          + "年度党费已经核定，年内不再整体重算（" + DuesRules.NOTICE_2017 + "）；个别变动请办理党费调整");
    }
    String instanceId = runningInstance(branchId, year);
    List<SheetRow> rows = sheets.read(filename, content, aliases());
    Map<String, Person> members = directory.people(List.of(branchId)).stream()
        .collect(Collectors.toMap(Person::id, Function.identity()));
    Set<String> elsewhere = new HashSet<>(jdbc.queryForList(
        "select person_id from pf_dues_assessment where assess_year = ? and branch_id <> ?", String.class, year,
        branchId));
    List<ImportRefused.RowError> errors = new ArrayList<>();
    List<Object[]> inserts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    BigDecimal total = BigDecimal.ZERO.setScale(Money.SCALE);
    for (SheetRow row : rows) {
      List<String> problems = new ArrayList<>();
      String personId = row.get("person_id");
      Person person = members.get(personId);
      if (personId.isEmpty()) {
        problems.add("缺少人员编号");
      } else if (person == null) {
        problems.add("人员编号" + personId + "不是" + branch.name() + "的人员");
      } else if (person.status() != MemberStatus.FULL_MEMBER && person.status() != MemberStatus.PROBATIONARY) {
        problems.add(person.name() + "是" + person.status().label() + "，不是党员，不交纳党费");
      } else if (!seen.add(personId)) {
        problems.add(person.name() + "（" + personId + "）在文件中重复出现");
      } else if (elsewhere.contains(personId)) {
        problems.add(person.name() + "已在其他支部核定" + year + "年党费，党费在组织关系所在支部交纳");
      }
      if (person != null && !row.get("name").isEmpty() && !row.get("name").equals(person.name())) {
        problems.add("姓名“" + row.get("name") + "”与人员编号" + personId + "（" + person.name() + "）不符");
      }
      MemberCategory category = MemberCategory.parse(row.get("category")).orElse(null);
      if (category == null) {
        problems.add("人员类别“" + row.get("category") + "”无法识别，可填：在职、离退休、学生、下岗失业、低保、农民");
      }
      Map<String, BigDecimal> items = new LinkedHashMap<>();
      for (String item : PAYROLL_ITEMS) {
        items.put(item, amount(row, "i:" + item, item, problems));
      }
      BigDecimal tax = amount(row, "tax", "个人所得税", problems);
      BigDecimal otherRegular = amount(row, "regular_income", "固定收入合计", problems);
      BigDecimal otherDeductions = amount(row, "excluded", "不计入基数合计", problems);
      DuesAssessment assessment = null;
      IncomeBase.Result income = null;
      if (problems.isEmpty()) {
        try {
          income = IncomeBase.of(category, items, otherRegular, tax, otherDeductions);
          assessment = calculator.assess(category, income.statement());
        } catch (RuleViolation e) {
          problems.add(e.getMessage());
        }
      }
      if (!problems.isEmpty()) {
        errors.add(new ImportRefused.RowError(row.line(), String.join("；", problems)));
        continue;
      }
      total = total.add(assessment.amount());
      inserts.add(new Object[] {year, branchId, personId, category.name(), income.statement().regularIncome(), tax,
          income.statement().excluded(), income.notCountedTotal(), income.notCountedText(), assessment.base(),
          assessment.rate(), assessment.amount(), assessment.amount(), assessment.rule(), IMPORTED, year + "-01",
          instanceId});
    }
    if (rows.isEmpty()) {
      errors.add(new ImportRefused.RowError(0, "文件中没有党员的收入数据"));
    }
    if (!errors.isEmpty()) {
      throw new ImportRefused(errors);
    }
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

  static Map<String, String> aliases() {
    Map<String, String> aliases = new LinkedHashMap<>();
    alias(aliases, "person_id", "人员编号", "党员编号");
    alias(aliases, "name", "姓名");
    alias(aliases, "category", "人员类别", "类别");
    alias(aliases, "regular_income", "固定收入合计");
    alias(aliases, "tax", "个人所得税");
    alias(aliases, "excluded", "不计入基数合计");
    alias(aliases, "remark", "备注");
    PAYROLL_ITEMS.forEach(item -> aliases.put(item, "i:" + item));
    return aliases;
  }

  private static void alias(Map<String, String> aliases, String key, String... names) {
    aliases.put(key, key);
    for (String n : names) {
      aliases.put(n, key);
    }
  }

  private static BigDecimal amount(SheetRow row, String column, String label, List<String> problems) {
    String text = row.get(column).replace(",", "");
    if (text.isEmpty()) {
      return BigDecimal.ZERO.setScale(Money.SCALE);
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        problems.add(label + "不能为负数");
        return BigDecimal.ZERO.setScale(Money.SCALE);
      }
      if (value.scale() > Money.SCALE && value.stripTrailingZeros().scale() > Money.SCALE) {
        problems.add(label + "“" + text + "”最多精确到分");
        return BigDecimal.ZERO.setScale(Money.SCALE);
      }
      return value.setScale(Money.SCALE, java.math.RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      problems.add(label + "“" + text + "”不是金额");
      return BigDecimal.ZERO.setScale(Money.SCALE);
    }
  }

  /** Recomputes the imported amounts with the current settings; corrected amounts keep their correction. */
  public Summary compute(String branchId, int year) {
    List<Map<String, Object>> rows = jdbc.queryForList("select id, category, base from pf_dues_assessment"
        + " where branch_id = ? and assess_year = ? and status = ?", branchId, year, IMPORTED);
    List<Object[]> updates = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      DuesAssessment a = calculator.assess(MemberCategory.valueOf((String) r.get("category")),
          (BigDecimal) r.get("base"));
      updates.add(new Object[] {a.rate(), a.amount(), a.amount(), a.rule(), r.get("id")});
    }
    jdbc.batchUpdate("update pf_dues_assessment set rate = ?, computed_amount = ?, amount = ?, rule_text = ?"
        + " where id = ?", updates);
    return summary(branchId, year);
  }

  /** Members and the monthly total, for task names and the confirmation forms. */
  public record Summary(int members, BigDecimal monthlyTotal, List<String> missing) {}

  public Summary summary(String branchId, int year) {
    Map<String, Object> s = jdbc.queryForMap("select count(*) n, coalesce(sum(amount), 0) total"
        + " from pf_dues_assessment where branch_id = ? and assess_year = ?", branchId, year);
    List<String> missing = jdbc.queryForList("select p.name || '（' || p.id || '）' from pf_person p"
        + " where p.org_id = ? and p.status in ('FULL_MEMBER', 'PROBATIONARY')"
        + " and not exists (select 1 from pf_dues_assessment a where a.person_id = p.id and a.assess_year = ?)"
        + " order by p.id", String.class, branchId, year);
    return new Summary(((Number) s.get("n")).intValue(),
        new BigDecimal(s.get("total").toString()).setScale(Money.SCALE), missing);
  }

  /** Before review: every member of the branch has an amount. */
  public void requireEveryMember(String branchId, int year) {
    Summary s = summary(branchId, year);
    if (s.members() == 0) {
      throw new RuleViolation("dues.assessment.imported", "尚未导入党员收入数据，请先上传工资表");
    }
    if (!s.missing().isEmpty()) {
      throw new RuleViolation("dues.assessment.everyMember", "以下党员尚未核定党费，须逐一核定计算基数和数额（"
          + DuesRules.NOTICE_2017 + "）：" + String.join("、", s.missing()));
    }
  }

  /** One correction by the 党费管理员: a new base (recomputed) or a new amount, always with its reason. */
  public record Correction(String personId, MemberCategory category, BigDecimal base, BigDecimal amount,
      String reason) {}

  public void correct(String branchId, int year, List<Correction> corrections, String user) {
    for (Correction c : corrections) {
      Map<String, Object> row = jdbc.queryForList("select id, category, base, computed_amount, status"
          + " from pf_dues_assessment where branch_id = ? and assess_year = ? and person_id = ?", branchId, year,
          c.personId()).stream().findFirst().orElseThrow(() -> new RuleViolation("dues.correction.member",
          "更正的人员" + c.personId() + "不在本支部" + year + "年度党费核定表中"));
      if (APPROVED.equals(row.get("status"))) {
        throw new RuleViolation("dues.assessment.fixed", "党费已经核定，年内变动请办理党费调整");
      }
      if (c.reason() == null || c.reason().isBlank()) {
        throw new RuleViolation("dues.correction.reason", "更正" + c.personId() + "的党费须写明原因，以备核查");
      }
      FormText.limited("更正" + c.personId() + "的原因", c.reason().trim(), 500);
      MemberCategory category = c.category() != null ? c.category()
          : MemberCategory.valueOf((String) row.get("category"));
      BigDecimal base = c.base() != null ? c.base() : (BigDecimal) row.get("base");
      DuesAssessment computed = calculator.assess(category, base);
      BigDecimal amount = c.amount() != null ? Money.nonNegativeYuan(c.amount(), "更正后的党费") : computed.amount();
      if (amount.compareTo(calculator.calculation().monthlyCap()) > 0) {
        throw new RuleViolation("dues.correction.cap", "每月党费一般不超过" + calculator.calculation().monthlyCap()
            .toPlainString() + "元（" + DuesRules.NOTICE_2017 + "）；党员自愿多交的部分不计入核定数额");
      }
      String rule = amount.compareTo(computed.amount()) < 0
          ? computed.rule() + "；少交或免交经支部研究、上级党委批准（" + DuesRules.REGULATION_2008 + "第七条）"
          : computed.rule();
      jdbc.update("update pf_dues_assessment set category = ?, base = ?, rate = ?, computed_amount = ?, amount = ?,"
              + " rule_text = ?, correction_reason = ?, reduction_reason = ?, corrected_by = ?, status = ?"
              + " where id = ?", category.name(), computed.base(), computed.rate(), computed.amount(), amount, rule,
          c.reason().trim(), amount.compareTo(computed.amount()) < 0 ? c.reason().trim() : null, user, CORRECTED,
          row.get("id"));
    }
  }

  /**
   * The organization department's approval: the amounts now hold for the year, and the months already collected
   * on last year's amounts are settled: their due becomes the approved amount, the provisional one is kept beside
   * it, and the difference is owed as a back payment (or, where less is due, shown as overpaid).
   */
  @Transactional
  public int approve(String branchId, int year, String user) {
    requireEveryMember(branchId, year);
    int approved = jdbc.update("update pf_dues_assessment set status = ?, approved_by = ?, approved_at = ?"
            + " where branch_id = ? and assess_year = ? and status <> ?", APPROVED, user,
        Timestamp.from(ChinaClock.now()), branchId, year, APPROVED);
    settleProvisional(branchId, year);
    return approved;
  }

  private void settleProvisional(String branchId, int year) {
    List<Object[]> updates = new ArrayList<>();
    jdbc.queryForList("select l.id, a.base, a.rate, a.amount from pf_dues_ledger l join pf_dues_assessment a"
        + " on a.person_id = l.person_id and a.assess_year = ? and a.status = ? where l.branch_id = ?"
        + " and l.period >= ? and l.period <= ? and l.provisional = true", year, APPROVED, branchId, year + "-01",
        year + "-12").forEach(r -> updates.add(new Object[] {r.get("base"), r.get("rate"), r.get("amount"),
            r.get("id")}));
    jdbc.batchUpdate("update pf_dues_ledger set provisional_due = due, base = ?, rate = ?, due = ?,"
        + " provisional = false where id = ?", updates);
  }

  /** The assessment table for forms and the API. */
  public List<Map<String, Object>> rows(String branchId, int year) {
    return jdbc.queryForList("select a.person_id \"personId\", p.name \"name\", a.category \"category\","
        + " a.regular_income \"regular\", a.tax \"tax\", a.excluded \"deducted\", a.not_counted \"notCounted\","
        + " a.not_counted_items \"notCountedItems\", a.base \"base\", a.rate \"rate\", a.computed_amount \"computed\", a.amount \"amount\","
        + " a.rule_text \"rule\", a.correction_reason \"correctionReason\", a.status \"status\""
        + " from pf_dues_assessment a join pf_person p on p.id = a.person_id"
        + " where a.branch_id = ? and a.assess_year = ? order by a.person_id", branchId, year);
  }

  private int count(String branchId, int year, String status) {
    Integer n = jdbc.queryForObject("select count(*) from pf_dues_assessment where branch_id = ? and assess_year = ?"
        + " and status = ?", Integer.class, branchId, year, status);
    return n == null ? 0 : n;
  }

  /**
   * A change within the year: a new base or category for a member, a member who joined after the assessment, or a
   * reduction or exemption (少交、免交) in hardship, which the branch has studied first.
   *
   * @param reducedAmount what the member pays instead of the computed amount; null for no reduction
   * @param branchDecisionDate when the branch studied (or, for a retiree, consented to) the reduction
   */
  public record AdjustmentRequest(String personId, int year, MemberCategory category, BigDecimal base,
      String effectiveFrom, String reason, BigDecimal reducedAmount, java.time.LocalDate branchDecisionDate) {

    public AdjustmentRequest(String personId, int year, MemberCategory category, BigDecimal base,
        String effectiveFrom, String reason) {
      this(personId, year, category, base, effectiveFrom, reason, null, null);
    }
  }

  /** Who approves: a retiree's reduction in hardship the branch alone (2017 notice); all else the higher 党委. */
  static String approvalLevel(MemberCategory category, BigDecimal reducedAmount) {
    return reducedAmount != null && category == MemberCategory.RETIRED ? "BRANCH" : "COMMITTEE";
  }

  /**
   * Records the request and opens its approval case, whose task goes to whoever approves it ({@link
   * #approvalLevel}); started as the requesting user, so the engine checks the user acts for the branch.
   */
  @Transactional
  public long requestAdjustment(AdjustmentRequest r, String user) {
    Person person = directory.person(r.personId()).orElseThrow(() -> new RuleViolation("dues.adjustment.person",
        "人员" + r.personId() + "不存在"));
    if (person.status() != MemberStatus.FULL_MEMBER && person.status() != MemberStatus.PROBATIONARY) {
      throw new RuleViolation("dues.adjustment.member", person.name() + "不是党员，不交纳党费");
    }
    Organization branch = branch(person.orgId());
    if (r.reason() == null || r.reason().isBlank()) {
      throw new RuleViolation("dues.adjustment.reason", "年内调整党费须写明原因（党费数额年初核定后一般不变，"
          + DuesRules.NOTICE_2017 + "）");
    }
    FormText.limited("调整原因", r.reason().trim(), 500);
    if (r.category() == null || r.base() == null) {
      throw new RuleViolation("dues.adjustment.base", "请填写人员类别和计算基数");
    }
    String admissionMonth = person.status() == MemberStatus.PROBATIONARY && person.admissionDate() != null
        ? Periods.of(person.admissionDate()) : null;
    String from = r.effectiveFrom() == null || r.effectiveFrom().isBlank()
        ? (admissionMonth != null && Periods.year(admissionMonth) == r.year() ? admissionMonth : r.year() + "-01")
        : Periods.of(Periods.parse(r.effectiveFrom()));
    if (Periods.year(from) != r.year()) {
      throw new RuleViolation("dues.adjustment.year", "调整的生效月份" + from + "不在" + r.year() + "年内");
    }
    if (admissionMonth != null && from.compareTo(admissionMonth) < 0) {
      throw new RuleViolation("dues.adjustment.admission", "预备党员从支部大会通过之日（" + person.admissionDate()
          + "）起交纳党费（" + DuesRules.REGULATION_2008 + "第八条），生效月份不能早于" + admissionMonth);
    }
    DuesAssessment computed = calculator.assess(r.category(), r.base());
    if (r.reducedAmount() != null) {
      DuesReduction reduction = new DuesReduction(r.reducedAmount(), r.reason(), r.branchDecisionDate(), null);
      if (reduction.branchDecisionDate().isAfter(ChinaClock.today())) {
        throw new RuleViolation("dues.reduction.branchDate", "党支部研究的日期（" + reduction.branchDecisionDate()
            + "）晚于今天，请填写实际日期");
      }
      if (reduction.reducedAmount().compareTo(computed.amount()) > 0) {
        throw DuesRules.reductionAboveComputed(reduction.reducedAmount(), computed.amount());
      }
    }
    BigDecimal old = jdbc.queryForList("select amount from pf_dues_assessment where person_id = ? and assess_year = ?",
        BigDecimal.class, r.personId(), r.year()).stream().findFirst().orElse(null);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into pf_dues_adjustment (assess_year, branch_id,"
          + " person_id, category, base, old_amount, new_amount, effective_from, reason, requested_by, requested_at,"
          + " status, reduced_amount, branch_decision_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?)",
          new String[] {"id"});
      insert.setInt(1, r.year());
      insert.setString(2, person.orgId());
      insert.setString(3, r.personId());
      insert.setString(4, r.category().name());
      insert.setBigDecimal(5, computed.base());
      insert.setBigDecimal(6, old);
      insert.setBigDecimal(7, computed.amount());
      insert.setString(8, from);
      insert.setString(9, r.reason().trim());
      insert.setString(10, user);
      insert.setTimestamp(11, Timestamp.from(ChinaClock.now()));
      insert.setBigDecimal(12, r.reducedAmount() == null ? null : r.reducedAmount().setScale(Money.SCALE));
      insert.setDate(13, r.branchDecisionDate() == null ? null : java.sql.Date.valueOf(r.branchDecisionDate()));
      return insert;
    }, key);
    long id = key.getKey().longValue();
    String summary = r.category().label() + "，计算基数" + computed.base().toPlainString() + "元，月交纳由"
        + (old == null ? "（未核定）" : old.toPlainString() + "元") + "调整为" + computed.amount().toPlainString() + "元"
        + (r.reducedAmount() == null ? "" : "，少交后为" + r.reducedAmount().setScale(Money.SCALE).toPlainString()
            + "元（党支部" + r.branchDecisionDate() + "研究）")
        + "，自" + from + "起执行";
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(DuesProcesses.ORG_ID, person.orgId());
    vars.put(DuesProcesses.BRANCH_NAME, branch.name());
    vars.put("adjustmentId", id);
    vars.put("personId", person.id());
    vars.put("personName", person.name());
    vars.put("adjustmentSummary", summary);
    vars.put("adjustmentReason", r.reason().trim());
    vars.put("requestedByName", directory.personByUsername(user).map(Person::name).orElse(user == null ? "" : user));
    vars.put("approvalLevel", approvalLevel(r.category(), r.reducedAmount()));
    runtime.startProcessInstanceByKey(DuesProcesses.ADJUSTMENT, DuesProcesses.adjustmentKey(person.orgId(), id),
        vars);
    return id;
  }

  /** The start of an adjustment's case: it names a requested adjustment of its branch that has no case yet. */
  void admitAdjustmentCase(long id, String branchId, String instanceId) {
    Map<String, Object> a = jdbc.queryForList("select branch_id, status, process_instance_id from pf_dues_adjustment"
        + " where id = ?", id).stream().findFirst().orElseThrow(() -> new RuleViolation("dues.adjustment.unknown",
        "党费调整" + id + "不存在"));
    if (!branchId.equals(a.get("branch_id")) || !"REQUESTED".equals(a.get("status"))
        || a.get("process_instance_id") != null) {
      throw new RuleViolation("dues.adjustment.case", "党费调整" + id + "已有审批流程或已经处理过；请在“党费”页面申请调整");
    }
    jdbc.update("update pf_dues_adjustment set process_instance_id = ? where id = ?", instanceId, id);
  }

  /** Not approved: the member's amount stays; the reason is kept with the request. */
  void refuseAdjustment(long id, String user, String comment) {
    requested(id);
    if (comment == null || comment.isBlank()) {
      throw new RuleViolation("dues.adjustment.refusalReason", "不批准党费调整须写明理由");
    }
    FormText.limited("不批准的理由", comment.trim(), 500);
    jdbc.update("update pf_dues_adjustment set status = 'REFUSED', approved_by = ?, approved_at = ?,"
        + " decision_comment = ? where id = ?", user, Timestamp.from(ChinaClock.now()), comment.trim(), id);
  }

  private Map<String, Object> requested(long id) {
    Map<String, Object> a = jdbc.queryForList("select * from pf_dues_adjustment where id = ?", id).stream()
        .findFirst().orElseThrow(() -> new RuleViolation("dues.adjustment.unknown", "党费调整" + id + "不存在"));
    if (!"REQUESTED".equals(a.get("status"))) {
      throw new RuleViolation("dues.adjustment.decided", "党费调整" + id + "已经处理过");
    }
    return a;
  }

  /**
   * The approval (the higher organization department's, or the branch's for a retiree's reduction): the member's
   * amount changes from the effective month, and ledger months already generated are brought in line, so a new
   * 预备党员 owes from the month of the meeting.
   */
  @Transactional
  public void approveAdjustment(long id, String user) {
    Map<String, Object> a = requested(id);
    int year = ((Number) a.get("assess_year")).intValue();
    String branchId = (String) a.get("branch_id");
    String personId = (String) a.get("person_id");
    String from = (String) a.get("effective_from");
    MemberCategory category = MemberCategory.valueOf((String) a.get("category"));
    DuesAssessment computed = calculator.assess(category, (BigDecimal) a.get("base"));
    BigDecimal reduced = (BigDecimal) a.get("reduced_amount");
    java.time.LocalDate today = ChinaClock.today();
    if (reduced != null) {
      java.sql.Date decided = (java.sql.Date) a.get("branch_decision_date");
      computed = computed.withReduction(new DuesReduction(reduced, (String) a.get("reason"),
          decided == null ? null : decided.toLocalDate(), "BRANCH".equals(approvalLevel(category, reduced))
              ? null : today));
    }
    BigDecimal due = computed.due();
    Timestamp now = Timestamp.from(ChinaClock.now());
    String rule = computed.rule() + (reduced == null ? "" : "；少交或免交经批准，月交纳" + due.toPlainString() + "元")
        + "；年内调整：" + a.get("reason");
    String reductionReason = reduced == null ? null : (String) a.get("reason");
    int updated = jdbc.update("update pf_dues_assessment set category = ?, base = ?, rate = ?, computed_amount = ?,"
            + " amount = ?, rule_text = ?, reduction_reason = ?, effective_from = ?, status = ?, approved_by = ?,"
            + " approved_at = ? where person_id = ? and assess_year = ?", category.name(), computed.base(),
        computed.rate(), computed.amount(), due, rule, reductionReason, from, APPROVED, user, now, personId, year);
    if (updated == 0) {
      jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
              + " excluded, base, rate, computed_amount, amount, rule_text, reduction_reason, status, effective_from,"
              + " approved_by, approved_at) values (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", year,
          branchId, personId, category.name(), computed.base(), computed.base(), computed.rate(), computed.amount(),
          due, rule, reductionReason, APPROVED, from, user, now);
    }
    jdbc.update("update pf_dues_adjustment set status = 'APPROVED', approved_by = ?, approved_at = ? where id = ?",
        user, now, id);
    String last = year + "-12";
    jdbc.update("update pf_dues_ledger set base = ?, rate = ?, due = ? where person_id = ? and branch_id = ?"
        + " and period >= ? and period <= ?", computed.base(), computed.rate(), due, personId,
        branchId, from, last);
    jdbc.update("insert into pf_dues_ledger (branch_id, period, person_id, base, rate, due, paid, voluntary, prepaid)"
        + " select distinct l.branch_id, l.period, ?, ?, ?, ?, 0, 0, false from pf_dues_ledger l"
        + " where l.branch_id = ? and l.period >= ? and l.period <= ?"
        + " and not exists (select 1 from pf_dues_ledger m where m.branch_id = l.branch_id and m.period = l.period"
        + " and m.person_id = ?)", personId, computed.base(), computed.rate(), due, branchId, from,
        last, personId);
  }

  /** The branch's adjustments of the year, newest first, for its page. */
  public List<Map<String, Object>> adjustments(String branchId, int year) {
    return jdbc.queryForList("select a.id \"id\", a.person_id \"personId\", p.name \"name\", a.category \"category\","
        + " a.base \"base\", a.old_amount \"oldAmount\", a.new_amount \"newAmount\","
        + " a.effective_from \"effectiveFrom\", a.reason \"reason\", a.requested_by \"requestedBy\","
        + " a.status \"status\", a.approved_by \"approvedBy\", a.reduced_amount \"reducedAmount\","
        + " a.branch_decision_date \"branchDecisionDate\", a.decision_comment \"decisionComment\","
        + " a.process_instance_id \"processInstanceId\" from pf_dues_adjustment a"
        + " join pf_person p on p.id = a.person_id where a.branch_id = ? and a.assess_year = ? order by a.id desc",
        branchId, year);
  }

  /** The branch whose adjustment this is, for the approver check. */
  public String adjustmentBranch(long id) {
    return jdbc.queryForList("select branch_id from pf_dues_adjustment where id = ?", String.class, id).stream()
        .findFirst().orElseThrow(() -> new RuleViolation("dues.adjustment.unknown", "党费调整" + id + "不存在"));
  }
}
