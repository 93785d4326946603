package cn.partyflow.reliability;

import cn.partyflow.EmbeddedPostgresInitializer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database on the embedded PostgreSQL, for application nodes started as separate JVMs. */
public final class ClusterDatabase {

  private ClusterDatabase() {}

  public static String create(String name) throws SQLException {
    var pg = EmbeddedPostgresInitializer.postgres();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name);
      s.execute("create database " + name);
    }
    return pg.getJdbcUrl("postgres", name);
  }
}
