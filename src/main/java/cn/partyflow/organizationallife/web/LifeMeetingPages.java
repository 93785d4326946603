package cn.partyflow.organizationallife.web;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.Role;
import cn.partyflow.organizationallife.Attendance;
import cn.partyflow.organizationallife.LifeMeetingRules.MeetingInput;
import cn.partyflow.organizationallife.LifeMeetingRules.MemberRecord;
import cn.partyflow.organizationallife.LifeMeetingRules.Preparation;
import cn.partyflow.organizationallife.LifeMeetingRules.SelfExamination;
import cn.partyflow.organizationallife.LifeMeetingRules.Talk;
import cn.partyflow.organizationallife.LifeMeetingService;
import cn.partyflow.organizationallife.LifeMeetingStore;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Member;
import cn.partyflow.organizationallife.OrganizationalLifeService;
import cn.partyflow.security.ProcedurePages;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.RuleViolation;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * 组织生活会 and 民主评议党员 in the browser: the branch's 书记 or 组织委员 (and the administrator) starts the year's
 * meeting, records its preparation and the meeting with the grades; each record completes the case's open task as
 * that user, so the engine checks them against the task too. Everybody whose scope includes the branch reads.
 */
@Controller
class LifeMeetingPages {

  /** Who runs the branch's 组织生活会. */
  static final Set<Role> WRITERS = EnumSet.of(Role.SECRETARY, Role.ORGANIZER);
  static final int TALK_ROWS = 6;

  private final LifeMeetingService service;
  private final LifeMeetingStore store;
  private final OrganizationalLifeService life;
  private final LifeCases cases;
  private final ProcedurePages pages;

  LifeMeetingPages(LifeMeetingService service, LifeMeetingStore store, OrganizationalLifeService life,
      LifeCases cases, ProcedurePages pages) {
    this.service = service;
    this.store = store;
    this.life = life;
    this.cases = cases;
    this.pages = pages;
  }

  @GetMapping("/organizational-life/{branch}/life-meeting")
  String page(@PathVariable String branch, @RequestParam(required = false) Integer year, Authentication auth,
      Model model) {
    Organization org = visibleBranch(auth, branch);
    int y = year == null ? ChinaClock.today().getYear() : year;
    return page(org, y, auth, Map.of(), null, model);
  }

  @PostMapping("/organizational-life/{branch}/life-meeting/start")
  String start(@PathVariable String branch, @RequestParam int year, Authentication auth,
      RedirectAttributes redirect) {
    visibleBranch(auth, branch);
    requireWriter(auth, branch);
    try {
      pages.startAs(auth.getName(), () -> service.start(branch, year));
      redirect.addFlashAttribute("message", "已发起" + year + "年度组织生活会。请先登记会前准备。");
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/organizational-life/" + branch + "/life-meeting?year=" + year;
  }

  @PostMapping("/organizational-life/{branch}/life-meeting/preparation")
  String prepare(@PathVariable String branch, @RequestParam Map<String, String> form, Authentication auth,
      Model model, RedirectAttributes redirect) {
    Organization org = visibleBranch(auth, branch);
    requireWriter(auth, branch);
    int y = year(form.get("year"));
    try {
      List<Talk> talks = new ArrayList<>();
      for (int i = 0; i < TALK_ROWS; i++) {
        String talker = form.get("talker_" + i);
        String partner = form.get("partner_" + i);
        String on = form.get("talkedOn_" + i);
        if (blank(talker) && blank(partner) && blank(on)) {
          continue;
        }
        talks.add(new Talk(talker, partner, FormInput.date(on, "谈心谈话的日期")));
      }
      Map<String, SelfExamination> exams = new LinkedHashMap<>();
      for (Member m : service.members(branch)) {
        exams.put(m.personId(), new SelfExamination("SUBMITTED".equals(form.get("exam_" + m.personId())),
            form.get("examNote_" + m.personId())));
      }
      Integer count = FormInput.integer(form.get("opinionCount"), "征求到的意见条数", 0, 10_000);
      Preparation p = new Preparation(FormInput.date(form.get("studyOn"), "集中学习的日期"), form.get("studyContent"),
          FormInput.date(form.get("opinionsOn"), "征求意见的日期"), form.get("opinionsSummary"), count, talks, exams);
      pages.asUser(auth.getName(), () -> {
        service.prepare(branch, y, p, auth.getName());
        return null;
      });
      redirect.addFlashAttribute("message", "已登记会前准备。会议召开后请登记会议和民主评议。");
      return "redirect:/organizational-life/" + branch + "/life-meeting?year=" + y;
    } catch (RuleViolation e) {
      return page(org, y, auth, form, e.getMessage(), model);
    }
  }

  @PostMapping("/organizational-life/{branch}/life-meeting/meeting")
  String meeting(@PathVariable String branch, @RequestParam Map<String, String> form, Authentication auth,
      Model model, RedirectAttributes redirect) {
    Organization org = visibleBranch(auth, branch);
    requireWriter(auth, branch);
    int y = year(form.get("year"));
    try {
      List<String> grades = service.grades();
      Map<String, MemberRecord> members = new LinkedHashMap<>();
      for (Member m : service.members(branch)) {
        String status = form.get("att_" + m.personId());
        Attendance a = blank(status) ? null : Attendance.parse(status).orElseThrow(() -> new RuleViolation(
            "lifeMeeting.attendance", m.name() + "的出席情况“" + status + "”无法识别，请选择出席、请假或缺席"));
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (int g = 0; g < grades.size(); g++) {
          Integer n = FormInput.integer(form.get("votes_" + m.personId() + "_" + g),
              m.name() + "评为" + grades.get(g) + "的票数", 0, 10_000);
          if (n != null) {
            votes.put(grades.get(g), n);
          }
        }
        members.put(m.personId(), new MemberRecord(a, form.get("reason_" + m.personId()),
            form.get("crit_" + m.personId()), form.get("grade_" + m.personId()), votes));
      }
      List<String> problems = form.getOrDefault("problems", "").lines().map(String::strip)
          .filter(l -> !l.isEmpty()).toList();
      MeetingInput input = new MeetingInput(FormInput.date(form.get("heldOn"), "组织生活会召开的日期"),
          form.get("chairId"), form.get("observer"), form.get("criticism"), members, problems);
      pages.asUser(auth.getName(), () -> {
        service.recordMeeting(branch, y, input, auth.getName());
        return null;
      });
      redirect.addFlashAttribute("message", "已登记组织生活会和民主评议结果"
          + (problems.isEmpty() ? "。" : "，查摆的" + problems.size() + "个问题已转为整改案件。"));
      return "redirect:/organizational-life/" + branch + "?year=" + y;
    } catch (RuleViolation e) {
      return page(org, y, auth, form, e.getMessage(), model);
    }
  }

  private String page(Organization org, int year, Authentication auth, Map<String, String> values, String error,
      Model model) {
    model.addAttribute("branch", org);
    model.addAttribute("year", year);
    model.addAttribute("lm", section(org.id(), year));
    model.addAttribute("mayWrite", mayWrite(auth, org.id()));
    model.addAttribute("members", service.members(org.id()));
    model.addAttribute("people", life.members(org.id()));
    model.addAttribute("grades", service.grades());
    model.addAttribute("talkRows", TALK_ROWS);
    model.addAttribute("values", values);
    if (error != null) {
      model.addAttribute("error", error);
    }
    model.addAttribute("today", ChinaClock.today().toString());
    return "organizational-life/life-meeting";
  }

  /** The year's 组织生活会 as the branch's page shows it: status, open tasks, grades, follow-ups, rectification. */
  Map<String, Object> section(String branchId, int year) {
    Map<String, Object> s = new LinkedHashMap<>();
    LifeMeetingStore.Case c = store.find(branchId, year).orElse(null);
    s.put("case", c);
    s.put("state", c == null ? "未发起" : c.status().label());
    s.put("grades", service.grades());
    s.put("tasks", c == null ? List.of() : cases.openOf(c.processInstanceId()));
    s.put("members", c == null ? List.of() : store.members(branchId, year));
    s.put("talks", c == null ? List.of() : store.talks(branchId, year));
    s.put("problems", c == null ? List.of() : store.problems(branchId, year));
    s.put("followUps", c == null ? List.of() : store.followUps(branchId, year));
    s.put("rectificationTasks", c == null ? List.of() : cases.openOf(c.rectificationInstanceId()));
    return s;
  }

  boolean mayWrite(Authentication auth, String branch) {
    return AccessScope.isAdmin(auth)
        || pages.holds(auth, a -> a.orgId().equals(branch) && WRITERS.contains(a.role()));
  }

  private void requireWriter(Authentication auth, String branch) {
    if (!mayWrite(auth, branch)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本支部的书记或组织委员可以发起和登记组织生活会");
    }
  }

  private Organization visibleBranch(Authentication auth, String branch) {
    return pages.visible(auth, branch, life::branch);
  }

  private static int year(String text) {
    try {
      return Integer.parseInt(text == null ? "" : text.trim());
    } catch (NumberFormatException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "年度须是数字，例如2026");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
