package cn.partyflow.organization;

import cn.partyflow.shared.KeptTables;
import cn.partyflow.shared.SqlScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The 发展党员 pipeline kept per level (pf_person_stage_level, V137): for each organization and stage on the way in,
 * the people at that stage in the organization and everything below it. A province's secretary's home then reads one
 * row per stage of each city instead of counting the 200,000 people on the way in per request ({@link Roster}).
 *
 * <p>A writer of a person's status or organization reports the move with {@link #moved}; the changes of a
 * transaction are summed per row and written just before it commits, as upserts in one fixed order of the rows (as
 * {@code RectificationCounts} does), so two cases moving people at once neither lose a count nor wait for each other
 * in a cycle. A person counts at every organization above his own, so a change of the tree changes the rows: the
 * import counts anew, in the transaction that writes organizations or people, the rows of the organizations whose
 * subtree it changed ({@link #recount}); on PostgreSQL the rows carry the tree's version stamp they were counted over,
 * so {@link #below} refuses rows the tree has moved away from (a change written around the import) and the caller
 * counts from the registry, and the next import then counts every row anew ({@link #rebuild}).
 */
@Repository
public class PersonStageLevels {

  /** The stages on the way in, the only ones kept (正式党员 and 群众 are nearly every person and never shown). */
  static final List<MemberStatus> STAGES = List.of(MemberStatus.APPLICANT, MemberStatus.ACTIVIST,
      MemberStatus.TARGET, MemberStatus.PROBATIONARY);

  private static final String TABLE = "pf_person_stage_level";

  /** Deeper than any party organization tree; stops a cycle in bad data (as the directory's recursive reads do). */
  private static final int MAX_DEPTH = 32;

  /** Every person on the way in counted at his organization and each one above it; V137 backfills with the same. */
  private static final String REBUILD = "insert into pf_person_stage_level (org_id, status, n) with recursive"
      + " up (ancestor_id, org_id, depth) as (select id, id, 0 from pf_organization union all"
      + " select o.parent_id, u.org_id, u.depth + 1 from up u join pf_organization o on o.id = u.ancestor_id"
      + " where o.parent_id is not null and u.depth < " + MAX_DEPTH + ")"
      + " select u.ancestor_id, p.status, count(*) from pf_person p join up u on u.org_id = p.org_id"
      + " where p.status in ('APPLICANT', 'ACTIVIST', 'TARGET', 'PROBATIONARY') group by u.ancestor_id, p.status";

  private static final String STAMP = "update pf_kept_tree_version set version = (select version"
      + " from pf_organization_version where id = 1) where kept = '" + TABLE + "'";

  private static final String CURRENT = "select count(*) from pf_kept_tree_version k, pf_organization_version v"
      + " where k.kept = '" + TABLE + "' and v.id = 1 and k.version = v.version";

  /**
   * The rows of some organizations (the first parameter) counted anew from their own people on the way in and the
   * kept rows of their children (the second parameter, the same organizations), which must be right already.
   */
  private static final String RECOUNT = "insert into pf_person_stage_level (org_id, status, n) select org_id, status,"
      + " sum(n) from (select p.org_id, p.status, count(*) n from pf_person p where " + SqlScope.anyOf("p.org_id")
      + " and p.status in ('APPLICANT', 'ACTIVIST', 'TARGET', 'PROBATIONARY') group by p.org_id, p.status union all"
      + " select o.parent_id, k.status, k.n from pf_organization o join pf_person_stage_level k on k.org_id = o.id"
      + " where " + SqlScope.anyOf("o.parent_id") + ") s group by org_id, status";

  private static final String HOLD_TREE = "select version from pf_organization_version where id = 1 for update";

  private static final String STAMPED = "select version from pf_kept_tree_version where kept = '" + TABLE + "'";

  private static final String UPSERT_POSTGRES = "insert into pf_person_stage_level (org_id, status, n)"
      + " values (?, ?, ?) on conflict (org_id, status) do update set n = pf_person_stage_level.n + excluded.n";

  private static final String UPSERT_H2 = "merge into pf_person_stage_level k using (select"
      + " cast(? as varchar(64)) org_id, cast(? as varchar(20)) status, cast(? as bigint) n) s"
      + " on (k.org_id = s.org_id and k.status = s.status) when matched then update set n = k.n + s.n"
      + " when not matched then insert (org_id, status, n) values (s.org_id, s.status, s.n)";

  /** A row of the kept counts. */
  private record Key(String orgId, MemberStatus status) {
    static final Comparator<Key> ORDER = Comparator.comparing(Key::orgId).thenComparing(Key::status);
  }

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;

  PersonStageLevels(JdbcTemplate jdbc, OrganizationDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /**
   * A person left {@code fromStatus} in {@code fromOrg} for {@code toStatus} in {@code toOrg} (a null organization:
   * he was not, or is no longer, in the registry). Counted before the transaction commits, or at once outside one.
   */
  void moved(String fromOrg, MemberStatus fromStatus, String toOrg, MemberStatus toStatus) {
    Map<Key, Long> deltas = new TreeMap<>(Key.ORDER);
    Map<String, Organization> tree = directory.organizationsById();
    if (fromOrg != null && STAGES.contains(fromStatus)) {
      selfAndAbove(fromOrg, tree).forEach(o -> deltas.merge(new Key(o, fromStatus), -1L, Long::sum));
    }
    if (toOrg != null && STAGES.contains(toStatus)) {
      selfAndAbove(toOrg, tree).forEach(o -> deltas.merge(new Key(o, toStatus), 1L, Long::sum));
    }
    Map<Key, Long> pending = KeptTables.beforeCommit(this, () -> new TreeMap<>(Key.ORDER), this::write);
    if (pending == null) {
      write(deltas);
      return;
    }
    deltas.forEach((key, delta) -> pending.merge(key, delta, Long::sum));
  }

  /**
   * Counts every person anew over the tree as it is now, set-based: after the import wrote organizations or people,
   * or after a bulk load (the benchmark's seed). On PostgreSQL it holds writes to people and organizations for its
   * duration, so no change is lost, and stamps the rows with the tree's version.
   */
  public void rebuild() {
    if (KeptTables.postgres(jdbc)) {
      KeptTables.rebuild(jdbc, "pf_person, pf_organization", TABLE, REBUILD, STAMP);
    } else {
      KeptTables.rebuild(jdbc, "pf_person, pf_organization", TABLE, REBUILD);
    }
  }

  /**
   * Taken by the import before it writes organizations or people, in its transaction: on PostgreSQL it holds every
   * other writer of the tree until that transaction ends (their trigger updates the stamp row locked here) and answers
   * whether the kept rows were counted over the tree as it is, so that counting anew only what the import changes
   * leaves every row right. On H2 (the demo: one node, no stamp) always true; false outside a transaction, where
   * nothing stays held and {@link #recount} counts every row.
   */
  boolean holdTree() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      return false;
    }
    if (!KeptTables.postgres(jdbc)) {
      return true;
    }
    Long version = jdbc.queryForObject(HOLD_TREE, Long.class);
    List<Long> stamped = jdbc.queryForList(STAMPED, Long.class);
    return !stamped.isEmpty() && stamped.get(0).equals(version);
  }

  /**
   * After the import wrote organizations or people: counts anew the rows of {@code changed} (the organizations it
   * wrote, and those its people left or joined) and of every organization above them in the tree {@code before} and
   * in the tree {@code after} it (an organization that moved leaves the one and joins the other), when
   * {@code current} (from {@link #holdTree}, taken before the writes) says the other rows are right; every row
   * otherwise. An organization's row is its own people plus its children's rows, so the rows are counted deepest
   * first, one statement per level: an import into one branch of a province counts its few organizations, not the
   * 200,000 people on the way in below the province (see README, benchmark). On PostgreSQL it holds writes to people
   * until the transaction ends, as {@link #rebuild} does, so no change made meanwhile is lost, and stamps the rows with
   * the tree's version.
   */
  void recount(boolean current, Collection<String> changed, Map<String, Organization> before,
      Map<String, Organization> after) {
    if (!current) {
      rebuild();
      return;
    }
    Set<String> affected = new HashSet<>();
    for (String orgId : changed) {
      affected.addAll(selfAndAbove(orgId, before));
      affected.addAll(selfAndAbove(orgId, after));
    }
    affected.retainAll(after.keySet());
    if (affected.isEmpty()) {
      return;
    }
    Map<Integer, List<String>> byDepth = new TreeMap<>(Comparator.reverseOrder());
    affected.forEach(o -> byDepth.computeIfAbsent(selfAndAbove(o, after).size(), k -> new ArrayList<>()).add(o));
    boolean postgres = KeptTables.postgres(jdbc);
    if (postgres) {
      jdbc.execute("lock table pf_person in share mode");
    }
    for (List<String> level : byDepth.values()) {
      Collections.sort(level);
      jdbc.update("delete from " + TABLE + " where " + SqlScope.anyOf("org_id"), SqlScope.ids(level));
      jdbc.update(RECOUNT, SqlScope.ids(level), SqlScope.ids(level));
    }
    if (postgres) {
      jdbc.update(STAMP);
    }
  }

  /**
   * For each organization of {@code orgIds}, its people and those of everything below it at each stage on the way
   * in (absent stages and organizations: 0); empty when the kept rows may not match the tree: on H2 (the demo keeps
   * no version stamp of the tree) or when the tree changed since they were counted.
   */
  Optional<Map<String, Map<MemberStatus, Long>>> below(Collection<String> orgIds) {
    if (!KeptTables.postgres(jdbc) || jdbc.queryForObject(CURRENT, Long.class) == 0) {
      return Optional.empty();
    }
    Map<String, Map<MemberStatus, Long>> counts = new HashMap<>();
    if (orgIds.isEmpty()) {
      return Optional.of(counts);
    }
    List<Object> args = new ArrayList<>();
    String scope = SqlScope.anyOf("org_id", orgIds, args);
    jdbc.query("select org_id, status, n from pf_person_stage_level where " + scope,
        (RowCallbackHandler) rs -> counts.computeIfAbsent(rs.getString("org_id"), k -> new EnumMap<>(MemberStatus.class))
            .put(MemberStatus.valueOf(rs.getString("status")), rs.getLong("n")),
        args.toArray());
    return Optional.of(counts);
  }

  private static List<String> selfAndAbove(String orgId, Map<String, Organization> tree) {
    List<String> result = new ArrayList<>();
    Organization o = tree.get(orgId);
    while (o != null && result.size() <= MAX_DEPTH) {
      result.add(o.id());
      o = o.parentId() == null ? null : tree.get(o.parentId());
    }
    return result;
  }

  private void write(Map<Key, Long> deltas) {
    TreeMap<Key, Long> ordered = new TreeMap<>(Key.ORDER);
    ordered.putAll(deltas);
    ordered.forEach((key, delta) -> {
      if (delta == 0) {
        return;
      }
      jdbc.update(KeptTables.postgres(jdbc) ? UPSERT_POSTGRES : UPSERT_H2, key.orgId(), key.status().name(), delta);
      if (delta < 0) {
        jdbc.update("delete from pf_person_stage_level where org_id = ? and status = ? and n = 0", key.orgId(),
            key.status().name());
      }
    });
  }
}
