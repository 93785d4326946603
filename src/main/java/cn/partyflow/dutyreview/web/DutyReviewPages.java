package cn.partyflow.dutyreview.web;

import cn.partyflow.dutyreview.DutyReviewRules;
import cn.partyflow.dutyreview.DutyReviewService;
import cn.partyflow.dutyreview.DutyReviewStore;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.OverviewScope;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoleAssignment;
import cn.partyflow.security.ProcedurePages;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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
 * 述职评议 in the browser. Everybody with a 党委 (or 党组) in scope sees its reviews of this and last year; its
 * 组织部门干事 (and the administrator) starts one, choosing the secretaries who report. A case's page shows the open
 * tasks with who holds them, each secretary's report, comments, votes and overall grade, the rectification case of
 * the problems raised, and what became of last year's.
 */
@Controller
class DutyReviewPages {


  private final DutyReviewService service;
  private final DutyReviewStore store;
  private final OverviewScope overview;
  private final OrganizationDirectory directory;
  private final ProcedurePages pages;

  DutyReviewPages(DutyReviewService service, DutyReviewStore store, OverviewScope overview,
      OrganizationDirectory directory, ProcedurePages pages) {
    this.service = service;
    this.store = store;
    this.overview = overview;
    this.directory = directory;
    this.pages = pages;
  }

  @GetMapping("/duty-review")
  String organizations(@RequestParam(required = false) String org, Authentication auth, Model model) {
    int year = ChinaClock.today().getYear();
    OverviewScope.Rows shown = overview.rows(auth, org, DutyReviewPages::listed);
    model.addAttribute("organizations", rows(auth, shown.organizations(), year));
    model.addAttribute("overview", shown);
    model.addAttribute("years", List.of(year, year - 1));
    model.addAttribute("settings", service.settings());
    return "duty-review/organizations";
  }

  /** The overview lists the 党委 and 党组, which hear their secretaries. */
  static boolean listed(Organization o) {
    return o.kind() == OrganizationKind.COMMITTEE || o.kind() == OrganizationKind.PARTY_GROUP;
  }

  /** The overview's rows of these 党委 and 党组, in their order, with the secretaries the user may start with. */
  List<Map<String, Object>> rows(Authentication auth, List<Organization> reviewing, int year) {
    if (reviewing.isEmpty()) {
      return List.of();
    }
    List<String> ids = reviewing.stream().map(Organization::id).toList();
    // One query per figure over all the rows, not per 党委.
    Map<String, DutyReviewStore.Case> current = store.cases(ids, year);
    Map<String, DutyReviewStore.Case> previous = store.cases(ids, year - 1);
    List<RoleAssignment> held = pages.assignments(auth);
    Set<String> startable = new HashSet<>();
    reviewing.stream().filter(o -> mayStart(auth, held, o)).forEach(o -> startable.add(o.id()));
    Map<String, List<DutyReviewService.Candidate>> candidates = service.candidates(startable);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Organization o : reviewing) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", o.id());
      row.put("name", o.name());
      row.put("current", current.get(o.id()));
      row.put("previous", previous.get(o.id()));
      boolean mayStart = startable.contains(o.id());
      row.put("mayStart", mayStart);
      row.put("candidates", mayStart ? candidates.get(o.id()) : List.of());
      rows.add(row);
    }
    return rows;
  }

  @PostMapping("/duty-review/{org}/start")
  String start(@PathVariable String org, @RequestParam(required = false) String year,
      @RequestParam(name = "reporter", required = false) List<String> reporters,
      @RequestParam(required = false) String view, Authentication auth, RedirectAttributes redirect) {
    Organization o = visible(auth, org);
    return pages.act(redirect, OverviewScope.back("/duty-review", view), () -> {
      if (!mayStart(auth, o)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "述职评议由" + o.name() + "的组织部门干事发起");
      }
      int y;
      try {
        y = Integer.parseInt(year == null ? "" : year.strip());
      } catch (NumberFormatException e) {
        throw new RuleViolation("dutyReview.year", "请选择述职评议的年度");
      }
      List<String> chosen = reporters == null ? List.of() : reporters.stream().distinct().toList();
      String pi = pages.startAs(auth.getName(), () -> service.start(org, y, chosen));
      redirect.addFlashAttribute("message", "已发起" + o.name() + y + "年度书记抓基层党建述职评议，述职书记"
          + chosen.size() + "名，待其提交述职报告。");
      return "redirect:/duty-review/cases/" + pi;
    });
  }

  @GetMapping("/duty-review/cases/{pi}")
  String record(@PathVariable String pi, Authentication auth, Model model) {
    DutyReviewStore.Case c = store.caseOf(pi).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "述职评议不存在"));
    Organization o = visible(auth, c.orgId());
    model.addAttribute("org", o);
    model.addAttribute("c", c);
    model.addAttribute("starter", pages.who(c.startedBy()));
    model.addAttribute("grades", service.settings().grades());
    model.addAttribute("attendees", names(c.attendees()));
    model.addAttribute("raters", names(c.raters()));
    boolean ballotRunning = service.ballotRunning(pi);
    model.addAttribute("mayCloseBallot", ballotRunning && service.takesEarlyClose(pi) && pages.holds(auth,
        a -> a.orgId().equals(o.id()) && a.role() == Role.ORG_DEPARTMENT));
    List<Map<String, Object>> reporters = new ArrayList<>();
    for (DutyReviewStore.Reporter r : store.reporters(pi)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("r", r);
      row.put("name", service.name(r.personId()));
      row.put("orgName", directory.organization(r.orgId()).map(Organization::name).orElse(r.orgId()));
      Map<String, Long> counts = new LinkedHashMap<>();
      service.settings().grades().forEach(g -> counts.put(g, 0L));
      List<String> votes = new ArrayList<>();
      for (DutyReviewStore.Vote v : store.votes(r.id())) {
        counts.merge(v.grade(), 1L, Long::sum);
        votes.add(service.name(v.raterId()) + "：" + v.grade());
      }
      row.put("counts", counts);
      row.put("votes", String.join("；", votes));
      row.put("total", votes.size());
      row.put("grade", grade(r, votes.size(), counts, ballotRunning));
      row.put("reportedOn", r.reportedAt() == null ? null
          : r.reportedAt().atZone(ChinaClock.ZONE).toLocalDate().toString());
      row.put("dataReport", DutyReviewService.dataReportLink(r.orgId(), c.year()));
      row.put("problems", store.problems(r.id()));
      row.put("rectification", r.rectificationPi() == null ? null : service.progressText(r.rectificationPi())
          .replaceFirst("^，", ""));
      row.put("rectificationLink", "/dashboard/rectification?org=" + r.orgId());
      row.put("lastYear", service.lastYear(r.orgId(), c.year()));
      reporters.add(row);
    }
    model.addAttribute("reporters", reporters);
    model.addAttribute("events", store.events(pi).stream().map(e -> Map.of("at", e.at().atZone(ChinaClock.ZONE)
        .toLocalDateTime().withNano(0).toString().replace('T', ' '), "who", pages.who(e.actor()), "text", e.text()))
        .toList());
    model.addAttribute("tasks", pages.tasksWithHolders(pi));
    return "duty-review/case";
  }

  /**
   * The 组织部门干事 closes the ballot before its due date, with the reason; {@link
   * DutyReviewService#closeBallotEarly} checks who asks and every rule.
   */
  @PostMapping("/duty-review/cases/{pi}/close-ballot")
  String closeBallot(@PathVariable String pi, @RequestParam(required = false) String reason, Authentication auth,
      RedirectAttributes redirect) {
    DutyReviewStore.Case c = store.caseOf(pi).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "述职评议不存在"));
    visible(auth, c.orgId());
    String back = "redirect:/duty-review/cases/" + pi;
    // A refused close comes back with the reason typed, to be corrected rather than typed again.
    redirect.addFlashAttribute("closeReason", reason);
    return pages.act(redirect, back, () -> {
      service.closeBallotEarly(pi, auth.getName(), reason);
      redirect.addFlashAttribute("message", "民主测评已提前截止，综合评价按已投的票计算；请在待办中逐一点评。");
      return back;
    });
  }

  /**
   * The overall grade as the row shows it: the one the review recorded, else the grade of the votes cast so far
   * (marked 测评中 while raters may still vote), else 未测评.
   */
  private String grade(DutyReviewStore.Reporter r, int votes, Map<String, Long> counts, boolean ballotRunning) {
    if (r.grade() != null) {
      return r.grade();
    }
    if (votes == 0) {
      return ballotRunning ? "测评中" : "未测评";
    }
    List<String> cast = new ArrayList<>();
    counts.forEach((g, n) -> cast.addAll(Collections.nCopies(n.intValue(), g)));
    String overall = DutyReviewRules.rating(cast, service.settings()).overall();
    return ballotRunning ? overall + "（测评中）" : overall;
  }

  /** The reviewing 党委's 组织部门干事, or the administrator. */
  private boolean mayStart(Authentication auth, Organization org) {
    return mayStart(auth, pages.assignments(auth), org);
  }

  private static boolean mayStart(Authentication auth, List<RoleAssignment> held, Organization org) {
    if (AccessScope.isAdmin(auth)) {
      return true;
    }
    return held.stream().anyMatch(a -> a.orgId().equals(org.id()) && a.role() == Role.ORG_DEPARTMENT);
  }

  private Organization visible(Authentication auth, String org) {
    return pages.visible(auth, org, service::reviewing);
  }

  private String names(String ids) {
    return ids == null || ids.isBlank() ? "" : service.names(List.of(ids.split(",")));
  }

}
