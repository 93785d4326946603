package cn.partyflow.organizationallife;

import cn.partyflow.organizationallife.OrganizationalLifeRules.HeldMeeting;
import cn.partyflow.organizationallife.OrganizationalLifeRules.MeetingRecord;
import cn.partyflow.organizationallife.OrganizationalLifeRules.PlannedMeeting;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Presence;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Tally;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SqlScope;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of 组织生活 ({@code pf_ol_*}); only this module writes them. */
@Repository
public class MeetingStore {

  /** A branch's year as started. */
  public record YearCase(String branchId, int year, String processInstanceId, LocalDate startedOn, String startedBy,
      LocalDate closedOn) {}

  /** A meeting as the pages and the export show it. */
  public record Meeting(long id, String branchId, int year, MeetingType type, LocalDate heldOn, String place,
      String topic, String firstTopic, String chairId, String chairName, String recorderId, String recorderName,
      String decisions, int entitled, int present, int votingEntitled, int votingPresent, String recordedBy,
      Timestamp recordedAt) {}

  /** One entitled person's attendance, with the name. */
  public record AttendanceRow(String personId, String name, Attendance attendance, String reason,
      LocalDate madeUpOn) {}

  public record Attachment(long id, long meetingId, String kind, String filename, String contentType, long sizeBytes,
      String uploadedBy, Timestamp uploadedAt) {}

  public record Review(int quarter, String result, String opinion, String reviewedBy, Timestamp reviewedAt) {}

  private static final String MEETING_COLUMNS = "m.id, m.branch_id, m.year_no, m.meeting_type, m.held_on, m.place,"
      + " m.topic, m.first_topic, m.chair_id, c.name chair_name, m.recorder_id, r.name recorder_name, m.decisions,"
      + " m.entitled, m.present, m.voting_entitled, m.voting_present, m.recorded_by, m.recorded_at"
      + " from pf_ol_meeting m join pf_person c on c.id = m.chair_id join pf_person r on r.id = m.recorder_id";

  private final JdbcTemplate jdbc;

  MeetingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the branch's year for a case inside the starting transaction; a second claim is refused. */
  void claimYear(String branchId, int year, String instanceId, LocalDate startedOn, String startedBy,
      RuleViolation refusal) {
    try {
      jdbc.update("insert into pf_ol_year (branch_id, year_no, process_instance_id, started_on, started_by)"
          + " values (?, ?, ?, ?, ?)", branchId, year, instanceId, Date.valueOf(startedOn), startedBy);
    } catch (DuplicateKeyException alreadyStarted) {
      throw refusal;
    }
  }

  public Optional<YearCase> yearCase(String branchId, int year) {
    return jdbc.query("select * from pf_ol_year where branch_id = ? and year_no = ?", (rs, i) -> new YearCase(
        rs.getString("branch_id"), rs.getInt("year_no"), rs.getString("process_instance_id"),
        rs.getDate("started_on").toLocalDate(), rs.getString("started_by"), localDate(rs, "closed_on")),
        branchId, year).stream().findFirst();
  }

  /** The year's case of each of {@code branchIds} that has one, in one query (for a list of the scope's branches). */
  public Map<String, YearCase> yearCases(Collection<String> branchIds, int year) {
    List<Object> args = new ArrayList<>();
    String in = SqlScope.anyOf("branch_id", branchIds, args);
    args.add(year);
    Map<String, YearCase> out = new HashMap<>();
    jdbc.query("select * from pf_ol_year where " + in + " and year_no = ?", rs -> {
      out.put(rs.getString("branch_id"), new YearCase(rs.getString("branch_id"), rs.getInt("year_no"),
          rs.getString("process_instance_id"), rs.getDate("started_on").toLocalDate(), rs.getString("started_by"),
          localDate(rs, "closed_on")));
    }, args.toArray());
    return out;
  }

  void closeYear(String branchId, int year, LocalDate on) {
    jdbc.update("update pf_ol_year set closed_on = ? where branch_id = ? and year_no = ?", Date.valueOf(on),
        branchId, year);
  }

  void writePlan(String branchId, int year, List<PlannedMeeting> plan) {
    jdbc.update("delete from pf_ol_plan where branch_id = ? and year_no = ?", branchId, year);
    jdbc.batchUpdate("insert into pf_ol_plan (branch_id, year_no, meeting_type, period_start, period_end,"
            + " period_label, planned_on) values (?, ?, ?, ?, ?, ?, ?)", plan, plan.size(), (ps, m) -> {
          ps.setString(1, branchId);
          ps.setInt(2, year);
          ps.setString(3, m.type().name());
          ps.setDate(4, Date.valueOf(m.period().start()));
          ps.setDate(5, Date.valueOf(m.period().end()));
          ps.setString(6, m.period().label());
          ps.setDate(7, m.plannedOn() == null ? null : Date.valueOf(m.plannedOn()));
        });
  }

  public List<PlannedMeeting> plan(String branchId, int year) {
    return jdbc.query("select * from pf_ol_plan where branch_id = ? and year_no = ? order by period_end, meeting_type",
        (rs, i) -> new PlannedMeeting(MeetingType.valueOf(rs.getString("meeting_type")),
            new Period(rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                rs.getString("period_label")), localDate(rs, "planned_on")), branchId, year);
  }

  long insertMeeting(String branchId, int year, MeetingRecord r, Tally tally, String user) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("insert into pf_ol_meeting (branch_id, year_no, meeting_type,"
          + " held_on, place, topic, first_topic, chair_id, recorder_id, decisions, entitled, present,"
          + " voting_entitled, voting_present, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, branchId);
      ps.setInt(2, year);
      ps.setString(3, r.type().name());
      ps.setDate(4, Date.valueOf(r.heldOn()));
      ps.setString(5, blankToNull(r.place()));
      ps.setString(6, r.topic().strip());
      ps.setString(7, blankToNull(r.firstTopic()));
      ps.setString(8, r.chairId());
      ps.setString(9, r.recorderId());
      ps.setString(10, blankToNull(r.decisions()));
      ps.setInt(11, tally.entitled());
      ps.setInt(12, tally.present());
      ps.setInt(13, tally.votingEntitled());
      ps.setInt(14, tally.votingPresent());
      ps.setString(15, user);
      ps.setTimestamp(16, Timestamp.from(ChinaClock.now()));
      return ps;
    }, keys);
    long id = keys.getKey().longValue();
    for (Map.Entry<String, Presence> e : r.attendance().entrySet()) {
      Presence p = e.getValue();
      jdbc.update("insert into pf_ol_attendance (meeting_id, person_id, attendance, reason, made_up_on)"
              + " values (?, ?, ?, ?, ?)", id, e.getKey(), p.attendance().name(), blankToNull(p.reason()),
          p.madeUpOn() == null ? null : Date.valueOf(p.madeUpOn()));
    }
    return id;
  }

  public List<HeldMeeting> held(String branchId, int year) {
    return jdbc.query("select meeting_type, held_on, entitled, present from pf_ol_meeting where branch_id = ?"
            + " and year_no = ? order by held_on", (rs, i) -> new HeldMeeting(
        MeetingType.valueOf(rs.getString("meeting_type")), rs.getDate("held_on").toLocalDate(), rs.getInt("entitled"),
        rs.getInt("present")), branchId, year);
  }

  /** The meetings {@link #held} of each of {@code branchIds} that held any, in one query. */
  public Map<String, List<HeldMeeting>> held(Collection<String> branchIds, int year) {
    List<Object> args = new ArrayList<>();
    String in = SqlScope.anyOf("branch_id", branchIds, args);
    args.add(year);
    Map<String, List<HeldMeeting>> out = new HashMap<>();
    jdbc.query("select branch_id, meeting_type, held_on, entitled, present from pf_ol_meeting where " + in
        + " and year_no = ? order by branch_id, held_on", rs -> {
          out.computeIfAbsent(rs.getString("branch_id"), b -> new ArrayList<>()).add(new HeldMeeting(
              MeetingType.valueOf(rs.getString("meeting_type")), rs.getDate("held_on").toLocalDate(),
              rs.getInt("entitled"), rs.getInt("present")));
        }, args.toArray());
    return out;
  }

  public List<Meeting> meetings(String branchId, int year) {
    return jdbc.query("select " + MEETING_COLUMNS + " where m.branch_id = ? and m.year_no = ? order by m.held_on, m.id",
        MeetingStore::meeting, branchId, year);
  }

  public Optional<Meeting> meeting(long id) {
    return jdbc.query("select " + MEETING_COLUMNS + " where m.id = ?", MeetingStore::meeting, id).stream()
        .findFirst();
  }

  public List<AttendanceRow> attendance(long meetingId) {
    return jdbc.query("select a.person_id, p.name, a.attendance, a.reason, a.made_up_on from pf_ol_attendance a"
            + " join pf_person p on p.id = a.person_id where a.meeting_id = ? order by a.person_id",
        (rs, i) -> new AttendanceRow(rs.getString("person_id"), rs.getString("name"),
            Attendance.valueOf(rs.getString("attendance")), rs.getString("reason"), localDate(rs, "made_up_on")),
        meetingId);
  }

  void madeUp(long meetingId, String personId, LocalDate on) {
    jdbc.update("update pf_ol_attendance set made_up_on = ? where meeting_id = ? and person_id = ?", Date.valueOf(on),
        meetingId, personId);
  }

  void insertAttachment(long meetingId, String kind, String filename, String contentType, byte[] content,
      String user) {
    jdbc.update("insert into pf_ol_attachment (meeting_id, kind, filename, content_type, size_bytes, content,"
            + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)", meetingId, kind, filename, contentType,
        content.length, content, user, Timestamp.from(ChinaClock.now()));
  }

  public List<Attachment> attachments(long meetingId) {
    return jdbc.query("select id, meeting_id, kind, filename, content_type, size_bytes, uploaded_by, uploaded_at"
        + " from pf_ol_attachment where meeting_id = ? order by id", MeetingStore::attachment, meetingId);
  }

  public Map<Long, Integer> attachmentCounts(String branchId, int year) {
    Map<Long, Integer> counts = new java.util.HashMap<>();
    jdbc.query("select a.meeting_id, count(*) n from pf_ol_attachment a join pf_ol_meeting m on m.id = a.meeting_id"
        + " where m.branch_id = ? and m.year_no = ? group by a.meeting_id",
        (ResultSet rs) -> {
          counts.put(rs.getLong("meeting_id"), rs.getInt("n"));
        }, branchId, year);
    return counts;
  }

  public Optional<Attachment> attachment(long id) {
    return jdbc.query("select id, meeting_id, kind, filename, content_type, size_bytes, uploaded_by, uploaded_at"
        + " from pf_ol_attachment where id = ?", MeetingStore::attachment, id).stream().findFirst();
  }

  public byte[] content(long attachmentId) {
    return jdbc.queryForObject("select content from pf_ol_attachment where id = ?", byte[].class, attachmentId);
  }

  void saveReview(String branchId, int year, int quarter, String result, String opinion, String user) {
    jdbc.update("delete from pf_ol_review where branch_id = ? and year_no = ? and quarter_no = ?", branchId, year,
        quarter);
    jdbc.update("insert into pf_ol_review (branch_id, year_no, quarter_no, result, opinion, reviewed_by, reviewed_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)", branchId, year, quarter, result, opinion, user,
        Timestamp.from(ChinaClock.now()));
  }

  public List<Review> reviews(String branchId, int year) {
    return jdbc.query("select quarter_no, result, opinion, reviewed_by, reviewed_at from pf_ol_review"
            + " where branch_id = ? and year_no = ? order by quarter_no",
        (rs, i) -> new Review(rs.getInt("quarter_no"), rs.getString("result"), rs.getString("opinion"),
            rs.getString("reviewed_by"), rs.getTimestamp("reviewed_at")), branchId, year);
  }

  /** Removes a branch's year and everything recorded in it (tests clean up with it). */
  public void deleteYear(String branchId, int year) {
    jdbc.update("delete from pf_ol_attachment where meeting_id in (select id from pf_ol_meeting where branch_id = ?"
        + " and year_no = ?)", branchId, year);
    jdbc.update("delete from pf_ol_attendance where meeting_id in (select id from pf_ol_meeting where branch_id = ?"
        + " and year_no = ?)", branchId, year);
    jdbc.update("delete from pf_ol_meeting where branch_id = ? and year_no = ?", branchId, year);
    jdbc.update("delete from pf_ol_review where branch_id = ? and year_no = ?", branchId, year);
    jdbc.update("delete from pf_ol_plan where branch_id = ? and year_no = ?", branchId, year);
    jdbc.update("delete from pf_ol_year where branch_id = ? and year_no = ?", branchId, year);
  }

  private static Meeting meeting(ResultSet rs, int i) throws SQLException {
    return new Meeting(rs.getLong("id"), rs.getString("branch_id"), rs.getInt("year_no"),
        MeetingType.valueOf(rs.getString("meeting_type")), rs.getDate("held_on").toLocalDate(), rs.getString("place"),
        rs.getString("topic"), rs.getString("first_topic"), rs.getString("chair_id"), rs.getString("chair_name"),
        rs.getString("recorder_id"), rs.getString("recorder_name"), rs.getString("decisions"), rs.getInt("entitled"),
        rs.getInt("present"), rs.getInt("voting_entitled"), rs.getInt("voting_present"), rs.getString("recorded_by"),
        rs.getTimestamp("recorded_at"));
  }

  private static Attachment attachment(ResultSet rs, int i) throws SQLException {
    return new Attachment(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("kind"), rs.getString("filename"),
        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at"));
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
