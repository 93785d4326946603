package cn.partyflow.tasklist;

import cn.partyflow.shared.RequestMemo;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What Tasklist would show a user, asked from outside Tasklist (the home page): the counts of the role filters and
 * the next deadlines of a procedure. Everything runs as that user, so the engine's filter expressions
 * ({@code ${currentUser()}}) and authorization checks give the same answers as Tasklist does.
 */
@Service
public class MyTasks {

  /** The filters a user's home shows, in the order they are shown. */
  static final List<String> HOME_FILTERS =
      List.of(TaskFilters.MINE, TaskFilters.MY_GROUPS, TaskFilters.OVERDUE, TaskFilters.DUE_SOON);

  /** "Has a deadline": the task query cannot ask for a due date that is set, only for one before a date. */
  private static final Date NO_LATER = Date.from(java.time.Instant.parse("9999-12-31T00:00:00Z"));

  /** One Tasklist filter with its id (for the link {@code #/?filter=<id>}) and the user's count. */
  public record FilterCount(String name, String filterId, long count) {}

  /** An open task with a deadline. */
  public record Deadline(String taskId, String name, Date due, String processInstanceId) {}

  private final FilterService filters;
  private final TaskService tasks;
  private final IdentityService identity;
  private final RoleFilterCounts roleCounts;
  /** The stored query of each home filter as the code defines it (TaskFilters), for telling an edited filter. */
  private final Map<String, String> definedQueries = new ConcurrentHashMap<>();

  MyTasks(FilterService filters, TaskService tasks, IdentityService identity, RoleFilterCounts roleCounts) {
    this.filters = filters;
    this.tasks = tasks;
    this.identity = identity;
    this.roleCounts = roleCounts;
  }

  /**
   * 我的待办, 本组织待办, 已逾期 and 三日内到期 as the user's Tasklist counts them; a filter the user may not read is left
   * out. The counts come from one query over the user's grants ({@link RoleFilterCounts}); a filter whose stored query
   * is no longer the code's (edited by hand since the last start) or a user with a revoke authorization is counted
   * by the engine itself.
   */
  public List<FilterCount> filterCounts(String userId) {
    List<String> groups = groupsOf(userId);
    return asUser(userId, groups, () -> {
      List<FilterCount> counts = new ArrayList<>();
      // One read of the shared filters for all the cards, rather than one query per card.
      List<Filter> shared = filters.createFilterQuery().filterResourceType(EntityTypes.TASK).list().stream()
          .filter(f -> f.getOwner() == null).toList();
      Map<String, Long> counted = null;
      for (String name : HOME_FILTERS) {
        Filter filter = shared.stream().filter(f -> name.equals(f.getName())).findFirst().orElse(null);
        if (filter == null) {
          continue;
        }
        Long n = null;
        if (asDefined(filter)) {
          if (counted == null) {
            counted = roleCounts.count(userId, groups).orElse(Map.of());
          }
          n = counted.get(name);
        }
        if (n == null) {
          n = filters.count(filter.getId());
        }
        counts.add(new FilterCount(name, filter.getId(), n == null ? 0 : n));
      }
      return counts;
    });
  }

  private boolean asDefined(Filter filter) {
    String defined = definedQueries.computeIfAbsent(filter.getName(), name -> TaskFilters.ALL.stream()
        .filter(d -> d.name().equals(name)).findFirst()
        .map(d -> ((FilterEntity) new FilterEntity(EntityTypes.TASK).setQuery(d.query().apply(tasks)))
            .getQueryInternal())
        .orElse(""));
    return defined.equals(((FilterEntity) filter).getQueryInternal());
  }

  /**
   * The user's open tasks of a procedure that have a deadline, earliest first (overdue ones included), read from the
   * user's grants ({@link RoleFilterCounts#deadlines}); with a revoke authorization the engine answers.
   */
  public List<Deadline> nextDeadlines(String userId, String processKey, int limit) {
    List<String> groups = groupsOf(userId);
    return roleCounts.deadlines(userId, groups, processKey, limit)
        .orElseGet(() -> engineDeadlines(userId, groups, processKey, limit));
  }

  /** The same deadlines as the engine's task query finds them, as the user. */
  List<Deadline> engineDeadlines(String userId, List<String> groups, String processKey, int limit) {
    return asUser(userId, groups, () -> tasks.createTaskQuery().processDefinitionKey(processKey)
        .dueBefore(NO_LATER).orderByDueDate().asc().orderByTaskId().asc().listPage(0, limit).stream()
        .map(MyTasks::deadline).toList());
  }

  private static Deadline deadline(Task t) {
    return new Deadline(t.getId(), t.getName(), t.getDueDate(), t.getProcessInstanceId());
  }

  /** Runs engine queries authenticated as the user (with the user's groups), then restores what was there. */
  private <T> T asUser(String userId, Supplier<T> work) {
    return asUser(userId, groupsOf(userId), work);
  }

  /**
   * The user's groups that can reach a task or a filter: every group but the scope groups, which only ever grant the
   * reading of cases (a province's 书记 is in 20,421 of them, and each would be bound in every check).
   */
  List<String> groupsOf(String userId) {
    // The home asks for the counts and the deadlines in one request: the groups are read once.
    return RequestMemo.get(MyTasks.class.getName() + ".groups." + userId, () -> roleCounts.taskGroups(userId));
  }

  private <T> T asUser(String userId, List<String> groups, Supplier<T> work) {
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(userId, groups);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }
}
