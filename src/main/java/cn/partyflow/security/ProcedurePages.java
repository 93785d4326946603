package cn.partyflow.security;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.RoleAssignment;
import cn.partyflow.organization.TaskHolders;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the pages of every procedure do alike: start a case or write as the signed-in user (so the engine's
 * authorization, its check of whom the user acts for and every listener apply), name the person behind a login,
 * tell whether the user holds a role, list a case's open tasks, show a refused action on the page it came from, and
 * answer 404 for an organization outside the user's scope (the same answer as for one that does not exist, so the
 * page tells nobody what exists elsewhere).
 */
@Component
public class ProcedurePages {

  /** Where Tasklist opens a task. */
  public static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

  private final IdentityService identity;
  private final OrganizationDirectory directory;
  private final AccessScope scope;
  private final TaskService tasks;
  private final TaskHolders holders;

  ProcedurePages(IdentityService identity, OrganizationDirectory directory, AccessScope scope, TaskService tasks,
      TaskHolders holders) {
    this.identity = identity;
    this.directory = directory;
    this.scope = scope;
    this.tasks = tasks;
    this.holders = holders;
  }

  /** A case started from a page, as the user ({@link WriteScopePlugin#startFromPage}). */
  public String startAs(String user, Supplier<String> start) {
    return asUser(user, () -> WriteScopePlugin.startFromPage(start));
  }

  /** A page's write as the user, so the engine checks the user against each task it completes. */
  public <T> T asUser(String user, Supplier<T> write) {
    identity.setAuthentication(user, groups(user));
    try {
      return write.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Runs a page's action, which returns where to go on success. A refusal (a broken rule, or a status such as 403 the
   * action answers) goes back to {@code back} with its Chinese message as the page's flash {@code error}.
   */
  public String act(RedirectAttributes redirect, String back, Supplier<String> action) {
    try {
      return action.get();
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
    } catch (ResponseStatusException e) {
      redirect.addFlashAttribute("error", e.getReason());
    }
    return back;
  }

  /** The name of the person with this login; 系统 for the engine, 系统管理员 for the administrator's account. */
  public String who(String username) {
    if (username == null) {
      return "系统";
    }
    return directory.personByUsername(username).map(Person::name).orElse("admin".equals(username) ? "系统管理员"
        : username);
  }

  /** Whether the signed-in user's person holds a role of this kind; the administrator's account holds none. */
  public boolean holds(Authentication auth, Predicate<RoleAssignment> role) {
    return assignments(auth).stream().anyMatch(role);
  }

  /**
   * The roles the signed-in user's person holds (none for the administrator's account), read once for a page that
   * asks {@link #holds} about each of its rows.
   */
  public List<RoleAssignment> assignments(Authentication auth) {
    return directory.personByUsername(auth.getName()).map(p -> directory.roleAssignmentsOf(p.id())).orElse(List.of());
  }

  /**
   * The open tasks of a case for its page, oldest first: name, Tasklist link, holder (the person who claimed it, or
   * the groups it is offered to) and due date (期限 yyyy-MM-dd, empty without one).
   */
  public List<Map<String, String>> tasksWithHolders(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list().stream()
        .map(t -> Map.of("name", t.getName(), "link", TASKLIST + t.getId(), "holder", t.getAssignee() != null
            ? who(t.getAssignee()) : String.join("、", holders.candidateGroups(t).stream().map(holders::groupName)
            .toList()), "due", t.getDueDate() == null ? ""
            : "期限 " + t.getDueDate().toInstant().atZone(ChinaClock.ZONE).toLocalDate())).toList();
  }

  /** 404 unless the organization is in the user's scope. */
  public void requireVisible(Authentication auth, String orgId) {
    if (!scope.visibleOrganizations(auth).contains(orgId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "组织" + orgId + "不存在或不在您的权限范围内");
    }
  }

  /**
   * The organization as the procedure knows it ({@code find}, which refuses an organization of the wrong kind), once
   * it is in the user's scope; 404 for one outside the scope and for one the procedure refuses.
   */
  public <T> T visible(Authentication auth, String orgId, Function<String, T> find) {
    requireVisible(auth, orgId);
    try {
      return find.apply(orgId);
    } catch (RuleViolation e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    }
  }

  private List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }
}
