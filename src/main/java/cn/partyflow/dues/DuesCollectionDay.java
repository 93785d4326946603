package cn.partyflow.dues;

import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The glue of the calendar duty {@code duesCollectionDay} (党费收缴日): each morning it finds out whether today is
 * the collection day (a fixed day, as the 2008 regulation recommends, moved to the next working day when that day
 * is a weekend or holiday) and, if so, starts the month's collection of every branch with approved amounts, each
 * branch in its own job. A branch already started this month is skipped, so a retried job does no harm.
 */
@Component("duesCollectionDay")
public class DuesCollectionDay {

  static final String PROCESS = "duesCollectionDay";

  private static final Logger LOG = LoggerFactory.getLogger(DuesCollectionDay.class);

  private final DuesCollectionService collections;
  private final DuesSettings properties;

  DuesCollectionDay(DuesCollectionService collections, DuesSettings properties) {
    this.collections = collections;
    this.properties = properties;
  }

  /** Implements Task_FindCollectionMonth: {@code period} is this month on its collection day, otherwise null. */
  public void findMonth(DelegateExecution execution) {
    execution.setVariable(DuesProcesses.PERIOD, dueMonth());
  }

  String dueMonth() {
    if (!properties.isScheduler()) {
      return null;
    }
    LocalDate today = ChinaClock.today();
    YearMonth month = YearMonth.from(today);
    return today.equals(collections.startDay(month)) ? Periods.of(month) : null;
  }

  /** The collection of Task_StartCollection: branches with approved amounts whose month has not started. */
  public List<String> branches(String period) {
    return collections.branchesToStart(period);
  }

  /**
   * Implements one instance of Task_StartCollection (开始支部本月党费收缴). When a manual start of the same month wins
   * the race, the database refuses this one and the job is retried, and then finds the month started.
   */
  public void start(String branchId, String period) {
    if (!collections.started(branchId, period)) {
      collections.start(branchId, period);
      LOG.info("Started the dues collection of {} for {}", branchId, period);
    }
  }
}
