package cn.partyflow.memberdevelopment;

import cn.partyflow.memberdevelopment.CommitteeMeetingService.Submission;
import cn.partyflow.memberdevelopment.CommitteeMeetingService.Vote;
import cn.partyflow.organization.Organization;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 党委会研究 (/member-development/committee-meetings): the 党委's 组织部门干事 records one 党委会 that decides several
 * candidates' admission or conversion, each with its own vote; recording completes their approval tasks. Only the
 * 组织部门干事 of a 党委 with approval power opens it, for that 党委.
 */
@Controller
class CommitteeMeetingPage {

  static final String PATH = "/member-development/committee-meetings";

  private final CommitteeMeetingService service;

  CommitteeMeetingPage(CommitteeMeetingService service) {
    this.service = service;
  }

  @GetMapping(PATH)
  String page(@RequestParam(required = false) String committee, Authentication auth, Model model) {
    List<Organization> mine = service.committeesOf(auth.getName());
    if (mine.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "党委会研究由有审批权的党委的组织部门干事登记");
    }
    Organization chosen = committee == null ? mine.get(0) : service.requireWriterOrForbidden(auth.getName(),
        committee);
    model.addAttribute("committees", mine);
    model.addAttribute("committee", chosen);
    model.addAttribute("members", service.entitled(chosen.id()));
    model.addAttribute("candidates", service.candidates(chosen.id()));
    model.addAttribute("today", ChinaClock.today().toString());
    return "member-development/committee-meetings";
  }

  @PostMapping(PATH)
  String record(@RequestParam MultiValueMap<String, String> form, Authentication auth, RedirectAttributes redirect) {
    String committee = form.getFirst("committee");
    service.requireWriterOrForbidden(auth.getName(), committee == null ? "" : committee);
    try {
      record(form, committee, auth.getName(), redirect);
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
      // The refused meeting comes back as typed (attendance, votes, opinions), to be corrected, not typed again.
      Map<String, String> typed = new LinkedHashMap<>(form.toSingleValueMap());
      typed.remove("_csrf");
      redirect.addFlashAttribute("typed", typed);
    }
    return "redirect:" + PATH + "?committee=" + committee;
  }

  private void record(MultiValueMap<String, String> form, String committee, String user,
      RedirectAttributes redirect) {
    Map<String, String> attendance = new LinkedHashMap<>();
    Map<String, String> written = new LinkedHashMap<>();
    List<Vote> votes = new ArrayList<>();
    form.forEach((name, values) -> {
      String value = values.isEmpty() ? null : values.get(0);
      if (name.startsWith("attendance.")) {
        attendance.put(name.substring("attendance.".length()), value);
      } else if (name.startsWith("written.")) {
        written.put(name.substring("written.".length()), value);
      } else if (name.startsWith("decide.") && "on".equals(value)) {
        String task = name.substring("decide.".length());
        votes.add(new Vote(task, number(form, "for." + task), number(form, "against." + task),
            number(form, "abstain." + task), "on".equals(form.getFirst("return." + task)),
            form.getFirst("opinion." + task), form.getFirst("extension." + task)));
      }
    });
    CommitteeMeeting m = service.record(user, new Submission(committee, form.getFirst("meetingDate"),
        form.getFirst("minutes"), attendance, written, votes));
    redirect.addFlashAttribute("message", "已登记" + m.committeeName() + "党委会（" + m.date() + "，第" + m.id()
          + "号）：" + String.join("；", m.decisions().stream().map(d -> d.applicantName() + "赞成" + d.votesFor()
        + "票，" + switch (d.decision()) {
          case "APPROVE" -> "批准";
          case "RETURN" -> "退回党支部";
          default -> "不予批准";
        }).toList()));
  }

  private static Integer number(MultiValueMap<String, String> form, String name) {
    String text = form.getFirst(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw new RuleViolation("memberDevelopment.committeeVoteNumbers", "票数须为整数：" + text);
    }
  }
}
