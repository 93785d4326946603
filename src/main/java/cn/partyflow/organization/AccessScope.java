package cn.partyflow.organization;

import java.util.HashSet;
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

  /** The organizations the signed-in user may see; the administrator sees all. */
  public Set<String> visibleOrganizations(Authentication auth) {
    return visibleOrganizations(auth.getName(), isAdmin(auth));
  }

  public static boolean isAdmin(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
  }

  public Set<String> visibleOrganizations(String username, boolean admin) {
    List<Organization> all = directory.organizations();
    if (admin) {
      return all.stream().map(Organization::id).collect(Collectors.toSet());
    }
    return directory.personByUsername(username)
        .map(p -> directory.roleAssignmentsOf(p.id()).stream().map(RoleAssignment::orgId).toList())
        .map(roots -> OrganizationDirectory.selfAndDescendants(roots, all))
        .orElse(Set.of());
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
