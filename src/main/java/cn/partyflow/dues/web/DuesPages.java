package cn.partyflow.dues.web;

import cn.partyflow.dues.DuesArrearsService;
import cn.partyflow.dues.DuesAdjustments;
import cn.partyflow.dues.DuesAssessmentService;
import cn.partyflow.dues.DuesCharts;
import cn.partyflow.dues.DuesCollectionService;
import cn.partyflow.dues.DuesLevels;
import cn.partyflow.dues.IncomeImport;
import cn.partyflow.dues.DuesProcesses;
import cn.partyflow.dues.DuesProgress;
import cn.partyflow.dues.MemberCategory;
import cn.partyflow.dues.PayrollTemplate;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.ScopeLevels;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.RuleViolation;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 党费 in the browser: the branches in the user's scope, and per branch the year's amounts (payroll template,
 * upload into the open assessment task, corrections), the month's ledger with payments one by one or several at
 * once, the month close, remittance and receipt as they stand, arrears, adjustments and the XLSX downloads.
 * Every write is checked here against the writer (the branch's or a higher 党费管理员 or 书记; the approving
 * 组织部门 for adjustments), and the services check the rules; a refused write changes nothing.
 */
@Controller
class DuesPages {

  /** Months of 收缴率 the branches page charts, this month last. */
  private static final int RATE_MONTHS = 6;
  /**
   * More branches than this under the overview and it lists them per level instead of one by one: a 党委 of a
   * hospital (a few dozen branches at most) keeps its list of branches, a city's or a province's thousands do not.
   */
  static final int BRANCH_ROWS = 50;
  private static final Set<Role> KEEPERS = EnumSet.of(Role.DUES_KEEPER, Role.SECRETARY);
  /** The steps a keeper finishes on this page; all others are worked in Tasklist, linked from the page. */
  private static final Set<String> PAGE_STEPS = Set.of(DuesProcesses.TASK_IMPORT_INCOME,
      DuesProcesses.TASK_REVIEW_AMOUNTS, DuesProcesses.TASK_COLLECT_DUES);
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /**
   * A row of the overview of a large scope: an organization with the branches of its subtree (their number and this
   * month summed), its link ({@code href} null where there is nothing to open), or the total ({@code orgId} null).
   */
  public record LevelRow(String orgId, String name, String href, int branches, DuesProgress.BranchMonth month) {}

  private final DuesAssessmentService assessments;
  private final IncomeImport income;
  private final DuesAdjustments adjustments;
  private final DuesCollectionService collections;
  private final DuesArrearsService arrears;
  private final PayrollTemplate template;
  private final DuesAccess access;
  private final DuesCases cases;
  private final OrganizationDirectory directory;
  private final DuesProgress progress;

  DuesPages(DuesAssessmentService assessments, IncomeImport income, DuesAdjustments adjustments,
      DuesCollectionService collections, DuesArrearsService arrears, PayrollTemplate template, DuesAccess access,
      DuesCases cases, OrganizationDirectory directory, DuesProgress progress) {
    this.progress = progress;
    this.assessments = assessments;
    this.income = income;
    this.adjustments = adjustments;
    this.collections = collections;
    this.arrears = arrears;
    this.template = template;
    this.access = access;
    this.cases = cases;
    this.directory = directory;
  }

  /**
   * The overview of the user's scope, or with {@code org} of one organization in it and everything below (404 for one
   * outside the scope, as for a branch's page): up to {@link #BRANCH_ROWS} branches are listed one by one, more are
   * summed per level below the top ({@link ScopeLevels}), each row leading one level further down until the branches.
   */
  @GetMapping("/dues")
  String branches(@RequestParam(required = false) String org, Authentication auth, Model model) {
    Set<String> visible = access.visible(auth);
    List<Organization> scope = directory.organizations().stream().filter(o -> visible.contains(o.id())).toList();
    // Read as the scope is given: a province's is marked as the registry and read as a subquery, not 20,000 ids.
    Set<String> read = visible;
    if (org != null && !org.isBlank()) {
      access.requireVisible(auth, org);
      scope = ScopeLevels.below(scope, org);
      read = directory.subtrees(List.of(org));
      List<Organization> path = new ArrayList<>(directory.selfAndAncestors(org).stream()
          .filter(o -> visible.contains(o.id())).toList());
      java.util.Collections.reverse(path);
      model.addAttribute("org", path.get(path.size() - 1));
      model.addAttribute("path", path.subList(0, path.size() - 1));
    }
    List<Organization> branches = scope.stream()
        .filter(o -> o.kind() == OrganizationKind.BRANCH || o.kind() == OrganizationKind.GENERAL_BRANCH).toList();
    YearMonth now = YearMonth.from(ChinaClock.today());
    List<String> periods = DuesCharts.periods(now.minusMonths(RATE_MONTHS - 1), now);
    model.addAttribute("branchCount", branches.size());
    if (branches.size() > BRANCH_ROWS) {
      levels(ScopeLevels.of(scope), scope, branches, read, now.toString(), periods, model);
      return "dues/branches";
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    branches.stream().sorted(Comparator.comparing(Organization::id))
        .forEach(o -> rows.add(Map.of("id", o.id(), "name", o.name(),
            "mayAct", access.mayAct(auth, o.id(), KEEPERS))));
    model.addAttribute("branches", rows);
    Map<String, String> names = new LinkedHashMap<>();
    rows.forEach(r -> names.put((String) r.get("id"), (String) r.get("name")));
    List<DuesProgress.BranchMonth> rates = progress.months(names.keySet(), periods.get(0), now.toString());
    boolean oneLine = names.size() > DuesLevels.CHART_SERIES;
    model.addAttribute("ratesChart", rates.isEmpty() ? null : oneLine
        ? DuesCharts.monthlyRates("chart-dues-rates", "组织", Map.of(DuesLevels.TOTAL, DuesLevels.TOTAL), periods,
            DuesLevels.oneLine(rates))
        : DuesCharts.monthlyRates("chart-dues-rates", names, periods, rates));
    return "dues/branches";
  }

  /**
   * The overview of a large scope: this month per level (each row's branches counted and their kept month totals
   * summed), every row kept so that it can be opened, and the months' 收缴率 per row.
   */
  private void levels(ScopeLevels levels, List<Organization> scope, List<Organization> branches, Set<String> read,
      String period, List<String> periods, Model model) {
    Map<String, Organization> byId = new java.util.HashMap<>();
    scope.forEach(o -> byId.put(o.id(), o));
    Map<String, Integer> perBranch = new LinkedHashMap<>();
    branches.forEach(b -> perBranch.put(b.id(), 1));
    Map<String, Integer> counts = new java.util.HashMap<>();
    levels.totals(perBranch, l -> 0, Integer::sum, true).forEach(t -> counts.put(t.level().orgId(), t.value()));
    List<DuesLevels.Row> month = DuesLevels.month(levels, progress.month(read, period), period, true);
    model.addAttribute("levels", month.stream().map(r -> new LevelRow(r.orgId(), r.orgName(),
        r.orgId() == null ? null : href(byId.get(r.orgId()), r.own()),
        r.orgId() == null ? branches.size() : counts.getOrDefault(r.orgId(), 0), r.month())).toList());
    model.addAttribute("period", period);
    Map<String, String> names = new LinkedHashMap<>();
    List<DuesProgress.BranchMonth> rates = DuesLevels.monthRates(levels,
        progress.months(read, periods.get(0), period), periods, names);
    model.addAttribute("ratesChart", rates.isEmpty() ? null
        : DuesCharts.monthlyRates("chart-dues-rates", "组织", names, periods, rates));
  }

  /**
   * Where a row of the overview leads: a branch (or a 党总支's own ledger) to its page, an organization above the
   * branches to the overview narrowed to it; a 党小组 nowhere (it keeps no ledger).
   */
  private static String href(Organization org, boolean own) {
    boolean ledger = org.kind() == OrganizationKind.BRANCH || own && org.kind() == OrganizationKind.GENERAL_BRANCH;
    if (ledger) {
      return UriComponentsBuilder.fromPath("/dues/{branch}").buildAndExpand(org.id()).encode().toUriString();
    }
    if (org.kind().ordinal() > OrganizationKind.BRANCH.ordinal() || own) {
      return null;
    }
    return UriComponentsBuilder.fromPath("/dues").queryParam("org", "{org}").buildAndExpand(org.id()).encode()
        .toUriString();
  }

  @GetMapping("/dues/{branch}")
  String branch(@PathVariable String branch, @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String month, Authentication auth, Model model) {
    access.requireVisible(auth, branch);
    String user = auth.getName();
    YearMonth thisMonth = YearMonth.from(ChinaClock.today());
    int y = year != null ? year : month != null ? month(month).getYear() : thisMonth.getYear();
    String m = month != null ? month(month).toString() : y == thisMonth.getYear() ? thisMonth.toString() : y + "-01";
    String assessmentKey = DuesProcesses.assessmentKey(branch, y);
    String collectionKey = DuesProcesses.collectionKey(branch, m);
    List<DuesCases.OpenTask> assessmentTasks = cases.open(DuesProcesses.ASSESSMENT, assessmentKey, user);
    List<DuesCases.OpenTask> collectionTasks = cases.open(DuesProcesses.COLLECTION, collectionKey, user);
    DuesCollectionService.MonthStatus status = collections.monthStatus(branch, m);

    model.addAttribute("branch", assessmentsBranch(branch));
    model.addAttribute("year", y);
    model.addAttribute("month", m);
    model.addAttribute("futureMonth", month(m).isAfter(thisMonth));
    model.addAttribute("years", List.of(thisMonth.getYear() - 1, thisMonth.getYear(), thisMonth.getYear() + 1));
    List<String> months = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      months.add(YearMonth.of(y, i).toString());
    }
    model.addAttribute("months", months);
    List<DuesProgress.BranchMonth> rates = progress.months(List.of(branch), months.get(0), months.get(11));
    model.addAttribute("ratesChart", rates.isEmpty() ? null : DuesCharts.monthlyRates("chart-dues-rates",
        Map.of(branch, assessmentsBranch(branch).name()), months, rates));
    model.addAttribute("mayAct", access.mayAct(auth, branch, KEEPERS));
    model.addAttribute("today", ChinaClock.today().toString());
    model.addAttribute("members", members(branch));
    model.addAttribute("categories", MemberCategory.values());

    model.addAttribute("assessmentState", state(cases.instance(DuesProcesses.ASSESSMENT, assessmentKey).isPresent(),
        assessmentTasks.isEmpty()));
    model.addAttribute("assessmentTasks", assessmentTasks);
    model.addAttribute("importTask", mine(assessmentTasks, DuesProcesses.TASK_IMPORT_INCOME));
    model.addAttribute("reviewTask", mine(assessmentTasks, DuesProcesses.TASK_REVIEW_AMOUNTS));
    model.addAttribute("assessment", assessments.rows(branch, y).stream().map(DuesPages::shown).toList());
    model.addAttribute("summary", assessments.summary(branch, y));

    model.addAttribute("collectionState", state(cases.instance(DuesProcesses.COLLECTION, collectionKey).isPresent(),
        collectionTasks.isEmpty()));
    model.addAttribute("collectionTasks", collectionTasks);
    model.addAttribute("collectTask", mine(collectionTasks, DuesProcesses.TASK_COLLECT_DUES));
    List<Map<String, Object>> ledger = collections.ledger(branch, m);
    model.addAttribute("ledger", ledger);
    model.addAttribute("provisional", ledger.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("provisional"))));
    model.addAttribute("settled", ledger.stream().anyMatch(r -> r.get("provisionalDue") != null));
    model.addAttribute("unassessed", unassessed(branch, m));
    model.addAttribute("close", status.close());
    model.addAttribute("remittance", status.remittance());

    List<Map<String, Object>> arrearsCases = arrears.branchCases(branch);
    model.addAttribute("arrears", arrearsCases.stream().filter(a -> !"SHORT".equals(a.get("kind"))).toList());
    model.addAttribute("shortPaid", arrearsCases.stream().filter(a -> "SHORT".equals(a.get("kind"))).toList());
    model.addAttribute("adjustments", adjustments.adjustments(branch, y).stream()
        .map(a -> adjustmentShown(branch, a, user)).toList());
    return "dues/branch";
  }

  @GetMapping("/dues/{branch}/payroll-template")
  ResponseEntity<byte[]> payrollTemplate(@PathVariable String branch, Authentication auth) {
    access.requireVisible(auth, branch);
    Organization org = assessmentsBranch(branch);
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
            + URLEncoder.encode(org.name() + "工资表模板.xlsx", StandardCharsets.UTF_8).replace("+", "%20"))
        .body(template.forBranch(branch));
  }

  @PostMapping("/dues/{branch}/assessment")
  String startAssessment(@PathVariable String branch, @RequestParam int year, Authentication auth,
      RedirectAttributes redirect) {
    return act(branch, year, null, auth, redirect, () -> {
      String instance = cases.startAs(auth.getName(), () -> assessments.start(branch, year));
      return "已发起" + year + "年度党费核定。" + nextStep(instance, auth.getName());
    });
  }

  @PostMapping("/dues/{branch}/assessment/income")
  String importIncome(@PathVariable String branch, @RequestParam int year,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication auth,
      RedirectAttributes redirect) {
    return act(branch, year, null, auth, redirect, () -> {
      requireMyStep(branch, DuesProcesses.ASSESSMENT, DuesProcesses.assessmentKey(branch, year), "Task_ImportIncome",
          auth, "没有您可办理的“导入收入数据”任务：请先发起" + year + "年度党费核定，或该步骤已经完成");
      if (file == null || file.isEmpty()) {
        throw new RuleViolation("dues.import.file", "请选择填好的工资表文件（XLSX或CSV）");
      }
      IncomeImport.ImportResult result;
      try {
        result = income.importIncome(branch, year, file.getOriginalFilename(), file.getBytes());
      } catch (IOException e) {
        throw new RuleViolation("dues.import.file", "文件读取失败，请重新上传");
      }
      return "已导入" + result.members() + "名党员的收入数据，月交纳合计" + result.monthlyTotal().toPlainString()
          + "元。核对无误后点“导入完成，计算党费”。";
    });
  }

  @PostMapping("/dues/{branch}/assessment/corrections")
  String correct(@PathVariable String branch, @RequestParam int year, @RequestParam String personId,
      @RequestParam(required = false) String category, @RequestParam(required = false) String base,
      @RequestParam(required = false) String amount, @RequestParam(required = false) String reason,
      Authentication auth, RedirectAttributes redirect) {
    return act(branch, year, null, auth, redirect, () -> {
      requireMyStep(branch, DuesProcesses.ASSESSMENT, DuesProcesses.assessmentKey(branch, year),
          "Task_ReviewAmounts", auth, "只有在“审核更正核定表”这一步才能更正，当前没有您可办理的这一步");
      BigDecimal newBase = Money.parse(base, "更正后的计算基数");
      BigDecimal newAmount = Money.parse(amount, "更正后的月交纳数额");
      if (newBase == null && newAmount == null && (category == null || category.isBlank())) {
        throw new RuleViolation("dues.correction.empty", "请填写更正后的人员类别、计算基数或月交纳数额");
      }
      assessments.correct(branch, year, List.of(new DuesAssessmentService.Correction(personId,
          category == null || category.isBlank() ? null : category(category), newBase, newAmount, reason)),
          auth.getName());
      return "已更正" + name(personId) + "的党费并记录原因";
    });
  }

  @PostMapping("/dues/{branch}/tasks/{taskId}/complete")
  String complete(@PathVariable String branch, @PathVariable String taskId, @RequestParam int year,
      @RequestParam String month, Authentication auth, RedirectAttributes redirect) {
    return act(branch, year, month, auth, redirect, () -> {
      access.requireRole(auth, branch, KEEPERS);
      Task task = cases.task(taskId).filter(t -> PAGE_STEPS.contains(t.getTaskDefinitionKey()))
          .filter(t -> branch.equals(orgOf(t))).orElseThrow(() -> new RuleViolation("dues.task.unknown",
              "该任务已经办理完毕或不属于本支部，请刷新页面"));
      String name = task.getName();
      cases.completeAs(auth.getName(), task);
      return "已完成“" + name + "”。" + nextStep(task.getProcessInstanceId(), auth.getName());
    });
  }

  @PostMapping("/dues/{branch}/collection")
  String startCollection(@PathVariable String branch, @RequestParam String month, Authentication auth,
      RedirectAttributes redirect) {
    return act(branch, null, month, auth, redirect, () -> {
      String instance = cases.startAs(auth.getName(), () -> collections.start(branch, month(month).toString()));
      return "已发起" + month + "党费收缴，登记表已生成。" + nextStep(instance, auth.getName());
    });
  }

  /** One payment as entered: the month's dues, back or prepaid months, voluntary extra. */
  @PostMapping("/dues/{branch}/payments")
  String pay(@PathVariable String branch, @RequestParam String month, @RequestParam String personId,
      @RequestParam(required = false) String period, @RequestParam(required = false) String amount,
      @RequestParam(required = false) String voluntary, @RequestParam(required = false) String paidDate,
      @RequestParam(required = false) String method, @RequestParam(required = false) Integer months,
      @RequestParam(required = false) String consentNote, @RequestParam(required = false) String exceptionNote,
      Authentication auth, RedirectAttributes redirect) {
    String page = act(branch, null, month, auth, redirect, () -> {
      collections.record(branch, month(month).toString(), List.of(new DuesCollectionService.Payment(personId,
          period, Money.parse(amount, "交纳金额"), Money.parse(voluntary, "自愿多交的党费"), date(paidDate, "交纳日期"),
          method, months == null ? 1 : months, consentNote, exceptionNote)), auth.getName());
      return "已登记" + name(personId) + "交纳的党费";
    });
    if (redirect.getFlashAttributes().containsKey("error")) {
      // A refused payment comes back as typed, for the same member: retyped from scratch it is easily entered for
      // the list's first member instead.
      Map<String, Object> typed = new java.util.HashMap<>();
      typed.put("personId", personId);
      typed.put("amount", amount);
      typed.put("voluntary", voluntary);
      typed.put("paidDate", paidDate);
      typed.put("method", method);
      typed.put("period", period);
      typed.put("months", months);
      typed.put("consentNote", consentNote);
      typed.put("exceptionNote", exceptionNote);
      redirect.addFlashAttribute("payment", typed);
    }
    return page;
  }

  /** Several members paid this month's dues in full on the same day and the same way: one all-or-nothing batch. */
  @PostMapping("/dues/{branch}/payments/batch")
  String payMany(@PathVariable String branch, @RequestParam String month,
      @RequestParam(name = "personId", required = false) List<String> personIds,
      @RequestParam(required = false) String paidDate, @RequestParam(required = false) String method,
      Authentication auth, RedirectAttributes redirect) {
    return act(branch, null, month, auth, redirect, () -> {
      if (personIds == null || personIds.isEmpty()) {
        throw new RuleViolation("dues.payment.none", "请勾选已交纳党费的党员");
      }
      String period = month(month).toString();
      LocalDate date = date(paidDate, "交纳日期");
      Map<String, BigDecimal> owed = new java.util.HashMap<>();
      collections.ledger(branch, period).forEach(r -> owed.put((String) r.get("personId"),
          ((BigDecimal) r.get("due")).subtract((BigDecimal) r.get("paid"))));
      List<DuesCollectionService.Payment> payments = personIds.stream().map(id -> new DuesCollectionService.Payment(
          id, period, owed.getOrDefault(id, BigDecimal.ZERO), null, date, method, 1, null)).toList();
      collections.record(branch, period, payments, auth.getName());
      return "已登记" + payments.size() + "名党员足额交纳" + period + "党费";
    });
  }

  /**
   * A request: recorded with its reason and started as the user into its approval case, whose task waits in
   * Tasklist for whoever approves it (the branch's 书记 for a retiree's reduction, else the 党委's 组织部门).
   */
  @PostMapping("/dues/{branch}/adjustments")
  String requestAdjustment(@PathVariable String branch, @RequestParam int year, @RequestParam String personId,
      @RequestParam String category, @RequestParam(required = false) String base,
      @RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String reducedAmount,
      @RequestParam(required = false) String branchDecisionDate, Authentication auth, RedirectAttributes redirect) {
    return act(branch, year, null, auth, redirect, () -> {
      Person person = directory.person(personId).filter(p -> p.orgId().equals(branch))
          .orElseThrow(() -> new RuleViolation("dues.adjustment.person", "只能为本支部的党员申请党费调整"));
      BigDecimal newBase = Money.parse(base, "调整后的计算基数");
      BigDecimal reduced = Money.parse(reducedAmount, "少交后的月交纳数额");
      LocalDate decided = branchDecisionDate == null || branchDecisionDate.isBlank() ? null
          : date(branchDecisionDate, "党支部研究的日期");
      String id = cases.startAs(auth.getName(), () -> String.valueOf(adjustments.requestAdjustment(
          new DuesAdjustments.AdjustmentRequest(personId, year, category(category), newBase, effectiveFrom,
              reason, reduced, decided), auth.getName())));
      String next = cases.adjustmentTask(branch, Long.parseLong(id))
          .map(t -> "“" + t.getName() + "”" + cases.open(DuesProcesses.ADJUSTMENT,
              DuesProcesses.adjustmentKey(branch, Long.parseLong(id)), auth.getName()).get(0).holder())
          .orElse("");
      return "已提交" + person.name() + "的党费调整（第" + id + "号）。审批在任务列表中办理：" + next + "。";
    });
  }

  /** Runs a write of a keeper: the writer is checked first; a broken rule comes back as the page's error. */
  private String act(String branch, Integer year, String month, Authentication auth, RedirectAttributes redirect,
      java.util.function.Supplier<String> write) {
    return act(branch, year, month, auth, redirect, true, write);
  }

  private String act(String branch, Integer year, String month, Authentication auth, RedirectAttributes redirect,
      boolean keeperWrite, java.util.function.Supplier<String> write) {
    String back = UriComponentsBuilder.fromPath("/dues/{branch}").queryParamIfPresent("year",
        java.util.Optional.ofNullable(year)).queryParamIfPresent("month", java.util.Optional.ofNullable(month)
            .filter(m -> !m.isBlank())).buildAndExpand(branch).encode().toUriString();
    try {
      access.requireVisible(auth, branch);
      if (keeperWrite) {
        access.requireRole(auth, branch, KEEPERS);
      }
      redirect.addFlashAttribute("message", write.get());
    } catch (ImportRefused e) {
      redirect.addFlashAttribute("error", e.getMessage());
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
    } catch (org.springframework.web.server.ResponseStatusException e) {
      redirect.addFlashAttribute("error", e.getReason());
    }
    return "redirect:" + back;
  }

  private void requireMyStep(String branch, String processKey, String businessKey, String step, Authentication auth,
      String message) {
    if (cases.open(processKey, businessKey, auth.getName()).stream()
        .noneMatch(t -> t.key().equals(step) && t.mine())) {
      throw new RuleViolation("dues.step.open", message);
    }
  }

  private String nextStep(String instanceId, String user) {
    List<DuesCases.OpenTask> next = cases.openOfInstance(instanceId, user);
    if (next.isEmpty()) {
      return "流程已办结。";
    }
    DuesCases.OpenTask t = next.get(0);
    return PAGE_STEPS.contains(t.key()) && t.mine() ? "下一步“" + t.name() + "”在本页办理。"
        : "下一步“" + t.name() + "”" + t.holder() + (t.mine() ? "，请在任务列表中办理。" : "。");
  }

  /** An adjustment with its state in words and, while open, its approval task as the page lists tasks. */
  private Map<String, Object> adjustmentShown(String branch, Map<String, Object> a, String user) {
    Map<String, Object> line = new java.util.LinkedHashMap<>(a);
    long id = ((Number) a.get("id")).longValue();
    DuesCases.OpenTask task = cases.open(DuesProcesses.ADJUSTMENT, DuesProcesses.adjustmentKey(branch, id), user)
        .stream().findFirst().orElse(null);
    line.put("task", task);
    line.put("state", switch (String.valueOf(a.get("status"))) {
      case "APPROVED" -> "已批准（" + a.get("approvedBy") + "）";
      case "REFUSED" -> "不批准：" + a.get("decisionComment");
      default -> task == null ? "待审批" : "待审批：" + task.holder();
    });
    return line;
  }

  /** Members whose dues have begun without an amount for the month (a new 预备党员 awaiting an adjustment). */
  private List<String> unassessed(String branch, String month) {
    try {
      return collections.unassessed(branch, month);
    } catch (RuleViolation notAssessedYet) {
      return List.of();
    }
  }

  private Organization assessmentsBranch(String branch) {
    Organization org = directory.organization(branch)
        .orElseThrow(() -> new RuleViolation("dues.unknownOrganization", "组织" + branch + "不存在"));
    if (org.kind() != OrganizationKind.BRANCH && org.kind() != OrganizationKind.GENERAL_BRANCH) {
      throw new RuleViolation("dues.branch", "党费由党员组织关系所在的党支部收缴，" + org.name() + "不是党支部");
    }
    return org;
  }

  private List<Person> members(String branch) {
    return directory.people(List.of(branch)).stream()
        .filter(p -> p.status() == MemberStatus.FULL_MEMBER || p.status() == MemberStatus.PROBATIONARY).toList();
  }

  /** Category and status in Chinese, as the officer reads them. */
  private static Map<String, Object> shown(Map<String, Object> row) {
    Map<String, Object> line = new java.util.LinkedHashMap<>(row);
    line.put("category", MemberCategory.parse((String) row.get("category")).map(MemberCategory::label)
        .orElse((String) row.get("category")));
    line.put("status", switch (String.valueOf(row.get("status"))) {
      case "IMPORTED" -> "按工资表计算";
      case "CORRECTED" -> "已更正";
      case "APPROVED" -> "已批准，全年执行";
      default -> String.valueOf(row.get("status"));
    });
    return line;
  }

  private static DuesCases.OpenTask mine(List<DuesCases.OpenTask> tasks, String key) {
    return tasks.stream().filter(t -> t.key().equals(key) && t.mine()).findFirst().orElse(null);
  }

  private static String state(boolean started, boolean noOpenTask) {
    return !started ? "未发起" : noOpenTask ? "已办结" : "办理中";
  }

  private String orgOf(Task task) {
    String key = cases.businessKey(task.getProcessInstanceId());
    return key == null ? null : key.substring(0, key.lastIndexOf(':'));
  }

  private String name(String personId) {
    return directory.person(personId).map(Person::name).orElse(personId);
  }

  private static MemberCategory category(String text) {
    return MemberCategory.parse(text).orElseThrow(() -> new RuleViolation("dues.category",
        "人员类别“" + text + "”无法识别，可选：在职、离退休、学生、下岗失业、低保、农民"));
  }

  private static YearMonth month(String text) {
    try {
      return YearMonth.parse(text == null ? "" : text.trim());
    } catch (DateTimeParseException e) {
      throw new RuleViolation("dues.period", "月份须写成“年-月”，例如2027-03，当前为“" + text + "”");
    }
  }

  private static LocalDate date(String text, String what) {
    return FormInput.requiredDate(text, what);
  }

  /** Amounts as typed: blank is none; anything else must be a number (the services check sign and fen). */
  static final class Money {

    private Money() {}

    static BigDecimal parse(String text, String what) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return new BigDecimal(text.trim().replace(",", ""));
      } catch (NumberFormatException e) {
        throw new RuleViolation("dues.money", what + "“" + text.trim() + "”不是金额，请填写数字，例如97.50");
      }
    }
  }
}
