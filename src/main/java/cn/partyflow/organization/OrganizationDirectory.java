package cn.partyflow.organization;

import cn.partyflow.shared.KeptTables;
import cn.partyflow.shared.SqlScope;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Reads the organization tree, the people in it and who holds which role. The tree is read whole only when its
 * version stamp (pf_organization_version, set by a trigger on every write to pf_organization, V121) differs from the
 * one it was read at: each request reads that one row instead of every organization (20,000 in a province), and a
 * change committed by any node or script is seen by the next request on every node. On H2 (the demo: one node, a few
 * dozen organizations) there is no stamp and the table is read each time.
 */
@Service
public class OrganizationDirectory {

  static final String PERSON_COLUMNS =
      "id, name, gender, birth_date, status, org_id, username, email, phone, application_date, activist_date,"
          + " target_date, admission_date, full_member_date, on_probation_discipline";

  private static final RowMapper<Organization> ORGANIZATION = (rs, i) -> new Organization(
      rs.getString("id"),
      rs.getString("parent_id"),
      OrganizationKind.valueOf(rs.getString("kind")),
      rs.getString("name"),
      rs.getBoolean("approval_power"),
      rs.getInt("sort_order"));

  static final RowMapper<Person> PERSON = (rs, i) -> new Person(
      rs.getString("id"),
      rs.getString("name"),
      rs.getString("gender"),
      date(rs, "birth_date"),
      MemberStatus.valueOf(rs.getString("status")),
      rs.getString("org_id"),
      rs.getString("username"),
      rs.getString("email"),
      rs.getString("phone"),
      date(rs, "application_date"),
      date(rs, "activist_date"),
      date(rs, "target_date"),
      date(rs, "admission_date"),
      date(rs, "full_member_date"),
      rs.getBoolean("on_probation_discipline"));

  /** Deeper than any party organization tree (党组 → 党委 → 党总支 → 党支部 → 党小组); stops a cycle in bad data. */
  private static final int MAX_DEPTH = 32;

  private final JdbcTemplate jdbc;

  /** The tree as read at a version stamp; immutable, shared by every request until the stamp moves. */
  private record Tree(long version, List<Organization> organizations, Map<String, Organization> byId,
      Map<String, List<Organization>> children, Set<String> ids, OrganizationChoices choices) {}

  private volatile Tree tree;
  private volatile Boolean stamped;

  OrganizationDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every organization in sort order (unmodifiable). */
  public List<Organization> organizations() {
    return tree().organizations();
  }

  /** Every organization by id (unmodifiable). */
  public Map<String, Organization> organizationsById() {
    return tree().byId();
  }

  /** The options of the organization filters, built with the tree and kept as long as it is. */
  public OrganizationChoices organizationChoices() {
    return tree().choices();
  }

  private Tree tree() {
    if (!stamped()) {
      return read(0);
    }
    // The stamp is read before the table, so a tree is never kept under a newer stamp than its rows.
    long version = jdbc.queryForObject("select version from pf_organization_version where id = 1", Long.class);
    Tree current = tree;
    if (current != null && current.version() == version) {
      return current;
    }
    Tree read = read(version);
    tree = read;
    return read;
  }

  private Tree read(long version) {
    List<Organization> all = List.copyOf(jdbc.query("select * from pf_organization order by sort_order, id",
        ORGANIZATION));
    Map<String, List<Organization>> children = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Organization o : all) {
      ids.add(o.id());
      if (o.parentId() != null) {
        children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
      }
    }
    children.replaceAll((k, v) -> List.copyOf(v));
    return new Tree(version, all, Collections.unmodifiableMap(all.stream()
        .collect(Collectors.toMap(Organization::id, Function.identity()))), Collections.unmodifiableMap(children),
        SqlScope.whole(ids), new OrganizationChoices(all));
  }

  /** Every organization's id, marked as the whole registry for queries ({@link SqlScope#whole}). */
  public Set<String> allIds() {
    return tree().ids();
  }

  /**
   * The organization and every organization above it, nearest first, from the cached tree; empty for an id the
   * registry does not hold.
   */
  public List<Organization> lineage(String orgId) {
    Map<String, Organization> byId = organizationsById();
    List<Organization> chain = new ArrayList<>();
    for (Organization o = byId.get(orgId); o != null && chain.size() <= MAX_DEPTH;
        o = o.parentId() == null ? null : byId.get(o.parentId())) {
      chain.add(o);
    }
    return chain;
  }

  /**
   * The nearest 党委 or 党组 at or above an organization (the unit whose leaders oversee its work), or empty.
   */
  public Optional<Organization> unit(String orgId) {
    return Optional.ofNullable(unitOf(organizationsById(), orgId));
  }

  /** The nearest 党委 or 党组 at or above {@code orgId} in {@code orgs}, or null. */
  static Organization unitOf(Map<String, Organization> orgs, String orgId) {
    int depth = 0;
    for (Organization o = orgs.get(orgId); o != null && depth++ <= MAX_DEPTH;
        o = o.parentId() == null ? null : orgs.get(o.parentId())) {
      if (o.isUnit()) {
        return o;
      }
    }
    return null;
  }

  /** The organizations directly below {@code orgId}, in sort order. */
  public List<Organization> children(String orgId) {
    return tree().children().getOrDefault(orgId, List.of());
  }

  /**
   * The organizations {@code roots} and everything below them, read from the cached tree's children (a walk over
   * the result, not over the registry once per level). More than half the registry comes back marked as the registry
   * less what is left out ({@link SqlScope#allBut}), so that queries list the few left out instead of the many in.
   */
  public Set<String> subtrees(Collection<String> roots) {
    Tree t = tree();
    Set<String> result = new LinkedHashSet<>();
    Deque<String> open = new ArrayDeque<>();
    for (String root : roots) {
      if (result.add(root)) {
        open.add(root);
      }
    }
    while (!open.isEmpty()) {
      for (Organization child : t.children().getOrDefault(open.poll(), List.of())) {
        if (result.add(child.id())) {
          open.add(child.id());
        }
      }
    }
    if (result.size() * 2 < t.ids().size() || !t.ids().containsAll(result)) {
      return result;
    }
    if (result.size() == t.ids().size()) {
      return t.ids();
    }
    Set<String> excluded = new LinkedHashSet<>(t.ids());
    excluded.removeAll(result);
    return SqlScope.allBut(result, excluded);
  }

  /**
   * The top organizations of {@code visible} (a scope of whole subtrees): those whose parent is not in it, in sort
   * order. Their subtrees are the scope again.
   */
  public List<String> tops(Set<String> visible) {
    return organizations().stream().filter(o -> visible.contains(o.id()))
        .filter(o -> o.parentId() == null || !visible.contains(o.parentId())).map(Organization::id).toList();
  }

  /** Whether the database keeps the stamp (PostgreSQL, migration V121). */
  private boolean stamped() {
    Boolean s = stamped;
    if (s == null) {
      s = KeptTables.postgres(jdbc);
      stamped = s;
    }
    return s;
  }

  public Optional<Organization> organization(String id) {
    return jdbc.query("select * from pf_organization where id = ?", ORGANIZATION, id).stream().findFirst();
  }

  /** The organization itself first, then its parent, up to the top (read by one recursive query). */
  public List<Organization> selfAndAncestors(String orgId) {
    return jdbc.query("with recursive chain (id, depth) as (select id, 0 from pf_organization where id = ?"
        + " union all select o.parent_id, c.depth + 1 from pf_organization o join chain c on o.id = c.id"
        + " where o.parent_id is not null and c.depth < " + MAX_DEPTH + ")"
        + " select o.* from chain c join pf_organization o on o.id = c.id order by c.depth", ORGANIZATION, orgId);
  }

  /** The organization and everything below it. */
  public Set<String> selfAndDescendants(String orgId) {
    return selfAndDescendants(List.of(orgId), organizations());
  }

  static Set<String> selfAndDescendants(Collection<String> roots, List<Organization> all) {
    Set<String> result = new LinkedHashSet<>(roots);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Organization o : all) {
        if (o.parentId() != null && result.contains(o.parentId()) && result.add(o.id())) {
          grew = true;
        }
      }
    }
    return result;
  }

  public Optional<Person> person(String id) {
    return jdbc.query("select " + PERSON_COLUMNS + " from pf_person where id = ?", PERSON, id).stream().findFirst();
  }

  public Optional<Person> personByUsername(String username) {
    return jdbc.query("select " + PERSON_COLUMNS + " from pf_person where username = ?", PERSON, username)
        .stream().findFirst();
  }

  public List<Person> people(Collection<String> orgIds) {
    if (orgIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select " + PERSON_COLUMNS + " from pf_person where " + SqlScope.anyOf("org_id")
        + " order by org_id, id", PERSON, SqlScope.ids(orgIds));
  }

  public List<Person> peopleWithLogin() {
    return jdbc.query("select " + PERSON_COLUMNS + " from pf_person where username is not null", PERSON);
  }

  public List<Person> holders(String orgId, Role role) {
    return jdbc.query("select " + prefixed("p") + " from pf_person p join pf_role_assignment r on r.person_id = p.id"
        + " where r.org_id = ? and r.role = ? order by p.id", PERSON, orgId, role.name());
  }

  /**
   * {@link #holders} of each organization right below one of {@code parentIds}, in one query (for a page that lists
   * many 党委s); organizations without a holder are absent.
   */
  public Map<String, List<Person>> holdersBelow(Collection<String> parentIds, Role role) {
    Map<String, List<Person>> out = new HashMap<>();
    if (parentIds.isEmpty()) {
      return out;
    }
    jdbc.query("select " + prefixed("p") + ", r.org_id as held_org_id from pf_person p"
        + " join pf_role_assignment r on r.person_id = p.id join pf_organization o on o.id = r.org_id"
        + " where " + SqlScope.anyOf("o.parent_id") + " and r.role = ? order by p.id", rs -> {
          out.computeIfAbsent(rs.getString("held_org_id"), o -> new ArrayList<>()).add(PERSON.mapRow(rs, 0));
        }, SqlScope.ids(parentIds), role.name());
    return out;
  }

  public boolean isVacant(String orgId, Role role) {
    Integer n = jdbc.queryForObject("select count(*) from pf_role_assignment r join pf_person p on p.id = r.person_id"
        + " where r.org_id = ? and r.role = ? and p.username is not null", Integer.class, orgId, role.name());
    return n == null || n == 0;
  }

  public List<RoleAssignment> roleAssignments() {
    return jdbc.query("select org_id, person_id, role from pf_role_assignment order by org_id, role, person_id",
        (rs, i) -> new RoleAssignment(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))));
  }

  public List<RoleAssignment> roleAssignmentsOf(String personId) {
    return jdbc.query("select org_id, person_id, role from pf_role_assignment where person_id = ?",
        (rs, i) -> new RoleAssignment(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3))), personId);
  }

  private static String prefixed(String alias) {
    return java.util.Arrays.stream(PERSON_COLUMNS.split(",\\s*")).map(c -> alias + "." + c)
        .collect(Collectors.joining(", "));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
