package cn.partyflow.reports;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.shared.ChinaClock;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 统计 ({@code /reports}): the tables of an organization for a period, the list behind each figure, each table as
 * XLSX, and the annual data report as DOCX and PDF. Only GET; everybody sees only the organizations of their scope,
 * and an organization outside it answers 404 as if it did not exist.
 */
@Controller
class ReportsController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Reports reports;
  private final AnnualWording wording;
  private final OrganizationDirectory directory;

  ReportsController(Reports reports, AnnualWording wording, OrganizationDirectory directory) {
    this.reports = reports;
    this.wording = wording;
    this.directory = directory;
  }

  @GetMapping("/reports")
  String page(Authentication auth, Model model, @RequestParam(required = false) String orgId,
      @RequestParam(required = false) String year, @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String month, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    ReportScope scope = scope(auth, orgId);
    Period period = period(year, quarter, month, from, to);
    Report report = reports.build(scope, period);
    model.addAttribute("report", report);
    model.addAttribute("organizations", reports.organizations(auth));
    model.addAttribute("query", query(report.orgId(), year, quarter, month, from, to));
    model.addAttribute("form", new Form(report.orgId(), blankToNull(year) == null ? String.valueOf(period.from()
        .getYear()) : year.trim(), quarter, month, from, to));
    model.addAttribute("annualYear", period.from().getYear());
    return "reports/index";
  }

  /** What the form shows again: the values as they were asked for. */
  record Form(String orgId, String year, String quarter, String month, String from, String to) {}

  @GetMapping("/reports/figure")
  String figure(Authentication auth, Model model, @RequestParam String key,
      @RequestParam(required = false) String orgId, @RequestParam(required = false) String year,
      @RequestParam(required = false) String quarter, @RequestParam(required = false) String month,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    ReportScope scope = scope(auth, orgId);
    Report report = reports.build(scope, period(year, quarter, month, from, to));
    if (!report.figures().has(key)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这项统计数字：" + key);
    }
    model.addAttribute("report", report);
    model.addAttribute("label", report.figures().label(key));
    model.addAttribute("refs", report.figures().refs(key));
    model.addAttribute("auditor", AccessScope.isAdmin(auth)
        || auth.getAuthorities().stream().anyMatch(a -> "ROLE_AUDITOR".equals(a.getAuthority())));
    model.addAttribute("back", "/reports?" + query(report.orgId(), year, quarter, month, from, to));
    return "reports/figure";
  }

  /** One table, or every table when none is named, as a spreadsheet. */
  @GetMapping("/reports/export.xlsx")
  ResponseEntity<byte[]> export(Authentication auth, @RequestParam(required = false) String table,
      @RequestParam(required = false) String orgId, @RequestParam(required = false) String year,
      @RequestParam(required = false) String quarter, @RequestParam(required = false) String month,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Report report = reports.build(scope(auth, orgId), period(year, quarter, month, from, to));
    List<ReportTable> tables = blankToNull(table) == null
        ? report.sections().stream().flatMap(s -> s.tables().stream()).toList()
        : List.of(report.table(table.trim()).orElseThrow(() ->
            new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这张统计表：" + table)));
    byte[] body = ReportXlsx.render(report, tables, displayName(auth), ChinaClock.localNow().format(STAMP));
    String name = report.orgName() + report.period().label() + (tables.size() == 1 ? tables.get(0).title() : "统计")
        + ".xlsx";
    return file(body, XLSX, name);
  }

  @GetMapping("/reports/annual.docx")
  ResponseEntity<byte[]> docx(Authentication auth, @RequestParam(required = false) String orgId,
      @RequestParam(required = false) String year) {
    AnnualReport annual = annual(auth, orgId, year);
    return file(AnnualDocx.render(annual), DOCX, annual.subtitle() + annual.title() + ".docx");
  }

  @GetMapping("/reports/annual.pdf")
  ResponseEntity<byte[]> pdf(Authentication auth, @RequestParam(required = false) String orgId,
      @RequestParam(required = false) String year) {
    AnnualReport annual = annual(auth, orgId, year);
    return file(AnnualPdf.render(annual), MediaType.APPLICATION_PDF_VALUE,
        annual.subtitle() + annual.title() + ".pdf");
  }

  private AnnualReport annual(Authentication auth, String orgId, String year) {
    Report report = reports.build(scope(auth, orgId), period(year, null, null, null, null));
    return AnnualReport.of(report, wording, ChinaClock.localNow().format(STAMP));
  }

  private ReportScope scope(Authentication auth, String orgId) {
    if (reports.organizations(auth).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "您在人员名册中没有职务，没有可以统计的党组织");
    }
    return reports.scope(auth, orgId).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "党组织" + orgId + "不存在或不在您的权限范围内"));
  }

  private static Period period(String year, String quarter, String month, String from, String to) {
    try {
      return Period.parse(number(year, "年份"), number(quarter, "季度"), number(month, "月份"), from, to,
          ChinaClock.today().getYear());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private static Integer number(String text, String label) {
    if (blankToNull(text) == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(label + "须为整数：" + text);
    }
  }

  static String query(String orgId, String year, String quarter, String month, String from, String to) {
    UriComponentsBuilder b = UriComponentsBuilder.newInstance().queryParam("orgId", orgId);
    add(b, "year", year);
    add(b, "quarter", quarter);
    add(b, "month", month);
    add(b, "from", from);
    add(b, "to", to);
    return b.encode(StandardCharsets.UTF_8).build().getQuery();
  }

  private static void add(UriComponentsBuilder b, String name, String value) {
    if (blankToNull(value) != null) {
      b.queryParam(name, value.trim());
    }
  }

  private String displayName(Authentication auth) {
    return directory.personByUsername(auth.getName()).map(p -> p.name())
        .orElse(AccessScope.isAdmin(auth) ? "系统管理员" : auth.getName());
  }

  private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(name, StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType(type)).body(body);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
