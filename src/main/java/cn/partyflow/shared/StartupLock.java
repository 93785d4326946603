package cn.partyflow.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * What a node does to the shared database when it starts (its filters and their grants, the retention of process
 * definitions, the calendar timers, the versions of running cases, the identities derived from the registry) is done
 * by one node at a time. Nodes started together would otherwise write the same rows at once, and the engine's
 * optimistic locking or a unique key would stop the loser from starting. The lock is a row of
 * {@code pf_startup_lock} held by a transaction of its own for the length of the work, so the work itself commits as
 * it always did; a node that dies while holding it releases it with its connection.
 */
@Component
public class StartupLock {

  private final DataSource dataSource;

  StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} while no other node runs work of its own under this lock. */
  public void exclusively(Runnable work) {
    try (Connection held = dataSource.getConnection()) {
      boolean autoCommit = held.getAutoCommit();
      held.setAutoCommit(false);
      try {
        try (Statement s = held.createStatement()) {
          s.executeQuery("select id from pf_startup_lock where id = 1 for update").close();
        }
        work.run();
      } finally {
        held.rollback();
        held.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("startup lock", e);
    }
  }
}
