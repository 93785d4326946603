package cn.partyflow.dues;

import cn.partyflow.memberdevelopment.ProbationaryMemberAdmitted;
import cn.partyflow.shared.ChinaClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hears from the member development module that the 党委 approved a new 预备党员 and records when the member's dues begin: from
 * the month of the 支部大会 that passed the admission (2008 regulation Art. 8), known only from the month of approval.
 * The event is published inside the approval's transaction, so the record stands or falls with the approval.
 */
@Component
public class ProbationaryDuesStart {

  private final JdbcTemplate jdbc;

  ProbationaryDuesStart(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** When the member's dues begin and from which month months can be asked for. */
  public record Start(String personId, String branchId, String duesFrom, String admittedIn) {}

  @EventListener
  void admitted(ProbationaryMemberAdmitted event) {
    String duesFrom = Periods.of(event.meetingDate());
    String heard = Periods.of(ChinaClock.today());
    String admittedIn = heard.compareTo(duesFrom) < 0 ? duesFrom : heard;
    jdbc.update("delete from pf_dues_member_start where person_id = ?", event.personId());
    jdbc.update("insert into pf_dues_member_start (person_id, branch_id, meeting_date, dues_from, admitted_in,"
            + " recorded_at) values (?, ?, ?, ?, ?, ?)", event.personId(), event.branchId(),
        Date.valueOf(event.meetingDate()), duesFrom, admittedIn, Timestamp.from(ChinaClock.now()));
  }

  public Optional<Start> of(String personId) {
    return jdbc.queryForList("select person_id, branch_id, dues_from, admitted_in from pf_dues_member_start"
        + " where person_id = ?", personId).stream().findFirst().map(ProbationaryDuesStart::start);
  }

  /** The month from which each member of the branch admitted through the event can be asked to pay. */
  Map<String, String> admittedIn(String branchId) {
    Map<String, String> months = new java.util.HashMap<>();
    jdbc.queryForList("select person_id, admitted_in from pf_dues_member_start where branch_id = ?", branchId)
        .forEach(r -> months.put((String) r.get("person_id"), (String) r.get("admitted_in")));
    return months;
  }

  private static Start start(Map<String, Object> r) {
    return new Start((String) r.get("person_id"), (String) r.get("branch_id"), (String) r.get("dues_from"),
        (String) r.get("admitted_in"));
  }
}
