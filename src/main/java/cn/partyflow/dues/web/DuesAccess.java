package cn.partyflow.dues.web;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Role;
import cn.partyflow.security.ProcedurePages;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who may see and do what in dues: an organization in the user's scope, a role there or above. */
@Component
class DuesAccess {

  private final AccessScope scope;
  private final OrganizationDirectory directory;
  private final ProcedurePages pages;

  DuesAccess(AccessScope scope, OrganizationDirectory directory, ProcedurePages pages) {
    this.pages = pages;
    this.scope = scope;
    this.directory = directory;
  }

  Set<String> visible(Authentication auth) {
    return scope.visibleOrganizations(auth);
  }

  void requireVisible(Authentication auth, String orgId) {
    pages.requireVisible(auth, orgId);
  }

  /** The organization is visible and the user holds one of the roles there or above (the administrator always). */
  void requireRole(Authentication auth, String orgId, Set<Role> roles) {
    requireVisible(auth, orgId);
    if (!mayAct(auth, orgId, roles)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本支部或上级的党费管理员、书记可以办理党费事项");
    }
  }

  boolean mayAct(Authentication auth, String orgId, Set<Role> roles) {
    Set<String> chain = directory.selfAndAncestors(orgId).stream().map(Organization::id).collect(Collectors.toSet());
    return AccessScope.isAdmin(auth) || holds(auth, chain, roles);
  }

  boolean holds(Authentication auth, Set<String> orgIds, Set<Role> roles) {
    return pages.holds(auth, a -> orgIds.contains(a.orgId()) && roles.contains(a.role()));
  }
}
