package cn.partyflow.tasklist;

import cn.partyflow.organization.Groups;
import cn.partyflow.shared.StartupLock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of every role. Filters are stored task queries that Tasklist evaluates for the logged-in
 * user with the engine's filter functions ({@code ${currentUser()}}, {@code ${currentUserGroups()}},
 * {@code ${now()}}, {@code ${dateTime()}}), so one filter serves every officer; the engine's authorization checks
 * then keep each user to the tasks of their own groups. Filters are found by name and owner-less; a filter an
 * administrator has edited by hand is set back to the code's version at the next start.
 */
@Component
class TaskFilters {

  static final String MINE = "我的待办";
  static final String MY_GROUPS = "本组织待办";
  static final String DUE_SOON = "三日内到期";
  static final String OVERDUE = "已逾期";
  static final String ALL_VISIBLE = "本单位全部待办";

  /** Variables the procedures use for who and what a task is about; Tasklist shows those a task has. */
  static final List<Map<String, String>> COLUMNS = List.of(
      column("applicantName", "人员"),
      column("memberName", "党员"),
      column("itemTitle", "事项"),
      column("problem", "问题"),
      column("orgName", "组织"),
      column("deadline", "期限"));

  /** One filter: its name, who sees it, its place in the list, what it finds and what it says about itself. */
  record Definition(String name, String group, int priority, String description,
      Function<TaskService, TaskQuery> query) {}

  static final List<Definition> ALL = List.of(
      new Definition(MINE, Groups.USERS, -20, "已由我认领、由我办理的任务",
          tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
      new Definition(MY_GROUPS, Groups.USERS, -10, "交给我所在组织和岗位的任务，包括已被同事认领的",
          tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
              .includeAssignedTasks().orderByDueDate().asc()),
      new Definition(DUE_SOON, Groups.USERS, 0, "我的待办和本组织待办中，今后三天内到期的",
          tasks -> mineOrMyGroups(tasks).dueAfterExpression("${now()}")
              .dueBeforeExpression("${dateTime().plusDays(3).toDate()}").orderByDueDate().asc()),
      new Definition(OVERDUE, Groups.USERS, 10, "我的待办和本组织待办中，已过期限仍未办结的",
          tasks -> mineOrMyGroups(tasks).dueBeforeExpression("${now()}").orderByDueDate().asc()),
      new Definition(ALL_VISIBLE, Groups.UNIT_LEADERS, 20, "本单位各组织、各岗位的全部待办任务，包括已被认领的",
          tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression("${" + UnitTaskGroups.FUNCTION + "()}")
              .includeAssignedTasks().orderByDueDate().asc()));

  /**
   * The tasks whose candidates are the user (a step the model assigns to one person, {@link PersonalTaskLinks}) or one
   * of the user's groups, claimed or not: the user's own steps and those of the user's organizations and posts.
   * 已逾期 and 三日内到期 are defined by these, not by "every task the user may read": the engine then starts from the
   * candidate links of the user and the user's groups, by index, instead of testing every open task with a deadline
   * against the user's grants; a unit's leader, who reads the whole unit's tasks, has 本单位全部待办 for those.
   */
  private static TaskQuery mineOrMyGroups(TaskService tasks) {
    return tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks();
  }

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  private final StartupLock startupLock;

  TaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
      StartupLock startupLock) {
    this.startupLock = startupLock;
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10) // after DemoData has synchronized users and groups
  void onStart() {
    startupLock.exclusively(this::sync);
  }

  /** Creates the missing filters, rewrites those whose query or display differ from the code, grants them. */
  void sync() {
    for (Definition d : ALL) {
      Filter wanted = filters.newTaskFilter(d.name()).setQuery(d.query().apply(tasks)).setProperties(properties(d));
      Filter existing = filters.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(d.name())
          .list().stream().filter(f -> f.getOwner() == null).findFirst().orElse(null);
      Filter saved;
      if (existing == null) {
        saved = filters.saveFilter(wanted);
      } else if (!sameContent(existing, wanted)) {
        existing.setQuery(wanted.getQuery());
        existing.setProperties(wanted.getProperties());
        saved = filters.saveFilter(existing);
      } else {
        saved = existing;
      }
      grantRead(d.group(), saved.getId());
    }
  }

  static Map<String, Object> properties(Definition d) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("description", d.description());
    p.put("priority", d.priority());
    p.put("refresh", true);
    p.put("showUndefinedVariable", false);
    p.put("variables", COLUMNS);
    return p;
  }

  private static boolean sameContent(Filter a, Filter b) {
    return ((FilterEntity) a).getQueryInternal().equals(((FilterEntity) b).getQueryInternal())
        && ((FilterEntity) a).getPropertiesInternal().equals(((FilterEntity) b).getPropertiesInternal());
  }

  /** The groups the code grants filters to; a grant to one of them that the code no longer makes is taken back. */
  private static final List<String> FILTER_GROUPS =
      List.of(Groups.USERS, Groups.OFFICERS, Groups.AUDITORS, Groups.MANAGERS, Groups.UNIT_LEADERS);

  private void grantRead(String group, String filterId) {
    for (Authorization other : authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list()) {
      if (other.getGroupId() != null && !other.getGroupId().equals(group) && FILTER_GROUPS.contains(other.getGroupId())) {
        authorizations.deleteAuthorization(other.getId());
      }
    }
    Authorization a = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
        .resourceId(filterId).singleResult();
    if (a != null && a.isPermissionGranted(Permissions.READ)) {
      return;
    }
    if (a == null) {
      a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(group);
      a.setResource(Resources.FILTER);
      a.setResourceId(filterId);
    }
    a.addPermission(Permissions.READ);
    authorizations.saveAuthorization(a);
  }

  private static Map<String, String> column(String name, String label) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("label", label);
    return c;
  }
}
