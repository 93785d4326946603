package cn.partyflow.dues;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党费调整: the recorded changes to a member's assessed amount within the year, each requested with its reason and
 * approved in its own case (duesAdjustment) before it changes the assessment and the ledger.
 */
@Service
public class DuesAdjustments {

  private final JdbcTemplate jdbc;
  private final DuesCalculator calculator;
  private final OrganizationDirectory directory;
  private final RuntimeService runtime;
  private final DuesAssessmentService assessments;
  private final DuesMonthTotals totals;

  DuesAdjustments(JdbcTemplate jdbc, DuesCalculator calculator, OrganizationDirectory directory,
      RuntimeService runtime, DuesAssessmentService assessments, DuesMonthTotals totals) {
    this.jdbc = jdbc;
    this.totals = totals;
    this.calculator = calculator;
    this.directory = directory;
    this.runtime = runtime;
    this.assessments = assessments;
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
    Organization branch = assessments.branch(person.orgId());
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
        computed.rate(), computed.amount(), due, rule, reductionReason, from, DuesAssessmentService.APPROVED, user, now, personId, year);
    if (updated == 0) {
      jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
              + " excluded, base, rate, computed_amount, amount, rule_text, reduction_reason, status, effective_from,"
              + " approved_by, approved_at) values (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", year,
          branchId, personId, category.name(), computed.base(), computed.base(), computed.rate(), computed.amount(),
          due, rule, reductionReason, DuesAssessmentService.APPROVED, from, user, now);
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
    totals.changed(branchId, jdbc.queryForList("select distinct period from pf_dues_ledger where branch_id = ?"
        + " and period >= ? and period <= ?", String.class, branchId, from, last));
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
  }}
