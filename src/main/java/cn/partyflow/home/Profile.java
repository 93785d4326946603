package cn.partyflow.home;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoleAssignment;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * Who is signed in, as the pages need it: the display name from the person registry (never the login), the roles
 * held and where, and what the login's function groups allow.
 */
public record Profile(String userId, String displayName, List<RoleAssignment> roles, Set<String> authorities) {

  static Profile of(Authentication auth, OrganizationDirectory directory) {
    Person person = directory.personByUsername(auth.getName()).orElse(null);
    List<RoleAssignment> roles = person == null ? List.of() : directory.roleAssignmentsOf(person.id());
    String name = person != null ? person.name() : AccessScope.isAdmin(auth) ? "系统管理员" : auth.getName();
    Set<String> authorities = Set.copyOf(auth.getAuthorities().stream().map(a -> a.getAuthority()).toList());
    return new Profile(auth.getName(), name, roles, authorities);
  }

  public boolean admin() {
    return authorities.contains("ROLE_ADMIN");
  }

  public boolean officer() {
    return authorities.contains("ROLE_OFFICER");
  }

  public boolean manager() {
    return authorities.contains("ROLE_MANAGER");
  }

  public boolean auditor() {
    return authorities.contains("ROLE_AUDITOR");
  }

  boolean holdsAny(Collection<Role> wanted) {
    return roles.stream().anyMatch(r -> wanted.contains(r.role()));
  }

  /** Holds a role in one of {@code orgIds} that is one of {@code wanted}. */
  boolean holdsIn(Collection<String> orgIds, Collection<Role> wanted) {
    return roles.stream().anyMatch(r -> orgIds.contains(r.orgId()) && wanted.contains(r.role()));
  }

  /** Holds any role in a 党委 or 党组: the unit's leaders, its 党办, 纪委 and 组织部门. */
  boolean holdsCommitteeRole(Map<String, Organization> orgs) {
    return roles.stream().map(r -> orgs.get(r.orgId()))
        .anyMatch(o -> o != null && o.kind().ordinal() <= OrganizationKind.COMMITTEE.ordinal());
  }

  /** Holds an officer's role (not 纪委/审计, not 分管领导 only) in a 党委 or 党组: who follows the terms below it. */
  boolean holdsOfficeInCommittee(Map<String, Organization> orgs) {
    return roles.stream().filter(r -> r.role().function() == Role.Function.OFFICER).map(r -> orgs.get(r.orgId()))
        .anyMatch(o -> o != null && o.kind().ordinal() <= OrganizationKind.COMMITTEE.ordinal());
  }
}
