package cn.partyflow.organization;

import cn.partyflow.shared.RequestMemo;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** Which organizations a user may see: those where they hold a role, and everything below them. */
@Service
public class AccessScope {

  private final OrganizationDirectory directory;

  AccessScope(OrganizationDirectory directory) {
    this.directory = directory;
  }

  /**
   * The organizations the signed-in user may see; the administrator sees all. A scope that covers the whole registry
   * is marked as such ({@code SqlScope.whole}) so that queries need not list it.
   */
  public Set<String> visibleOrganizations(Authentication auth) {
    // Several parts of one page ask (the page, its menu, its filters): worked out once per request.
    return RequestMemo.get(AccessScope.class.getName() + ".visible." + auth.getName(),
        () -> visibleOrganizations(auth.getName(), isAdmin(auth)));
  }

  public static boolean isAdmin(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
  }

  public Set<String> visibleOrganizations(String username, boolean admin) {
    if (admin) {
      return directory.allIds();
    }
    return directory.personByUsername(username)
        .map(p -> directory.roleAssignmentsOf(p.id()).stream().map(RoleAssignment::orgId).toList())
        .map(directory::subtrees)
        .orElse(Set.of());
  }

  /**
   * The organizations the user may open cases for: every organization where the user holds an officer role, with
   * the 党小组 inside it, and for the 组织部门干事 of a 党委 or 党组 everything below it (the organization department
   * of the level above acts for the units below). A role elsewhere in the tree gives nothing above it or beside it:
   * a branch secretary cannot open a case of the 党委 above the branch.
   */
  public Set<String> actingOrganizations(String username) {
    List<Organization> all = directory.organizations();
    Set<String> result = new LinkedHashSet<>();
    directory.personByUsername(username).ifPresent(p -> {
      for (RoleAssignment a : directory.roleAssignmentsOf(p.id())) {
        Organization org = all.stream().filter(o -> o.id().equals(a.orgId())).findFirst().orElse(null);
        if (org == null || a.role().function() != Role.Function.OFFICER) {
          continue;
        }
        if (a.role() == Role.ORG_DEPARTMENT && org.kind().ordinal() <= OrganizationKind.COMMITTEE.ordinal()) {
          result.addAll(OrganizationDirectory.selfAndDescendants(List.of(org.id()), all));
        } else {
          result.addAll(selfAndCells(org.id(), all));
        }
      }
    });
    return result;
  }

  private static Set<String> selfAndCells(String orgId, List<Organization> all) {
    Set<String> result = new LinkedHashSet<>(List.of(orgId));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Organization o : all) {
        if (o.kind() == OrganizationKind.CELL && result.contains(o.parentId()) && result.add(o.id())) {
          grew = true;
        }
      }
    }
    return result;
  }

  /**
   * The organizations whose registry the user keeps: the subtrees of the 党委 and 党组 where the user is 组织部门干事.
   * Empty for everyone else.
   */
  public Set<String> administeredOrganizations(String username) {
    List<Organization> all = directory.organizations();
    Set<String> committees = new HashSet<>();
    all.stream().filter(o -> o.kind().ordinal() <= OrganizationKind.COMMITTEE.ordinal())
        .forEach(o -> committees.add(o.id()));
    return directory.personByUsername(username)
        .map(p -> directory.roleAssignmentsOf(p.id()).stream()
            .filter(a -> a.role() == Role.ORG_DEPARTMENT && committees.contains(a.orgId()))
            .map(RoleAssignment::orgId).toList())
        .map(roots -> OrganizationDirectory.selfAndDescendants(roots, all))
        .orElse(Set.of());
  }
}
