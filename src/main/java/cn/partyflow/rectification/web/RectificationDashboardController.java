package cn.partyflow.rectification.web;

import cn.partyflow.organization.OrganizationChoices;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.rectification.RectificationCharts;
import cn.partyflow.rectification.RectificationDashboard;
import cn.partyflow.rectification.RectificationDashboard.Filter;
import cn.partyflow.rectification.RectificationSettings;
import cn.partyflow.shared.ChinaClock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The managers' deadline dashboard (/dashboard/rectification) and its XLSX export. */
@Controller
class RectificationDashboardController {

  /** The page shows this many rows at most; the export takes everything filtered. */
  static final int PAGE_ROWS = 100;
  static final int EXPORT_ROWS = 200_000;

  private final RectificationDashboard dashboard;
  private final OrganizationDirectory directory;
  private final RectificationSettings settings;
  private final Viewer viewer;

  RectificationDashboardController(RectificationDashboard dashboard, OrganizationDirectory directory,
      RectificationSettings settings, Viewer viewer) {
    this.dashboard = dashboard;
    this.directory = directory;
    this.settings = settings;
    this.viewer = viewer;
  }

  @GetMapping("/dashboard/rectification")
  String page(@RequestParam(required = false) String org, @RequestParam(required = false) String department,
      @RequestParam(required = false) String status, @RequestParam(required = false) String category,
      @RequestParam(required = false) String leader, @RequestParam(defaultValue = "0") int page, Authentication auth,
      Model model) {
    Set<String> orgs = viewer.organizations(auth);
    Filter filter = new Filter(org, department, status, category, leader);
    int current = Math.max(0, page);
    List<RectificationDashboard.Row> rows = dashboard.rows(orgs, filter, current * PAGE_ROWS, PAGE_ROWS + 1);
    model.addAttribute("page", current);
    model.addAttribute("hasNext", rows.size() > PAGE_ROWS);
    model.addAttribute("rows", rows.size() > PAGE_ROWS ? rows.subList(0, PAGE_ROWS) : rows);
    model.addAttribute("filter", filter);
    boolean unfiltered = blank(org) && blank(department) && blank(status) && blank(category) && blank(leader);
    // A large scope's unfiltered counts come from the figures kept per subtree (a province's few hundred rows
    // instead of its tens of thousands), its leaders from the index of leaders.
    Optional<RectificationDashboard.Summary> kept = unfiltered && orgs.size() > OrganizationChoices.LIMIT
        ? dashboard.summaryOfSubtrees(directory.tops(orgs)) : Optional.empty();
    RectificationDashboard.Summary summary = kept.orElseGet(() -> dashboard.summary(orgs, filter));
    model.addAttribute("statusCounts", summary.byStatus());
    model.addAttribute("departmentCounts", summary.byDepartment());
    model.addAttribute("statusChart", RectificationCharts.byStatus("chart-status", summary));
    model.addAttribute("departmentChart", RectificationCharts.byDepartment("chart-departments", summary));
    model.addAttribute("weeklyChart", RectificationCharts.weekly("chart-weekly", summary));
    model.addAttribute("organizations", directory.organizationChoices().choices(orgs, org));
    RectificationDashboard.Choices choices = kept.isPresent()
        ? new RectificationDashboard.Choices(summary.departments(), dashboard.leadersOf(orgs))
        : unfiltered ? new RectificationDashboard.Choices(summary.departments(), summary.leaders())
        : dashboard.choices(orgs);
    model.addAttribute("departments", choices.departments());
    model.addAttribute("leaders", names(choices.leaders()));
    List<String> statuses = new ArrayList<>(List.of(RectificationDashboard.OVERDUE, RectificationDashboard.DUE_SOON));
    statuses.addAll(Rectification.STATUSES);
    model.addAttribute("statuses", statuses);
    model.addAttribute("categories", Rectification.CATEGORIES);
    model.addAttribute("dueSoonDays", settings.dueSoonDays());
    model.addAttribute("today", ChinaClock.today());
    model.addAttribute("user", auth.getName());
    return "rectification/dashboard";
  }

  /**
   * Each leader's login (the filter's value) with the name the registry gives, shown instead of the login, in the
   * order of the names.
   */
  private Map<String, String> names(List<String> logins) {
    Map<String, String> names = new LinkedHashMap<>();
    logins.stream().filter(Objects::nonNull)
        .map(login -> Map.entry(login, directory.personByUsername(login).map(Person::name).orElse(login)))
        .sorted(Map.Entry.comparingByValue(Collator.getInstance(Locale.CHINA)))
        .forEach(e -> names.put(e.getKey(), e.getValue()));
    return names;
  }

  @GetMapping("/dashboard/rectification/export.xlsx")
  void export(@RequestParam(required = false) String org, @RequestParam(required = false) String department,
      @RequestParam(required = false) String status, @RequestParam(required = false) String category,
      @RequestParam(required = false) String leader, Authentication auth, HttpServletResponse response)
      throws IOException {
    Set<String> orgs = viewer.organizations(auth);
    Filter filter = new Filter(org, department, status, category, leader);
    String name = "整改事项_" + ChinaClock.today() + ".xlsx";
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition",
        "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = response.getOutputStream()) {
      Sheet sheet = wb.createSheet("整改事项");
      CellStyle red = fill(wb, IndexedColors.ROSE);
      CellStyle amber = fill(wb, IndexedColors.LIGHT_ORANGE);
      String[] head = {"组织", "序号", "问题", "类别", "责任领导", "责任科室", "责任人", "完成时限", "剩余天数", "状态",
          "当前环节"};
      Row h = sheet.createRow(0);
      for (int c = 0; c < head.length; c++) {
        h.createCell(c).setCellValue(head[c]);
      }
      int[] r = {1};
      dashboard.forEachRow(orgs, filter, EXPORT_ROWS, row -> {
        Row x = sheet.createRow(r[0]++);
        x.createCell(0).setCellValue(row.orgName());
        x.createCell(1).setCellValue(row.seq());
        x.createCell(2).setCellValue(row.problem());
        x.createCell(3).setCellValue(row.category());
        x.createCell(4).setCellValue(person(row.leaderName(), row.leaderUser()));
        x.createCell(5).setCellValue(row.department());
        x.createCell(6).setCellValue(person(row.responsibleName(), row.responsibleUser()));
        x.createCell(7).setCellValue(row.deadline() == null ? "" : row.deadline().toString());
        if (row.daysLeft() != null && !"closed".equals(row.urgency())) {
          x.createCell(8).setCellValue(row.daysLeft());
        }
        x.createCell(9).setCellValue("overdue".equals(row.urgency()) ? row.status() + "（已逾期）" : row.status());
        x.createCell(10).setCellValue(row.taskName() == null ? "" : row.taskName());
        CellStyle style = "overdue".equals(row.urgency()) ? red : "soon".equals(row.urgency()) ? amber : null;
        if (style != null) {
          for (int c = 0; c < head.length; c++) {
            if (x.getCell(c) != null) {
              x.getCell(c).setCellStyle(style);
            }
          }
        }
      });
      wb.write(out);
      wb.dispose();
    }
  }

  private static String person(String name, String user) {
    return name == null ? user : name + "（" + user + "）";
  }

  private static CellStyle fill(SXSSFWorkbook wb, IndexedColors color) {
    CellStyle s = wb.createCellStyle();
    s.setFillForegroundColor(color.getIndex());
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    return s;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
