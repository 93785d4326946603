package cn.partyflow.reelection;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SqlScope;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of 换届 (migration V80): terms, cases, election rounds with attendees and votes, term changes. */
@Repository
public class TermStore {

  public record Term(String orgId, LocalDate termEnd, LocalDate electedOn, LocalDate remindedForEnd) {}

  public record Case(String processInstanceId, String orgId, RequestType type, LocalDate startedOn, String startedBy,
      LocalDate closedOn, String outcome) {}

  public record Meeting(long id, String processInstanceId, int round, LocalDate heldOn, int seats, int entitled,
      int present, String recordedBy) {}

  public record Vote(String personId, String name, int votes, boolean elected) {}

  public record Event(java.time.Instant at, String actor, String text) {}

  public record TermChange(String kind, LocalDate oldEnd, LocalDate newEnd, String reason, String approvedBy) {}

  private final JdbcTemplate jdbc;

  TermStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Term> term(String orgId) {
    return jdbc.query("select * from pf_re_term where org_id = ?", (rs, i) -> new Term(rs.getString("org_id"),
        rs.getDate("term_end").toLocalDate(), local(rs.getDate("elected_on")), local(rs.getDate("reminded_for_end"))),
        orgId).stream().findFirst();
  }

  public Map<String, Term> terms() {
    return jdbc.query("select * from pf_re_term", (rs, i) -> new Term(rs.getString("org_id"),
        rs.getDate("term_end").toLocalDate(), local(rs.getDate("elected_on")), local(rs.getDate("reminded_for_end"))))
        .stream().collect(java.util.stream.Collectors.toMap(Term::orgId, t -> t));
  }

  /** The registered term of each of {@code orgIds} that has one, in one query (for a page of rows). */
  public Map<String, Term> terms(Collection<String> orgIds) {
    List<Object> args = new ArrayList<>();
    String in = SqlScope.anyOf("org_id", orgIds, args);
    return jdbc.query("select * from pf_re_term where " + in, (rs, i) -> new Term(rs.getString("org_id"),
        rs.getDate("term_end").toLocalDate(), local(rs.getDate("elected_on")), local(rs.getDate("reminded_for_end"))),
        args.toArray()).stream().collect(java.util.stream.Collectors.toMap(Term::orgId, t -> t));
  }

  /** Sets the term's end; {@code electedOn} is kept when null. */
  void setTerm(String orgId, LocalDate termEnd, LocalDate electedOn, String user) {
    int n = jdbc.update("update pf_re_term set term_end = ?, elected_on = coalesce(?, elected_on), updated_at = ?,"
        + " updated_by = ? where org_id = ?", Date.valueOf(termEnd), sql(electedOn), now(), user, orgId);
    if (n == 0) {
      jdbc.update("insert into pf_re_term (org_id, term_end, elected_on, updated_at, updated_by) values (?, ?, ?, ?, ?)",
          orgId, Date.valueOf(termEnd), sql(electedOn), now(), user);
    }
  }

  void reminded(String orgId, LocalDate termEnd) {
    jdbc.update("update pf_re_term set reminded_for_end = ? where org_id = ?", Date.valueOf(termEnd), orgId);
  }

  /** Claims the organization for the case; a second open case is refused by the unique open_org_id. */
  void openCase(String pi, String orgId, RequestType type, String user, RuleViolation whenOpen) {
    try {
      jdbc.update("insert into pf_re_case (process_instance_id, org_id, open_org_id, request_type, started_on,"
          + " started_by) values (?, ?, ?, ?, ?, ?)", pi, orgId, orgId, type.name(), Date.valueOf(ChinaClock.today()),
          user);
    } catch (DuplicateKeyException e) {
      throw whenOpen;
    }
  }

  public Optional<Case> openCase(String orgId) {
    return cases("where open_org_id = ?", orgId).stream().findFirst();
  }

  /** The open case of each of {@code orgIds} that has one, in one query. */
  public Map<String, Case> openCases(Collection<String> orgIds) {
    List<Object> args = new ArrayList<>();
    String in = SqlScope.anyOf("open_org_id", orgIds, args);
    Map<String, Case> out = new HashMap<>();
    cases("where " + in, args.toArray()).forEach(c -> out.put(c.orgId(), c));
    return out;
  }

  public Optional<Case> caseOf(String pi) {
    return cases("where process_instance_id = ?", pi).stream().findFirst();
  }

  public List<Case> casesOf(String orgId) {
    return cases("where org_id = ? order by started_on desc", orgId);
  }

  void closeCase(String pi, String outcome) {
    jdbc.update("update pf_re_case set open_org_id = null, closed_on = ?, outcome = ? where process_instance_id = ?",
        Date.valueOf(ChinaClock.today()), outcome, pi);
  }

  void event(String pi, String actor, String text) {
    jdbc.update("insert into pf_re_event (process_instance_id, happened_at, actor, text) values (?, ?, ?, ?)", pi,
        now(), actor, text.length() > 1200 ? text.substring(0, 1200) : text);
  }

  public List<Event> events(String pi) {
    return jdbc.query("select * from pf_re_event where process_instance_id = ? order by id", (rs, i) ->
        new Event(rs.getTimestamp("happened_at").toInstant(), rs.getString("actor"), rs.getString("text")), pi);
  }

  long insertMeeting(String pi, int round, LocalDate heldOn, int seats, int entitled, int present, String user,
      Map<String, String> attendees, List<Vote> votes) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      var ps = c.prepareStatement("insert into pf_re_meeting (process_instance_id, round_no, held_on, seats, entitled,"
          + " present, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, pi);
      ps.setInt(2, round);
      ps.setDate(3, Date.valueOf(heldOn));
      ps.setInt(4, seats);
      ps.setInt(5, entitled);
      ps.setInt(6, present);
      ps.setString(7, user);
      ps.setTimestamp(8, now());
      return ps;
    }, key);
    long id = key.getKey().longValue();
    attendees.forEach((person, name) -> jdbc.update("insert into pf_re_attendee (meeting_id, person_id, name)"
        + " values (?, ?, ?)", id, person, name));
    votes.forEach(v -> jdbc.update("insert into pf_re_vote (meeting_id, person_id, name, votes, elected)"
        + " values (?, ?, ?, ?, ?)", id, v.personId(), v.name(), v.votes(), v.elected()));
    return id;
  }

  public List<Meeting> meetings(String pi) {
    return jdbc.query("select * from pf_re_meeting where process_instance_id = ? order by round_no", (rs, i) ->
        new Meeting(rs.getLong("id"), pi, rs.getInt("round_no"), rs.getDate("held_on").toLocalDate(),
            rs.getInt("seats"), rs.getInt("entitled"), rs.getInt("present"), rs.getString("recorded_by")), pi);
  }

  public List<String> attendees(long meetingId) {
    return jdbc.queryForList("select name from pf_re_attendee where meeting_id = ? order by person_id", String.class,
        meetingId);
  }

  public List<Vote> votes(long meetingId) {
    return jdbc.query("select * from pf_re_vote where meeting_id = ? order by votes desc, person_id", (rs, i) ->
        new Vote(rs.getString("person_id"), rs.getString("name"), rs.getInt("votes"), rs.getBoolean("elected")),
        meetingId);
  }

  void termChange(String orgId, String pi, String kind, LocalDate oldEnd, LocalDate newEnd, String reason,
      String approvedBy) {
    jdbc.update("insert into pf_re_term_change (org_id, process_instance_id, change_kind, old_end, new_end, reason,"
        + " approved_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)", orgId, pi, kind, sql(oldEnd),
        Date.valueOf(newEnd), reason, approvedBy, now());
  }

  public List<TermChange> termChanges(String orgId) {
    return jdbc.query("select * from pf_re_term_change where org_id = ? order by id desc", (rs, i) ->
        new TermChange(rs.getString("change_kind"), local(rs.getDate("old_end")), rs.getDate("new_end").toLocalDate(),
            rs.getString("reason"), rs.getString("approved_by")), orgId);
  }

  private List<Case> cases(String where, Object... args) {
    return jdbc.query("select * from pf_re_case " + where, (rs, i) -> new Case(rs.getString("process_instance_id"),
        rs.getString("org_id"), RequestType.valueOf(rs.getString("request_type")),
        rs.getDate("started_on").toLocalDate(), rs.getString("started_by"), local(rs.getDate("closed_on")),
        rs.getString("outcome")), args);
  }

  private static Timestamp now() {
    return Timestamp.from(ChinaClock.now());
  }

  private static Date sql(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate local(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
