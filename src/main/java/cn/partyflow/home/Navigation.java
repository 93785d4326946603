package cn.partyflow.home;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one menu of our pages ({@code templates/fragments/menu.html} reads {@code @navigation.current()}): each link
 * shown only to those who may open its page, the signed-in user's display name and 退出. Hiding a link is for
 * clarity only; every page checks its visitor itself.
 */
@Component("navigation")
public class Navigation {

  /** Tasklist, opened on its list; a filter or task is added as {@code #/?filter=<id>} or {@code #/?task=<id>}. */
  public static final String TASKLIST = "/camunda/app/tasklist/default/";

  /** Camunda Cockpit and Admin, the administrator's; their names as the webapps' own headers show them. */
  static final String COCKPIT = "/camunda/app/cockpit/default/";
  static final String CAMUNDA_ADMIN = "/camunda/app/admin/default/";

  /** Who keeps or oversees a branch's dues and so opens the dues pages from the menu. */
  static final Set<Role> DUES_ROLES = EnumSet.of(Role.DUES_KEEPER, Role.SECRETARY);

  /** Who asks for their own organization's 换届 (a branch's 书记 or 副书记 too), and so opens it from the menu. */
  static final Set<Role> RE_ELECTION_STARTERS = EnumSet.of(Role.SECRETARY, Role.DEPUTY_SECRETARY);

  /** Who starts and follows a 党委's or 党组's 民主生活会 and 书记述职评议, and so opens them from the menu. */
  static final Set<Role> COMMITTEE_PROCEDURE_ROLES = EnumSet.of(Role.SECRETARY, Role.ORG_DEPARTMENT);

  public record Link(String id, String label, String href, boolean active) {}

  public record Menu(String displayName, List<Link> links) {}

  private final OrganizationDirectory directory;

  Navigation(OrganizationDirectory directory) {
    this.directory = directory;
  }

  /** The menu for the signed-in user of the current request; empty for an anonymous visitor. */
  public Menu current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return new Menu("", List.of());
    }
    return menu(Profile.of(auth, directory), auth, currentPath());
  }

  Menu menu(Profile me, Authentication auth, String path) {
    List<Link> links = new ArrayList<>();
    links.add(link("menu-home", "工作台", "/", path.equals("/")));
    links.add(link("menu-tasks", "待办", TASKLIST, false));
    // Whoever holds a role in an organization sees it and what is below it: no need to work out the whole scope.
    Map<String, Organization> byId = directory.organizationsById();
    if (me.admin() || me.roles().stream().anyMatch(r -> byId.containsKey(r.orgId()))) {
      links.add(link("menu-people", "花名册", "/people", path.startsWith("/people")));
    }
    if (me.admin() || me.manager() || me.holdsCommitteeRole(byId)) {
      links.add(link("menu-rectification", "整改看板", "/dashboard/rectification", path.startsWith("/dashboard")
          || path.startsWith("/rectification")));
    }
    if (me.admin() || me.officer()) {
      links.add(link("menu-organizational-life", "组织生活", "/organizational-life",
          path.startsWith("/organizational-life")));
    }
    if (me.admin() || me.holdsOfficeInCommittee(byId) || me.holdsAny(RE_ELECTION_STARTERS)) {
      links.add(link("menu-re-election", "换届", "/re-election", path.startsWith("/re-election")));
    }
    if (me.admin() || me.holdsIn(leadershipBodies(me, byId), COMMITTEE_PROCEDURE_ROLES)) {
      links.add(link("menu-leadership-meeting", "民主生活会", "/leadership-meeting",
          path.startsWith("/leadership-meeting")));
      links.add(link("menu-duty-review", "述职评议", "/duty-review", path.startsWith("/duty-review")));
    }
    if (me.admin() || me.holdsAny(DUES_ROLES)) {
      links.add(link("menu-dues", "党费", "/dues", path.startsWith("/dues")));
    }
    if (me.roles().stream().anyMatch(r -> r.role() == Role.ORG_DEPARTMENT
        && directory.organization(r.orgId()).map(o -> o.approvalPower()).orElse(false))) {
      links.add(link("menu-committee-meetings", "党委会研究", "/member-development/committee-meetings",
          path.startsWith("/member-development/committee-meetings")));
    }
    if (me.admin() || me.officer() || me.manager() || me.auditor()) {
      links.add(link("menu-reports", "统计", "/reports", path.startsWith("/reports")));
    }
    if (me.admin() || me.auditor()) {
      links.add(link("menu-audit", "案卷查阅", "/audit", path.startsWith("/audit")));
    }
    if (me.admin()) {
      links.add(link("menu-settings", "规则设置", "/admin/settings", path.startsWith("/admin/settings")));
      // The administrator's login lands on 工作台 like everybody's; Camunda's own apps are a click away from here.
      links.add(link("menu-cockpit", "流程监控", COCKPIT, false));
      links.add(link("menu-camunda-admin", "系统管理", CAMUNDA_ADMIN, false));
    }
    return new Menu(me.displayName(), links);
  }

  /** The 党委 and 党组 among the user's organizations: the bodies whose 领导班子 hold a 民主生活会. */
  private static Set<String> leadershipBodies(Profile me, Map<String, Organization> byId) {
    return me.roles().stream().map(r -> byId.get(r.orgId())).filter(Objects::nonNull)
        .filter(o -> o.kind() == OrganizationKind.COMMITTEE || o.kind() == OrganizationKind.PARTY_GROUP)
        .map(Organization::id).collect(Collectors.toSet());
  }

  private static Link link(String id, String label, String href, boolean active) {
    return new Link(id, label, href, active);
  }

  private static String currentPath() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      String uri = request.getRequestURI().substring(request.getContextPath().length());
      return uri.isEmpty() ? "/" : uri;
    }
    return "";
  }
}
