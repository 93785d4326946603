package cn.partyflow.dues;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual determination of every member's monthly dues (党费核定). The amounts come from the imported payroll
 * ({@link IncomeImport}); the 党费管理员's corrections keep their reasons; once the 党委 organization department has
 * approved, the amounts hold for the year and only an approved adjustment ({@link DuesAdjustments}) changes them.
 */
@Service
public class DuesAssessmentService {

  static final String IMPORTED = "IMPORTED";
  static final String CORRECTED = "CORRECTED";
  static final String APPROVED = "APPROVED";

  private final JdbcTemplate jdbc;
  private final DuesCalculator calculator;
  private final OrganizationDirectory directory;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final DuesMonthTotals totals;

  DuesAssessmentService(JdbcTemplate jdbc, DuesCalculator calculator, OrganizationDirectory directory,
      RuntimeService runtime, HistoryService history, DuesMonthTotals totals) {
    this.jdbc = jdbc;
    this.totals = totals;
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
    Set<String> periods = new TreeSet<>();
    jdbc.queryForList("select l.id, l.period, a.base, a.rate, a.amount from pf_dues_ledger l"
        + " join pf_dues_assessment a on a.person_id = l.person_id and a.assess_year = ? and a.status = ?"
        + " where l.branch_id = ? and l.period >= ? and l.period <= ? and l.provisional = true", year, APPROVED, branchId, year + "-01",
        year + "-12").forEach(r -> {
          updates.add(new Object[] {r.get("base"), r.get("rate"), r.get("amount"), r.get("id")});
          periods.add((String) r.get("period"));
        });
    jdbc.batchUpdate("update pf_dues_ledger set provisional_due = due, base = ?, rate = ?, due = ?,"
        + " provisional = false where id = ?", updates);
    totals.changed(branchId, periods);
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

  /** Whether the organization department has approved the branch's amounts of the year. */
  boolean approved(String branchId, int year) {
    Integer n = jdbc.queryForObject("select count(*) from pf_dues_assessment where branch_id = ? and assess_year = ?"
        + " and status = ?", Integer.class, branchId, year, APPROVED);
    return n != null && n > 0;
  }
}
