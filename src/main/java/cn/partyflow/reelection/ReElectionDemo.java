package cn.partyflow.reelection;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.StartupLock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On the first start of the demo setup, after the demo organizations: term ends that show every state of the
 * /re-election page (one overdue, one within the reminder months, the others later), counted from the day of the
 * first start.
 */
@Component
class ReElectionDemo {

  private final boolean demo;
  private final JdbcTemplate jdbc;
  private final TermStore store;
  private final StartupLock startupLock;

  ReElectionDemo(@Value("${partyflow.demo:false}") boolean demo, JdbcTemplate jdbc, TermStore store,
      StartupLock startupLock) {
    this.startupLock = startupLock;
    this.demo = demo;
    this.jdbc = jdbc;
    this.store = store;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void onStart() {
    startupLock.exclusively(this::seed);
  }

  private void seed() {
    Integer terms = jdbc.queryForObject("select count(*) from pf_re_term", Integer.class);
    Integer orgs = jdbc.queryForObject("select count(*) from pf_organization where id = 'rmyy-hq'", Integer.class);
    if (!demo || terms == null || terms > 0 || orgs == null || orgs == 0) {
      return;
    }
    LocalDate today = ChinaClock.today();
    Map<String, Integer> monthsLeft = Map.of("rmyy", 30, "rmyy-nk", 4, "rmyy-wk", 14, "rmyy-xz1", 20,
        "rmyy-hq", -2, "wjj-jgdw", 40, "wjj-jgzb", 9, "zyy", 22, "zyy-zb1", 11, "zyy-zb2", 25);
    monthsLeft.forEach((org, months) -> {
      LocalDate end = today.plusMonths(months);
      int years = org.equals("rmyy") || org.equals("wjj-jgdw") || org.equals("zyy") ? 5 : 3;
      store.setTerm(org, end, end.minusYears(years), null);
    });
  }
}
