package cn.partyflow.home;

import cn.partyflow.audit.RecentCases;
import cn.partyflow.dues.DuesCharts;
import cn.partyflow.dues.DuesProgress;
import cn.partyflow.memberdevelopment.MemberDevelopment;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Roster;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.rectification.RectificationCharts;
import cn.partyflow.rectification.RectificationDashboard;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.tasklist.MyTasks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 工作台 ({@code /}): the user's Tasklist counts, each linking to its filter, and the numbers of the user's roles.
 * An anonymous visitor is sent to the login page.
 */
@Controller
class HomeController {

  static final String LOGIN_PAGE = "/camunda/app/welcome/default/#!/login";
  static final List<MemberStatus> PIPELINE =
      List.of(MemberStatus.APPLICANT, MemberStatus.ACTIVIST, MemberStatus.TARGET, MemberStatus.PROBATIONARY);
  static final int LIST_ROWS = 5;
  /** Months of 收缴率 the dues keepers' chart shows, this month last. */
  static final int DUES_MONTHS = 6;

  /** One organization's people on the way into the Party, by stage. */
  public record PipelineRow(String orgId, String orgName, Map<MemberStatus, Long> counts) {

    public long count(MemberStatus status) {
      return counts.getOrDefault(status, 0L);
    }
  }

  /** A deadline of an open 发展党员 task. */
  public record Deadline(String taskId, String name, LocalDate due, long daysLeft) {}

  /** A dues month with the branch's name. */
  public record DuesRow(String orgName, DuesProgress.BranchMonth month) {}

  private final OrganizationDirectory directory;
  private final AccessScope scope;
  private final MyTasks tasks;
  private final Roster roster;
  private final DuesProgress dues;
  private final RectificationDashboard rectification;
  private final RecentCases cases;

  HomeController(OrganizationDirectory directory, AccessScope scope, MyTasks tasks, Roster roster, DuesProgress dues,
      RectificationDashboard rectification, RecentCases cases) {
    this.directory = directory;
    this.scope = scope;
    this.tasks = tasks;
    this.roster = roster;
    this.dues = dues;
    this.rectification = rectification;
    this.cases = cases;
  }

  @GetMapping("/")
  String home(Authentication auth, Model model) {
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return "redirect:" + LOGIN_PAGE;
    }
    Profile me = Profile.of(auth, directory);
    Set<String> visible = scope.visibleOrganizations(auth);
    List<Organization> orgs = directory.organizations().stream().filter(o -> visible.contains(o.id())).toList();
    LocalDate today = ChinaClock.today();
    model.addAttribute("me", me);
    model.addAttribute("today", today);
    model.addAttribute("tasklist", Navigation.TASKLIST);
    model.addAttribute("taskCounts", tasks.filterCounts(me.userId()));
    if (me.officer()) {
      List<PipelineRow> pipeline = pipeline(orgs);
      model.addAttribute("pipeline", pipeline);
      model.addAttribute("pipelineChart", HomeCharts.funnel(pipeline));
      model.addAttribute("stages", PIPELINE);
      model.addAttribute("deadlines", deadlines(me.userId(), today));
      String period = YearMonth.from(today).toString();
      model.addAttribute("duesPeriod", period);
      List<Organization> branches = orgs.stream().filter(o -> o.kind() == OrganizationKind.BRANCH).toList();
      List<DuesRow> duesRows = dues.month(branches.stream().map(Organization::id).toList(), period).stream()
          .map(m -> new DuesRow(name(branches, m.branchId()), m)).toList();
      model.addAttribute("dues", duesRows);
      model.addAttribute("duesChart", HomeCharts.duesRate(duesRows, period));
      model.addAttribute("hasBranches", !branches.isEmpty());
      if (me.holdsAny(Navigation.DUES_ROLES) && !branches.isEmpty()) {
        YearMonth now = YearMonth.from(today);
        List<String> periods = DuesCharts.periods(now.minusMonths(DUES_MONTHS - 1), now);
        Map<String, String> names = new LinkedHashMap<>();
        branches.forEach(b -> names.put(b.id(), b.name()));
        List<DuesProgress.BranchMonth> months = dues.months(names.keySet(), periods.get(0), now.toString());
        model.addAttribute("duesMonthsChart", months.isEmpty() ? null
            : DuesCharts.monthlyRates("chart-dues-months", names, periods, months));
      }
    }
    if (me.manager() || me.admin()) {
      RectificationDashboard.Summary summary = rectification.summary(visible, RectificationDashboard.Filter.none());
      long total = summary.byStatus().entrySet().stream()
          .filter(e -> !RectificationDashboard.OVERDUE.equals(e.getKey())
              && !RectificationDashboard.DUE_SOON.equals(e.getKey()))
          .mapToLong(Map.Entry::getValue).sum();
      long closed = summary.byStatus().getOrDefault(Rectification.CLOSED, 0L);
      model.addAttribute("rectification", summary);
      model.addAttribute("rectificationTotal", total);
      model.addAttribute("rectificationClosed", closed);
      model.addAttribute("rectificationPercent", total == 0 ? 0 : closed * 100 / total);
      model.addAttribute("rectificationStatuses", Rectification.STATUSES);
      model.addAttribute("rectificationStatusChart", RectificationCharts.byStatus("chart-rectification-status", summary));
      model.addAttribute("rectificationDepartmentChart",
          RectificationCharts.byDepartment("chart-rectification-departments", summary));
      model.addAttribute("rectificationWeeklyChart", RectificationCharts.weekly("chart-rectification-weekly", summary));
    }
    if (me.auditor() || me.admin()) {
      model.addAttribute("cases", cases.overview(visible, LIST_ROWS));
    }
    return "home/index";
  }

  /** Each organization in scope that has people on the way in, with a total when there are several. */
  private List<PipelineRow> pipeline(List<Organization> orgs) {
    Map<String, Map<MemberStatus, Long>> counts = roster.stageCounts(orgs.stream().map(Organization::id).toList());
    List<PipelineRow> rows = new ArrayList<>();
    Map<MemberStatus, Long> total = new EnumMap<>(MemberStatus.class);
    for (Organization o : orgs) {
      Map<MemberStatus, Long> c = counts.getOrDefault(o.id(), Map.of());
      if (PIPELINE.stream().anyMatch(s -> c.getOrDefault(s, 0L) > 0) || o.kind() == OrganizationKind.BRANCH) {
        rows.add(new PipelineRow(o.id(), o.name(), c));
        PIPELINE.forEach(s -> total.merge(s, c.getOrDefault(s, 0L), Long::sum));
      }
    }
    if (rows.size() > 1) {
      rows.add(new PipelineRow(null, "合计", total));
    }
    return rows;
  }

  private List<Deadline> deadlines(String userId, LocalDate today) {
    return tasks.nextDeadlines(userId, MemberDevelopment.PROCESS_KEY, LIST_ROWS).stream().map(d -> {
      LocalDate due = ChinaClock.toLocalDate(d.due());
      return new Deadline(d.taskId(), d.name(), due, java.time.temporal.ChronoUnit.DAYS.between(today, due));
    }).toList();
  }

  private static String name(List<Organization> orgs, String id) {
    return orgs.stream().filter(o -> o.id().equals(id)).map(Organization::name).findFirst().orElse(id);
  }
}
