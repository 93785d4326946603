package cn.partyflow.organization;

import cn.partyflow.shared.KeptTables;
import cn.partyflow.shared.SqlScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the read grants of the cases already there in step with the tree. A case is granted, when it starts, to the
 * scope group of its organization and to those of every organization above it, and the tasks of its process to the
 * leaders of its unit (the nearest 党委 or 党组); an organization that moves takes its cases and those below it
 * along. Kept here: the pairs (organization, organization above it) whose grants exist ({@code pf_case_read_path}).
 * A pair that is no longer in the tree loses its grants; a new pair gets them, copied from the grants that let the
 * organization's own group read its cases; the open tasks of an organization whose line above changed are granted to
 * the leaders of its unit again. The first run after an upgrade from groups that held every organization below finds
 * no pairs and grants every case to the organizations above, once.
 */
@Component
class CaseReadPaths {

  private static final int PROCESS_INSTANCE = Resources.PROCESS_INSTANCE.resourceType();
  private static final int HISTORIC_PROCESS_INSTANCE = Resources.HISTORIC_PROCESS_INSTANCE.resourceType();
  private static final int TASK = Resources.TASK.resourceType();
  /** The permission bits of the READ that {@code CaseAccessPlugin} gives a unit's leaders on a task, and only that. */
  private static final int TASK_READ_ONLY = 2;
  private static final String CASE_RESOURCES = " in (" + PROCESS_INSTANCE + ", " + HISTORIC_PROCESS_INSTANCE + ")";

  /** The variable that names a case's organization ({@code CaseAccessPlugin.ORG_VARIABLE}). */
  private static final String ORG_VARIABLE = "orgId";

  private final JdbcTemplate jdbc;

  CaseReadPaths(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Brings the grants in step with {@code orgs}, the whole tree; changes nothing when the tree did not change. */
  @Transactional
  public void reconcile(Map<String, Organization> orgs) {
    Set<List<String>> wanted = new LinkedHashSet<>();
    for (Organization o : orgs.values()) {
      for (Organization above : above(orgs, o)) {
        wanted.add(List.of(o.id(), above.id()));
      }
    }
    Set<List<String>> kept = new HashSet<>(jdbc.query("select org_id, reader_id from pf_case_read_path",
        (rs, n) -> List.of(rs.getString(1), rs.getString(2))));
    boolean firstRun = kept.isEmpty();
    Set<String> moved = new HashSet<>();
    for (List<String> pair : kept) {
      if (!wanted.contains(pair)) {
        revoke(pair.get(0), pair.get(1));
        moved.add(pair.get(0));
      }
    }
    List<Object[]> added = new ArrayList<>();
    for (List<String> pair : wanted) {
      if (!kept.contains(pair)) {
        added.add(new Object[] {pair.get(0), pair.get(1)});
        if (!firstRun) {
          moved.add(pair.get(0));
        }
      }
    }
    if (!added.isEmpty()) {
      jdbc.batchUpdate("insert into pf_case_read_path (org_id, reader_id, pending) values (?, ?, true)", added);
      grantPending();
    }
    if (firstRun) {
      regrantTasks(orgs, orgs.keySet());
    } else if (!moved.isEmpty()) {
      // A new organization has no tasks yet; one that moved has, and so do those below it (moved with it).
      regrantTasks(orgs, moved);
    }
  }

  private static List<Organization> above(Map<String, Organization> orgs, Organization o) {
    List<Organization> chain = new ArrayList<>();
    for (Organization p = o.parentId() == null ? null : orgs.get(o.parentId()); p != null && chain.size() < orgs.size();
        p = p.parentId() == null ? null : orgs.get(p.parentId())) {
      chain.add(p);
    }
    return chain;
  }

  /** Takes from {@code reader}'s group the grants on the cases {@code org}'s group reads. */
  private void revoke(String org, String reader) {
    jdbc.update("delete from act_ru_authorization d where d.type_ = 1 and d.group_id_ = ? and d.resource_type_"
        + CASE_RESOURCES + " and exists (select 1 from act_ru_authorization o where o.type_ = 1 and o.group_id_ = ?"
        + " and o.resource_type_ = d.resource_type_ and o.resource_id_ = d.resource_id_)", reader, org);
    jdbc.update("delete from pf_case_read_path where org_id = ? and reader_id = ?", org, reader);
  }

  /** Gives each new pair's reader the grants on the cases its organization's group reads, in one statement. */
  private void grantPending() {
    jdbc.update("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_,"
        + " removal_time_, root_proc_inst_id_) select " + newId() + ", 1, 1, g.reader_id, g.resource_type_,"
        + " g.resource_id_, g.perms_, g.removal_time_, g.root_proc_inst_id_ from (select p.reader_id, a.resource_type_,"
        + " a.resource_id_, max(a.perms_) perms_, max(a.removal_time_) removal_time_,"
        + " max(a.root_proc_inst_id_) root_proc_inst_id_ from pf_case_read_path p join act_ru_authorization a"
        + " on a.group_id_ = p.org_id and a.type_ = 1 and a.resource_type_" + CASE_RESOURCES + " where p.pending"
        + " and not exists (select 1 from act_ru_authorization x where x.type_ = 1 and x.group_id_ = p.reader_id"
        + " and x.resource_type_ = a.resource_type_ and x.resource_id_ = a.resource_id_)"
        + " group by p.reader_id, a.resource_type_, a.resource_id_) g");
    jdbc.update("update pf_case_read_path set pending = false where pending");
  }

  /**
   * The open tasks of the cases of {@code changed}: a leader's read grant that is not of the organization's unit as it
   * is now goes, the unit's leaders get theirs. Worked out in Java so that a province's units take one pass.
   */
  private void regrantTasks(Map<String, Organization> orgs, Set<String> changed) {
    String tasksOf = "select t.id_ from act_ru_task t join act_ru_variable v on v.execution_id_ = t.proc_inst_id_"
        + " and v.name_ = '" + ORG_VARIABLE + "' where " + SqlScope.anyOf("v.text_");
    Map<String, Set<String>> wanted = new HashMap<>();
    jdbc.query(tasksOf.replace("select t.id_", "select t.id_, v.text_"), (RowCallbackHandler) rs -> {
      Set<String> groups = wanted.computeIfAbsent(rs.getString(1), k -> new HashSet<>());
      Organization unit = OrganizationDirectory.unitOf(orgs, rs.getString(2));
      if (unit != null) {
        Groups.UNIT_LEADER_ROLES.forEach(r -> groups.add(Groups.roleGroup(unit.id(), r)));
      }
    }, SqlScope.ids(changed));
    if (wanted.isEmpty()) {
      return;
    }
    String leaderGroups = Groups.UNIT_LEADER_ROLES.stream().map(r -> "a.group_id_ like '%." + r.code() + "'")
        .reduce((x, y) -> x + " or " + y).orElseThrow();
    List<Object[]> revoked = new ArrayList<>();
    Map<String, Set<String>> held = new HashMap<>();
    jdbc.query("select a.id_, a.resource_id_, a.group_id_, a.perms_ from act_ru_authorization a where a.type_ = 1"
        + " and a.resource_type_ = " + TASK + " and (" + leaderGroups + ") and a.resource_id_ in (" + tasksOf + ")",
        (RowCallbackHandler) rs -> {
          String task = rs.getString(2);
          String group = rs.getString(3);
          if (rs.getInt(4) == TASK_READ_ONLY && !wanted.get(task).contains(group)) {
            revoked.add(new Object[] {rs.getString(1)});
          } else {
            held.computeIfAbsent(task, k -> new HashSet<>()).add(group);
          }
        }, SqlScope.ids(changed));
    List<Object[]> granted = new ArrayList<>();
    wanted.forEach((task, groups) -> groups.stream().filter(g -> !held.getOrDefault(task, Set.of()).contains(g))
        .forEach(g -> granted.add(new Object[] {g, task})));
    jdbc.batchUpdate("delete from act_ru_authorization where id_ = ?", revoked);
    jdbc.batchUpdate("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_,"
        + " perms_) values (" + newId() + ", 1, 1, ?, " + TASK + ", ?, " + TASK_READ_ONLY + ")", granted);
  }

  private String newId() {
    return KeptTables.postgres(jdbc) ? "cast(gen_random_uuid() as varchar)" : "cast(random_uuid() as varchar)";
  }
}
