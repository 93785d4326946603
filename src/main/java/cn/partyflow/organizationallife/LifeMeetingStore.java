package cn.partyflow.organizationallife;

import cn.partyflow.organizationallife.LifeMeetingRules.Decision;
import cn.partyflow.organizationallife.LifeMeetingRules.FollowUpStatus;
import cn.partyflow.organizationallife.LifeMeetingRules.MeetingInput;
import cn.partyflow.organizationallife.LifeMeetingRules.MemberRecord;
import cn.partyflow.organizationallife.LifeMeetingRules.Preparation;
import cn.partyflow.organizationallife.LifeMeetingRules.SelfExamination;
import cn.partyflow.organizationallife.LifeMeetingRules.Talk;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Member;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Tally;
import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables of 组织生活会 and 民主评议党员 ({@code pf_olm_*}); only this module writes them. */
@Repository
public class LifeMeetingStore {

  /** Where a branch's 组织生活会 stands, as its page shows it. */
  public enum Status {
    PREPARING("会前准备"),
    MEETING("待召开并评议"),
    FOLLOW_UP("不合格党员处置中"),
    CLOSED("已完成");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A branch's 组织生活会 of a year. */
  public record Case(String branchId, int year, String processInstanceId, Status status, LocalDate startedOn,
      LocalDate studyOn, String studyContent, LocalDate opinionsOn, String opinionsSummary, Integer opinionCount,
      LocalDate heldOn, String chairId, String chairName, String observer, String criticism, Integer entitled,
      Integer present, Integer votingEntitled, Integer votingPresent, String rectificationInstanceId) {}

  /** One member's row: self-examination, attendance, criticism and grade with its votes. */
  public record MemberRow(String personId, String name, boolean voting, String selfExam, String selfExamNote,
      Attendance attendance, String reason, String criticism, String grade, Map<String, Integer> votes) {}

  public record TalkRow(String talkerName, String partnerName, LocalDate on) {}

  /** A member graded 不合格 and what the branch and the 党委 decided. */
  public record FollowUp(String personId, String name, FollowUpStatus status, String disposition,
      LocalDate correctionDue, LocalDate decidedOn, Integer votesFor, Integer votesAgainst, Integer votesAbstain,
      String reason, String approvalOpinion) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  LifeMeetingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the branch's year inside the starting transaction; a second claim is refused. */
  void claim(String branchId, int year, String instanceId, LocalDate on, String user, RuleViolation refusal) {
    try {
      jdbc.update("insert into pf_olm_case (branch_id, year_no, process_instance_id, status, started_on, started_by)"
          + " values (?, ?, ?, ?, ?, ?)", branchId, year, instanceId, Status.PREPARING.name(), Date.valueOf(on), user);
    } catch (DuplicateKeyException alreadyStarted) {
      throw refusal;
    }
  }

  public Optional<Case> find(String branchId, int year) {
    return jdbc.query("select c.*, p.name chair_name from pf_olm_case c left join pf_person p on p.id = c.chair_id"
        + " where c.branch_id = ? and c.year_no = ?", (rs, i) -> new Case(rs.getString("branch_id"),
        rs.getInt("year_no"), rs.getString("process_instance_id"), Status.valueOf(rs.getString("status")),
        date(rs, "started_on"), date(rs, "study_on"), rs.getString("study_content"), date(rs, "opinions_on"),
        rs.getString("opinions_summary"), integer(rs, "opinion_count"), date(rs, "held_on"), rs.getString("chair_id"),
        rs.getString("chair_name"), rs.getString("observer"), rs.getString("criticism"), integer(rs, "entitled"),
        integer(rs, "present"), integer(rs, "voting_entitled"), integer(rs, "voting_present"),
        rs.getString("rectification_instance_id")), branchId, year).stream().findFirst();
  }

  void savePreparation(String branchId, int year, Preparation p, List<Member> members, String user) {
    jdbc.update("update pf_olm_case set study_on = ?, study_content = ?, opinions_on = ?, opinions_summary = ?,"
        + " opinion_count = ?, prepared_by = ?, status = ? where branch_id = ? and year_no = ?",
        Date.valueOf(p.studyOn()), p.studyContent().strip(), Date.valueOf(p.opinionsOn()),
        p.opinionsSummary().strip(), p.opinionCount(), user, Status.MEETING.name(), branchId, year);
    jdbc.update("delete from pf_olm_talk where branch_id = ? and year_no = ?", branchId, year);
    int seq = 0;
    for (Talk t : p.talks()) {
      jdbc.update("insert into pf_olm_talk (branch_id, year_no, seq, talker_id, partner_id, talked_on)"
          + " values (?, ?, ?, ?, ?, ?)", branchId, year, ++seq, t.talkerId(), t.partnerId(), Date.valueOf(t.on()));
    }
    jdbc.update("delete from pf_olm_member where branch_id = ? and year_no = ?", branchId, year);
    for (Member m : members) {
      SelfExamination e = p.selfExaminations().get(m.personId());
      jdbc.update("insert into pf_olm_member (branch_id, year_no, person_id, voting, self_exam, self_exam_note)"
          + " values (?, ?, ?, ?, ?, ?)", branchId, year, m.personId(), m.voting(),
          e.submitted() ? "SUBMITTED" : "NOTED", blankToNull(e.note()));
    }
  }

  void saveMeeting(String branchId, int year, MeetingInput m, Tally tally, List<Member> members, String user) {
    jdbc.update("update pf_olm_case set held_on = ?, chair_id = ?, observer = ?, criticism = ?, entitled = ?,"
        + " present = ?, voting_entitled = ?, voting_present = ?, recorded_by = ? where branch_id = ? and year_no = ?",
        Date.valueOf(m.heldOn()), m.chairId(), blankToNull(m.observer()), m.criticism().strip(), tally.entitled(),
        tally.present(), tally.votingEntitled(), tally.votingPresent(), user, branchId, year);
    for (Member member : members) {
      MemberRecord r = m.members().get(member.personId());
      int updated = jdbc.update("update pf_olm_member set attendance = ?, reason = ?, criticism = ?, grade = ?,"
          + " votes = ? where branch_id = ? and year_no = ? and person_id = ?", r.attendance().name(),
          blankToNull(r.reason()), blankToNull(r.criticism()), blankToNull(r.grade()), votes(r), branchId, year,
          member.personId());
      if (updated == 0) {
        jdbc.update("insert into pf_olm_member (branch_id, year_no, person_id, voting, attendance, reason, criticism,"
            + " grade, votes) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", branchId, year, member.personId(), member.voting(),
            r.attendance().name(), blankToNull(r.reason()), blankToNull(r.criticism()), blankToNull(r.grade()),
            votes(r));
      }
    }
    jdbc.update("delete from pf_olm_problem where branch_id = ? and year_no = ?", branchId, year);
    int seq = 0;
    for (String p : m.problems()) {
      jdbc.update("insert into pf_olm_problem (branch_id, year_no, seq, problem) values (?, ?, ?, ?)", branchId,
          year, ++seq, p.strip());
    }
  }

  void status(String branchId, int year, Status status) {
    jdbc.update("update pf_olm_case set status = ? where branch_id = ? and year_no = ?", status.name(), branchId,
        year);
  }

  void close(String branchId, int year, LocalDate on) {
    jdbc.update("update pf_olm_case set status = ?, closed_on = ? where branch_id = ? and year_no = ?",
        Status.CLOSED.name(), Date.valueOf(on), branchId, year);
  }

  void rectificationStarted(String branchId, int year, String instanceId) {
    jdbc.update("update pf_olm_case set rectification_instance_id = ? where branch_id = ? and year_no = ?",
        instanceId, branchId, year);
  }

  public List<MemberRow> members(String branchId, int year) {
    return jdbc.query("select m.*, p.name from pf_olm_member m join pf_person p on p.id = m.person_id"
        + " where m.branch_id = ? and m.year_no = ? order by m.voting desc, p.id", (rs, i) -> new MemberRow(
        rs.getString("person_id"), rs.getString("name"), rs.getBoolean("voting"), rs.getString("self_exam"),
        rs.getString("self_exam_note"), rs.getString("attendance") == null ? null
            : Attendance.valueOf(rs.getString("attendance")), rs.getString("reason"), rs.getString("criticism"),
        rs.getString("grade"), votes(rs.getString("votes"))), branchId, year);
  }

  public List<TalkRow> talks(String branchId, int year) {
    return jdbc.query("select a.name talker, b.name partner, t.talked_on from pf_olm_talk t"
        + " join pf_person a on a.id = t.talker_id join pf_person b on b.id = t.partner_id"
        + " where t.branch_id = ? and t.year_no = ? order by t.seq", (rs, i) -> new TalkRow(rs.getString("talker"),
        rs.getString("partner"), rs.getDate("talked_on").toLocalDate()), branchId, year);
  }

  public List<String> problems(String branchId, int year) {
    return jdbc.queryForList("select problem from pf_olm_problem where branch_id = ? and year_no = ? order by seq",
        String.class, branchId, year);
  }

  void openFollowUp(String branchId, int year, String personId) {
    jdbc.update("delete from pf_olm_follow_up where branch_id = ? and year_no = ? and person_id = ?", branchId, year,
        personId);
    jdbc.update("insert into pf_olm_follow_up (branch_id, year_no, person_id, status) values (?, ?, ?, ?)", branchId,
        year, personId, FollowUpStatus.DECIDING.name());
  }

  void decided(String branchId, int year, String personId, Decision d, FollowUpStatus status, String user) {
    jdbc.update("update pf_olm_follow_up set status = ?, disposition = ?, correction_due = ?, decided_on = ?,"
        + " votes_for = ?, votes_against = ?, votes_abstain = ?, reason = ?, decided_by = ?, approval_opinion = null"
        + " where branch_id = ? and year_no = ? and person_id = ?", status.name(), d.disposition().name(),
        d.correctionDue() == null ? null : Date.valueOf(d.correctionDue()), Date.valueOf(d.decidedOn()),
        d.votesFor(), d.votesAgainst(), d.votesAbstain(), d.reason().strip(), user, branchId, year, personId);
  }

  void answered(String branchId, int year, String personId, FollowUpStatus status, String opinion, String user) {
    jdbc.update("update pf_olm_follow_up set status = ?, approval_opinion = ?, approved_by = ?"
        + " where branch_id = ? and year_no = ? and person_id = ?", status.name(), blankToNull(opinion), user,
        branchId, year, personId);
  }

  public List<FollowUp> followUps(String branchId, int year) {
    return jdbc.query("select f.*, p.name from pf_olm_follow_up f join pf_person p on p.id = f.person_id"
        + " where f.branch_id = ? and f.year_no = ? order by p.id", (rs, i) -> followUp(rs), branchId, year);
  }

  Optional<FollowUp> followUp(String branchId, int year, String personId) {
    return followUps(branchId, year).stream().filter(f -> f.personId().equals(personId)).findFirst();
  }

  private static FollowUp followUp(ResultSet rs) throws SQLException {
    String disposition = rs.getString("disposition");
    return new FollowUp(rs.getString("person_id"), rs.getString("name"),
        FollowUpStatus.valueOf(rs.getString("status")), disposition == null ? null
            : LifeMeetingRules.Disposition.valueOf(disposition).label(), date(rs, "correction_due"),
        date(rs, "decided_on"), integer(rs, "votes_for"), integer(rs, "votes_against"), integer(rs, "votes_abstain"),
        rs.getString("reason"), rs.getString("approval_opinion"));
  }

  private static String votes(MemberRecord r) {
    if (r.votes() == null || r.votes().isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(r.votes());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Integer> votes(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Integer>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Removes a branch's year of 组织生活会 with every row of it (tests share one database). */
  void deleteCase(String branchId, int year) {
    for (String table : List.of("pf_olm_follow_up", "pf_olm_problem", "pf_olm_member", "pf_olm_talk", "pf_olm_case")) {
      jdbc.update("delete from " + table + " where branch_id = ? and year_no = ?", branchId, year);
    }
  }
}
