package cn.partyflow.tasklist;

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
    List<Object> who = new ArrayList<>();
    who.add(userId);
    if (!groups.isEmpty()) {
      who.add(SqlScope.ids(groups));
    }
    String whose = "(a.user_id_ in (?, '*')" + (groups.isEmpty() ? "" : " or " + SqlScope.anyOf("a.group_id_")) + ")";
    Integer revokes = jdbc.queryForObject("select count(*) from act_ru_authorization a where a.type_ = 2 and "
        + whose, Integer.class, who.toArray());
    if (revokes != null && revokes > 0) {
      return Optional.empty();
    }
    Date now = ClockUtil.getCurrentTime();
    // The filter's ${dateTime().plusDays(3)}: three calendar days in the JVM's zone, as the engine's functions do.
    Date inThreeDays = Date.from(ZonedDateTime.ofInstant(now.toInstant(), ZoneId.systemDefault()).plusDays(3)
        .toInstant());
    List<Object> args = new ArrayList<>(who);
    args.add(userId);
    if (!groups.isEmpty()) {
      args.add(SqlScope.ids(groups));
    }
    args.add(new Timestamp(now.getTime()));
    args.add(new Timestamp(now.getTime()));
    args.add(new Timestamp(inThreeDays.getTime()));
    String inGroups = groups.isEmpty() ? "1 = 0" : SqlScope.anyOf("i.group_id_");
    // mod(perms / bit, 2) is the engine's bitand, written so that H2 (the demo) and PostgreSQL both read it.
    // Each branch carries the columns counted, so the union is the answer and no second pass over the tasks follows
    // (joining the ids back to the tasks let the planner walk the whole primary key).
    String task = "select t.id_, t.assignee_, t.due_date_ from act_ru_task t";
    Map<String, Object> row = jdbc.queryForMap("with auth as (select a.resource_id_ from act_ru_authorization a"
            + " where a.type_ < 2 and " + whose + " and ((a.resource_type_ = " + Resources.TASK.resourceType()
            + " and mod(a.perms_ / " + Permissions.READ.getValue() + ", 2) = 1) or (a.resource_type_ = "
            + Resources.PROCESS_DEFINITION.resourceType() + " and mod(a.perms_ / "
            + Permissions.READ_TASK.getValue() + ", 2) = 1))),"
            + " visible as (" + task + " where t.id_ in (select resource_id_ from auth) and t.tenant_id_ is null"
            + " union " + task + " join act_re_procdef d on d.id_ = t.proc_def_id_"
            + " where d.key_ in (select resource_id_ from auth) and t.tenant_id_ is null"
            + " union " + task + " where exists (select 1 from auth where resource_id_ = '*') and t.tenant_id_ is null)"
            + " select coalesce(sum(case when v.assignee_ = ? then 1 else 0 end), 0) as mine,"
            + " coalesce(sum(case when exists (select 1 from act_ru_identitylink i where i.task_id_ = v.id_"
            + " and i.type_ = 'candidate' and " + inGroups + ") then 1 else 0 end), 0) as in_groups,"
            + " coalesce(sum(case when v.due_date_ < ? then 1 else 0 end), 0) as overdue,"
            + " coalesce(sum(case when v.due_date_ > ? and v.due_date_ < ? then 1 else 0 end), 0) as soon"
            + " from visible v",
        args.toArray());
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(TaskFilters.MINE, number(row.get("mine")));
    counts.put(TaskFilters.MY_GROUPS, number(row.get("in_groups")));
    counts.put(TaskFilters.OVERDUE, number(row.get("overdue")));
    counts.put(TaskFilters.DUE_SOON, number(row.get("soon")));
    return Optional.of(counts);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
