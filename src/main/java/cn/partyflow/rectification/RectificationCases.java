package cn.partyflow.rectification;

import cn.partyflow.shared.ChinaClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The cases (pf_rectification_case): one per feedback, with its source, dates and stage. */
@Repository
class RectificationCases {

  private final JdbcTemplate jdbc;

  RectificationCases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Long caseIdOf(String processInstanceId) {
    return jdbc.query("select id from pf_rectification_case where process_instance_id = ?",
        (rs, i) -> rs.getLong(1), processInstanceId).stream().findFirst().orElse(null);
  }

  /** Records the feedback: a new case row, or the same case's row again when the registration is redone. */
  long registered(String processInstanceId, String orgId, String source, String roundName, String groupName,
      LocalDate feedbackDate, LocalDate reportDue) {
    Long caseId = caseIdOf(processInstanceId);
    Date due = reportDue == null ? null : Date.valueOf(reportDue);
    if (caseId == null) {
      jdbc.update("insert into pf_rectification_case (org_id, source, round_name, group_name, feedback_date, report_due,"
              + " status, process_instance_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          orgId, source, roundName, groupName, Date.valueOf(feedbackDate), due, "方案拟定", processInstanceId,
          Timestamp.from(ChinaClock.now()));
      return caseIdOf(processInstanceId);
    }
    jdbc.update("update pf_rectification_case set source = ?, round_name = ?, group_name = ?, feedback_date = ?,"
        + " report_due = ? where id = ?", source, roundName, groupName, Date.valueOf(feedbackDate), due, caseId);
    return caseId;
  }

  void reportDue(String processInstanceId, LocalDate reportDue) {
    jdbc.update("update pf_rectification_case set report_due = ? where process_instance_id = ?",
        Date.valueOf(reportDue), processInstanceId);
  }

  void status(String processInstanceId, String status) {
    jdbc.update("update pf_rectification_case set status = ? where process_instance_id = ?", status,
        processInstanceId);
  }
}
