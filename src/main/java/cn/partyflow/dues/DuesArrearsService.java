package cn.partyflow.dues;

import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleConflict;
import cn.partyflow.shared.RuleViolation;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Members who stop paying. After the configured number of consecutive months with nothing paid (3) the branch
 * secretary talks with the member; after six such months without a proper reason a 自行脱党 case opens (2008
 * regulation Art. 13), which the 支部大会 decides and the higher 党委 approves. A month paid short is 不按规定交纳: its
 * own case, a talk with a deadline to make it up ({@link ArrearsRules}). This class records decisions; it never
 * changes anyone's membership, which stays with the organization department.
 */
@Service
public class DuesArrearsService {

  static final String TALK = "TALK";
  static final String WITHDRAWAL = "WITHDRAWAL";
  static final String SHORT = "SHORT";

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final OrganizationDirectory directory;
  private final DuesSettings properties;
  private final ProbationaryDuesStart starts;

  DuesArrearsService(JdbcTemplate jdbc, RuntimeService runtime, OrganizationDirectory directory,
      DuesSettings properties, ProbationaryDuesStart starts) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.directory = directory;
    this.properties = properties;
    this.starts = starts;
  }

  /** An unbroken run of unpaid months ending in the month checked. */
  record Streak(String personId, String name, String first, String last, int months) {}

  /**
   * The runs of months with nothing paid ending in {@code period}, per member of the branch; a member admitted
   * through the member development procedure counts from the month the admission was approved.
   */
  List<Streak> streaks(String branchId, String period) {
    List<Map<String, Object>> rows = jdbc.queryForList("select l.person_id, p.name, l.period, l.due, l.paid"
        + " from pf_dues_ledger l join pf_person p on p.id = l.person_id where l.branch_id = ? and l.period > ?"
        + " and l.period <= ? order by l.person_id, l.period desc", branchId, Periods.plus(period, -24), period);
    Map<String, String> admittedIn = starts.admittedIn(branchId);
    Map<String, List<ArrearsRules.Month>> byPerson = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    rows.forEach(r -> {
      String personId = (String) r.get("person_id");
      names.put(personId, (String) r.get("name"));
      byPerson.computeIfAbsent(personId, k -> new ArrayList<>()).add(new ArrearsRules.Month(
          (String) r.get("period"), (BigDecimal) r.get("due"), (BigDecimal) r.get("paid")));
    });
    List<Streak> streaks = new ArrayList<>();
    byPerson.forEach((personId, months) -> {
      List<ArrearsRules.Month> run = ArrearsRules.unpaidRun(months, period, admittedIn.get(personId));
      if (!run.isEmpty()) {
        streaks.add(new Streak(personId, names.get(personId), run.get(run.size() - 1).period(), period, run.size()));
      }
    });
    return streaks;
  }

  /** A month paid, but less than due: 不按规定交纳. */
  record ShortMonth(String personId, String name, String period, BigDecimal shortBy) {}

  List<ShortMonth> shortMonths(String branchId, String period) {
    return jdbc.queryForList("select l.person_id, p.name, l.period, l.due, l.paid from pf_dues_ledger l"
        + " join pf_person p on p.id = l.person_id where l.branch_id = ? and l.period = ? order by l.person_id",
        branchId, period).stream()
        .filter(r -> ArrearsRules.paidShort(new ArrearsRules.Month(period, (BigDecimal) r.get("due"),
            (BigDecimal) r.get("paid"))))
        .map(r -> new ShortMonth((String) r.get("person_id"), (String) r.get("name"), period,
            ((BigDecimal) r.get("due")).subtract((BigDecimal) r.get("paid"))))
        .toList();
  }

  /** Opens the cases that the month's close calls for; a run already handled is not opened twice. */
  public List<Long> check(String branchId, String period) {
    List<Long> opened = new ArrayList<>();
    for (Streak s : streaks(branchId, period)) {
      if (s.months() >= properties.getWithdrawalAfterMonths()) {
        if (!exists(s, WITHDRAWAL) && !properReasonRecorded(s)) {
          opened.add(open(branchId, s, WITHDRAWAL, null));
        }
      } else if (s.months() >= properties.getTalkAfterMonths() && !exists(s, TALK)) {
        opened.add(open(branchId, s, TALK, null));
      }
    }
    for (ShortMonth m : shortMonths(branchId, period)) {
      Streak s = new Streak(m.personId(), m.name(), m.period(), m.period(), 1);
      if (!exists(s, SHORT)) {
        opened.add(open(branchId, s, SHORT, m.shortBy()));
      }
    }
    return opened;
  }

  private boolean exists(Streak s, String kind) {
    return count("select count(*) from pf_dues_arrears_case where person_id = ? and kind = ? and first_unpaid = ?",
        s.personId(), kind, s.first()) > 0;
  }

  private boolean properReasonRecorded(Streak s) {
    return count("select count(*) from pf_dues_arrears_case where person_id = ? and first_unpaid = ?"
        + " and proper_reason = true", s.personId(), s.first()) > 0;
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  /**
   * Opens one case. Two month closes of the branch at once (two confirmations of receipt) would both pass the check
   * above; the run's row in {@code pf_dues_case_start} lets one open it and refuses the other, which rolls back and,
   * submitted again, finds the case open.
   */
  private long open(String branchId, Streak s, String kind, BigDecimal shortBy) {
    String businessKey = branchId + ":" + s.personId() + ":" + kind + ":" + s.first();
    CaseStarts.claim(jdbc, DuesProcesses.ARREARS, businessKey, new RuleConflict("dues.arrears.once",
        s.name() + "连续未交党费的处理刚刚由另一项操作同时开启，本次提交未保存任何内容，请重新提交"));
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into pf_dues_arrears_case (branch_id,"
          + " person_id, kind, first_unpaid, last_unpaid, months_unpaid, opened_at, short_amount, status)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')", new String[] {"id"});
      insert.setString(1, branchId);
      insert.setString(2, s.personId());
      insert.setString(3, kind);
      insert.setString(4, s.first());
      insert.setString(5, s.last());
      insert.setInt(6, s.months());
      insert.setTimestamp(7, Timestamp.from(ChinaClock.now()));
      insert.setBigDecimal(8, shortBy);
      return insert;
    }, key);
    long id = key.getKey().longValue();
    Map<String, Object> vars = new HashMap<>();
    vars.put(DuesProcesses.ORG_ID, branchId);
    vars.put(DuesProcesses.BRANCH_NAME, directory.organization(branchId).map(o -> o.name()).orElse(branchId));
    vars.put("arrearsCaseId", id);
    vars.put("arrearsKind", kind);
    vars.put("personId", s.personId());
    vars.put("personName", s.name());
    vars.put("monthsUnpaid", s.months());
    vars.put("firstUnpaid", s.first());
    vars.put("lastUnpaid", s.last());
    if (shortBy != null) {
      vars.put("shortAmount", shortBy.toPlainString());
    }
    // Opened by the system at month close, not by whoever happens to complete the closing task.
    CommandContext context = Context.getCommandContext();
    String instance = context == null
        ? runtime.startProcessInstanceByKey(DuesProcesses.ARREARS, businessKey, vars).getId()
        : context.runWithoutAuthorization(() ->
            runtime.startProcessInstanceByKey(DuesProcesses.ARREARS, businessKey, vars).getId());
    jdbc.update("update pf_dues_arrears_case set process_instance_id = ? where id = ?", instance, id);
    return id;
  }

  public void recordTalk(long caseId, LocalDate talkDate, String record, boolean properReason, String reasonText) {
    requireDate(talkDate, "谈话日期");
    if (record == null || record.isBlank()) {
      throw new RuleViolation("dues.arrears.talkRecord", "请记录谈话情况：对不按时交纳党费的党员应批评教育，限期改正"
          + "（" + DuesRules.REGULATION_2008 + "第十三条）");
    }
    if (properReason && (reasonText == null || reasonText.isBlank())) {
      throw new RuleViolation("dues.arrears.reasonText", "认定有正当理由的，须写明理由");
    }
    jdbc.update("update pf_dues_arrears_case set talk_date = ?, talk_record = ?, proper_reason = ?, reason_text = ?,"
            + " status = 'TALKED' where id = ?", Date.valueOf(talkDate), record.trim(), properReason,
        properReason ? reasonText.trim() : null, caseId);
  }

  /** The talk about a month paid short: criticism and a deadline to make the month up (Art. 13: 限期改正). */
  public void recordShortTalk(long caseId, LocalDate talkDate, String record, LocalDate correctBy) {
    requireDate(talkDate, "谈话日期");
    if (record == null || record.isBlank()) {
      throw new RuleViolation("dues.arrears.talkRecord", "请记录谈话情况：对不按规定交纳党费的党员应批评教育，限期改正"
          + "（" + DuesRules.REGULATION_2008 + "第十三条）");
    }
    if (correctBy == null) {
      throw new RuleViolation("dues.arrears.correctBy", "请填写限期补足的日期（" + DuesRules.REGULATION_2008
          + "第十三条：限期改正）");
    }
    if (!correctBy.isAfter(talkDate)) {
      throw new RuleViolation("dues.arrears.correctBy", "限期补足的日期（" + correctBy + "）须晚于谈话日期（"
          + talkDate + "）");
    }
    jdbc.update("update pf_dues_arrears_case set talk_date = ?, talk_record = ?, correct_by = ?, status = 'TALKED'"
        + " where id = ?", Date.valueOf(talkDate), record.trim(), Date.valueOf(correctBy), caseId);
  }

  public void recordMeeting(long caseId, LocalDate meetingDate, boolean remove, String decision) {
    requireDate(meetingDate, "支部大会日期");
    if (decision == null || decision.isBlank()) {
      throw new RuleViolation("dues.arrears.decision", "请记录支部大会的讨论情况和决定（党章第九条：连续六个月不交纳"
          + "党费、没有正当理由的，视为自行脱党，支部大会讨论决定除名并报上级党组织批准）");
    }
    jdbc.update("update pf_dues_arrears_case set meeting_date = ?, meeting_decision = ?, status = ? where id = ?",
        Date.valueOf(meetingDate), decision.trim(), remove ? "DECIDED_REMOVE" : "DECIDED_KEEP", caseId);
  }

  public void recordApproval(long caseId, LocalDate approvalDate, boolean approved, String decision) {
    requireDate(approvalDate, "上级党委批准日期");
    LocalDate meeting = jdbc.queryForObject("select meeting_date from pf_dues_arrears_case where id = ?",
        LocalDate.class, caseId);
    if (meeting != null && approvalDate.isBefore(meeting)) {
      throw new RuleViolation("dues.arrears.approvalOrder", "上级党委批准日期不能早于支部大会日期" + meeting);
    }
    if (decision == null || decision.isBlank()) {
      throw new RuleViolation("dues.arrears.approvalText", "请记录上级党委的审批意见");
    }
    jdbc.update("update pf_dues_arrears_case set approval_date = ?, approval_decision = ?, status = ? where id = ?",
        Date.valueOf(approvalDate), decision.trim(), approved ? "APPROVED" : "NOT_APPROVED", caseId);
  }

  private static void requireDate(LocalDate date, String what) {
    if (date == null) {
      throw new RuleViolation("dues.arrears.date", "请填写" + what);
    }
    if (date.isAfter(ChinaClock.today())) {
      throw new RuleViolation("dues.arrears.futureDate", what + date + "晚于今天，请填写实际日期");
    }
  }

  public List<Map<String, Object>> cases(String personId) {
    return jdbc.queryForList("select * from pf_dues_arrears_case where person_id = ? order by id", personId);
  }

  /** The branch's arrears cases, newest first, with the member's name. */
  public List<Map<String, Object>> branchCases(String branchId) {
    return jdbc.queryForList("select c.id \"id\", c.person_id \"personId\", p.name \"name\", c.kind \"kind\","
        + " c.first_unpaid \"firstUnpaid\", c.last_unpaid \"lastUnpaid\", c.months_unpaid \"monthsUnpaid\","
        + " c.talk_date \"talkDate\", c.proper_reason \"properReason\", c.meeting_date \"meetingDate\","
        + " c.short_amount \"shortAmount\", c.correct_by \"correctBy\", c.status \"status\""
        + " from pf_dues_arrears_case c join pf_person p on p.id = c.person_id where c.branch_id = ?"
        + " order by c.id desc", branchId);
  }
}
