package cn.partyflow.home;

import cn.partyflow.audit.RecentCases;
import cn.partyflow.dues.DuesCharts;
import cn.partyflow.dues.DuesLevels;
import cn.partyflow.dues.DuesProgress;
import cn.partyflow.dues.DuesSubtreeTotals;
import cn.partyflow.memberdevelopment.MemberDevelopment;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationChoices;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Roster;
import cn.partyflow.organization.ScopeLevels;
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
import java.util.Optional;
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
  static final String TOTAL = "合计";

  /**
   * One row's people on the way into the Party, by stage: an organization with everything below it, or with
   * {@code own} the top organization's own people only; {@code orgId} null for the total.
   */
  public record PipelineRow(String orgId, String orgName, Map<MemberStatus, Long> counts, boolean own) {

    public long count(MemberStatus status) {
      return counts.getOrDefault(status, 0L);
    }
  }

  /** A deadline of an open 发展党员 task. */
  public record Deadline(String taskId, String name, LocalDate due, long daysLeft) {}

  /** A dues month summed over a row's branches, with the row's name; {@code orgId} null for the total. */
  public record DuesRow(String orgId, String orgName, DuesProgress.BranchMonth month) {}

  private final OrganizationDirectory directory;
  private final AccessScope scope;
  private final MyTasks tasks;
  private final Roster roster;
  private final DuesProgress dues;
  private final RectificationDashboard rectification;
  private final RecentCases cases;
  private final DuesSubtreeTotals duesLevels;

  HomeController(OrganizationDirectory directory, AccessScope scope, MyTasks tasks, Roster roster, DuesProgress dues,
      RectificationDashboard rectification, RecentCases cases, DuesSubtreeTotals duesLevels) {
    this.directory = directory;
    this.scope = scope;
    this.tasks = tasks;
    this.roster = roster;
    this.dues = dues;
    this.rectification = rectification;
    this.cases = cases;
    this.duesLevels = duesLevels;
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
    // A county's scope sums its organizations' figures as it always did; a larger one reads the figures kept per
    // subtree for its rows, or sums as a county's does while those lag a change of the tree.
    boolean large = orgs.size() > OrganizationChoices.LIMIT;
    if (me.officer()) {
      ScopeLevels levels = ScopeLevels.of(orgs);
      List<PipelineRow> pipeline = (large ? keptPipeline(levels) :
          Optional.<List<PipelineRow>>empty()).orElseGet(() -> pipeline(visible, levels));
      model.addAttribute("pipeline", pipeline);
      model.addAttribute("pipelineChart", HomeCharts.funnel(pipeline));
      model.addAttribute("stages", PIPELINE);
      model.addAttribute("deadlines", deadlines(me.userId(), today));
      String period = YearMonth.from(today).toString();
      model.addAttribute("duesPeriod", period);
      List<String> branches = orgs.stream().filter(o -> o.kind() == OrganizationKind.BRANCH).map(Organization::id)
          .toList();
      // Read for the whole scope: the kept totals hold branches only, and a province's scope is read as the registry.
      List<DuesRow> duesRows = (large ? keptDuesRows(levels, period) : Optional.<List<DuesRow>>empty())
          .orElseGet(() -> duesRows(levels, dues.month(visible, period), period));
      model.addAttribute("dues", duesRows);
      model.addAttribute("duesChart", HomeCharts.duesRate(duesRows, period));
      model.addAttribute("hasBranches", !branches.isEmpty());
      if (me.holdsAny(Navigation.DUES_ROLES) && !branches.isEmpty()) {
        YearMonth now = YearMonth.from(today);
        List<String> periods = DuesCharts.periods(now.minusMonths(DUES_MONTHS - 1), now);
        Map<String, String> names = new LinkedHashMap<>();
        List<DuesProgress.BranchMonth> rates = (large ? keptMonthRates(levels, periods, names)
            : Optional.<List<DuesProgress.BranchMonth>>empty()).orElseGet(() -> monthRates(visible, levels, periods,
            names));
        model.addAttribute("duesMonthsChart", rates.isEmpty() ? null
            : DuesCharts.monthlyRates("chart-dues-months", "组织", names, periods, rates));
      }
    }
    if (me.manager() || me.admin()) {
      RectificationDashboard.Summary summary = (large ? rectification.summaryOfSubtrees(directory.tops(visible))
          : Optional.<RectificationDashboard.Summary>empty())
          .orElseGet(() -> rectification.summary(visible, RectificationDashboard.Filter.none()));
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

  /**
   * Camunda's product intro page, shipped in the webapp jar, which Cockpit's and Admin's English first-visit hint
   * links to (the Chinese hint links to 工作台): our users start on 工作台, so the link leads there.
   */
  @GetMapping({"/camunda-welcome", "/camunda-welcome/", "/camunda-welcome/index.html"})
  String camundaWelcome() {
    return "redirect:/";
  }

  /**
   * A row per organization under the user's top organizations with the people of its whole subtree, the top's own
   * people when it has any, and a total when there are several rows.
   */
  List<PipelineRow> pipeline(Set<String> visible, ScopeLevels levels) {
    Map<String, Map<MemberStatus, Long>> counts = roster.stageCounts(visible);
    return withTotal(levels.totals(counts, l -> new EnumMap<>(MemberStatus.class), HomeController::plus, true));
  }

  /**
   * The same rows from the counts kept per level: one row per stage of each row's organization (a province's
   * secretary: his cities and the province itself), none of the people; empty when those counts lag the tree.
   */
  Optional<List<PipelineRow>> keptPipeline(ScopeLevels levels) {
    return roster.stageCountsBelow(levels.levels().stream().map(ScopeLevels.Level::orgId).toList())
        .map(counts -> withTotal(levels.totalsOfSubtrees(counts, l -> new EnumMap<>(MemberStatus.class),
            HomeController::plus, HomeController::minus, c -> c.values().stream().allMatch(n -> n == 0), true)));
  }

  private static List<PipelineRow> withTotal(List<ScopeLevels.Total<Map<MemberStatus, Long>>> totals) {
    List<PipelineRow> rows = new ArrayList<>(totals.stream()
        .map(t -> new PipelineRow(t.level().orgId(), t.level().name(), t.value(), t.level().own())).toList());
    if (rows.size() > 1) {
      rows.add(new PipelineRow(null, TOTAL, rows.stream().map(PipelineRow::counts)
          .reduce(new EnumMap<>(MemberStatus.class), HomeController::plus), false));
    }
    return rows;
  }

  private static Map<MemberStatus, Long> plus(Map<MemberStatus, Long> a, Map<MemberStatus, Long> b) {
    Map<MemberStatus, Long> sum = new EnumMap<>(MemberStatus.class);
    PIPELINE.forEach(s -> sum.put(s, a.getOrDefault(s, 0L) + b.getOrDefault(s, 0L)));
    return sum;
  }

  private static Map<MemberStatus, Long> minus(Map<MemberStatus, Long> a, Map<MemberStatus, Long> b) {
    Map<MemberStatus, Long> difference = new EnumMap<>(MemberStatus.class);
    PIPELINE.forEach(s -> difference.put(s, a.getOrDefault(s, 0L) - b.getOrDefault(s, 0L)));
    return difference;
  }

  /** The month's branches summed per row (rows without a ledger this month left out), and a total of several. */
  static List<DuesRow> duesRows(ScopeLevels levels, List<DuesProgress.BranchMonth> months, String period) {
    return DuesLevels.month(levels, months, period, false).stream()
        .map(r -> new DuesRow(r.orgId(), r.orgName(), r.month())).toList();
  }

  /** The same rows from the month totals kept per subtree, read for the rows' organizations; empty while they lag. */
  Optional<List<DuesRow>> keptDuesRows(ScopeLevels levels, String period) {
    return duesLevels.month(levels.levels().stream().map(ScopeLevels.Level::orgId).toList(), period)
        .map(perSubtree -> DuesLevels.monthOfSubtrees(levels, perSubtree, period, false).stream()
            .map(r -> new DuesRow(r.orgId(), r.orgName(), r.month())).toList());
  }

  /** The 收缴率 chart's lines from each branch's months, the rows' names put into {@code names}. */
  List<DuesProgress.BranchMonth> monthRates(Set<String> visible, ScopeLevels levels, List<String> periods,
      Map<String, String> names) {
    List<DuesProgress.BranchMonth> months = dues.months(visible, periods.get(0), periods.get(periods.size() - 1));
    return DuesLevels.monthRates(levels, months, periods, names);
  }

  /** The same lines from the month totals kept per subtree; empty while they lag a change of the tree. */
  Optional<List<DuesProgress.BranchMonth>> keptMonthRates(ScopeLevels levels, List<String> periods,
      Map<String, String> names) {
    return duesLevels.months(levels.levels().stream().map(ScopeLevels.Level::orgId).toList(), periods.get(0),
        periods.get(periods.size() - 1)).map(perSubtree -> DuesLevels.monthRatesOfSubtrees(levels, perSubtree,
        periods, names));
  }

  private List<Deadline> deadlines(String userId, LocalDate today) {
    return tasks.nextDeadlines(userId, MemberDevelopment.PROCESS_KEY, LIST_ROWS).stream().map(d -> {
      LocalDate due = ChinaClock.toLocalDate(d.due());
      return new Deadline(d.taskId(), d.name(), due, java.time.temporal.ChronoUnit.DAYS.between(today, due));
    }).toList();
  }

}
