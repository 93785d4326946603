package cn.partyflow.dues;

import cn.partyflow.calendar.WorkdayCalendar;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SqlScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly collection of one branch: the month's 党费收缴登记表 generated in one set-based statement, payments
 * (monthly, back payments of at most six months, prepayments with the branch's consent), the month close that
 * reconciles expected, received and deposited amounts, and the remittance to the 党委 with its confirmation.
 */
@Service
public class DuesCollectionService {

  static final Set<String> METHODS = Set.of("现金", "微信", "支付宝", "银行转账", "其他");
  static final BigDecimal LARGE_VOLUNTARY = new BigDecimal("1000.00");

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;
  private final DuesAssessmentService assessments;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final WorkdayCalendar workdays;
  private final DuesSettings properties;
  private final ProbationaryDuesStart starts;
  private final DuesMonthTotals totals;

  DuesCollectionService(JdbcTemplate jdbc, OrganizationDirectory directory, DuesAssessmentService assessments,
      RuntimeService runtime, HistoryService history, WorkdayCalendar workdays, DuesSettings properties,
      ProbationaryDuesStart starts, DuesMonthTotals totals) {
    this.starts = starts;
    this.totals = totals;
    this.jdbc = jdbc;
    this.directory = directory;
    this.assessments = assessments;
    this.runtime = runtime;
    this.history = history;
    this.workdays = workdays;
    this.properties = properties;
  }

  /**
   * The month's collection of one branch; a second start for the same month is refused, also when both starts
   * happen at once ({@link CaseStarts}).
   */
  @Transactional
  public String start(String branchId, String period) {
    Organization branch = assessments.branch(branchId);
    YearMonth asked = Periods.parse(period);
    String month = Periods.of(asked);
    String key = DuesProcesses.collectionKey(branchId, month);
    if (asked.isAfter(YearMonth.from(ChinaClock.today()))) {
      throw new RuleViolation("dues.collection.future", month + "尚未到来，不能提前发起该月的党费收缴（党费按月交纳）；"
          + "党员预交以后月份的党费，在本月的收缴中登记");
    }
    amountsYear(branch, month);
    RuleViolation once = new RuleViolation("dues.collection.once", branch.name() + month + "党费收缴已经开始");
    if (started(branchId, month)) {
      throw once;
    }
    Organization committee = committeeOf(branchId);
    CaseStarts.claim(jdbc, DuesProcesses.COLLECTION, key, once);
    Map<String, Object> vars = new HashMap<>();
    vars.put(DuesProcesses.ORG_ID, branchId);
    vars.put(DuesProcesses.PERIOD, month);
    vars.put(DuesProcesses.BRANCH_NAME, branch.name());
    vars.put(DuesProcesses.COMMITTEE_ID, committee.id());
    vars.put(DuesProcesses.COMMITTEE_NAME, committee.name());
    return runtime.startProcessInstanceByKey(DuesProcesses.COLLECTION, key, vars).getId();
  }

  /** The 党委 the branch remits to: the nearest 党委 above it. */
  public Organization committeeOf(String branchId) {
    return directory.selfAndAncestors(branchId).stream().skip(1)
        .filter(o -> o.kind() == OrganizationKind.COMMITTEE).findFirst()
        .orElseThrow(() -> new RuleViolation("dues.committee", "组织" + branchId + "上级没有党委，党费无处上缴"));
  }

  /**
   * The day this month's collection starts: the configured day of the month, or the next working day when that
   * day is a weekend or holiday.
   */
  public LocalDate startDay(YearMonth month) {
    LocalDate day = month.atDay(Math.min(properties.getCollectionDay(), month.lengthOfMonth()));
    while (!workdays.isWorkday(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** Whether the month's collection of the branch has been started (running or ended). */
  public boolean started(String branchId, String period) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(DuesProcesses.COLLECTION)
        .processInstanceBusinessKey(DuesProcesses.collectionKey(branchId, period)).count() > 0;
  }

  /**
   * Branches with approved amounts for the year (or, collecting before the approval, for the year before) whose
   * month has not been started yet.
   */
  public List<String> branchesToStart(String period) {
    int year = Periods.year(period);
    return jdbc.queryForList("select distinct branch_id from pf_dues_assessment where assess_year in (?, ?)"
            + " and status = 'APPROVED' order by branch_id", String.class, year,
            properties.isCollectBeforeApproval() ? year - 1 : year).stream()
        .filter(branchId -> !started(branchId, period)).toList();
  }

  /**
   * The year whose approved amounts a month is collected on: its own; until that is approved, and where the
   * setting allows it, last year's (2017 notice: fixed at the start of the year), settled once the new table is
   * approved ({@link DuesAssessmentService#approve}).
   */
  int amountsYear(Organization branch, String month) {
    int year = Periods.year(month);
    if (approved(branch.id(), year)) {
      return year;
    }
    if (properties.isCollectBeforeApproval() && approved(branch.id(), year - 1)) {
      return year - 1;
    }
    throw new RuleViolation("dues.collection.assessed", branch.name() + year
        + "年度党费尚未核定，请先完成年度党费核定（" + DuesRules.NOTICE_2017 + "：每年年初核定）"
        + (properties.isCollectBeforeApproval() ? "；上一年度也没有已批准的数额可暂按收缴" : ""));
  }

  private boolean approved(String branchId, int year) {
    Integer n = jdbc.queryForObject("select count(*) from pf_dues_assessment where branch_id = ?"
        + " and assess_year = ? and status = 'APPROVED'", Integer.class, branchId, year);
    return n != null && n > 0;
  }

  /**
   * One INSERT ... SELECT for the whole branch: approved amounts of members whose dues have begun (a 预备党员
   * from the month of the 支部大会, 2008 regulation Art. 8), with what prepayments already cover. Before the year's
   * table is approved the rows carry last year's amounts and are marked provisional.
   */
  public int generateLedger(String branchId, String period) {
    // Once per branch and month, as the collection itself; members added later are back-filled by their approved
    // adjustment. No anti-join against the table being filled: after a bulk load, stale statistics make
    // PostgreSQL run it as a quadratic nested loop.
    Integer existing = jdbc.queryForObject("select count(*) from pf_dues_ledger where branch_id = ? and period = ?",
        Integer.class, branchId, period);
    if (existing != null && existing > 0) {
      return 0;
    }
    int amountsYear = amountsYear(assessments.branch(branchId), period);
    int rows = jdbc.update("insert into pf_dues_ledger (branch_id, period, person_id, base, rate, due, paid, voluntary,"
        + " paid_date, method, prepaid, provisional)"
        + " select a.branch_id, ?, a.person_id, a.base, a.rate, a.amount, coalesce(pay.paid, 0),"
        + " coalesce(pay.vol, 0), pay.last_date, pay.method, coalesce(pay.pre, 0) = 1, ?"
        + " from pf_dues_assessment a join pf_person p on p.id = a.person_id"
        + " left join (select person_id, sum(amount) paid, sum(voluntary) vol, max(paid_date) last_date,"
        + "   max(method) method, max(case when prepaid then 1 else 0 end) pre from pf_dues_payment"
        + "   where branch_id = ? and period = ? group by person_id) pay on pay.person_id = a.person_id"
        + " where a.branch_id = ? and a.assess_year = ? and a.status = 'APPROVED' and a.effective_from <= ?"
        + " and p.org_id = a.branch_id and (p.status = 'FULL_MEMBER'"
        + "   or (p.status = 'PROBATIONARY' and p.admission_date is not null and p.admission_date <= ?))",
        period, amountsYear != Periods.year(period), branchId, period, branchId, amountsYear, period,
        Date.valueOf(Periods.lastDay(period)));
    totals.changed(branchId, period);
    return rows;
  }

  /** Who owes what this month, for the collection task. */
  public List<Map<String, Object>> ledger(String branchId, String period) {
    return jdbc.queryForList("select l.person_id \"personId\", p.name \"name\", l.base \"base\", l.rate \"rate\","
        + " l.due \"due\", l.paid \"paid\", l.voluntary \"voluntary\", l.paid_date \"paidDate\", l.method \"method\","
        + " l.prepaid \"prepaid\", l.provisional \"provisional\", l.provisional_due \"provisionalDue\" from pf_dues_ledger l join pf_person p on p.id = l.person_id"
        + " where l.branch_id = ? and l.period = ? order by l.person_id", branchId, period);
  }

  /** Members of the branch whose dues have begun but who have no approved amount for the month. */
  public List<String> unassessed(String branchId, String period) {
    int year = amountsYear(assessments.branch(branchId), period);
    return jdbc.queryForList("select p.name || '（' || p.id || '）' from pf_person p where p.org_id = ?"
        + " and (p.status = 'FULL_MEMBER' or (p.status = 'PROBATIONARY' and p.admission_date <= ?))"
        + " and not exists (select 1 from pf_dues_assessment a where a.person_id = p.id and a.assess_year = ?"
        + " and a.status = 'APPROVED') order by p.id", String.class, branchId,
        Date.valueOf(Periods.lastDay(period)), year);
  }

  /**
   * One payment as the 党费管理员 records it.
   *
   * @param period the month paid for; defaults to the collection month
   * @param months 1, or more for a prepayment (quarterly, yearly), which needs the branch's consent
   * @param exceptionNote the recorded exception that allows a back payment beyond the limit
   */
  public record Payment(String personId, String period, BigDecimal amount, BigDecimal voluntary, LocalDate paidDate,
      String method, int months, String consentNote, String exceptionNote) {

    public Payment(String personId, String period, BigDecimal amount, BigDecimal voluntary, LocalDate paidDate,
        String method, int months, String consentNote) {
      this(personId, period, amount, voluntary, paidDate, method, months, consentNote, null);
    }
  }

  /** Records a batch all or nothing: the first broken rule refuses the batch, naming the payment. */
  @Transactional
  public void record(String branchId, String collectedIn, List<Payment> payments, String user) {
    for (int i = 0; i < payments.size(); i++) {
      try {
        record(branchId, collectedIn, payments.get(i), user);
      } catch (RuleViolation e) {
        throw payments.size() == 1 ? e : new RuleViolation(e.rule(), "第" + (i + 1) + "笔：" + e.getMessage());
      }
    }
  }

  private void record(String branchId, String collectedIn, Payment p, String user) {
    Person person = directory.person(p.personId()).filter(x -> x.orgId().equals(branchId))
        .orElseThrow(() -> new RuleViolation("dues.payment.member", "人员" + p.personId()
            + "的组织关系不在本支部，党费在组织关系所在支部交纳（" + DuesRules.REGULATION_2008 + "第九条）"));
    String first = p.period() == null || p.period().isBlank() ? collectedIn : Periods.of(Periods.parse(p.period()));
    int months = Math.max(1, p.months());
    if (p.paidDate() == null) {
      throw new RuleViolation("dues.payment.date", "请填写" + person.name() + "实际交纳党费的日期");
    }
    if (p.paidDate().isAfter(ChinaClock.today())) {
      throw new RuleViolation("dues.payment.futureDate", person.name() + "的交纳日期" + p.paidDate() + "晚于今天");
    }
    if (p.method() == null || !METHODS.contains(p.method().trim())) {
      throw new RuleViolation("dues.payment.method", "交纳方式须为" + String.join("、", METHODS.stream().sorted()
          .toList()) + "之一；党组织不得代交、不得从工资中扣缴（" + DuesRules.REGULATION_2008 + "第十四条）");
    }
    long behind = Periods.between(first, collectedIn);
    FormText.limited("超期补交的特殊情况", p.exceptionNote(), 500);
    boolean owedBeforeAdmission = starts.of(person.id())
        .map(s -> ArrearsRules.beforeAdmission(first, s.duesFrom(), s.admittedIn())).orElse(false);
    PaymentRules.backPayment(person.name(), first, behind, properties.getBackPaymentMonths(), p.exceptionNote(),
        owedBeforeAdmission);
    boolean exception = behind > properties.getBackPaymentMonths() && !owedBeforeAdmission;
    FormText.limited("支部同意的记录", p.consentNote(), 500);
    String last = Periods.plus(first, months - 1);
    boolean prepaid = last.compareTo(collectedIn) > 0;
    if (prepaid) {
      PaymentRules.prepayment(person.name(), months, p.consentNote(), properties.isYearlyPrepayment());
    }
    if (Periods.year(last) != Periods.year(first)) {
      throw new RuleViolation("dues.payment.yearEnd", "预交党费不能跨年度，下一年度的数额尚未核定");
    }
    BigDecimal monthly = monthlyAmount(person, Periods.year(first), first);
    BigDecimal amount = p.amount() == null ? BigDecimal.ZERO.setScale(Money.SCALE)
        : Money.nonNegativeYuan(p.amount(), "交纳金额");
    BigDecimal voluntary = p.voluntary() == null ? BigDecimal.ZERO.setScale(Money.SCALE)
        : Money.nonNegativeYuan(p.voluntary(), "自愿多交的党费");
    if (months > 1 && amount.compareTo(monthly.multiply(BigDecimal.valueOf(months))) != 0) {
      throw new RuleViolation("dues.payment.prepayAmount", person.name() + "预交" + months + "个月应为"
          + monthly.multiply(BigDecimal.valueOf(months)).toPlainString() + "元（每月" + monthly.toPlainString()
          + "元），多交的部分请填为自愿多交");
    }
    if (amount.signum() == 0 && voluntary.signum() == 0) {
      throw new RuleViolation("dues.payment.empty", p.amount() == null && p.voluntary() == null
          ? "请填写" + person.name() + "本次交纳的金额" : person.name() + "的交纳金额为0，请填写实际交纳的金额");
    }
    Timestamp now = Timestamp.from(ChinaClock.now());
    for (int m = 0; m < months; m++) {
      String period = Periods.plus(first, m);
      BigDecimal due = period.compareTo(collectedIn) <= 0 ? ledgerDue(branchId, person, period) : monthly;
      BigDecimal share = months > 1 ? monthly : amount;
      BigDecimal already = jdbc.queryForObject("select coalesce(sum(amount), 0) from pf_dues_payment"
          + " where branch_id = ? and person_id = ? and period = ?", BigDecimal.class, branchId, person.id(), period);
      if (already.add(share).compareTo(due) > 0) {
        throw new RuleViolation("dues.payment.overDue", person.name() + period + "应交" + due.toPlainString()
            + "元，已交" + already.setScale(Money.SCALE).toPlainString() + "元，本次" + share.toPlainString()
            + "元超出应交数额；党员自愿多交的部分请填为自愿多交");
      }
      BigDecimal extra = m == 0 ? voluntary : BigDecimal.ZERO.setScale(Money.SCALE);
      jdbc.update("insert into pf_dues_payment (branch_id, person_id, period, collected_in, amount, voluntary,"
              + " paid_date, method, prepaid, consent_note, exception_note, recorded_by, recorded_at)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", branchId, person.id(), period, collectedIn, share,
          extra, Date.valueOf(p.paidDate()), p.method().trim(), period.compareTo(collectedIn) > 0,
          prepaid ? p.consentNote().trim() : null, exception ? p.exceptionNote().trim() : null, user, now);
      jdbc.update("update pf_dues_ledger set paid = paid + ?, voluntary = voluntary + ?, paid_date = ?, method = ?,"
              + " prepaid = ? where branch_id = ? and period = ? and person_id = ?", share, extra,
          Date.valueOf(p.paidDate()), p.method().trim(), period.compareTo(collectedIn) > 0, branchId, period,
          person.id());
      totals.changed(branchId, period);
    }
    if (voluntary.compareTo(LARGE_VOLUNTARY) >= 0) {
      Long paymentId = jdbc.queryForObject("select max(id) from pf_dues_payment where person_id = ? and period = ?",
          Long.class, person.id(), first);
      jdbc.update("insert into pf_dues_large_voluntary (payment_id, branch_id, person_id, amount, profile,"
          + " flagged_at, forwarded) values (?, ?, ?, ?, ?, ?, false)", paymentId, branchId, person.id(), voluntary,
          profile(person), now);
    }
  }

  private BigDecimal ledgerDue(String branchId, Person person, String period) {
    return jdbc.queryForList("select due from pf_dues_ledger where branch_id = ? and period = ? and person_id = ?",
        BigDecimal.class, branchId, period, person.id()).stream().findFirst()
        .orElseThrow(() -> new RuleViolation("dues.payment.noLedger", person.name() + period
            + "没有应交党费的记录（尚未核定党费，或预备党员尚未经支部大会通过）"));
  }

  /** The member's approved monthly amount for the month; before the year's approval, last year's where allowed. */
  private BigDecimal monthlyAmount(Person person, int year, String period) {
    List<BigDecimal> amounts = jdbc.queryForList("select amount from pf_dues_assessment where person_id = ?"
        + " and assess_year = ? and status = 'APPROVED' and effective_from <= ?", BigDecimal.class, person.id(), year,
        period);
    if (amounts.isEmpty() && properties.isCollectBeforeApproval() && !approved(person.orgId(), year)) {
      amounts = jdbc.queryForList("select amount from pf_dues_assessment where person_id = ? and assess_year = ?"
          + " and status = 'APPROVED'", BigDecimal.class, person.id(), year - 1);
    }
    return amounts.stream().findFirst().orElseThrow(() -> new RuleViolation("dues.payment.notAssessed",
        person.name() + year + "年的党费数额尚未核定"));
  }

  /** The brief profile the 中组部 needs to issue the receipt for a large voluntary payment. */
  private String profile(Person p) {
    String branch = directory.organization(p.orgId()).map(Organization::name).orElse(p.orgId());
    return "姓名：" + p.name() + "；性别：" + (p.gender() == null ? "" : p.gender()) + "；出生日期："
        + (p.birthDate() == null ? "" : p.birthDate()) + "；党员身份：" + p.status().label() + "；入党日期："
        + (p.admissionDate() != null ? p.admissionDate() : p.fullMemberDate() == null ? "" : p.fullMemberDate())
        + "；所在党组织：" + branch;
  }

  /** The month close: 账账相符 (ledger against payments) and 账款相符 (received against deposited). */
  public record Reconciliation(BigDecimal expected, BigDecimal paidForPeriod, BigDecimal received,
      BigDecimal deposited, BigDecimal shortfall, BigDecimal cashDifference, BigDecimal largeVoluntary,
      List<String> shortPayers) {

    public boolean balanced() {
      return shortfall.signum() == 0 && cashDifference.signum() == 0;
    }
  }

  public Reconciliation close(String branchId, String period, BigDecimal deposited, LocalDate depositDate,
      String user, String processInstanceId) {
    Money.nonNegativeYuan(deposited, "存入银行的金额");
    if (depositDate != null && depositDate.isAfter(ChinaClock.today())) {
      throw new RuleViolation("dues.close.depositDate", "存入银行的日期（" + depositDate
          + "）不能晚于今天，请填写实际存入的日期");
    }
    if (depositDate != null && depositDate.isBefore(Periods.parse(period).atDay(1))) {
      throw new RuleViolation("dues.close.depositDate", "存入银行的日期（" + depositDate + "）不能早于收缴月份" + period
          + "：本月收缴的党费在收缴之后存入");
    }
    Map<String, Object> l = jdbc.queryForMap("select coalesce(sum(due), 0) due, coalesce(sum(paid), 0) paid"
        + " from pf_dues_ledger where branch_id = ? and period = ?", branchId, period);
    BigDecimal expected = yuan(l.get("due"));
    BigDecimal paid = yuan(l.get("paid"));
    BigDecimal allocated = yuan(jdbc.queryForObject("select coalesce(sum(amount), 0) from pf_dues_payment"
        + " where branch_id = ? and period = ?", BigDecimal.class, branchId, period));
    if (allocated.compareTo(paid) != 0) {
      throw new RuleViolation("dues.close.ledger", "账账不符：登记表实交合计" + paid.toPlainString() + "元，交纳记录合计"
          + allocated.toPlainString() + "元，请核对后再月结");
    }
    BigDecimal received = yuan(jdbc.queryForObject("select coalesce(sum(amount + voluntary), 0) from pf_dues_payment"
        + " where branch_id = ? and collected_in = ?", BigDecimal.class, branchId, period));
    BigDecimal large = yuan(jdbc.queryForObject("select coalesce(sum(v.amount), 0) from pf_dues_large_voluntary v"
        + " join pf_dues_payment p on p.id = v.payment_id where v.branch_id = ? and p.collected_in = ?",
        BigDecimal.class, branchId, period));
    List<String> shortPayers = jdbc.queryForList("select p.name || '应交' || cast(l.due as varchar(20)) || '元，实交'"
        + " || cast(l.paid as varchar(20)) || '元' from pf_dues_ledger l join pf_person p on p.id = l.person_id"
        + " where l.branch_id = ? and l.period = ? and l.paid < l.due order by l.person_id", String.class, branchId,
        period);
    Reconciliation r = new Reconciliation(expected, paid, received, deposited.setScale(Money.SCALE),
        expected.subtract(paid), received.subtract(deposited).setScale(Money.SCALE), large, shortPayers);
    jdbc.update("delete from pf_dues_month_close where branch_id = ? and period = ?", branchId, period);
    jdbc.update("insert into pf_dues_month_close (branch_id, period, expected, paid_for_period, received, deposited,"
            + " deposit_date, shortfall, cash_difference, closed_by, closed_at, process_instance_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", branchId, period, r.expected(), r.paidForPeriod(),
        r.received(), r.deposited(), depositDate == null ? null : Date.valueOf(depositDate), r.shortfall(),
        r.cashDifference(), user, Timestamp.from(ChinaClock.now()), processInstanceId);
    return r;
  }

  public void explainDifference(String branchId, String period, String explanation) {
    if (explanation == null || explanation.isBlank()) {
      throw new RuleViolation("dues.close.explanation", "对账有差额，须写明差额原因及处理情况（账账相符、账款相符）");
    }
    jdbc.update("update pf_dues_month_close set explanation = ? where branch_id = ? and period = ?",
        explanation.trim(), branchId, period);
  }

  /** What the branch must remit: the deposited amount times the local share (the whole amount by default). */
  public BigDecimal remittable(String branchId, String period) {
    BigDecimal deposited = jdbc.queryForList("select deposited from pf_dues_month_close where branch_id = ?"
        + " and period = ?", BigDecimal.class, branchId, period).stream().findFirst()
        .orElseThrow(() -> new RuleViolation("dues.remit.close", period + "尚未月结，不能上缴"));
    return deposited.multiply(properties.getRemittanceShare()).setScale(Money.SCALE, RoundingMode.HALF_UP);
  }

  public void remit(String branchId, String period, String committeeId, BigDecimal amount, LocalDate sentDate,
      String user, String processInstanceId) {
    BigDecimal due = remittable(branchId, period);
    if (Money.nonNegativeYuan(amount, "上缴金额").compareTo(due) != 0) {
      throw new RuleViolation("dues.remit.amount", period + "应上缴党委" + due.toPlainString() + "元，填写的是"
          + amount.toPlainString() + "元；党费须按规定足额上缴");
    }
    if (sentDate == null || sentDate.isAfter(ChinaClock.today())) {
      throw new RuleViolation("dues.remit.date", "请填写实际上缴日期（不能晚于今天）");
    }
    LocalDate deposited = jdbc.queryForList("select deposit_date from pf_dues_month_close where branch_id = ?"
        + " and period = ?", Date.class, branchId, period).stream().filter(Objects::nonNull)
        .map(Date::toLocalDate).findFirst().orElse(null);
    if (deposited != null && sentDate.isBefore(deposited)) {
      throw new RuleViolation("dues.remit.date", "上缴日期（" + sentDate + "）不能早于党费存入银行的日期（" + deposited + "）");
    }
    BigDecimal large = yuan(jdbc.queryForObject("select coalesce(sum(v.amount), 0) from pf_dues_large_voluntary v"
        + " join pf_dues_payment p on p.id = v.payment_id where v.branch_id = ? and p.collected_in = ?",
        BigDecimal.class, branchId, period));
    jdbc.update("update pf_dues_remittance set status = 'SUPERSEDED' where branch_id = ? and period = ?"
        + " and status = 'SENT'", branchId, period);
    jdbc.update("insert into pf_dues_remittance (branch_id, committee_id, period, amount, large_voluntary, sent_date,"
            + " sent_by, status, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, 'SENT', ?)", branchId, committeeId,
        period, amount, large, Date.valueOf(sentDate), user, processInstanceId);
  }

  /** The committee's 党费管理员 confirms what actually arrived; a different amount is not confirmed but returned. */
  public void confirmReceipt(String branchId, String period, boolean confirmed, BigDecimal receivedAmount,
      LocalDate receivedDate, String user) {
    Map<String, Object> r = jdbc.queryForList("select id, amount, sent_date from pf_dues_remittance"
        + " where branch_id = ? and period = ? and status = 'SENT'", branchId, period).stream().findFirst()
        .orElseThrow(() -> new RuleViolation("dues.remit.none", period + "没有待确认的上缴记录"));
    if (!confirmed) {
      jdbc.update("update pf_dues_remittance set status = 'RETURNED', confirmed_by = ? where id = ?", user,
          r.get("id"));
      return;
    }
    if (receivedAmount != null) {
      Money.nonNegativeYuan(receivedAmount, "实收金额");
    }
    BigDecimal sent = yuan(r.get("amount"));
    if (receivedAmount == null || receivedAmount.compareTo(sent) != 0) {
      throw new RuleViolation("dues.remit.mismatch", "支部上缴" + sent.toPlainString() + "元，实收"
          + (receivedAmount == null ? "未填写" : receivedAmount.toPlainString() + "元")
          + "，金额不符不能确认收讫，请选择“未收到或金额不符”退回支部核对");
    }
    if (receivedDate == null || receivedDate.isAfter(ChinaClock.today())) {
      throw new RuleViolation("dues.remit.receivedDate", "请填写实际收到的日期（不能晚于今天）");
    }
    LocalDate sentDate = ((Date) r.get("sent_date")).toLocalDate();
    if (receivedDate.isBefore(sentDate)) {
      throw new RuleViolation("dues.remit.receivedDate", "收到日期（" + receivedDate + "）不能早于支部上缴日期（"
          + sentDate + "）");
    }
    jdbc.update("update pf_dues_remittance set status = 'CONFIRMED', confirmed_amount = ?, confirmed_date = ?,"
        + " confirmed_by = ? where id = ?", receivedAmount, Date.valueOf(receivedDate), user, r.get("id"));
  }

  /** Large voluntary payments of the branches under a 党委, to forward to the Centre with the profiles. */
  public List<Map<String, Object>> largeVoluntary(Set<String> branchIds) {
    if (branchIds.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList("select v.id \"id\", v.branch_id \"branchId\", v.person_id \"personId\","
        + " v.amount \"amount\", v.profile \"profile\", p.paid_date \"paidDate\", v.forwarded \"forwarded\""
        + " from pf_dues_large_voluntary v join pf_dues_payment p on p.id = v.payment_id"
        + " where " + SqlScope.anyOf("v.branch_id") + " order by v.id", SqlScope.ids(branchIds));
  }

  public String largeVoluntaryBranch(long id) {
    return jdbc.queryForList("select branch_id from pf_dues_large_voluntary where id = ?", String.class, id)
        .stream().findFirst().orElseThrow(() -> new RuleViolation("dues.large.unknown", "大额党费记录" + id + "不存在"));
  }

  /** The committee's 党费管理员 records that a large voluntary payment went on to the Centre. */
  public void markForwarded(long id) {
    jdbc.update("update pf_dues_large_voluntary set forwarded = true where id = ?", id);
  }

  static BigDecimal yuan(Object value) {
    return new BigDecimal(value.toString()).setScale(Money.SCALE, RoundingMode.UNNECESSARY);
  }

  /**
   * The checks of {@link #start} for a case started another way (Tasklist, /engine-rest): a branch and a month are
   * given, the year's amounts are approved and no other collection of the month exists. Returns the variables the
   * case needs besides those given.
   */
  public Map<String, Object> admitStart(String branchId, String period, String instanceId) {
    if (branchId == null || branchId.isBlank() || period == null || period.isBlank()) {
      throw new RuleViolation("dues.start.page", "党费按月收缴请在“党费”页面（/dues）选择党支部和月份后发起");
    }
    Organization branch = assessments.branch(branchId);
    String month = Periods.of(Periods.parse(period));
    amountsYear(branch, month);
    boolean other = history.createHistoricProcessInstanceQuery().processDefinitionKey(DuesProcesses.COLLECTION)
        .processInstanceBusinessKey(DuesProcesses.collectionKey(branchId, month)).list().stream()
        .anyMatch(h -> !h.getId().equals(instanceId));
    if (other) {
      throw new RuleViolation("dues.collection.once", branch.name() + month + "党费收缴已经开始");
    }
    Organization committee = committeeOf(branchId);
    Map<String, Object> vars = new HashMap<>();
    vars.put(DuesProcesses.PERIOD, month);
    vars.put(DuesProcesses.BRANCH_NAME, branch.name());
    vars.put(DuesProcesses.COMMITTEE_ID, committee.id());
    vars.put(DuesProcesses.COMMITTEE_NAME, committee.name());
    return vars;
  }

  /** The month close and the latest remittance of a branch's month, for its page; empty maps where none yet. */
  public record MonthStatus(Map<String, Object> close, Map<String, Object> remittance) {}

  public MonthStatus monthStatus(String branchId, String period) {
    Map<String, Object> close = jdbc.queryForList("select expected, paid_for_period, received, deposited, deposit_date,"
        + " shortfall, cash_difference, explanation from pf_dues_month_close where branch_id = ? and period = ?",
        branchId, period).stream().findFirst().orElse(Map.of());
    Map<String, Object> remittance = jdbc.queryForList("select amount, sent_date, status, confirmed_amount,"
        + " confirmed_date from pf_dues_remittance where branch_id = ? and period = ? order by id desc", branchId,
        period).stream().findFirst().orElse(Map.of());
    return new MonthStatus(close, remittance);
  }
}
