package cn.partyflow.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * A user's scope (organization ids) as ONE array bind parameter, {@code column = any(?)}, instead of one parameter per
 * organization: a province's 20,421 parameters cost parsing and binding on every query, and the PostgreSQL driver
 * refuses more than 65,535 of them. Works on PostgreSQL and H2 2.x alike.
 *
 * <p>A scope that is the whole registry ({@link #whole}) is written as {@code column in (select id from
 * pf_organization)} instead: the planner estimates each element of an array it is given, which for 20,421 ids took
 * longer (100 ms and more) than running the query, while the subquery is planned from the table's statistics.
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

  /**
   * The condition that {@code column} is one of {@code ids}, adding its parameter (if any) to {@code args}: the
   * registry's organizations for a {@link #whole} scope, otherwise {@code column = any(?)}.
   */
  public static String anyOf(String column, Collection<String> ids, List<Object> args) {
    if (ids instanceof Whole) {
      return column + " in (select id from pf_organization)";
    }
    args.add(ids(ids));
    return anyOf(column);
  }

  /**
   * Marks {@code ids}, every organization of the registry, as the whole scope (see
   * {@link #anyOf(String, Collection, List)}); an unmodifiable view, so {@code ids} must not change afterwards.
   */
  public static Set<String> whole(Set<String> ids) {
    return new Whole(Collections.unmodifiableSet(ids));
  }

  /** Whether {@code ids} was marked as the whole registry. */
  public static boolean isWhole(Collection<String> ids) {
    return ids instanceof Whole;
  }

  private static final class Whole extends AbstractSet<String> {

    private final Set<String> ids;

    Whole(Set<String> ids) {
      this.ids = ids;
    }

    @Override
    public boolean contains(Object o) {
      return ids.contains(o);
    }

    @Override
    public Iterator<String> iterator() {
      return ids.iterator();
    }

    @Override
    public int size() {
      return ids.size();
    }
  }
}
