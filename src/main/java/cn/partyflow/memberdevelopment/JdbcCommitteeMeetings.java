package cn.partyflow.memberdevelopment;

import cn.partyflow.memberdevelopment.CommitteeMeeting.Attendance;
import cn.partyflow.memberdevelopment.CommitteeMeeting.Decision;
import cn.partyflow.memberdevelopment.CommitteeMeeting.Member;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** 党委会 records in pf_committee_meeting and its two child tables, written in the caller's transaction. */
@Component
class JdbcCommitteeMeetings implements CommitteeMeetings {

  private final JdbcTemplate jdbc;

  JdbcCommitteeMeetings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long record(CommitteeMeeting m) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("insert into pf_committee_meeting (committee_id, committee_name,"
          + " meeting_date, recorded_by, recorded_at, minutes) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, m.committeeId());
      ps.setString(2, m.committeeName());
      ps.setDate(3, Date.valueOf(m.date()));
      ps.setString(4, m.recordedBy());
      ps.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
      ps.setString(6, m.minutes());
      return ps;
    }, key);
    long id = key.getKey().longValue();
    int order = 0;
    for (Member member : m.members()) {
      jdbc.update("insert into pf_committee_attendance (meeting_id, person_id, person_name, attendance,"
          + " written_opinion, sort_order) values (?, ?, ?, ?, ?, ?)", id, member.personId(), member.name(),
          member.attendance().name(), member.writtenOpinion(), order++);
    }
    for (Decision d : m.decisions()) {
      jdbc.update("insert into pf_committee_decision (meeting_id, process_instance_id, task_key, applicant_id,"
          + " applicant_name, votes_for, votes_against, abstentions, decision, opinion, extension_reason)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, d.processInstanceId(), d.taskKey(), d.applicantId(),
          d.applicantName(), d.votesFor(), d.votesAgainst(), d.abstentions(), d.decision(), d.opinion(),
          d.extensionReason());
    }
    return id;
  }

  @Override
  public Optional<CommitteeMeeting> find(long id) {
    List<CommitteeMeeting> found = jdbc.query("select * from pf_committee_meeting where id = ?", (rs, n) ->
        new CommitteeMeeting(id, rs.getString("committee_id"), rs.getString("committee_name"),
            rs.getDate("meeting_date").toLocalDate(), members(id), decisions(id), rs.getString("recorded_by"),
            rs.getString("minutes")), id);
    return found.stream().findFirst();
  }

  private List<Member> members(long id) {
    return jdbc.query("select * from pf_committee_attendance where meeting_id = ? order by sort_order", (rs, n) ->
        new Member(rs.getString("person_id"), rs.getString("person_name"),
            Attendance.valueOf(rs.getString("attendance")), rs.getString("written_opinion")), id);
  }

  private List<Decision> decisions(long id) {
    return jdbc.query("select * from pf_committee_decision where meeting_id = ? order by applicant_name", (rs, n) ->
        new Decision(rs.getString("process_instance_id"), rs.getString("task_key"), rs.getString("applicant_id"),
            rs.getString("applicant_name"), rs.getInt("votes_for"), rs.getInt("votes_against"),
            rs.getInt("abstentions"), rs.getString("decision"), rs.getString("opinion"),
            rs.getString("extension_reason")), id);
  }
}
