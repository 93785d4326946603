package cn.partyflow.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tables the application keeps from others (counts, totals, the organization tree's stamp): which database holds them,
 * as their upserts and triggers differ between PostgreSQL and H2 (the demo), the changes a transaction gathers for
 * them until it commits, and their rebuild from the source table.
 */
public final class KeptTables {

  private KeptTables() {}

  /** Per data source, whether it is PostgreSQL: asked of a connection once, not at every write of a kept table. */
  private static final Map<DataSource, Boolean> POSTGRES = Collections.synchronizedMap(new WeakHashMap<>());

  /** Whether the database behind {@code jdbc} is PostgreSQL (production) rather than H2 (the demo). */
  public static boolean postgres(JdbcTemplate jdbc) {
    DataSource source = jdbc.getDataSource();
    if (source == null) {
      return jdbc.execute((ConnectionCallback<Boolean>) KeptTables::postgres);
    }
    return POSTGRES.computeIfAbsent(source, s -> jdbc.execute((ConnectionCallback<Boolean>) KeptTables::postgres));
  }

  private static boolean postgres(Connection con) throws SQLException {
    return con.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  /**
   * The statement that stamps the rows of {@code kept} (a table kept per subtree, registered in pf_kept_tree_version)
   * with the version of the organization tree they were counted over; PostgreSQL only (V121 keeps the version there).
   */
  public static String treeStamp(String kept) {
    return "update pf_kept_tree_version set version = (select version from pf_organization_version where id = 1)"
        + " where kept = '" + kept + "'";
  }

  /**
   * Whether the rows of {@code kept} were counted over the tree as it is now: false on H2 (the demo keeps no version
   * of the tree) and after a change of the tree that did not count them anew.
   */
  public static boolean overCurrentTree(JdbcTemplate jdbc, String kept) {
    return postgres(jdbc) && jdbc.queryForObject("select count(*) from pf_kept_tree_version k,"
        + " pf_organization_version v where k.kept = ? and v.id = 1 and k.version = v.version", Long.class, kept) > 0;
  }

  /**
   * Empties {@code kept} and fills it again with {@code insert}, which reads {@code source} (one table, or several
   * separated by commas), then runs {@code after} (a stamp of what it was counted over): in the caller's transaction
   * if there is one, else in a transaction of its own. On PostgreSQL it holds writes to the source for its duration,
   * so no change made meanwhile is lost.
   */
  public static void rebuild(JdbcTemplate jdbc, String source, String kept, String insert, String... after) {
    jdbc.execute((ConnectionCallback<Void>) con -> {
      boolean own = con.getAutoCommit();
      if (own) {
        con.setAutoCommit(false);
      }
      try (Statement s = con.createStatement()) {
        if (postgres(con)) {
          s.execute("lock table " + source + " in share mode");
          s.execute("lock table " + kept + " in exclusive mode");
        }
        s.executeUpdate("delete from " + kept);
        s.executeUpdate(insert);
        for (String statement : after) {
          s.executeUpdate(statement);
        }
        if (own) {
          con.commit();
        }
      } catch (SQLException | RuntimeException e) {
        if (own) {
          con.rollback();
        }
        throw e;
      } finally {
        if (own) {
          con.setAutoCommit(true);
        }
      }
      return null;
    });
  }

  /**
   * The changes {@code owner} gathers in the current transaction, flushed by {@code flush} on its connection just before
   * it commits (so they commit or roll back with it); null outside a transaction, where the caller writes at once.
   */
  public static <A> A beforeCommit(Object owner, Supplier<A> gathered, Consumer<A> flush) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Pending<?> p && p.owner == owner) {
        @SuppressWarnings("unchecked")
        A changes = (A) p.changes;
        return changes;
      }
    }
    Pending<A> pending = new Pending<>(owner, gathered.get(), flush);
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending.changes;
  }

  private static final class Pending<A> implements TransactionSynchronization {
    final Object owner;
    final A changes;
    final Consumer<A> flush;

    Pending(Object owner, A changes, Consumer<A> flush) {
      this.owner = owner;
      this.changes = changes;
      this.flush = flush;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      flush.accept(changes);
    }
  }
}
