package cn.partyflow.dutyreview;

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

/** The tables of 述职评议 (migration V100); only this module writes them. */
@Repository
public class DutyReviewStore {

  public record Case(String processInstanceId, String orgId, int year, LocalDate startedOn, String startedBy,
      LocalDate meetingDate, String attendees, String raters, LocalDate closedOn, boolean ballot) {}

  /** A secretary reporting in a case, with what the case recorded about them so far. */
  public record Reporter(long id, String processInstanceId, String personId, String orgId, String reportText,
      Instant reportedAt, String comment, String grade, int problemCount, String rectificationPi,
      String reviewedBy) {}

  public record Vote(String raterId, String grade) {}

  public record Problem(int seq, String problem, String clause) {}

  public record Event(Instant at, String actor, String text) {}

  /** A secretary rated at a meeting, for the statistics: who, which organization, the grade, the problems. */
  public record Rated(String processInstanceId, int year, String personId, String name, String orgId, String grade,
      int problemCount, LocalDate meetingDate) {}

  private static final RowMapper<Case> CASE = (rs, i) -> new Case(rs.getString("process_instance_id"),
      rs.getString("org_id"), rs.getInt("year_no"), rs.getDate("started_on").toLocalDate(), rs.getString("started_by"),
      local(rs, "meeting_date"), rs.getString("attendees"), rs.getString("raters"), local(rs, "closed_on"),
      rs.getTimestamp("ballot_opened") != null);

  private static final RowMapper<Reporter> REPORTER = (rs, i) -> new Reporter(rs.getLong("id"),
      rs.getString("process_instance_id"), rs.getString("person_id"), rs.getString("org_id"),
      rs.getString("report_text"), instant(rs, "reported_at"), rs.getString("comment_text"), rs.getString("grade"),
      rs.getInt("problem_count"), rs.getString("rectification_pi"), rs.getString("reviewed_by"));

  private final JdbcTemplate jdbc;

  DutyReviewStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Opens the case of a 党委 and year inside the starting transaction; a second one is refused. */
  void openCase(String pi, String orgId, int year, String user, List<Map.Entry<String, String>> reporters,
      RuleViolation refusal) {
    try {
      jdbc.update("insert into pf_dr_case (process_instance_id, org_id, year_no, started_on, started_by)"
          + " values (?, ?, ?, ?, ?)", pi, orgId, year, Date.valueOf(ChinaClock.today()), user);
    } catch (DuplicateKeyException alreadyStarted) {
      throw refusal;
    }
    for (Map.Entry<String, String> r : reporters) {
      jdbc.update("insert into pf_dr_reporter (process_instance_id, person_id, org_id) values (?, ?, ?)", pi,
          r.getKey(), r.getValue());
    }
  }

  public Optional<Case> caseOf(String pi) {
    return jdbc.query("select * from pf_dr_case where process_instance_id = ?", CASE, pi).stream().findFirst();
  }

  public Optional<Case> caseOf(String orgId, int year) {
    return jdbc.query("select * from pf_dr_case where org_id = ? and year_no = ?", CASE, orgId, year).stream()
        .findFirst();
  }

  /** The case of {@code year} of each of {@code orgIds} that has one, in one query. */
  public Map<String, Case> cases(Collection<String> orgIds, int year) {
    List<Object> args = new ArrayList<>();
    String in = SqlScope.anyOf("org_id", orgIds, args);
    args.add(year);
    Map<String, Case> out = new HashMap<>();
    jdbc.query("select * from pf_dr_case where " + in + " and year_no = ?", CASE, args.toArray())
        .forEach(c -> out.put(c.orgId(), c));
    return out;
  }

  public List<Case> cases(int year) {
    return jdbc.query("select * from pf_dr_case where year_no = ? order by org_id", CASE, year);
  }

  public List<Reporter> reporters(String pi) {
    return jdbc.query("select * from pf_dr_reporter where process_instance_id = ? order by id", REPORTER, pi);
  }

  public Optional<Reporter> reporter(String pi, String personId) {
    return jdbc.query("select * from pf_dr_reporter where process_instance_id = ? and person_id = ?", REPORTER, pi,
        personId).stream().findFirst();
  }

  /** What the secretaries of an organization reported in the reviews of a year (normally one). */
  public List<Reporter> reportersOf(String orgId, int year) {
    return jdbc.query("select r.* from pf_dr_reporter r join pf_dr_case c on c.process_instance_id ="
        + " r.process_instance_id where r.org_id = ? and c.year_no = ? order by r.id", REPORTER, orgId, year);
  }

  /** The secretaries of the organizations whose review meeting fell in the period (one set-based read). */
  public List<Rated> rated(java.util.Collection<String> orgIds, LocalDate from, LocalDate to) {
    if (orgIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select r.process_instance_id, c.year_no, r.person_id, p.name, r.org_id, r.grade,"
            + " r.problem_count, c.meeting_date from pf_dr_reporter r join pf_dr_case c on c.process_instance_id ="
            + " r.process_instance_id join pf_person p on p.id = r.person_id where " + SqlScope.anyOf("r.org_id")
            + " and c.meeting_date >= ? and c.meeting_date <= ? order by c.meeting_date, r.id",
        (rs, i) -> new Rated(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getInt(7), rs.getDate(8).toLocalDate()), SqlScope.ids(orgIds), Date.valueOf(from),
        Date.valueOf(to));
  }

  void report(String pi, String personId, String text) {
    jdbc.update("update pf_dr_reporter set report_text = ?, reported_at = ? where process_instance_id = ?"
        + " and person_id = ?", text, Timestamp.from(ChinaClock.now()), pi, personId);
  }

  void meeting(String pi, LocalDate date, String attendees, String raters) {
    jdbc.update("update pf_dr_case set meeting_date = ?, attendees = ?, raters = ? where process_instance_id = ?",
        Date.valueOf(date), attendees, raters, pi);
  }

  /** Opens the ballot: from now on the raters vote in their own tasks, not the 组织部门. */
  void openBallot(String pi) {
    jdbc.update("update pf_dr_case set ballot_opened = ? where process_instance_id = ? and ballot_opened is null",
        Timestamp.from(ChinaClock.now()), pi);
  }

  /** The raters of a case who have cast a vote. */
  List<String> voters(String pi) {
    return jdbc.queryForList("select distinct v.rater_id from pf_dr_vote v join pf_dr_reporter r on r.id ="
        + " v.reporter_id where r.process_instance_id = ?", String.class, pi);
  }

  /** One rater's ballot: a vote for each secretary (person id → grade); the key refuses a second vote. */
  void ballot(String pi, String raterId, Map<String, String> gradeByReporter) {
    gradeByReporter.forEach((reporter, grade) -> jdbc.update("insert into pf_dr_vote (reporter_id, rater_id, grade)"
        + " select id, ?, ? from pf_dr_reporter where process_instance_id = ? and person_id = ?", raterId, grade, pi,
        reporter));
  }

  /**
   * The review of one secretary: replaces the comment and problems recorded before (a redone task), and the votes
   * when the 组织部门 typed them in ({@code votes} null: the raters' own ballots stay as cast).
   */
  void review(long reporterId, String comment, String grade, Map<String, String> votes, List<Problem> problems,
      String user) {
    jdbc.update("update pf_dr_reporter set comment_text = ?, grade = ?, problem_count = ?, reviewed_by = ?,"
        + " reviewed_at = ? where id = ?", comment, grade, problems.size(), user, Timestamp.from(ChinaClock.now()),
        reporterId);
    if (votes != null) {
      jdbc.update("delete from pf_dr_vote where reporter_id = ?", reporterId);
      votes.forEach((rater, g) -> jdbc.update("insert into pf_dr_vote (reporter_id, rater_id, grade) values (?, ?, ?)",
          reporterId, rater, g));
    }
    jdbc.update("delete from pf_dr_problem where reporter_id = ?", reporterId);
    for (Problem p : problems) {
      jdbc.update("insert into pf_dr_problem (reporter_id, seq, problem, clause) values (?, ?, ?, ?)", reporterId,
          p.seq(), p.problem(), p.clause());
    }
  }

  public List<Vote> votes(long reporterId) {
    return jdbc.query("select rater_id, grade from pf_dr_vote where reporter_id = ? order by rater_id",
        (rs, i) -> new Vote(rs.getString(1), rs.getString(2)), reporterId);
  }

  public List<Problem> problems(long reporterId) {
    return jdbc.query("select seq, problem, clause from pf_dr_problem where reporter_id = ? order by seq",
        (rs, i) -> new Problem(rs.getInt(1), rs.getString(2), rs.getString(3)), reporterId);
  }

  void handedOver(long reporterId, String rectificationPi) {
    jdbc.update("update pf_dr_reporter set rectification_pi = ? where id = ?", rectificationPi, reporterId);
  }

  void close(String pi) {
    jdbc.update("update pf_dr_case set closed_on = ? where process_instance_id = ?", Date.valueOf(ChinaClock.today()),
        pi);
  }

  void event(String pi, String actor, String text) {
    jdbc.update("insert into pf_dr_event (process_instance_id, actor, text, occurred_at) values (?, ?, ?, ?)", pi,
        actor, text.length() > 2000 ? text.substring(0, 2000) : text, Timestamp.from(ChinaClock.now()));
  }

  public List<Event> events(String pi) {
    return jdbc.query("select occurred_at, actor, text from pf_dr_event where process_instance_id = ?"
        + " order by occurred_at, id", (rs, i) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
        rs.getString(3)), pi);
  }

  private static LocalDate local(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
