package cn.partyflow.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * A user's scope (organization ids) as ONE array bind parameter, {@code column = any(?)}, instead of one parameter per
 * organization: a province's 20,421 parameters cost parsing and binding on every query, and the PostgreSQL driver
 * refuses more than 65,535 of them. Works on PostgreSQL and H2 2.x alike.
 */
public final class SqlScope {

  private SqlScope() {}

  /** The condition {@code column = any(?)}; bind {@link #ids} to its one parameter. */
  public static String anyOf(String column) {
    return column + " = any(?)";
  }

  /** The ids as one varchar array parameter for a {@code JdbcTemplate} argument list. */
  public static Object ids(Collection<String> ids) {
    String[] values = ids.toArray(new String[0]);
    return new AbstractSqlTypeValue() {
      @Override
      protected Object createTypeValue(Connection con, int sqlType, String typeName) throws SQLException {
        return con.createArrayOf("varchar", values);
      }
    };
  }
}
