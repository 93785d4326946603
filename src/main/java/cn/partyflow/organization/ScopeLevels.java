package cn.partyflow.organization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The rows of a table for a scope of any size (工作台, the /dues overview): one per organization directly under the
 * user's top organizations (those of the scope whose parent is outside it: where the user holds roles), each standing
 * for its whole subtree, and the top organization's own row (本级) for what is recorded on the top itself. A 党支部 or
 * 党小组 at the top is one row with everything below it, so a branch officer sees their branch. A province's
 * secretary gets a row per city instead of one per each of 20,000 branches; {@link #below} narrows the scope to one
 * row's organization, whose rows are then the level under it.
 */
public final class ScopeLevels {

  /** A row: the organization it is named after, and whether it holds that organization's own figures only. */
  public record Level(String orgId, String name, boolean own) {}

  /** A row with its figures summed. */
  public record Total<T>(Level level, T value) {}

  private final List<Level> levels = new ArrayList<>();
  /** Each organization of the scope to the id of the row it is summed into. */
  private final Map<String, String> rowOf = new HashMap<>();
  /** Each top's own row to the rows of the organizations directly under it. */
  private final Map<String, List<String>> rowsUnder = new HashMap<>();

  private ScopeLevels() {}

  /** The rows for the organizations of a scope, given in the directory's order (which the rows keep). */
  public static ScopeLevels of(List<Organization> scope) {
    ScopeLevels result = new ScopeLevels();
    Set<String> ids = scope.stream().map(Organization::id).collect(Collectors.toSet());
    Map<String, List<Organization>> children = new HashMap<>();
    scope.stream().filter(o -> o.parentId() != null && ids.contains(o.parentId()))
        .forEach(o -> children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o));
    for (Organization top : scope) {
      if (top.parentId() != null && ids.contains(top.parentId())) {
        continue;
      }
      List<Organization> below = children.getOrDefault(top.id(), List.of());
      if (top.kind().ordinal() >= OrganizationKind.BRANCH.ordinal() || below.isEmpty()) {
        result.add(new Level(top.id(), top.name(), false), top, children);
        continue;
      }
      result.levels.add(new Level(top.id(), top.name() + "（本级）", true));
      result.rowOf.put(top.id(), top.id());
      result.rowsUnder.put(top.id(), below.stream().map(Organization::id).toList());
      below.forEach(c -> result.add(new Level(c.id(), c.name(), false), c, children));
    }
    return result;
  }

  /**
   * The organization {@code orgId} and everything below it that is in {@code scope}, in the scope's order; empty when
   * {@code orgId} is not in the scope, so a drill-down never reaches past what the user may see.
   */
  public static List<Organization> below(List<Organization> scope, String orgId) {
    Map<String, List<Organization>> children = new HashMap<>();
    boolean found = false;
    for (Organization o : scope) {
      found |= o.id().equals(orgId);
      if (o.parentId() != null) {
        children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
      }
    }
    if (!found) {
      return List.of();
    }
    Set<String> subtree = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(orgId));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      subtree.add(id);
      children.getOrDefault(id, List.of()).forEach(c -> todo.push(c.id()));
    }
    return scope.stream().filter(o -> subtree.contains(o.id())).toList();
  }

  private void add(Level level, Organization root, Map<String, List<Organization>> children) {
    levels.add(level);
    Deque<Organization> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Organization o = todo.pop();
      rowOf.put(o.id(), level.orgId());
      todo.addAll(children.getOrDefault(o.id(), List.of()));
    }
  }

  public List<Level> levels() {
    return levels;
  }

  /**
   * The figures of the organizations summed per row, in the rows' order. A top's own row is there only when the top
   * itself has figures; another row when something in its subtree has, or always with {@code keepEmpty}.
   */
  public <T> List<Total<T>> totals(Map<String, T> perOrganization, Function<Level, T> zero, BinaryOperator<T> plus,
      boolean keepEmpty) {
    Map<String, T> sums = new HashMap<>();
    perOrganization.forEach((org, value) -> {
      String row = rowOf.get(org);
      if (row != null) {
        sums.merge(row, value, plus);
      }
    });
    List<Total<T>> result = new ArrayList<>();
    for (Level level : levels) {
      T sum = sums.get(level.orgId());
      if (sum != null || (keepEmpty && !level.own())) {
        result.add(new Total<>(level, plus.apply(zero.apply(level), sum == null ? zero.apply(level) : sum)));
      }
    }
    return result;
  }

  /**
   * The same rows as {@link #totals} from figures kept per subtree (an organization with everything below it, absent:
   * nothing there) instead of per organization: a row is its organization's subtree, a top's own row its subtree
   * less the rows under it, shown when that is not {@code empty}. A scope is whole subtrees ({@link AccessScope}),
   * so a row's subtree is what it sums.
   */
  public <T> List<Total<T>> totalsOfSubtrees(Map<String, T> perSubtree, Function<Level, T> zero,
      BinaryOperator<T> plus, BinaryOperator<T> minus, Predicate<T> empty, boolean keepEmpty) {
    List<Total<T>> result = new ArrayList<>();
    for (Level level : levels) {
      T sum = perSubtree.get(level.orgId());
      if (level.own()) {
        T own = plus.apply(zero.apply(level), sum == null ? zero.apply(level) : sum);
        for (String row : rowsUnder.get(level.orgId())) {
          T under = perSubtree.get(row);
          own = under == null ? own : minus.apply(own, under);
        }
        if (!empty.test(own)) {
          result.add(new Total<>(level, own));
        }
      } else if (sum != null || keepEmpty) {
        result.add(new Total<>(level, plus.apply(zero.apply(level), sum == null ? zero.apply(level) : sum)));
      }
    }
    return result;
  }
}
