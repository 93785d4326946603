package cn.partyflow.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Statements on the engine's own tables, run by engine plugins once the engine is built: the engine creates its
 * tables after Flyway has run, so indexes the application needs on them cannot be Flyway migrations.
 */
public final class EngineTables {

  private EngineTables() {}

  /** The engine's table prefix, empty when none is configured. */
  public static String prefix(ProcessEngine engine) {
    String prefix = configuration(engine).getDatabaseTablePrefix();
    return prefix == null ? "" : prefix;
  }

  /** Whether the engine's database is PostgreSQL (production) rather than H2 (the demo). */
  public static boolean isPostgres(ProcessEngine engine) {
    return "postgres".equals(configuration(engine).getDatabaseType());
  }

  /** {@code create index if not exists name on table (columns)}, the table named with the engine's prefix. */
  public static void createIndex(ProcessEngine engine, String name, String table, String columns, String purpose) {
    ProcessEngineConfigurationImpl configuration = configuration(engine);
    createIndex(configuration.getDataSource(), configuration.getDatabaseTablePrefix(), name, table, columns, purpose);
  }

  public static void createIndex(DataSource dataSource, String prefix, String name, String table, String columns,
      String purpose) {
    execute(dataSource, "create index if not exists " + name + " on " + (prefix == null ? "" : prefix) + table
        + " (" + columns + ")", "无法创建" + purpose + " " + name);
  }

  /** One statement in a connection of the engine's data source, committed; a failure stops the start. */
  public static void execute(ProcessEngine engine, String sql, String failure) {
    execute(configuration(engine).getDataSource(), sql, failure);
  }

  private static void execute(DataSource dataSource, String sql, String failure) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(failure, e);
    }
  }

  private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
