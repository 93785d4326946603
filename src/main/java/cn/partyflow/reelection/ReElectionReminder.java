package cn.partyflow.reelection;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The glue of the calendar duty {@code reElectionReminder} (换届提醒): each morning it finds the organizations whose
 * term ends within the reminder months (about six) and tells each one's higher organization, each organization in
 * its own job; a term end already reminded is skipped, so a retried job does no harm.
 */
@Component("reElectionReminder")
public class ReElectionReminder {

  private final ReElectionService service;

  ReElectionReminder(ReElectionService service) {
    this.service = service;
  }

  /** The collection of Task_RemindHigherOrganization. */
  public List<String> due() {
    return service.dueForReminder();
  }

  /** Implements one instance of Task_RemindHigherOrganization (提醒上级党组织). */
  public void remind(String orgId) {
    service.remind(orgId);
  }
}
