package cn.partyflow.dues;

import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts every branch's monthly collection on the collection day (a fixed day is what the 2008 regulation
 * recommends), moved to the next working day when that day is a weekend or holiday. Runs each morning and does
 * nothing on other days; a branch already started this month is skipped, so a restart does no harm.
 */
@Component
class DuesCollectionScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(DuesCollectionScheduler.class);

  private final DuesCollectionService collections;
  private final DuesProperties properties;

  DuesCollectionScheduler(DuesCollectionService collections, DuesProperties properties) {
    this.collections = collections;
    this.properties = properties;
  }

  @Scheduled(cron = "${partyflow.dues.collection-cron:0 0 7 * * *}", zone = ChinaClock.ZONE_ID)
  void startDueCollections() {
    if (!properties.isScheduler()) {
      return;
    }
    LocalDate today = ChinaClock.today();
    YearMonth month = YearMonth.from(today);
    if (today.equals(collections.startDay(month))) {
      int started = collections.startAll(Periods.of(month)).size();
      LOG.info("Started {} dues collections for {}", started, month);
    }
  }
}
