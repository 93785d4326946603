package cn.partyflow.audit;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditors' pages. Only GET: nothing here changes a case. Who may come in at all is decided in SecurityConfig
 * (auditors and administrators); which cases they see is decided here, by the organizations in their scope. A case
 * outside the scope answers 404, as if it did not exist, and the attempt is recorded.
 */
@Controller
class AuditController {

  private final CaseSearch search;
  private final CaseHistory history;
  private final AccessLog accessLog;
  private final AccessScope scope;
  private final OrganizationDirectory directory;
  private final AuditSettings settings;

  AuditController(CaseSearch search, CaseHistory history, AccessLog accessLog, AccessScope scope,
      OrganizationDirectory directory, AuditSettings settings) {
    this.search = search;
    this.history = history;
    this.accessLog = accessLog;
    this.scope = scope;
    this.directory = directory;
    this.settings = settings;
  }

  @GetMapping("/audit")
  String search(Authentication auth, Model model,
      @RequestParam(required = false) String businessKey, @RequestParam(required = false) String person,
      @RequestParam(required = false) String orgId, @RequestParam(required = false) String procedure,
      @RequestParam(required = false) String status, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page) {
    CaseCriteria criteria = criteria(businessKey, person, orgId, procedure, status, from, to);
    Set<String> visible = visible(auth);
    CaseSearch.CasePage result = search.search(criteria, visible, page, settings.getPageSize());
    accessLog.record(auth.getName(), AccessLog.Action.SEARCH, null,
        criteria.describe() + "；第" + (result.page() + 1) + "页，共" + result.totalLabel() + "件");
    model.addAttribute("criteria", criteria);
    model.addAttribute("result", result);
    model.addAttribute("organizations", directory.organizationChoices().choices(visible, criteria.orgId()));
    model.addAttribute("procedures", search.procedures());
    model.addAttribute("statuses", CaseCriteria.Status.values());
    model.addAttribute("user", auth.getName());
    model.addAttribute("query", query(businessKey, person, orgId, procedure, status, from, to));
    return "audit/search";
  }

  @GetMapping("/audit/export.xlsx")
  ResponseEntity<byte[]> exportSearch(Authentication auth,
      @RequestParam(required = false) String businessKey, @RequestParam(required = false) String person,
      @RequestParam(required = false) String orgId, @RequestParam(required = false) String procedure,
      @RequestParam(required = false) String status, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    CaseCriteria criteria = criteria(businessKey, person, orgId, procedure, status, from, to);
    int limit = settings.getExportLimit();
    List<CaseSearch.CaseRow> rows = search.all(criteria, visible(auth), limit + 1);
    boolean truncated = rows.size() > limit;
    if (truncated) {
      rows = rows.subList(0, limit);
    }
    accessLog.record(auth.getName(), AccessLog.Action.EXPORT_XLSX, null,
        criteria.describe() + "；导出" + rows.size() + "件");
    byte[] body = SearchXlsx.render(rows, criteria.describe(), reader(auth),
        Formats.dateTime(Date.from(ChinaClock.now())), truncated);
    return download(body, "案卷查阅结果.xlsx",
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  }

  @GetMapping("/audit/cases/{id}")
  String caseFile(Authentication auth, @PathVariable String id, Model model) {
    allowed(auth, id);
    accessLog.record(auth.getName(), AccessLog.Action.VIEW, id, null);
    CaseFile file = history.read(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("file", file);
    model.addAttribute("user", auth.getName());
    return "audit/case";
  }

  @GetMapping(value = "/audit/cases/{id}/diagram.svg", produces = "image/svg+xml")
  ResponseEntity<String> diagram(Authentication auth, @PathVariable String id) {
    allowed(auth, id);
    CaseFile file = history.read(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"))
        .body(file.diagramSvg());
  }

  @GetMapping("/audit/cases/{id}/dossier.pdf")
  ResponseEntity<byte[]> dossier(Authentication auth, @PathVariable String id) {
    allowed(auth, id);
    accessLog.record(auth.getName(), AccessLog.Action.EXPORT_PDF, id, null);
    CaseFile file = history.read(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    byte[] pdf = DossierPdf.render(file, reader(auth), Date.from(ChinaClock.now()));
    // Named as the reader names the case; characters a file name may not hold become a hyphen (rmyy:2026).
    String key = file.summary().businessKey() == null ? "" : "-" + file.summary().businessKey();
    String name = ("案卷-" + file.summary().title().replace(" · ", "-") + key).replaceAll("[\\\\/:*?\"<>|]", "-");
    return download(pdf, name + ".pdf", MediaType.APPLICATION_PDF);
  }

  /** Who exports, as the exported file names them: by name from the registry, never by login. */
  private String reader(Authentication auth) {
    return directory.personByUsername(auth.getName()).map(Person::name)
        .orElse("admin".equals(auth.getName()) ? "系统管理员" : auth.getName());
  }

  private void allowed(Authentication auth, String processInstanceId) {
    String org = history.organizationOf(processInstanceId).orElse(null);
    if (org == null || !visible(auth).contains(org)) {
      if (org != null) {
        accessLog.record(auth.getName(), AccessLog.Action.DENIED, processInstanceId, "案卷不在其查阅范围内");
      }
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "案卷不存在或不在您的查阅范围内");
    }
  }

  private Set<String> visible(Authentication auth) {
    return scope.visibleOrganizations(auth);
  }

  private static CaseCriteria criteria(String businessKey, String person, String orgId, String procedure,
      String status, String from, String to) {
    return new CaseCriteria(businessKey, person, orgId, procedure, CaseCriteria.Status.parse(status),
        CaseSearch.parseDate(from), CaseSearch.parseDate(to));
  }

  private static String query(String businessKey, String person, String orgId, String procedure, String status,
      String from, String to) {
    UriComponentsBuilder b = UriComponentsBuilder.newInstance();
    String[][] params = {{"businessKey", businessKey}, {"person", person}, {"orgId", orgId},
        {"procedure", procedure}, {"status", status}, {"from", from}, {"to", to}};
    for (String[] p : params) {
      if (p[1] != null && !p[1].isBlank()) {
        b.queryParam(p[0], p[1].trim());
      }
    }
    String q = b.encode().build().getQuery();
    return q == null ? "" : q;
  }

  private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
    return new ResponseEntity<>(body, headers, HttpStatus.OK);
  }
}
