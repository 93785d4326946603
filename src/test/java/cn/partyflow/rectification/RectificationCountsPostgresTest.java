package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import cn.partyflow.organization.OrganizationDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kept counts on PostgreSQL (its upsert, written when each transaction commits): the dashboard's figures after
 * every change are the items counted directly, and two connections moving items between the same rows of the counts
 * at once, as two nodes would, neither deadlock nor lose a count.
 */
@PostgresTest
class RectificationCountsPostgresTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired RectificationItems items;
  @Autowired RectificationDashboard dashboard;
  @Autowired RectificationSettings settings;
  @Autowired OrganizationDirectory directory;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final List<String> orgs = List.of("cnt-" + run + "-a", "cnt-" + run + "-b", "cnt-" + run + "-c");
  CountsScenario scenario;

  @BeforeEach
  void organizations() {
    for (String org : orgs) {
      jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
          + " values (?, null, 'COMMITTEE', ?, true, 99)", org, "计数测试" + org);
    }
    scenario = new CountsScenario(jdbc, items, dashboard, settings.dueSoonDays(),
        r -> transactions.executeWithoutResult(s -> r.run()), run, orgs.get(0), orgs.get(1), orgs.get(2));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    scenario.delete();
    String in = String.join(",", orgs.stream().map(o -> "?").toList());
    jdbc.update("delete from pf_rectification_count where org_id in (" + in + ")", orgs.toArray());
    jdbc.update("delete from pf_organization where id in (" + in + ")", orgs.toArray());
  }

  @Test
  void theDashboardFiguresFromTheCountsAreTheItemsCountedThroughEveryChange() {
    scenario.play();
  }

  @Test
  void aScopeBeyondTheDriversParameterLimitReadsTheSameFigures() {
    scenario.play();
    // More than the 65,535 bind parameters the PostgreSQL driver accepts: one array parameter has no such limit.
    scenario.assertLargeScope(70_000);
  }

  @Test
  void theRegistryWholeOrLessSomeReadsTheSameFiguresAsItsIdsListed() {
    scenario.play();
    scenario.assertRegistryScope(directory.allIds());
    List<String> tops = directory.organizations().stream().filter(o -> o.parentId() == null)
        .map(o -> o.id()).filter(id -> !id.equals(orgs.get(2))).toList();
    Set<String> allButOne = directory.subtrees(tops);
    assertThat(allButOne).doesNotContain(orgs.get(2)).contains(orgs.get(0), orgs.get(1));
    scenario.assertRegistryScope(allButOne);
  }

  @Test
  void twoConnectionsMovingItemsBetweenTheSameCountsAtOnceKeepThemExact() throws Exception {
    long caseId = scenario.newCase(orgs.get(0));
    java.time.LocalDate deadline = cn.partyflow.shared.ChinaClock.today().plusDays(20);
    transactions.executeWithoutResult(s -> items.replaceDraft(caseId, orgs.get(0), "counts-" + run, List.of(
        CountsScenario.planned(1, Rectification.TIME_BOUND, "科室甲", "leader1", deadline),
        CountsScenario.planned(2, Rectification.TIME_BOUND, "科室甲", "leader1", deadline))));
    List<Long> ids = items.itemIds(caseId);
    long first = ids.get(0);
    long second = ids.get(1);
    // Each round moves one item from 推进中 to 已退回 and the other back, so the two transactions cross the same two
    // rows of the counts in opposite directions.
    transactions.executeWithoutResult(s -> {
      items.markStatus(first, Rectification.IN_PROGRESS);
      items.markStatus(second, Rectification.RETURNED);
    });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      done.add(pool.submit(() -> toggle(first, Rectification.IN_PROGRESS, Rectification.RETURNED)));
      done.add(pool.submit(() -> toggle(second, Rectification.RETURNED, Rectification.IN_PROGRESS)));
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    scenario.assertFigures();
  }

  private void toggle(long item, String from, String to) {
    for (int round = 0; round < 40; round++) {
      String status = round % 2 == 0 ? to : from;
      transactions.executeWithoutResult(s -> {
        items.markStatus(item, status);
        items.progress(item, status, "并发");
      });
    }
  }
}
