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
 * <p>A scope that is the whole registry ({@link #whole}), or most of it ({@link #allBut}), is written as {@code column
 * in (select id from pf_organization)}, less the few organizations left out: the planner estimates each element of an
 * array it is given, which for a province's 20,421 ids took longer (100 ms and more) than running the query, while
 * the subquery is planned from the table's statistics.
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
   * The condition that {@code column} is one of {@code ids}, adding its parameter (if any) to {@code args}: for a scope
   * marked by {@link #whole} or {@link #allBut}, the registry's organizations less those left out; otherwise
   * {@code column = any(?)}.
   */
  public static String anyOf(String column, Collection<String> ids, List<Object> args) {
    if (ids instanceof Registry r) {
      String registry = column + " in (select id from pf_organization)";
      if (r.excluded.isEmpty()) {
        return registry;
      }
      args.add(ids(r.excluded));
      return "(" + registry + " and not " + anyOf(column) + ")";
    }
    args.add(ids(ids));
    return anyOf(column);
  }

  /**
   * As {@link #anyOf(String, Collection, List)} for a column whose every value is an organization of the registry (a
   * foreign key to it, or rows kept for such rows): the registry needs no condition there, only the organizations
   * left out of it.
   */
  public static String anyOfRegistered(String column, Collection<String> ids, List<Object> args) {
    if (ids instanceof Registry r) {
      if (r.excluded.isEmpty()) {
        return "1 = 1";
      }
      args.add(ids(r.excluded));
      return "not " + anyOf(column);
    }
    return anyOf(column, ids, args);
  }

  /**
   * Marks {@code ids}, every organization of the registry, as the whole scope (see
   * {@link #anyOf(String, Collection, List)}); an unmodifiable view, so {@code ids} must not change afterwards.
   */
  public static Set<String> whole(Set<String> ids) {
    return new Registry(Collections.unmodifiableSet(ids), Set.of());
  }

  /**
   * Marks {@code ids} as the registry's organizations except {@code excluded} (which together are every organization
   * of the registry); unmodifiable views, so neither may change afterwards.
   */
  public static Set<String> allBut(Set<String> ids, Set<String> excluded) {
    return new Registry(Collections.unmodifiableSet(ids), Collections.unmodifiableSet(excluded));
  }

  /** Whether {@code ids} was marked as the whole registry. */
  public static boolean isWhole(Collection<String> ids) {
    return ids instanceof Registry r && r.excluded.isEmpty();
  }

  /** Whether {@code ids} is read as the registry less some organizations ({@link #allBut}) or whole. */
  public static boolean isRegistry(Collection<String> ids) {
    return ids instanceof Registry;
  }

  private static final class Registry extends AbstractSet<String> {

    private final Set<String> ids;
    private final Set<String> excluded;

    Registry(Set<String> ids, Set<String> excluded) {
      this.ids = ids;
      this.excluded = excluded;
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
