package cn.partyflow.tasklist;

import cn.partyflow.organization.Groups;
import cn.partyflow.shared.SqlScope;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The counts of the four role filters in one set-based query, for the home page. The engine evaluates 已逾期 and
 * 三日内到期 by due date first and checks each of those tasks against the user's authorizations, so with many open
 * tasks it tests thousands the user cannot see. Here the query starts from the user's own grants (by user and group,
 * indexed) and counts only the tasks they reach, with the same rule as the engine's check without revokes: a task is
 * readable through a grant or global authorization of the user or one of the user's groups whose resource id is the
 * task's id, its process definition's key or {@code *}, holding task READ or process-definition READ_TASK. Tenants are
 * not used by partyflow: like the engine for a user with none, only tasks without a tenant count.
 *
 * <p>When the user or a group has a revoke authorization, the engine's rule is another one; the caller then counts
 * through the engine ({@link #count} answers empty).
 */
@Component
class RoleFilterCounts {

  private final JdbcTemplate jdbc;

  RoleFilterCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** 我的待办, 本组织待办, 已逾期 and 三日内到期 by filter name, or empty when a revoke authorization applies. */
  Optional<Map<String, Long>> count(String userId, List<String> groups) {
    Grants grants = grants(userId, groups);
    if (grants.revoked()) {
      return Optional.empty();
    }
    Date now = ClockUtil.getCurrentTime();
    // The filter's ${dateTime().plusDays(3)}: three calendar days in the JVM's zone, as the engine's functions do.
    Date inThreeDays = Date.from(ZonedDateTime.ofInstant(now.toInstant(), ZoneId.systemDefault()).plusDays(3)
        .toInstant());
    List<Object> args = new ArrayList<>(grants.args());
    // Every count is of tasks assigned to the user or with the user or a group of the user as candidate: only those
    // are checked against the grants, not every task the user may read (a unit's leader reads the unit's 5,000).
    args.add(userId);
    if (!groups.isEmpty()) {
      args.add(SqlScope.ids(groups));
    }
    args.add(userId);
    String columns = "t.id_, t.name_, t.assignee_, t.due_date_, t.proc_inst_id_, t.proc_def_id_, t.tenant_id_";
    String own = "own as (select " + columns + " from act_ru_task t where t.assignee_ = ? union select " + columns
        + " from act_ru_task t"
        + " where t.id_ in (select i.task_id_ from act_ru_identitylink i where i.type_ = 'candidate' and ("
        + (groups.isEmpty() ? "" : SqlScope.anyOf("i.group_id_") + " or ") + "i.user_id_ = ?)))";
    args.add(new Timestamp(now.getTime()));
    args.add(new Timestamp(now.getTime()));
    args.add(new Timestamp(inThreeDays.getTime()));
    args.add(userId);
    if (!groups.isEmpty()) {
      args.add(SqlScope.ids(groups));
    }
    args.add(userId);
    String inGroups = groups.isEmpty() ? "1 = 0" : SqlScope.anyOf("i.group_id_");
    // 已逾期 and 三日内到期 count the tasks whose candidates are the user or the user's groups (TaskFilters).
    Map<String, Object> row = jdbc.queryForMap(visible(grants, own, "own", "t.tenant_id_ is null")
            + " select coalesce(sum(w.mine), 0) as mine, coalesce(sum(w.in_groups), 0) as in_groups,"
            + " coalesce(sum(case when w.due_date_ < ? and w.in_groups + w.named > 0 then 1 else 0 end), 0)"
            + " as overdue,"
            + " coalesce(sum(case when w.due_date_ > ? and w.due_date_ < ? and w.in_groups + w.named > 0"
            + " then 1 else 0 end), 0) as soon"
            + " from (select v.due_date_, case when v.assignee_ = ? then 1 else 0 end as mine,"
            + " case when exists (select 1 from act_ru_identitylink i where i.task_id_ = v.id_"
            + " and i.type_ = 'candidate' and " + inGroups + ") then 1 else 0 end as in_groups,"
            // A step names its assignee as its candidate (PersonalTaskLinks): only the user's own steps are looked up.
            + " case when v.assignee_ = ? then (case when exists (select 1 from act_ru_identitylink i"
            + " where i.task_id_ = v.id_ and i.type_ = 'candidate' and i.user_id_ = v.assignee_) then 1 else 0 end)"
            + " else 0 end as named"
            + " from visible v) w",
        args.toArray());
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(TaskFilters.MINE, number(row.get("mine")));
    counts.put(TaskFilters.MY_GROUPS, number(row.get("in_groups")));
    counts.put(TaskFilters.OVERDUE, number(row.get("overdue")));
    counts.put(TaskFilters.DUE_SOON, number(row.get("soon")));
    return Optional.of(counts);
  }

  /**
   * The user's open tasks of a procedure that have a deadline, earliest first (then by id), at most {@code limit}; or
   * empty when a revoke authorization applies. The engine's query sorts every task of the procedure by due date and
   * checks each against the user's grants; here only the tasks the grants reach are sorted.
   */
  Optional<List<MyTasks.Deadline>> deadlines(String userId, List<String> groups, String processKey, int limit) {
    Grants grants = grants(userId, groups);
    if (grants.revoked()) {
      return Optional.empty();
    }
    List<Object> args = new ArrayList<>(grants.args());
    args.add(processKey);
    args.add(limit);
    return Optional.of(jdbc.query(visible(grants, null, "act_ru_task", "t.tenant_id_ is null and t.due_date_ is not null")
            + " select v.id_, v.name_, v.due_date_, v.proc_inst_id_ from visible v"
            + " join act_re_procdef d on d.id_ = v.proc_def_id_ where d.key_ = ?"
            + " order by v.due_date_, v.id_ fetch first ? rows only",
        (rs, n) -> new MyTasks.Deadline(rs.getString("id_"), rs.getString("name_"),
            new Date(rs.getTimestamp("due_date_").getTime()), rs.getString("proc_inst_id_")),
        args.toArray()));
  }

  /** The user's groups other than scope groups ({@link Groups#TYPE_SCOPE}), which grant no task and no filter. */
  List<String> taskGroups(String userId) {
    return jdbc.queryForList("select m.group_id_ from act_id_membership m join act_id_group g on g.id_ = m.group_id_"
        + " where m.user_id_ = ? and (g.type_ is null or g.type_ <> ?) order by m.group_id_", String.class, userId,
        Groups.TYPE_SCOPE);
  }

  /** The condition on an authorization row that it is the user's or one of the user's groups', and its arguments. */
  private record Grants(String whose, List<Object> args, boolean revoked) {}

  private Grants grants(String userId, List<String> groups) {
    // The groups as one array: a province's 书记 is in a group per organization below (20,426 of them).
    List<Object> who = new ArrayList<>();
    who.add(userId);
    if (!groups.isEmpty()) {
      who.add(SqlScope.ids(groups));
    }
    String whose = "(a.user_id_ in (?, '*')" + (groups.isEmpty() ? "" : " or " + SqlScope.anyOf("a.group_id_"))
        + ")";
    Integer revokes = jdbc.queryForObject("select count(*) from act_ru_authorization a where a.type_ = 2 and "
        + whose, Integer.class, who.toArray());
    return new Grants(whose, who, revokes != null && revokes > 0);
  }

  /**
   * {@code with auth as (...), visible as (...)}: the tasks of {@code source} (the open tasks, or a narrower set defined
   * by {@code sourceDefinition}) the user reads, with the engine's rule without revokes.
   * mod(perms / bit, 2) is the engine's bitand, written so that H2 (the demo) and PostgreSQL both read it. Each branch
   * carries the columns the callers read, so the union is the answer and no second pass over the tasks follows
   * (joining the ids back to the tasks let the planner walk the whole primary key).
   */
  private static String visible(Grants grants, String sourceDefinition, String source, String taskCondition) {
    String task = "select t.id_, t.name_, t.assignee_, t.due_date_, t.proc_inst_id_, t.proc_def_id_"
        + " from " + source + " t";
    return "with auth as (select a.resource_id_ from act_ru_authorization a"
        + " where a.type_ < 2 and " + grants.whose() + " and ((a.resource_type_ = " + Resources.TASK.resourceType()
        + " and mod(a.perms_ / " + Permissions.READ.getValue() + ", 2) = 1) or (a.resource_type_ = "
        + Resources.PROCESS_DEFINITION.resourceType() + " and mod(a.perms_ / "
        + Permissions.READ_TASK.getValue() + ", 2) = 1))),"
        + (sourceDefinition == null ? "" : " " + sourceDefinition + ",")
        + " visible as (" + task + " where t.id_ in (select resource_id_ from auth) and " + taskCondition
        + " union " + task + " join act_re_procdef d on d.id_ = t.proc_def_id_"
        + " where d.key_ in (select resource_id_ from auth) and " + taskCondition
        + " union " + task + " where exists (select 1 from auth where resource_id_ = '*') and " + taskCondition + ")";
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
