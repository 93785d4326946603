package cn.partyflow.roster;

import cn.partyflow.home.Navigation;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Roster;
import cn.partyflow.shared.RuleViolation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 党员花名册: the search ({@code /people}), a person's page and the start of a 发展党员 case from it. */
@Controller
class RosterPage {

  /** More than this is a sign to narrow the search, and the page says so. */
  static final int MAX_ROWS = 200;

  private final Roster roster;
  private final AccessScope scope;
  private final OrganizationDirectory directory;
  private final PersonCases cases;
  private final MemberDevelopmentLauncher launcher;

  RosterPage(Roster roster, AccessScope scope, OrganizationDirectory directory, PersonCases cases,
      MemberDevelopmentLauncher launcher) {
    this.roster = roster;
    this.scope = scope;
    this.directory = directory;
    this.cases = cases;
    this.launcher = launcher;
  }

  @GetMapping("/people")
  String search(@RequestParam(required = false) String name, @RequestParam(required = false) String id,
      @RequestParam(required = false) String status, @RequestParam(required = false) String orgId,
      Authentication auth, Model model) {
    Set<String> visible = scope.visibleOrganizations(auth);
    MemberStatus stage = status == null || status.isBlank() ? null : MemberStatus.parse(status).orElse(null);
    Roster.Criteria criteria = new Roster.Criteria(name, id, stage, orgId);
    List<Person> found = roster.search(visible, criteria, MAX_ROWS + 1);
    Map<String, Organization> orgs = directory.organizationsById();
    model.addAttribute("criteria", criteria);
    model.addAttribute("people", found.size() > MAX_ROWS ? found.subList(0, MAX_ROWS) : found);
    model.addAttribute("more", found.size() > MAX_ROWS);
    model.addAttribute("maxRows", MAX_ROWS);
    model.addAttribute("orgNames", orgs);
    model.addAttribute("organizations",
        directory.organizations().stream().filter(o -> visible.contains(o.id())).toList());
    model.addAttribute("statuses", MemberStatus.values());
    return "roster/search";
  }

  @GetMapping("/people/{id}")
  String person(@PathVariable String id, Authentication auth, Model model) {
    Person person = visiblePerson(id, auth);
    model.addAttribute("person", person);
    model.addAttribute("org", directory.organization(person.orgId()).map(Organization::name).orElse(person.orgId()));
    model.addAttribute("cases", cases.of(person.id(), auth.getName()));
    model.addAttribute("offer", launcher.offer(person, auth.getName(), AccessScope.isAdmin(auth)).orElse(null));
    model.addAttribute("tasklist", Navigation.TASKLIST);
    return "roster/person";
  }

  /**
   * Starts a 发展党员 case for the person and opens its first step in Tasklist when it is the user's; otherwise the
   * person's page says who has it. A refused start leaves nothing behind and shows the rule's message.
   */
  @PostMapping("/people/{id}/member-development")
  String startMemberDevelopment(@PathVariable String id, Authentication auth, RedirectAttributes redirect) {
    Person person = visiblePerson(id, auth);
    if (!launcher.mayStart(person, auth.getName(), AccessScope.isAdmin(auth))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只有该人员所在党组织或上级党组织的书记、副书记、组织委员、组织部门可以发起发展党员流程");
    }
    if (launcher.running(person.id())) {
      redirect.addFlashAttribute("error", person.name() + "已有办理中的发展党员案件，不能重复发起");
      return "redirect:/people/" + person.id();
    }
    MemberDevelopmentLauncher.Offer offer = MemberDevelopmentLauncher.stage(person).orElse(null);
    if (offer == null) {
      redirect.addFlashAttribute("error", person.name() + "的政治面貌为" + person.status().label() + "，不能发起发展党员流程");
      return "redirect:/people/" + person.id();
    }
    String instance;
    try {
      instance = launcher.start(offer, person.id(), auth.getName());
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", "未能发起：" + e.getMessage());
      return "redirect:/people/" + person.id();
    } catch (AuthorizationException e) {
      redirect.addFlashAttribute("error", "未能发起：您没有发起发展党员流程的权限");
      return "redirect:/people/" + person.id();
    }
    PersonCases.Step first = cases.firstStep(instance, auth.getName());
    if (first != null && first.mine()) {
      return "redirect:" + Navigation.TASKLIST + "#/?task=" + first.taskId();
    }
    redirect.addFlashAttribute("message", "已为" + person.name() + "发起发展党员案件"
        + (first == null ? "" : "；当前环节“" + first.name() + "”由" + first.holders() + "办理"));
    return "redirect:/people/" + person.id();
  }

  private Person visiblePerson(String id, Authentication auth) {
    Set<String> visible = scope.visibleOrganizations(auth);
    return directory.person(id).filter(p -> visible.contains(p.orgId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "人员" + id + "不存在或不在您的权限范围内"));
  }
}
