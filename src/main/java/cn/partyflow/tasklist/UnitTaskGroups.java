package cn.partyflow.tasklist;

import cn.partyflow.organization.Groups;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.RoleAssignment;
import cn.partyflow.organization.Role;
import cn.partyflow.shared.SqlScope;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The filter function {@code ${currentUserUnitGroups()}}: the candidate groups of every organization of the units the
 * logged-in user leads (as 书记 or 分管领导 of a 党委 or 党组: the unit and the organizations below it, down to the next
 * 党委 or 党组). 本单位全部待办 lists the tasks of those groups, found from the candidate links by group. Without it
 * the list was "every task the user may read", which the engine finds by reading every open task and checking each
 * against the user's grants: 1.1 s for a 党委 of 50 branches among a province's 1,000,000 tasks.
 *
 * <p>The engine calls filter functions as public static methods of a public class; each engine finds its own
 * directory here.
 */
@Component
public class UnitTaskGroups extends AbstractProcessEnginePlugin {

  static final String FUNCTION = "currentUserUnitGroups";

  private static final Map<ProcessEngineConfiguration, UnitTaskGroups> BY_ENGINE = new ConcurrentHashMap<>();

  private final ObjectProvider<OrganizationDirectory> directories;
  private final ObjectProvider<JdbcTemplate> jdbc;

  UnitTaskGroups(ObjectProvider<OrganizationDirectory> directories, ObjectProvider<JdbcTemplate> jdbc) {
    this.directories = directories;
    this.jdbc = jdbc;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    BY_ENGINE.put(configuration, this);
    try {
      Method function = UnitTaskGroups.class.getMethod(FUNCTION);
      configuration.getExpressionManager().addFunction(FUNCTION, function);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The candidate groups of the units the current user leads; a group no task has when he leads none. */
  public static List<String> currentUserUnitGroups() {
    UnitTaskGroups groups = BY_ENGINE.get(Context.getProcessEngineConfiguration());
    String user = Context.getCommandContext().getAuthenticatedUserId();
    List<String> result = groups == null || user == null ? List.of() : groups.withTasks(groups.of(user));
    return result.isEmpty() ? List.of(Groups.UNIT_LEADERS) : result;
  }

  /**
   * Of {@code groups}, those that are a candidate of an open task. A 党委 of 50 branches has some 660 role groups, of
   * which a few dozen hold its tasks; bound all into the engine's query, PostgreSQL estimates the tasks of each
   * group from the average and, expecting 66,000 candidate links for 5,000, reads all 1,000,000 tasks instead of
   * the 5,000 by their links.
   */
  List<String> withTasks(List<String> groups) {
    JdbcTemplate template = jdbc.getIfAvailable();
    if (template == null || groups.isEmpty()) {
      return groups;
    }
    return template.queryForList("select distinct i.group_id_ from act_ru_identitylink i where i.type_ = 'candidate'"
        + " and " + SqlScope.anyOf("i.group_id_"), String.class, SqlScope.ids(groups));
  }

  List<String> of(String username) {
    OrganizationDirectory directory = directories.getIfAvailable();
    if (directory == null) {
      return List.of();
    }
    Map<String, Organization> orgs = directory.organizationsById();
    Set<String> groups = new LinkedHashSet<>();
    directory.personByUsername(username).ifPresent(person -> {
      for (RoleAssignment a : directory.roleAssignmentsOf(person.id())) {
        Organization unit = orgs.get(a.orgId());
        if (unit == null || !Groups.UNIT_LEADER_ROLES.contains(a.role()) || !unit.isUnit()) {
          continue;
        }
        Deque<Organization> todo = new ArrayDeque<>(List.of(unit));
        while (!todo.isEmpty()) {
          Organization o = todo.pop();
          for (Role r : Role.values()) {
            groups.add(Groups.roleGroup(o.id(), r));
          }
          directory.children(o.id()).stream().filter(c -> !c.isUnit()).forEach(todo::push);
        }
      }
    });
    return new ArrayList<>(groups);
  }
}
