package cn.partyflow.rectification.web;

import cn.partyflow.organization.Groups;
import cn.partyflow.organization.Role;
import org.camunda.bpm.engine.IdentityService;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.rectification.RectificationItem;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is looking, and which organizations' items they may see. */
@Component
class Viewer {

  private final AccessScope scope;
  private final IdentityService identity;
  private final TaskService tasks;

  Viewer(AccessScope scope, IdentityService identity, TaskService tasks) {
    this.scope = scope;
    this.identity = identity;
    this.tasks = tasks;
  }

  /** A moved deadline is approved by the 党委书记 (first responsible person) of the item's organization. */
  boolean approvesDeadlines(Authentication auth, RectificationItem item) {
    return isAdmin(auth) || identity.createGroupQuery().groupMember(auth.getName())
        .groupId(Groups.roleGroup(item.orgId(), Role.SECRETARY)).count() > 0;
  }

  private boolean holdsOpenTask(Authentication auth, RectificationItem item) {
    if (item.currentTaskId() == null) {
      return false;
    }
    return tasks.createTaskQuery().taskId(item.currentTaskId()).taskAssignee(auth.getName()).count() > 0
        || tasks.createTaskQuery().taskId(item.currentTaskId()).taskCandidateUser(auth.getName())
            .includeAssignedTasks().count() > 0;
  }

  static boolean isAdmin(Authentication auth) {
    return AccessScope.isAdmin(auth);
  }

  Set<String> organizations(Authentication auth) {
    return scope.visibleOrganizations(auth);
  }

  /**
   * Managers of the organization, the item's own 责任人 and 责任领导, and whoever holds the item's open task: the
   * 巡察办 (or higher 党委) accepting it sees the evidence it judges, though the unit is not in its scope.
   */
  void requireItem(Authentication auth, RectificationItem item) {
    boolean own = auth.getName().equals(item.responsibleUser()) || auth.getName().equals(item.leaderUser());
    if (!own && !organizations(auth).contains(item.orgId()) && !holdsOpenTask(auth, item)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您无权查看该整改事项");
    }
  }
}
