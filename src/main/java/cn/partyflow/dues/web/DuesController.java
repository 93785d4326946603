package cn.partyflow.dues.web;

import cn.partyflow.dues.DuesAdjustments;
import cn.partyflow.dues.DuesAssessmentService;
import cn.partyflow.dues.DuesCollectionService;
import cn.partyflow.dues.IncomeImport;
import cn.partyflow.dues.DuesLedgerExport;
import cn.partyflow.dues.MemberCategory;
import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Role;
import cn.partyflow.shared.RuleViolation;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dues API: what Tasklist forms cannot do (file upload, batch payments, spreadsheet downloads) and the start of
 * the yearly and monthly cases. Every call is limited to the organizations in the user's scope; changes also need
 * the right role (党费管理员 or 书记 of the branch or above; the organization department to approve).
 */
@RestController
class DuesController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final Set<Role> KEEPERS = EnumSet.of(Role.DUES_KEEPER, Role.SECRETARY);

  private final DuesAssessmentService assessments;
  private final IncomeImport income;
  private final DuesAdjustments adjustments;
  private final DuesCollectionService collections;
  private final DuesLedgerExport export;
  private final DuesAccess access;
  private final OrganizationDirectory directory;
  private final DuesCases cases;

  DuesController(DuesAssessmentService assessments, IncomeImport income, DuesAdjustments adjustments,
      DuesCollectionService collections, DuesLedgerExport export, DuesAccess access, OrganizationDirectory directory,
      DuesCases cases) {
    this.assessments = assessments;
    this.income = income;
    this.adjustments = adjustments;
    this.collections = collections;
    this.export = export;
    this.access = access;
    this.directory = directory;
    this.cases = cases;
  }

  @PostMapping("/api/dues/assessments")
  Map<String, String> startAssessment(@RequestParam("branch") String branch, @RequestParam("year") int year,
      Authentication auth) {
    requireRole(auth, branch, KEEPERS);
    return Map.of("processInstanceId", assessments.start(branch, year));
  }

  @PostMapping("/api/dues/assessments/income")
  IncomeImport.ImportResult importIncome(@RequestParam("branch") String branch,
      @RequestParam("year") int year, @RequestParam("file") MultipartFile file, Authentication auth)
      throws IOException {
    requireRole(auth, branch, KEEPERS);
    return income.importIncome(branch, year, file.getOriginalFilename(), file.getBytes());
  }

  @GetMapping("/api/dues/assessments")
  List<Map<String, Object>> assessment(@RequestParam("branch") String branch, @RequestParam("year") int year,
      Authentication auth) {
    requireVisible(auth, branch);
    return assessments.rows(branch, year);
  }

  record AdjustmentForm(String personId, int year, String category, BigDecimal base, String effectiveFrom,
      String reason, BigDecimal reducedAmount, LocalDate branchDecisionDate) {}

  /** The request and its approval case, started as the user. */
  @PostMapping("/api/dues/adjustments")
  Map<String, Long> requestAdjustment(@RequestBody AdjustmentForm form, Authentication auth) {
    requireRole(auth, export.branchOf(form.personId()), KEEPERS);
    MemberCategory category = MemberCategory.parse(form.category()).orElseThrow(() -> new RuleViolation(
        "dues.category", "人员类别“" + form.category() + "”无法识别"));
    long id = Long.parseLong(cases.startAs(auth.getName(), () -> String.valueOf(adjustments.requestAdjustment(
        new DuesAdjustments.AdjustmentRequest(form.personId(), form.year(), category, form.base(),
            form.effectiveFrom(), form.reason(), form.reducedAmount(), form.branchDecisionDate()),
        auth.getName()))));
    return Map.of("id", id);
  }

  /**
   * Approves by completing the adjustment's approval task as the user, as Tasklist does: only whoever the task is
   * routed to (the 组织部门 of the 党委 that approves for the branch; the branch's 书记 for a retiree's reduction).
   */
  @PostMapping("/api/dues/adjustments/{id}/approve")
  Map<String, String> approveAdjustment(@PathVariable("id") long id, Authentication auth) {
    String branch = adjustments.adjustmentBranch(id);
    requireVisible(auth, branch);
    Task task = cases.adjustmentTask(branch, id).orElseThrow(() -> new RuleViolation("dues.adjustment.decided",
        "党费调整" + id + "已经处理过，没有待审批的任务"));
    if (!isAdmin(auth) && !cases.mayWork(auth.getName(), task)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "“" + task.getName() + "”不由您审批");
    }
    cases.completeAs(auth.getName(), task, Map.of("adjustmentDecision", "APPROVE"));
    return Map.of("status", "APPROVED");
  }

  @PostMapping("/api/dues/collections")
  Map<String, String> startCollection(@RequestParam("branch") String branch, @RequestParam("month") String month,
      Authentication auth) {
    requireRole(auth, branch, KEEPERS);
    return Map.of("processInstanceId", collections.start(branch, month));
  }

  record PaymentForm(String personId, String period, BigDecimal amount, BigDecimal voluntary, LocalDate paidDate,
      String method, Integer months, String consentNote, String exceptionNote) {}

  /** One payment or a batch, all or nothing. */
  @PostMapping("/api/dues/payments")
  Map<String, Integer> recordPayments(@RequestParam("branch") String branch, @RequestParam("month") String month,
      @RequestBody List<PaymentForm> payments, Authentication auth) {
    requireRole(auth, branch, KEEPERS);
    collections.record(branch, month, payments.stream().map(p -> new DuesCollectionService.Payment(p.personId(),
        p.period(), p.amount(), p.voluntary(), p.paidDate(), p.method(), p.months() == null ? 1 : p.months(),
        p.consentNote(), p.exceptionNote())).toList(), auth.getName());
    return Map.of("recorded", payments.size());
  }

  @GetMapping("/api/dues/ledger")
  ResponseEntity<byte[]> ledger(@RequestParam(name = "branch", required = false) String branch,
      @RequestParam(name = "month", required = false) String month,
      @RequestParam(name = "person", required = false) String person,
      @RequestParam(name = "year", required = false) Integer year, Authentication auth) {
    if (branch != null && month != null) {
      requireVisible(auth, branch);
      return xlsx(branch + "-" + month + "-党费收缴登记表.xlsx", export.branchMonth(branch, month));
    }
    if (person != null && year != null) {
      requireVisible(auth, export.branchOf(person));
      return xlsx(person + "-" + year + "-党费交纳记录.xlsx", export.memberYear(person, year));
    }
    throw new RuleViolation("dues.ledger.params", "请指定 branch 和 month（支部月度登记表）或 person 和 year（党员年度记录）");
  }

  @GetMapping("/api/dues/disclosure")
  ResponseEntity<byte[]> disclosure(@RequestParam("branch") String branch, @RequestParam("year") int year,
      Authentication auth) {
    requireVisible(auth, branch);
    return xlsx(branch + "-" + year + "-党费收缴公示.xlsx", export.disclosure(branch, year));
  }

  @GetMapping("/api/dues/large-voluntary")
  List<Map<String, Object>> largeVoluntary(@RequestParam("committee") String committee, Authentication auth) {
    requireVisible(auth, committee);
    Set<String> visible = visible(auth);
    return collections.largeVoluntary(directory.selfAndDescendants(committee).stream().filter(visible::contains)
        .collect(Collectors.toSet()));
  }

  /** The 党委's 党费管理员 records that the payment went on, in full, with the member's profile. */
  @PostMapping("/api/dues/large-voluntary/{id}/forwarded")
  Map<String, String> forwarded(@PathVariable("id") long id, Authentication auth) {
    String committee = collections.committeeOf(collections.largeVoluntaryBranch(id)).id();
    requireRole(auth, committee, EnumSet.of(Role.DUES_KEEPER));
    collections.markForwarded(id);
    return Map.of("status", "FORWARDED");
  }

  private static ResponseEntity<byte[]> xlsx(String filename, byte[] content) {
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
            + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"))
        .body(content);
  }

  private void requireVisible(Authentication auth, String orgId) {
    access.requireVisible(auth, orgId);
  }

  private void requireRole(Authentication auth, String orgId, Set<Role> roles) {
    access.requireRole(auth, orgId, roles);
  }

  private Set<String> visible(Authentication auth) {
    return access.visible(auth);
  }

  private static boolean isAdmin(Authentication auth) {
    return AccessScope.isAdmin(auth);
  }
}
