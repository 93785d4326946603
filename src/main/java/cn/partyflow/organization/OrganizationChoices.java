package cn.partyflow.organization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of an organization filter (the managers' dashboard, the auditors' search). A scope of up to
 * {@link #LIMIT} organizations (a county) is listed whole in sort order, as it always was. A larger one (a province
 * holds 20,000) would make a page of megabytes and a list nobody can use, so it is a drill-down instead: the user's
 * top organizations, the path from the top down to the chosen organization, the chosen one among its siblings, and
 * the chosen one's children, each a level deeper. Choosing a child and filtering again shows its children: a branch is at most four choices away.
 *
 * <p>Built once per version of the tree ({@link OrganizationDirectory#organizationChoices()}) and shared by every
 * request: the children of each organization are looked up, never searched for among all of them.
 */
public final class OrganizationChoices {

  /** Above this many organizations in scope the filter drills down; the county's scopes stay below it. */
  public static final int LIMIT = 200;

  /** One option; every option of a whole list, and each top organization, is at level 0. */
  public record Choice(String id, String name, int level) {

    /** The name indented by a full-width space per level: a browser keeps it where it drops ASCII spaces. */
    public String label() {
      return "\u3000".repeat(level) + name;
    }
  }

  private final List<Organization> all;
  private final Map<String, Organization> byId;
  private final List<Organization> roots = new ArrayList<>();
  private final Map<String, List<Organization>> children = new HashMap<>();
  private final int limit;

  /** {@code all} in sort order, as {@link OrganizationDirectory#organizations()} gives it. */
  public OrganizationChoices(List<Organization> all) {
    this(all, LIMIT);
  }

  OrganizationChoices(List<Organization> all, int limit) {
    this.all = all;
    this.limit = limit;
    Map<String, Organization> ids = new HashMap<>();
    all.forEach(o -> ids.put(o.id(), o));
    this.byId = ids;
    for (Organization o : all) {
      if (o.parentId() == null || !ids.containsKey(o.parentId())) {
        roots.add(o);
      } else {
        children.computeIfAbsent(o.parentId(), p -> new ArrayList<>()).add(o);
      }
    }
  }

  /**
   * The options for a user who sees {@code visible}, with {@code selected} chosen (null or outside the scope: none).
   * Nothing outside {@code visible} is ever an option.
   */
  public List<Choice> choices(Set<String> visible, String selected) {
    if (visible.size() <= limit) {
      return all.stream().filter(o -> visible.contains(o.id())).map(o -> new Choice(o.id(), o.name(), 0)).toList();
    }
    List<Organization> path = path(visible, selected);
    List<Choice> result = new ArrayList<>();
    for (Organization top : tops(visible)) {
      result.add(new Choice(top.id(), top.name(), 0));
      if (path.isEmpty()) {
        addChildren(top, 1, visible, result);
      } else if (path.get(0).id().equals(top.id())) {
        Organization chosen = path.get(path.size() - 1);
        if (path.size() == 1) {
          addChildren(chosen, 1, visible, result);
          continue;
        }
        for (int level = 1; level < path.size() - 1; level++) {
          Organization o = path.get(level);
          result.add(new Choice(o.id(), o.name(), level));
        }
        // The chosen organization among its siblings, so another branch of the same 党委 is one choice away.
        int level = path.size() - 1;
        for (Organization sibling : children.getOrDefault(path.get(level - 1).id(), List.of())) {
          if (visible.contains(sibling.id())) {
            result.add(new Choice(sibling.id(), sibling.name(), level));
            if (sibling.id().equals(chosen.id())) {
              addChildren(chosen, level + 1, visible, result);
            }
          }
        }
      }
    }
    return result;
  }

  private void addChildren(Organization parent, int level, Set<String> visible, List<Choice> result) {
    for (Organization child : children.getOrDefault(parent.id(), List.of())) {
      if (visible.contains(child.id())) {
        result.add(new Choice(child.id(), child.name(), level));
      }
    }
  }

  /** The top organization first, the selected one last; empty when nothing in scope is selected. */
  private List<Organization> path(Set<String> visible, String selected) {
    if (selected == null || !visible.contains(selected) || !byId.containsKey(selected)) {
      return List.of();
    }
    List<Organization> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Organization o = byId.get(selected);
    // The seen set stops at a cycle in bad data instead of walking it forever.
    while (o != null && visible.contains(o.id()) && seen.add(o.id())) {
      path.add(o);
      o = o.parentId() == null ? null : byId.get(o.parentId());
    }
    Collections.reverse(path);
    return path;
  }

  /**
   * The organizations in scope whose parent is not, in tree order: found by descending from the roots through the
   * organizations outside the scope only, so each organization is passed at most once and a provincial scope (its
   * one top a root) at once.
   */
  private List<Organization> tops(Set<String> visible) {
    List<Organization> tops = new ArrayList<>();
    roots.forEach(r -> collectTops(r, visible, tops));
    return tops;
  }

  private void collectTops(Organization o, Set<String> visible, List<Organization> tops) {
    if (visible.contains(o.id())) {
      tops.add(o);
      return;
    }
    for (Organization child : children.getOrDefault(o.id(), List.of())) {
      collectTops(child, visible, tops);
    }
  }
}
