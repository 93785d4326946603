package cn.partyflow.audit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one index the case search needs beyond Camunda's own: cases by organization. It is partial (only the orgId
 * rows), because an index over all variable texts would refuse long opinions on PostgreSQL. Created here rather
 * than by Flyway because the engine, not Flyway, creates the history tables, and the order of the two is not fixed.
 * H2 (the demo database) has no partial indexes and does without.
 */
@Component
class HistoryIndexes {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryIndexes.class);

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  HistoryIndexes(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void create() {
    if (!isPostgres()) {
      return;
    }
    jdbc.execute("create index if not exists pf_ix_hi_varinst_org on act_hi_varinst (text_, proc_inst_id_)"
        + " where name_ = 'orgId'");
    LOG.debug("Audit history index present");
  }

  private boolean isPostgres() {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      return false;
    }
  }
}
