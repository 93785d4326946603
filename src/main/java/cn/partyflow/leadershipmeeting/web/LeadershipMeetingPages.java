package cn.partyflow.leadershipmeeting.web;

import cn.partyflow.leadershipmeeting.LeadershipMeetingService;
import cn.partyflow.leadershipmeeting.LeadershipMeetingStore;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OverviewScope;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoleAssignment;
import cn.partyflow.organization.TaskHolders;
import cn.partyflow.security.ProcedurePages;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.RuleViolation;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * 民主生活会 in the browser. Everybody sees the 党委 and 党组 in their scope with their years' cases; the
 * organization's 书记 and 组织部门干事 (and the administrator) start a year's case. A case's page shows every step
 * with who did it, the open tasks with who holds them, the members' materials, the talks, the meeting's attendance
 * and criticism, the report and the rectification case its problem list started.
 */
@Controller
class LeadershipMeetingPages {

  static final Set<Role> STARTERS = EnumSet.of(Role.SECRETARY, Role.ORG_DEPARTMENT);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final LeadershipMeetingService service;
  private final LeadershipMeetingStore store;
  private final OverviewScope overview;
  private final OrganizationDirectory directory;
  private final ProcedurePages pages;
  private final TaskService tasks;
  private final TaskHolders holders;

  LeadershipMeetingPages(LeadershipMeetingService service, LeadershipMeetingStore store, OverviewScope overview,
      OrganizationDirectory directory, ProcedurePages pages, TaskService tasks, TaskHolders holders) {
    this.service = service;
    this.store = store;
    this.overview = overview;
    this.directory = directory;
    this.pages = pages;
    this.tasks = tasks;
    this.holders = holders;
  }

  @GetMapping("/leadership-meeting")
  String organizations(@RequestParam(required = false) String org, Authentication auth, Model model) {
    int thisYear = ChinaClock.today().getYear();
    OverviewScope.Rows shown = overview.rows(auth, org, LeadershipMeetingService::holdsLeadershipMeeting);
    model.addAttribute("organizations", rows(auth, shown.organizations()));
    model.addAttribute("overview", shown);
    model.addAttribute("years", List.of(thisYear - 1, thisYear, thisYear + 1));
    model.addAttribute("thisYear", thisYear);
    model.addAttribute("settings", service.settings());
    return "leadership-meeting/organizations";
  }

  /** The overview's rows of these 党委 and 党组, in their order, with whether the user may start for each. */
  List<Map<String, Object>> rows(Authentication auth, List<Organization> organizations) {
    if (organizations.isEmpty()) {
      return List.of();
    }
    // One query over all the rows, and the user's roles read once, not per 党委 or 党组.
    Map<String, List<LeadershipMeetingStore.Case>> cases =
        store.cases(organizations.stream().map(Organization::id).toList());
    List<RoleAssignment> held = pages.assignments(auth);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Organization o : organizations) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", o.id());
      row.put("name", o.name());
      row.put("kind", o.kind().label());
      row.put("cases", cases.getOrDefault(o.id(), List.of()).stream().map(c -> Map.of("id",
          c.processInstanceId(), "label", c.year() + "年度：" + state(c))).toList());
      row.put("mayStart", mayStart(auth, held, o));
      rows.add(row);
    }
    return rows;
  }

  @PostMapping("/leadership-meeting/{org}/start")
  String start(@PathVariable String org, @RequestParam(required = false) String year,
      @RequestParam(required = false) String view, Authentication auth, RedirectAttributes redirect) {
    Organization o = visible(auth, org);
    return pages.act(redirect, OverviewScope.back("/leadership-meeting", view), () -> {
      if (!mayStart(auth, o)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有" + o.name() + "的书记或组织部门干事可以发起民主生活会");
      }
      Integer y = FormInput.integer(year, "年度");
      if (y == null) {
        throw new RuleViolation("form.required", "请选择年度");
      }
      String pi = pages.startAs(auth.getName(), () -> service.start(org, y));
      redirect.addFlashAttribute("message", "已发起" + o.name() + y + "年度民主生活会，请组织部门拟定会议主题和方案报上级审核。");
      return "redirect:/leadership-meeting/cases/" + pi;
    });
  }

  /**
   * The 党委's 书记 or 组织部门干事 asks the higher level to hold the meeting earlier or later than the approved day;
   * {@link LeadershipMeetingService#requestDateChange} checks who asks and every rule.
   */
  @PostMapping("/leadership-meeting/cases/{pi}/date-change")
  String requestDateChange(@PathVariable String pi, @RequestParam(required = false) String newDate,
      @RequestParam(required = false) String reason, Authentication auth, RedirectAttributes redirect) {
    LeadershipMeetingStore.Case c = store.caseOf(pi).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "民主生活会案卷不存在"));
    visible(auth, c.orgId());
    String back = "redirect:/leadership-meeting/cases/" + pi;
    // A refused request comes back with what was typed, to be corrected rather than typed again.
    redirect.addFlashAttribute("dateChangeDay", newDate);
    redirect.addFlashAttribute("dateChangeReason", reason);
    return pages.act(redirect, back, () -> {
      service.requestDateChange(pi, auth.getName(), FormInput.requiredDate(newDate, "改期后的召开日期"), reason);
      redirect.addFlashAttribute("message", "改期申请已报上级党组织审批；同意前仍按原拟召开日期召开。");
      return back;
    });
  }

  @GetMapping("/leadership-meeting/cases/{pi}")
  String record(@PathVariable String pi, Authentication auth, Model model) {
    LeadershipMeetingStore.Case c = store.caseOf(pi).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "民主生活会案卷不存在"));
    Organization o = visible(auth, c.orgId());
    model.addAttribute("org", o);
    model.addAttribute("higher", higherName(o));
    model.addAttribute("c", c);
    model.addAttribute("state", state(c));
    model.addAttribute("starter", pages.who(c.startedBy()));
    model.addAttribute("members", store.members(pi));
    model.addAttribute("talks", store.talks(pi));
    model.addAttribute("problems", store.problems(pi));
    model.addAttribute("events", store.events(pi).stream().map(e -> Map.of("at", MINUTE.format(
        e.at().atZone(ChinaClock.ZONE)), "who", pages.who(e.actor()), "text", e.text())).toList());
    model.addAttribute("tasks", openTasks(pi));
    List<LeadershipMeetingStore.DateChange> changes = store.dateChanges(pi);
    model.addAttribute("dateChanges", changes.stream().map(d -> dateChange(d)).toList());
    model.addAttribute("mayRequestDateChange", c.planApprovedOn() != null && c.meetingDate() == null
        && changes.stream().noneMatch(d -> d.approved() == null) && pages.holds(auth, a -> a.orgId().equals(o.id())
        && LeadershipMeetingService.DATE_CHANGE_REQUESTERS.contains(a.role())) && service.takesDateChange(pi));
    model.addAttribute("today", ChinaClock.today());
    model.addAttribute("rectificationTasks", c.rectificationCase() == null ? List.of()
        : openTasks(c.rectificationCase()));
    return "leadership-meeting/case";
  }

  private Map<String, String> dateChange(LeadershipMeetingStore.DateChange d) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("requested", MINUTE.format(d.requestedAt().atZone(ChinaClock.ZONE)) + "，" + pages.who(d.requestedBy()));
    row.put("change", d.oldDate() + (d.newDate().isBefore(d.oldDate()) ? " 提前到 " : " 推迟到 ") + d.newDate());
    row.put("reason", d.reason());
    row.put("answer", d.approved() == null ? "待上级审批" : d.approved() ? "同意" : "不同意");
    row.put("decided", d.decidedAt() == null ? "" : MINUTE.format(d.decidedAt().atZone(ChinaClock.ZONE)) + "，"
        + pages.who(d.decidedBy()));
    row.put("opinion", d.opinion() == null ? "" : d.opinion());
    return row;
  }

  private List<Map<String, String>> openTasks(String pi) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Task t : tasks.createTaskQuery().processInstanceId(pi).orderByTaskCreateTime().asc().list()) {
      out.add(Map.of("name", t.getName(), "link", ProcedurePages.TASKLIST + t.getId(),
          "holder", holders.describe(t), "due", t.getDueDate() == null ? ""
              : "期限 " + t.getDueDate().toInstant().atZone(ChinaClock.ZONE).toLocalDate()));
    }
    return out;
  }

  /** The higher level by name; a registry changed since the start may have none left. */
  private String higherName(Organization o) {
    try {
      return service.higher(o).name();
    } catch (RuleViolation e) {
      return "（组织信息中已无上级党委）";
    }
  }

  private static String state(LeadershipMeetingStore.Case c) {
    if (c.rectificationCase() != null) {
      return "已办结，问题清单已移交整改";
    }
    if (c.reportDate() != null) {
      return "已报送情况报告";
    }
    if (c.meetingDate() != null) {
      return "已召开（" + c.meetingDate() + "）";
    }
    if (c.planApprovedOn() != null) {
      return "方案已同意，会前准备";
    }
    if (c.theme() != null) {
      return "方案已报送上级";
    }
    return "拟定方案";
  }

  private boolean mayStart(Authentication auth, Organization org) {
    return mayStart(auth, pages.assignments(auth), org);
  }

  private static boolean mayStart(Authentication auth, List<RoleAssignment> held, Organization org) {
    if (AccessScope.isAdmin(auth)) {
      return true;
    }
    return held.stream().anyMatch(a -> a.orgId().equals(org.id()) && STARTERS.contains(a.role()));
  }

  private Organization visible(Authentication auth, String org) {
    return pages.visible(auth, org, service::leadership);
  }

}
