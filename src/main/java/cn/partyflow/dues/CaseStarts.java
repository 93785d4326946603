package cn.partyflow.dues;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.sql.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One case per business key, kept by the database. The history query before a start only reads what has been
 * committed, so two starts at once (two nodes' schedules, or an officer and the schedule) would both pass it; the
 * key's row in {@code pf_dues_case_start} is written in the starting transaction, and the second writer waits for the
 * first and is then refused. Call it inside the transaction that starts the case.
 */
final class CaseStarts {

  private CaseStarts() {}

  static void claim(JdbcTemplate jdbc, String processKey, String businessKey, RuleViolation refusal) {
    try {
      jdbc.update("insert into pf_dues_case_start (process_key, business_key, started_at) values (?, ?, ?)",
          processKey, businessKey, Timestamp.from(ChinaClock.now()));
    } catch (DuplicateKeyException alreadyStarted) {
      throw refusal;
    }
  }
}
