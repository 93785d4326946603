package cn.partyflow.organizationallife.web;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.OverviewScope;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.organizationallife.Attendance;
import cn.partyflow.organizationallife.MeetingExport;
import cn.partyflow.organizationallife.MeetingStore;
import cn.partyflow.organizationallife.MeetingType;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Counts;
import cn.partyflow.organizationallife.OrganizationalLifeRules.HeldMeeting;
import cn.partyflow.organizationallife.OrganizationalLifeRules.MeetingRecord;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Member;
import cn.partyflow.organizationallife.OrganizationalLifeRules.PlannedMeeting;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Presence;
import cn.partyflow.organizationallife.OrganizationalLifeRules;
import cn.partyflow.organizationallife.OrganizationalLifeService;
import cn.partyflow.organizationallife.Period;
import cn.partyflow.security.ProcedurePages;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.RuleViolation;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 组织生活 in the browser. Everybody sees the branches in their scope; the branch's 书记, 副书记 and 组织委员 (and
 * the administrator) start its year, record meetings, 补课 and files. Every write is checked here against its
 * writer and by the rules in the service; a refused write changes nothing.
 */
@Controller
class OrganizationalLifePages {

  /** Who keeps a branch's records. */
  static final Set<Role> KEEPERS = EnumSet.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORGANIZER);
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final OrganizationalLifeService service;
  private final MeetingStore store;
  private final MeetingExport export;
  private final LifeCases cases;
  private final ProcedurePages pages;
  private final OrganizationDirectory directory;
  private final LifeMeetingPages lifeMeetings;
  private final OverviewScope overview;

  OrganizationalLifePages(OrganizationalLifeService service, MeetingStore store, MeetingExport export,
      LifeCases cases, ProcedurePages pages, OrganizationDirectory directory,
      LifeMeetingPages lifeMeetings, OverviewScope overview) {
    this.service = service;
    this.store = store;
    this.export = export;
    this.cases = cases;
    this.pages = pages;
    this.directory = directory;
    this.lifeMeetings = lifeMeetings;
    this.overview = overview;
  }

  @GetMapping("/organizational-life")
  String branches(@RequestParam(required = false) Integer year, @RequestParam(required = false) String org,
      Authentication auth, Model model) {
    int y = year == null ? ChinaClock.today().getYear() : year;
    OverviewScope.Rows shown = overview.rows(auth, org, OrganizationalLifePages::listed);
    model.addAttribute("branches", rows(shown.organizations(), y));
    model.addAttribute("overview", shown);
    model.addAttribute("year", y);
    model.addAttribute("years", years());
    model.addAttribute("quarterLabel", currentQuarter(y).label());
    return "organizational-life/branches";
  }

  /** The overview lists the 党支部 and 党总支. */
  static boolean listed(Organization o) {
    return o.kind() == OrganizationKind.BRANCH || o.kind() == OrganizationKind.GENERAL_BRANCH;
  }

  /** The overview's rows of these branches, in their order. */
  List<Map<String, Object>> rows(List<Organization> branches, int y) {
    if (branches.isEmpty()) {
      return List.of();
    }
    Set<String> ids = branches.stream().map(Organization::id).collect(Collectors.toCollection(LinkedHashSet::new));
    Period quarter = currentQuarter(y);
    // One query per figure over all the rows, not per branch.
    Map<String, MeetingStore.YearCase> cases = store.yearCases(ids, y);
    Map<String, List<HeldMeeting>> held = store.held(ids, y);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Organization o : branches) {
      List<HeldMeeting> h = held.getOrDefault(o.id(), List.of());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", o.id());
      row.put("name", o.name());
      row.put("state", state(Optional.ofNullable(cases.get(o.id()))));
      row.put("year", OrganizationalLifeRules.counts(h, Period.year(y)));
      row.put("quarter", OrganizationalLifeRules.counts(h, quarter));
      rows.add(row);
    }
    return rows;
  }

  @GetMapping("/organizational-life/{branch}")
  String branch(@PathVariable String branch, @RequestParam(required = false) Integer year, Authentication auth,
      Model model) {
    Organization org = visibleBranch(auth, branch);
    int y = year == null ? ChinaClock.today().getYear() : year;
    List<PlannedMeeting> plan = store.plan(branch, y);
    List<MeetingStore.Meeting> meetings = store.meetings(branch, y);
    List<HeldMeeting> held = store.held(branch, y);
    model.addAttribute("branch", org);
    model.addAttribute("year", y);
    model.addAttribute("years", years());
    model.addAttribute("state", state(branch, y));
    model.addAttribute("mayKeep", mayKeep(auth, branch));
    model.addAttribute("types", service.types(branch));
    List<Map<String, Object>> counts = new ArrayList<>();
    for (int q = 1; q <= 4; q++) {
      counts.add(countRow("q" + q, Period.quarter(y, q), held));
    }
    counts.add(countRow("year", Period.year(y), held));
    model.addAttribute("counts", counts);
    model.addAttribute("calendar", calendar(service.types(branch), plan, meetings, y));
    model.addAttribute("planRows", planRows(plan, held));
    model.addAttribute("meetings", meetings.stream().map(this::summary).toList());
    model.addAttribute("reviews", store.reviews(branch, y).stream().map(r -> Map.of("quarter", r.quarter(),
        "result", r.result().equals("GOOD") ? "符合要求" : "需要改进", "opinion", r.opinion(), "reviewer",
        r.reviewedBy() == null ? "" : directory.personByUsername(r.reviewedBy()).map(Person::name)
            .orElse(r.reviewedBy()))).toList());
    model.addAttribute("tasks", cases.open(branch, y));
    model.addAttribute("settings", service.settings());
    model.addAttribute("lm", lifeMeetings.section(branch, y));
    model.addAttribute("lmMayWrite", lifeMeetings.mayWrite(auth, branch));
    return "organizational-life/branch";
  }

  @PostMapping("/organizational-life/{branch}/start")
  String start(@PathVariable String branch, @RequestParam int year, Authentication auth,
      RedirectAttributes redirect) {
    return act(branch, year, auth, redirect, () -> {
      pages.startAs(auth.getName(), () -> service.start(branch, year));
      return "已发起" + year + "年度组织生活，年度计划已按规定生成。会议召开后请在本页“记录会议”。";
    });
  }

  @GetMapping("/organizational-life/{branch}/record")
  String recordForm(@PathVariable String branch, @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String type, Authentication auth, Model model) {
    Organization org = visibleBranch(auth, branch);
    requireKeeper(auth, branch);
    int y = year == null ? ChinaClock.today().getYear() : year;
    MeetingType t = type == null ? MeetingType.THEME_DAY : MeetingType.parse(type).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "会议类型" + type + "不存在"));
    return form(org, y, t, Map.of(), null, model);
  }

  @PostMapping("/organizational-life/{branch}/meetings")
  String record(@PathVariable String branch, @RequestParam Map<String, String> form, Authentication auth,
      Model model, RedirectAttributes redirect) {
    Organization org = visibleBranch(auth, branch);
    requireKeeper(auth, branch);
    int y = year(form.get("year"));
    MeetingType type = MeetingType.parse(form.get("type")).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.BAD_REQUEST, "请选择会议类型"));
    try {
      Map<String, Presence> attendance = new LinkedHashMap<>();
      for (Member m : service.roster(branch, type)) {
        String status = form.get("att_" + m.personId());
        if (status == null || status.isBlank() || "NONE".equals(status)) {
          continue;
        }
        Attendance a = Attendance.parse(status).orElseThrow(() -> new RuleViolation("organizationalLife.attendance.status",
            m.name() + "的出席情况“" + status + "”无法识别，请选择出席、请假或缺席"));
        attendance.put(m.personId(), new Presence(a, form.get("reason_" + m.personId()),
            date(form.get("makeup_" + m.personId()), m.name() + "的补课日期", false)));
      }
      MeetingRecord record = new MeetingRecord(type, date(form.get("heldOn"), "会议日期", true), form.get("place"),
          form.get("topic"), form.get("firstTopic"), form.get("chairId"), form.get("recorderId"),
          form.get("decisions"), attendance);
      long id = service.record(branch, y, record, auth.getName());
      redirect.addFlashAttribute("message", "已记录" + record.heldOn() + "的" + type.label()
          + "。可在本页上传会议记录（纪要）和照片。");
      return "redirect:/organizational-life/" + branch + "/meetings/" + id;
    } catch (RuleViolation e) {
      return form(org, y, type, form, e.getMessage(), model);
    }
  }

  @GetMapping("/organizational-life/{branch}/meetings/{id}")
  String meeting(@PathVariable String branch, @PathVariable long id, Authentication auth, Model model) {
    Organization org = visibleBranch(auth, branch);
    MeetingStore.Meeting m = meetingOf(branch, id);
    model.addAttribute("branch", org);
    model.addAttribute("meeting", m);
    model.addAttribute("rate", OrganizationalLifeRules.counts(List.of(new HeldMeeting(m.type(), m.heldOn(),
        m.entitled(), m.present())), Period.year(m.year())).attendanceText());
    model.addAttribute("attendance", store.attendance(id));
    model.addAttribute("attachments", store.attachments(id));
    model.addAttribute("kinds", Map.of("MINUTES", "会议记录", "PHOTO", "照片"));
    model.addAttribute("mayKeep", mayKeep(auth, branch));
    model.addAttribute("today", ChinaClock.today().toString());
    return "organizational-life/meeting";
  }

  @PostMapping("/organizational-life/{branch}/meetings/{id}/makeup")
  String makeUp(@PathVariable String branch, @PathVariable long id, @RequestParam String personId,
      @RequestParam(required = false) String madeUpOn, Authentication auth, RedirectAttributes redirect) {
    return actOnMeeting(branch, id, auth, redirect, m -> {
      service.makeUp(m, personId, date(madeUpOn, "补课日期", true));
      return "已登记" + directory.person(personId).map(Person::name).orElse(personId) + "的补课";
    });
  }

  @PostMapping("/organizational-life/{branch}/meetings/{id}/attachments")
  String attach(@PathVariable String branch, @PathVariable long id, @RequestParam(required = false) String kind,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication auth,
      RedirectAttributes redirect) {
    return actOnMeeting(branch, id, auth, redirect, m -> {
      if (file == null || file.isEmpty()) {
        throw new RuleViolation("organizationalLife.attachment", "请选择要上传的文件");
      }
      try {
        service.attach(id, kind, file.getOriginalFilename(), file.getBytes(), auth.getName());
      } catch (IOException e) {
        throw new RuleViolation("organizationalLife.attachment", "文件读取失败，请重新上传");
      }
      return "已上传“" + file.getOriginalFilename() + "”";
    });
  }

  @GetMapping("/organizational-life/{branch}/attachments/{id}")
  ResponseEntity<byte[]> download(@PathVariable String branch, @PathVariable long id, Authentication auth) {
    visibleBranch(auth, branch);
    MeetingStore.Attachment a = store.attachment(id).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "附件不存在"));
    meetingOf(branch, a.meetingId());
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + encode(a.filename()))
        .body(store.content(id));
  }

  @GetMapping("/organizational-life/{branch}/records.xlsx")
  ResponseEntity<byte[]> records(@PathVariable String branch, @RequestParam(required = false) Integer year,
      Authentication auth) {
    Organization org = visibleBranch(auth, branch);
    int y = year == null ? ChinaClock.today().getYear() : year;
    return ResponseEntity.ok().contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
            + encode(org.name() + y + "年度组织生活记录.xlsx"))
        .body(export.workbook(branch, org.name(), y));
  }

  private String form(Organization org, int year, MeetingType type, Map<String, String> values, String error,
      Model model) {
    List<Person> people = service.members(org.id());
    model.addAttribute("branch", org);
    model.addAttribute("year", year);
    model.addAttribute("type", type);
    model.addAttribute("types", service.types(org.id()));
    model.addAttribute("people", people);
    model.addAttribute("roster", service.roster(org.id(), type));
    model.addAttribute("defaultAttendance", OrganizationalLifeService.entitledByDefault(type) ? "PRESENT" : "NONE");
    model.addAttribute("needsFirstTopic", service.settings().needsFirstTopic(type));
    model.addAttribute("values", values);
    model.addAttribute("error", error);
    model.addAttribute("today", ChinaClock.today().toString());
    return "organizational-life/record";
  }

  private String act(String branch, int year, Authentication auth, RedirectAttributes redirect,
      Supplier<String> write) {
    String back = "redirect:/organizational-life/" + branch + "?year=" + year;
    return pages.act(redirect, back, () -> {
      visibleBranch(auth, branch);
      requireKeeper(auth, branch);
      redirect.addFlashAttribute("message", write.get());
      return back;
    });
  }

  private String actOnMeeting(String branch, long id, Authentication auth, RedirectAttributes redirect,
      java.util.function.Function<MeetingStore.Meeting, String> write) {
    visibleBranch(auth, branch);
    MeetingStore.Meeting m = meetingOf(branch, id);
    String back = "redirect:/organizational-life/" + branch + "/meetings/" + id;
    return pages.act(redirect, back, () -> {
      requireKeeper(auth, branch);
      redirect.addFlashAttribute("message", write.apply(m));
      return back;
    });
  }

  private Organization visibleBranch(Authentication auth, String branch) {
    return pages.visible(auth, branch, service::branch);
  }

  private MeetingStore.Meeting meetingOf(String branch, long id) {
    return store.meeting(id).filter(m -> m.branchId().equals(branch)).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "会议记录不存在"));
  }

  /** The branch's own 书记, 副书记 and 组织委员 keep its records; the administrator may too. */
  boolean mayKeep(Authentication auth, String branch) {
    return AccessScope.isAdmin(auth)
        || pages.holds(auth, a -> a.orgId().equals(branch) && KEEPERS.contains(a.role()));
  }

  private void requireKeeper(Authentication auth, String branch) {
    if (!mayKeep(auth, branch)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只有本支部的书记、副书记或组织委员可以发起组织生活和记录会议");
    }
  }

  private String state(String branch, int year) {
    return state(store.yearCase(branch, year));
  }

  private static String state(Optional<MeetingStore.YearCase> yearCase) {
    return yearCase.map(c -> c.closedOn() == null ? "进行中" : "已结束").orElse("未发起");
  }

  private Map<String, Object> countRow(String id, Period period, List<HeldMeeting> held) {
    Counts c = OrganizationalLifeRules.counts(held, period);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("label", period.label());
    row.put("counts", c);
    return row;
  }

  /** Per type, per month: the days held (with their records) and whether a required period ended unmet. */
  private List<Map<String, Object>> calendar(List<MeetingType> types, List<PlannedMeeting> plan,
      List<MeetingStore.Meeting> meetings, int year) {
    LocalDate today = ChinaClock.today();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MeetingType type : types) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (int month = 1; month <= 12; month++) {
        Period p = Period.month(year, month);
        List<MeetingStore.Meeting> inMonth = meetings.stream()
            .filter(m -> m.type() == type && p.contains(m.heldOn())).toList();
        PlannedMeeting ending = plan.stream().filter(m -> m.type() == type && m.period().end().equals(p.end()))
            .findFirst().orElse(null);
        String state = "";
        if (ending != null) {
          boolean met = meetings.stream().anyMatch(m -> m.type() == type && ending.period().contains(m.heldOn()));
          state = met ? "met" : ending.period().end().isBefore(today) ? "missed" : "due";
        }
        PlannedMeeting planned = plan.stream().filter(m -> m.type() == type && m.plannedOn() != null
            && p.contains(m.plannedOn())).findFirst().orElse(null);
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("meetings", inMonth);
        cell.put("state", state);
        cell.put("planned", planned == null ? null : planned.plannedOn().getDayOfMonth() + "日");
        cells.add(cell);
      }
      rows.add(Map.of("type", type, "cells", cells));
    }
    return rows;
  }

  private List<Map<String, Object>> planRows(List<PlannedMeeting> plan, List<HeldMeeting> held) {
    LocalDate today = ChinaClock.today();
    return plan.stream().map(m -> {
      long n = held.stream().filter(h -> h.type() == m.type() && m.period().contains(h.heldOn())).count();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("type", m.type().label());
      row.put("period", m.period().label());
      row.put("planned", m.plannedOn() == null ? "" : m.plannedOn().toString());
      row.put("held", n);
      row.put("state", n > 0 ? "已召开" : m.period().end().isBefore(today) ? "未召开" : "未到期");
      return row;
    }).toList();
  }

  private Map<String, Object> summary(MeetingStore.Meeting m) {
    List<String> absent = new ArrayList<>();
    for (MeetingStore.AttendanceRow a : store.attendance(m.id())) {
      if (a.attendance() != Attendance.PRESENT) {
        absent.add(a.name() + "（" + a.attendance().label() + "：" + a.reason()
            + (a.madeUpOn() == null ? "，未补课" : "，" + a.madeUpOn() + "已补课") + "）");
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("meeting", m);
    row.put("absent", String.join("；", absent));
    return row;
  }

  private static Period currentQuarter(int year) {
    LocalDate today = ChinaClock.today();
    int q = today.getYear() == year ? (today.getMonthValue() - 1) / 3 + 1 : 4;
    return Period.quarter(year, q);
  }

  private static List<Integer> years() {
    int now = ChinaClock.today().getYear();
    return List.of(now - 1, now, now + 1);
  }

  private static int year(String text) {
    try {
      return Integer.parseInt(text == null ? "" : text.trim());
    } catch (NumberFormatException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "年度须是数字，例如2027");
    }
  }

  private static LocalDate date(String text, String what, boolean required) {
    return required ? FormInput.requiredDate(text, what) : FormInput.date(text, what);
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
