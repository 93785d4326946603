package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures read from the kept counts on H2 (the demo's database, its MERGE upsert): after every change
 * an item goes through they equal the figures counted from the items, and a rebuild restores lost counts.
 */
class RectificationCountsTest {

  final RectificationFixture fx = new RectificationFixture("counts-" + java.util.UUID.randomUUID());
  final RectificationDashboard dashboard = new RectificationDashboard(fx.jdbc, fx.settings, fx.levels);
  final CountsScenario scenario = new CountsScenario(fx.jdbc, fx.items, dashboard, fx.settings.dueSoonDays(),
      Runnable::run, "h2", "rmyy", "rmyy-nk", "wjj");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theDashboardFiguresFromTheCountsAreTheItemsCountedThroughEveryChange() {
    scenario.play();
  }

  @Test
  void aScopeOfH2sLargestArrayReadsTheSameFigures() {
    scenario.play();
    // H2 2.x refuses arrays of more than 65,536 elements; the demo it serves has a handful of organizations.
    scenario.assertLargeScope(65_536);
  }

  @Test
  void aRebuildCountsTheItemsAnew() {
    scenario.play();
    fx.jdbc.update("delete from pf_rectification_count where org_id = 'rmyy-nk'");
    fx.jdbc.update("update pf_rectification_count set n = n + 5 where org_id = 'rmyy'");
    new RectificationCounts(fx.jdbc, fx.levels).rebuild();
    scenario.assertFigures();
    assertThat(fx.jdbc.queryForObject("select sum(n) from pf_rectification_count", Long.class))
        .isEqualTo(fx.jdbc.queryForObject("select count(*) from pf_rectification_item", Long.class));
  }
}
