package cn.partyflow.reelection.web;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OverviewScope;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoleAssignment;
import cn.partyflow.reelection.ReElectionRules;
import cn.partyflow.reelection.ReElectionService;
import cn.partyflow.reelection.RequestType;
import cn.partyflow.reelection.TermStore;
import cn.partyflow.security.ProcedurePages;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * 换届 in the browser. Everybody sees the elected organizations in their scope with their term ends; the
 * organization's 书记 and 副书记, the higher 党委's 书记, 副书记 and 组织部门 (and the administrator) start a request;
 * the higher 组织部门 registers a term's end. A case's page shows its request, answers, every round of the election
 * meeting with who was present and the votes per candidate, and the term changes.
 */
@Controller
class ReElectionPages {

  static final Set<Role> OWN_STARTERS = EnumSet.of(Role.SECRETARY, Role.DEPUTY_SECRETARY);
  static final Set<Role> HIGHER_STARTERS = EnumSet.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORG_DEPARTMENT);
  private static final int MAX_REASON = 1000;

  private final ReElectionService service;
  private final TermStore store;
  private final OverviewScope overview;
  private final OrganizationDirectory directory;
  private final ProcedurePages pages;

  ReElectionPages(ReElectionService service, TermStore store, OverviewScope overview, OrganizationDirectory directory,
      ProcedurePages pages) {
    this.service = service;
    this.store = store;
    this.overview = overview;
    this.directory = directory;
    this.pages = pages;
  }

  @GetMapping("/re-election")
  String organizations(@RequestParam(required = false) String org, Authentication auth, Model model) {
    OverviewScope.Rows shown = overview.rows(auth, org, o -> ReElectionRules.isElected(o.kind()));
    model.addAttribute("organizations", rows(auth, shown.organizations()));
    model.addAttribute("overview", shown);
    model.addAttribute("settings", service.settings());
    model.addAttribute("types", RequestType.values());
    model.addAttribute("today", ChinaClock.today().toString());
    return "re-election/organizations";
  }

  /** The overview's rows of these organizations, in their order, with the user's rights on each. */
  List<Map<String, Object>> rows(Authentication auth, List<Organization> organizations) {
    if (organizations.isEmpty()) {
      return List.of();
    }
    LocalDate today = ChinaClock.today();
    List<String> ids = organizations.stream().map(Organization::id).toList();
    // One query per figure over all the rows, and the user's roles read once, not per organization.
    Map<String, TermStore.Term> terms = store.terms(ids);
    Map<String, TermStore.Case> open = store.openCases(ids);
    List<RoleAssignment> held = pages.assignments(auth);
    Map<String, Organization> byId = directory.organizationsById();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Organization o : organizations) {
      TermStore.Term term = terms.get(o.id());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", o.id());
      row.put("name", o.name());
      row.put("kind", o.kind().label());
      row.put("years", ReElectionRules.termYears(o.kind(), service.settings()));
      row.put("termEnd", term == null ? null : term.termEnd());
      row.put("electedOn", term == null ? null : term.electedOn());
      String state = "";
      String css = "";
      if (term != null && term.termEnd().isBefore(today)) {
        state = "已超期" + ChronoUnit.DAYS.between(term.termEnd(), today) + "天";
        css = "overdue";
      } else if (term != null && ReElectionRules.reminderDue(term.termEnd(), today, service.settings())) {
        state = "将于" + ChronoUnit.DAYS.between(today, term.termEnd()) + "天后届满";
        css = "soon";
      }
      row.put("state", state);
      row.put("css", css);
      row.put("open", open.get(o.id()));
      String higher = AccessScope.isAdmin(auth) || held.isEmpty() ? null
          : service.higher(o, byId).map(Organization::id).orElse(null);
      row.put("mayStart", mayStart(auth, held, o, higher));
      row.put("mayRegister", mayRegister(auth, held, higher));
      rows.add(row);
    }
    return rows;
  }

  @PostMapping("/re-election/{org}/start")
  String start(@PathVariable String org, @RequestParam(required = false) String type,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String newTermEnd,
      @RequestParam(required = false) String view, Authentication auth, RedirectAttributes redirect) {
    Organization o = visible(auth, org);
    String page = pages.act(redirect, OverviewScope.back("/re-election", view), () -> {
      if (!mayStart(auth, o)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有" + o.name() + "的书记、副书记，或上级党委的书记、"
            + "副书记、组织部门干事可以发起换届事项");
      }
      RequestType t = RequestType.parse(type).orElseThrow(() ->
          new RuleViolation("reElection.type", "请选择请示事项：换届选举、延期换届或提前换届"));
      String r = reason == null ? "" : reason.strip();
      if (r.isEmpty() || r.length() > MAX_REASON) {
        throw new RuleViolation("reElection.reason", "请填写请示的理由（不超过" + MAX_REASON + "个字）");
      }
      LocalDate end = t == RequestType.ELECTION ? null : date(newTermEnd, "新的换届日期");
      String pi = pages.startAs(auth.getName(), () -> service.start(org, t, r, end));
      redirect.addFlashAttribute("message", "已向上级党组织报送" + o.name() + t.label() + "的请示，待上级批复。");
      return "redirect:/re-election/cases/" + pi;
    });
    if (redirect.getFlashAttributes().containsKey("error")) {
      // The refused request comes back open and as typed, to be corrected rather than written again.
      Map<String, String> typed = new java.util.HashMap<>();
      typed.put("org", org);
      typed.put("type", type);
      typed.put("reason", reason);
      typed.put("newTermEnd", newTermEnd);
      redirect.addFlashAttribute("startTyped", typed);
    }
    return page;
  }

  @PostMapping("/re-election/{org}/term")
  String registerTerm(@PathVariable String org, @RequestParam(required = false) String termEnd,
      @RequestParam(required = false) String view, Authentication auth, RedirectAttributes redirect) {
    Organization o = visible(auth, org);
    String back = OverviewScope.back("/re-election", view);
    return pages.act(redirect, back, () -> {
      if (!mayRegister(auth, o)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "任期届满日期由上级党委的组织部门或系统管理员登记");
      }
      service.registerTerm(org, date(termEnd, "任期届满日期"), auth.getName());
      redirect.addFlashAttribute("message", "已登记" + o.name() + "本届任期届满日期" + termEnd);
      return back;
    });
  }

  @GetMapping("/re-election/cases/{pi}")
  String record(@PathVariable String pi, Authentication auth, Model model) {
    TermStore.Case c = store.caseOf(pi).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "换届事项不存在"));
    Organization o = visible(auth, c.orgId());
    model.addAttribute("org", o);
    model.addAttribute("higher", service.higher(o));
    model.addAttribute("c", c);
    model.addAttribute("starter", pages.who(c.startedBy()));
    model.addAttribute("events", store.events(pi).stream().map(e -> Map.of("at", e.at().atZone(ChinaClock.ZONE)
        .toLocalDateTime().withNano(0).toString().replace('T', ' '), "who", pages.who(e.actor()), "text", e.text()))
        .toList());
    List<Map<String, Object>> meetings = new ArrayList<>();
    for (TermStore.Meeting m : store.meetings(pi)) {
      meetings.add(Map.of("m", m, "attendees", String.join("、", store.attendees(m.id())), "absent",
          m.entitled() - m.present(), "votes", store.votes(m.id()), "half", m.entitled() / 2 + 1,
          "recorder", pages.who(m.recordedBy())));
    }
    model.addAttribute("meetings", meetings);
    model.addAttribute("term", store.term(o.id()).orElse(null));
    model.addAttribute("changes", store.termChanges(o.id()));
    model.addAttribute("tasks", pages.tasksWithHolders(pi));
    return "re-election/case";
  }

  private boolean mayStart(Authentication auth, Organization org) {
    return mayStart(auth, pages.assignments(auth), org, higher(org));
  }

  /** Its own 书记 and 副书记, the higher 党委's 书记, 副书记 and 组织部门 (of {@code higher}, null if none). */
  private static boolean mayStart(Authentication auth, List<RoleAssignment> held, Organization org, String higher) {
    if (AccessScope.isAdmin(auth)) {
      return true;
    }
    return held.stream().anyMatch(a -> (a.orgId().equals(org.id()) && OWN_STARTERS.contains(a.role()))
        || (a.orgId().equals(higher) && HIGHER_STARTERS.contains(a.role())));
  }

  private boolean mayRegister(Authentication auth, Organization org) {
    return mayRegister(auth, pages.assignments(auth), higher(org));
  }

  /** The higher 党委's 组织部门 (of {@code higher}, null if none). */
  private static boolean mayRegister(Authentication auth, List<RoleAssignment> held, String higher) {
    if (AccessScope.isAdmin(auth)) {
      return true;
    }
    return higher != null
        && held.stream().anyMatch(a -> a.orgId().equals(higher) && a.role() == Role.ORG_DEPARTMENT);
  }

  private String higher(Organization org) {
    try {
      return service.higher(org).id();
    } catch (RuleViolation e) {
      return null;
    }
  }

  private Organization visible(Authentication auth, String org) {
    return pages.visible(auth, org, service::elected);
  }


  private static LocalDate date(String text, String what) {
    return FormInput.requiredDate(text, what);
  }
}
