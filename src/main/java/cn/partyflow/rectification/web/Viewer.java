package cn.partyflow.rectification.web;

import cn.partyflow.organization.Groups;
import cn.partyflow.organization.Role;
import org.camunda.bpm.engine.IdentityService;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.rectification.RectificationItem;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is looking, and which organizations' items they may see. */
@Component
class Viewer {

  private final AccessScope scope;
  private final IdentityService identity;

  Viewer(AccessScope scope, IdentityService identity) {
    this.scope = scope;
    this.identity = identity;
  }

  /** A moved deadline is approved by the 党委书记 (first responsible person) of the item's organization. */
  boolean approvesDeadlines(Authentication auth, RectificationItem item) {
    return isAdmin(auth) || identity.createGroupQuery().groupMember(auth.getName())
        .groupId(Groups.roleGroup(item.orgId(), Role.SECRETARY)).count() > 0;
  }

  static boolean isAdmin(Authentication auth) {
    return AccessScope.isAdmin(auth);
  }

  Set<String> organizations(Authentication auth) {
    return scope.visibleOrganizations(auth);
  }

  /** Managers of the organization, and the item's own 责任人 and 责任领导. */
  void requireItem(Authentication auth, RectificationItem item) {
    boolean own = auth.getName().equals(item.responsibleUser()) || auth.getName().equals(item.leaderUser());
    if (!own && !organizations(auth).contains(item.orgId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您无权查看该整改事项");
    }
  }
}
