package cn.partyflow.leadershipmeeting;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SqlScope;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The tables of 民主生活会 ({@code pf_lm_*}, migration V95). */
@Repository
public class LeadershipMeetingStore {

  /** One case: the plan, the preparation, the meeting and the report as far as they were recorded. */
  public record Case(String processInstanceId, String orgId, int year, LocalDate startedOn, String startedBy,
      String theme, LocalDate plannedDate, LocalDate planApprovedOn, String opinionSources, Integer opinionCount,
      String opinionSummary, LocalDate meetingDate, Integer entitled, Integer present, String observer,
      String absenceReasons, LocalDate reportDate, String reportText, LocalDate reportApprovedOn,
      String rectificationCase, LocalDate closedOn) {}

  /** A 班子成员 of the case, with the day the 对照检查材料 came in, attendance and the criticism recorded. */
  public record Member(String personId, String name, String position, LocalDate materialOn, Boolean present,
      String selfCriticism, String criticismReceived) {}

  public record TalkRow(String firstName, String secondName, LocalDate on) {}

  public record Problem(int no, String problem, String clause) {}

  public record Event(Instant at, String actor, String text) {}

  /**
   * A request to hold the meeting on another day: the approved day it replaces, the day asked for, the reason, who
   * asked, and the higher level's answer ({@code approved} null while it waits).
   */
  public record DateChange(long id, LocalDate oldDate, LocalDate newDate, String reason, String requestedBy,
      Instant requestedAt, Boolean approved, String opinion, String decidedBy, Instant decidedAt) {}

  private static final RowMapper<DateChange> DATE_CHANGE = (rs, i) -> new DateChange(rs.getLong("id"),
      local(rs.getDate("old_date")), local(rs.getDate("new_date")), rs.getString("reason"),
      rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), (Boolean) rs.getObject("approved"),
      rs.getString("opinion"), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")));

  private static final RowMapper<Case> CASE = (rs, i) -> new Case(rs.getString("process_instance_id"),
      rs.getString("org_id"), rs.getInt("meeting_year"), local(rs.getDate("started_on")), rs.getString("started_by"),
      rs.getString("theme"), local(rs.getDate("planned_date")), local(rs.getDate("plan_approved_on")),
      rs.getString("opinion_sources"), integer(rs, "opinion_count"), rs.getString("opinion_summary"),
      local(rs.getDate("meeting_date")), integer(rs, "entitled"), integer(rs, "present"), rs.getString("observer"),
      rs.getString("absence_reasons"), local(rs.getDate("report_date")), rs.getString("report_text"),
      local(rs.getDate("report_approved_on")), rs.getString("rectification_pi"), local(rs.getDate("closed_on")));

  private final JdbcTemplate jdbc;

  LeadershipMeetingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the organization's year for the case; a second case of the same year is refused. */
  void openCase(String pi, String orgId, int year, String user, RuleViolation taken) {
    if (caseOf(orgId, year).isPresent()) {
      throw taken;
    }
    try {
      jdbc.update("insert into pf_lm_case (process_instance_id, org_id, meeting_year, started_on, started_by)"
          + " values (?, ?, ?, ?, ?)", pi, orgId, year, Date.valueOf(ChinaClock.today()), user);
    } catch (DuplicateKeyException e) {
      throw taken;
    }
  }

  void members(String pi, List<Member> members) {
    int sort = 0;
    for (Member m : members) {
      jdbc.update("insert into pf_lm_member (process_instance_id, person_id, name, position, sort_no)"
          + " values (?, ?, ?, ?, ?)", pi, m.personId(), m.name(), m.position(), ++sort);
    }
  }

  void plan(String pi, String theme, LocalDate plannedDate) {
    jdbc.update("update pf_lm_case set theme = ?, planned_date = ?, plan_approved_on = null"
        + " where process_instance_id = ?", theme, sql(plannedDate), pi);
  }

  void planApproved(String pi, LocalDate on) {
    jdbc.update("update pf_lm_case set plan_approved_on = ? where process_instance_id = ?", sql(on), pi);
  }

  void preparation(String pi, String sources, int count, String summary, List<LeadershipMeetingRules.Talk> talks,
      Map<String, LocalDate> materials) {
    jdbc.update("update pf_lm_case set opinion_sources = ?, opinion_count = ?, opinion_summary = ?"
        + " where process_instance_id = ?", sources, count, summary, pi);
    jdbc.update("delete from pf_lm_talk where process_instance_id = ?", pi);
    for (LeadershipMeetingRules.Talk t : talks) {
      jdbc.update("insert into pf_lm_talk (process_instance_id, first_id, second_id, talked_on) values (?, ?, ?, ?)",
          pi, t.first(), t.second(), sql(t.on()));
    }
    materials.forEach((id, on) -> jdbc.update("update pf_lm_member set material_on = ? where process_instance_id = ?"
        + " and person_id = ?", sql(on), pi, id));
  }

  void meeting(String pi, LocalDate date, int entitled, int present, String observer, String absenceReasons,
      Map<String, Boolean> attendance, Map<String, String[]> criticism, List<Problem> problems) {
    jdbc.update("update pf_lm_case set meeting_date = ?, entitled = ?, present = ?, observer = ?, absence_reasons = ?"
        + " where process_instance_id = ?", sql(date), entitled, present, observer, absenceReasons, pi);
    attendance.forEach((id, here) -> {
      String[] c = criticism.getOrDefault(id, new String[2]);
      jdbc.update("update pf_lm_member set present = ?, self_criticism = ?, criticism_received = ?"
          + " where process_instance_id = ? and person_id = ?", here, c[0], c[1], pi, id);
    });
    jdbc.update("delete from pf_lm_problem where process_instance_id = ?", pi);
    for (Problem p : problems) {
      jdbc.update("insert into pf_lm_problem (process_instance_id, problem_no, problem, clause) values (?, ?, ?, ?)",
          pi, p.no(), p.problem(), p.clause());
    }
  }

  void report(String pi, LocalDate date, String text) {
    jdbc.update("update pf_lm_case set report_date = ?, report_text = ?, report_approved_on = null"
        + " where process_instance_id = ?", sql(date), text, pi);
  }

  void reportApproved(String pi, LocalDate on) {
    jdbc.update("update pf_lm_case set report_approved_on = ? where process_instance_id = ?", sql(on), pi);
  }

  void handedOver(String pi, String rectificationPi) {
    jdbc.update("update pf_lm_case set rectification_pi = ?, closed_on = ? where process_instance_id = ?",
        rectificationPi, Date.valueOf(ChinaClock.today()), pi);
  }

  /**
   * Records a request as the case's waiting one; {@code refusal} when another waits, also one written by a concurrent
   * transaction that the caller's check could not see yet (the unique {@code waiting_case}, V140).
   */
  long dateChangeRequested(String pi, LocalDate oldDate, LocalDate newDate, String reason, String user,
      RuleViolation refusal) {
    try {
      jdbc.update("insert into pf_lm_date_change (process_instance_id, old_date, new_date, reason, requested_by,"
          + " requested_at, waiting_case) values (?, ?, ?, ?, ?, ?, ?)", pi, sql(oldDate), sql(newDate), reason, user,
          Timestamp.from(ChinaClock.now()), pi);
    } catch (DuplicateKeyException anotherWaits) {
      throw refusal;
    }
    return jdbc.queryForObject("select id from pf_lm_date_change where waiting_case = ?", Long.class, pi);
  }

  /** Answers a waiting request; an approved one's day becomes the case's planned day. */
  void dateChangeDecided(String pi, long id, boolean approved, String opinion, String user) {
    int answered = jdbc.update("update pf_lm_date_change set approved = ?, opinion = ?, decided_by = ?,"
        + " decided_at = ?, waiting_case = null where id = ? and process_instance_id = ? and approved is null", approved, opinion, user,
        Timestamp.from(ChinaClock.now()), id, pi);
    if (answered != 1) {
      throw new IllegalStateException("date change " + id + " of " + pi + " is not waiting for an answer");
    }
    if (approved) {
      jdbc.update("update pf_lm_case set planned_date = (select new_date from pf_lm_date_change where id = ?)"
          + " where process_instance_id = ?", id, pi);
    }
  }

  public List<DateChange> dateChanges(String pi) {
    return jdbc.query("select * from pf_lm_date_change where process_instance_id = ? order by id", DATE_CHANGE, pi);
  }

  public Optional<DateChange> pendingDateChange(String pi) {
    return jdbc.query("select * from pf_lm_date_change where process_instance_id = ? and approved is null"
        + " order by id", DATE_CHANGE, pi).stream().findFirst();
  }

  void event(String pi, String actor, String text) {
    jdbc.update("insert into pf_lm_event (process_instance_id, happened_at, actor, text) values (?, ?, ?, ?)", pi,
        Timestamp.from(ChinaClock.now()), actor, text.length() > 1200 ? text.substring(0, 1200) : text);
  }

  public Optional<Case> caseOf(String pi) {
    return jdbc.query("select * from pf_lm_case where process_instance_id = ?", CASE, pi).stream().findFirst();
  }

  public Optional<Case> caseOf(String orgId, int year) {
    return jdbc.query("select * from pf_lm_case where org_id = ? and meeting_year = ?", CASE, orgId, year).stream()
        .findFirst();
  }

  public List<Case> cases(String orgId) {
    return jdbc.query("select * from pf_lm_case where org_id = ? order by meeting_year desc", CASE, orgId);
  }

  /** The {@link #cases(String)} of each of {@code orgIds} that has any, in one query. */
  public Map<String, List<Case>> cases(Collection<String> orgIds) {
    List<Object> args = new ArrayList<>();
    String in = SqlScope.anyOf("org_id", orgIds, args);
    Map<String, List<Case>> out = new HashMap<>();
    jdbc.query("select * from pf_lm_case where " + in + " order by org_id, meeting_year desc", CASE, args.toArray())
        .forEach(c -> out.computeIfAbsent(c.orgId(), o -> new ArrayList<>()).add(c));
    return out;
  }

  public List<Member> members(String pi) {
    return jdbc.query("select * from pf_lm_member where process_instance_id = ? order by sort_no", (rs, i) ->
        new Member(rs.getString("person_id"), rs.getString("name"), rs.getString("position"),
            local(rs.getDate("material_on")), (Boolean) rs.getObject("present"), rs.getString("self_criticism"),
            rs.getString("criticism_received")), pi);
  }

  public List<TalkRow> talks(String pi) {
    return jdbc.query("select a.name first_name, b.name second_name, t.talked_on from pf_lm_talk t"
        + " join pf_lm_member a on a.process_instance_id = t.process_instance_id and a.person_id = t.first_id"
        + " join pf_lm_member b on b.process_instance_id = t.process_instance_id and b.person_id = t.second_id"
        + " where t.process_instance_id = ? order by t.talked_on, t.id", (rs, i) -> new TalkRow(
            rs.getString("first_name"), rs.getString("second_name"), local(rs.getDate("talked_on"))), pi);
  }

  public List<Problem> problems(String pi) {
    return jdbc.query("select * from pf_lm_problem where process_instance_id = ? order by problem_no", (rs, i) ->
        new Problem(rs.getInt("problem_no"), rs.getString("problem"), rs.getString("clause")), pi);
  }

  public List<Event> events(String pi) {
    return jdbc.query("select * from pf_lm_event where process_instance_id = ? order by id", (rs, i) ->
        new Event(rs.getTimestamp("happened_at").toInstant(), rs.getString("actor"), rs.getString("text")), pi);
  }

  private static LocalDate local(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Date sql(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }
}
