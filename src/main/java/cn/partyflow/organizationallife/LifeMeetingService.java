package cn.partyflow.organizationallife;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organizationallife.LifeMeetingRules.Decision;
import cn.partyflow.organizationallife.LifeMeetingRules.FollowUpEvent;
import cn.partyflow.organizationallife.LifeMeetingRules.FollowUpStatus;
import cn.partyflow.organizationallife.LifeMeetingRules.MeetingInput;
import cn.partyflow.organizationallife.LifeMeetingRules.Preparation;
import cn.partyflow.organizationallife.LifeMeetingStore.Case;
import cn.partyflow.organizationallife.LifeMeetingStore.MemberRow;
import cn.partyflow.organizationallife.LifeMeetingStore.Status;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Member;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Tally;
import cn.partyflow.rectification.ProblemListHandover.Problem;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What 组织生活会 and 民主评议党员 do with their data: starting a branch's year, recording the preparation and the
 * meeting (each completes the case's open task as its writer, in the same transaction), the follow-up of a member
 * graded 不合格, and what the case hands to 巡察整改. Every rule is {@link LifeMeetingRules}'; who may write is
 * checked by the page before it calls in and by the engine on the task.
 */
@Service
public class LifeMeetingService {

  private final LifeMeetingStore store;
  private final OrganizationalLifeService life;
  private final OrganizationDirectory directory;
  private final RuntimeService runtime;
  private final TaskService tasks;

  LifeMeetingService(LifeMeetingStore store, OrganizationalLifeService life, OrganizationDirectory directory,
      RuntimeService runtime, TaskService tasks) {
    this.store = store;
    this.life = life;
    this.directory = directory;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** The scale of 民主评议党员 from the setting, best first. */
  public List<String> grades() {
    return LifeMeetingRules.scale(life.settings().grades());
  }

  /** Starts the branch's 组织生活会 of the year; the start's own listener claims it, so a second start is refused. */
  @Transactional
  public String start(String branchId, int year) {
    Organization branch = life.branch(branchId);
    checkYear(year);
    if (store.find(branchId, year).isPresent()) {
      throw once(branch, year);
    }
    return runtime.startProcessInstanceByKey(LifeMeeting.PROCESS_KEY, LifeMeeting.businessKey(branchId, year),
        Map.of(LifeMeeting.ORG_ID, branchId, LifeMeeting.YEAR, year)).getId();
  }

  /** The checks of a start however it came; answers the variables the case keeps. */
  Map<String, Object> admitStart(String branchId, Integer year, String instanceId, String user) {
    if (branchId == null || branchId.isBlank() || year == null) {
      throw new RuleViolation("lifeMeeting.start.page", "组织生活会请在“组织生活”页面（/organizational-life）选择党支部后发起");
    }
    Organization branch = life.branch(branchId);
    checkYear(year);
    store.claim(branchId, year, instanceId, ChinaClock.today(), user, once(branch, year));
    return Map.of(LifeMeeting.BRANCH_NAME, branch.name());
  }

  /** Everybody entitled to the meeting: the branch's members, full members with a vote. */
  public List<Member> members(String branchId) {
    return life.roster(branchId, MeetingType.GENERAL_MEETING);
  }

  /** The branch committee's members, one side of every 谈心谈话 before the meeting. */
  public Set<String> committee(String branchId) {
    Set<String> ids = new HashSet<>();
    OrganizationalLifeService.COMMITTEE.forEach(r -> directory.holders(branchId, r).forEach(p -> ids.add(p.id())));
    return ids;
  }

  /** Records the preparation and completes 会前准备 as the signed-in writer. */
  @Transactional
  public void prepare(String branchId, int year, Preparation p, String user) {
    Case c = open(branchId, year, Status.PREPARING, "会前准备已登记");
    List<Member> members = members(branchId);
    LifeMeetingRules.checkPreparation(p, year, ChinaClock.today(), members, committee(branchId));
    store.savePreparation(branchId, year, p, members, user);
    tasks.complete(task(c, LifeMeeting.PREPARE).getId());
  }

  /** Records the meeting with its grades and problems and completes 召开组织生活会 as the signed-in writer. */
  @Transactional
  public void recordMeeting(String branchId, int year, MeetingInput m, String user) {
    Case c = open(branchId, year, Status.MEETING, "组织生活会已登记");
    List<Member> members = members(branchId);
    Tally tally = LifeMeetingRules.checkMeeting(m, year, ChinaClock.today(), preparedOn(c, branchId, year),
        members, grades());
    store.saveMeeting(branchId, year, m, tally, members, user);
    tasks.complete(task(c, LifeMeeting.HOLD_MEETING).getId());
  }

  /** Completing 会前准备 outside the page: only once the page has recorded it. */
  void requirePrepared(String branchId, int year) {
    Case c = store.find(branchId, year).orElseThrow();
    if (c.studyOn() == null) {
      throw new RuleViolation("lifeMeeting.page", "请在组织生活页面（/organizational-life/" + branchId + "）登记会前准备："
          + "学习、征求意见、谈心谈话和每名党员的对照检查");
    }
  }

  /** What the meeting decided, as the case needs it: the members graded 不合格, the problems, the vote record. */
  public record Outcome(List<String> unqualified, boolean hasProblems, String appraisal) {}

  Outcome meetingHeld(String branchId, int year) {
    Case c = store.find(branchId, year).orElseThrow();
    if (c.heldOn() == null) {
      throw new RuleViolation("lifeMeeting.page", "请在组织生活页面（/organizational-life/" + branchId + "）登记组织生活会："
          + "出席情况、批评和自我批评、民主评议等次和表决票数、查摆的问题");
    }
    List<MemberRow> rows = store.members(branchId, year);
    String failing = LifeMeetingRules.failingGrade(grades());
    List<String> unqualified = rows.stream().filter(r -> failing.equals(r.grade())).map(MemberRow::personId)
        .toList();
    store.status(branchId, year, unqualified.isEmpty() ? Status.MEETING : Status.FOLLOW_UP);
    return new Outcome(unqualified, !store.problems(branchId, year).isEmpty(), appraisal(rows, c));
  }

  /** The grades and the votes behind each, in words, for the case's record. */
  String appraisal(List<MemberRow> rows, Case c) {
    List<String> parts = new ArrayList<>();
    for (MemberRow r : rows) {
      if (r.grade() == null) {
        continue;
      }
      List<String> votes = new ArrayList<>();
      grades().forEach(g -> votes.add(g + r.votes().getOrDefault(g, 0) + "票"));
      parts.add(r.name() + "：" + r.grade() + "（" + String.join("、", votes) + "）");
    }
    return c.heldOn() + "支部党员大会（组织生活会），应到有表决权党员" + c.votingEntitled() + "人，实到" + c.votingPresent()
        + "人。" + String.join("；", parts);
  }

  String memberName(String personId) {
    return directory.person(personId).map(Person::name).orElse(personId);
  }

  void openFollowUp(String branchId, int year, String personId) {
    store.openFollowUp(branchId, year, personId);
  }

  /** The 支部大会's decision on a member graded 不合格; then it awaits the higher 党委. */
  void decide(String branchId, int year, String personId, Decision d, String user) {
    Case c = store.find(branchId, year).orElseThrow();
    LifeMeetingStore.FollowUp f = store.followUp(branchId, year, personId).orElseThrow();
    FollowUpStatus next = LifeMeetingRules.next(f.status(), FollowUpEvent.DECIDE);
    LifeMeetingRules.checkDecision(d, f.name(), c.heldOn(), ChinaClock.today(),
        c.votingEntitled() == null ? 0 : c.votingEntitled());
    store.decided(branchId, year, personId, d, next, user);
  }

  /** The higher 党委's answer: approved, or back to the branch. */
  void answer(String branchId, int year, String personId, boolean approved, String opinion, String user) {
    LifeMeetingStore.FollowUp f = store.followUp(branchId, year, personId).orElseThrow();
    FollowUpStatus next = LifeMeetingRules.next(f.status(), approved ? FollowUpEvent.APPROVE : FollowUpEvent.RETURN);
    store.answered(branchId, year, personId, next, opinion, user);
  }

  /** The problem list of the meeting, for 巡察整改. */
  List<Problem> problems(String branchId, int year) {
    return store.problems(branchId, year).stream().map(p -> new Problem("", p)).toList();
  }

  LocalDate heldOn(String branchId, int year) {
    return store.find(branchId, year).map(Case::heldOn).orElseThrow();
  }

  void rectificationStarted(String branchId, int year, String instanceId) {
    store.rectificationStarted(branchId, year, instanceId);
  }

  void close(String branchId, int year) {
    store.close(branchId, year, ChinaClock.today());
  }

  private Case open(String branchId, int year, Status expected, String done) {
    Organization branch = life.branch(branchId);
    Case c = store.find(branchId, year).orElseThrow(() -> new RuleViolation("lifeMeeting.none",
        branch.name() + year + "年度组织生活会尚未发起，请先在组织生活页面发起"));
    if (c.status() != expected) {
      throw new RuleViolation("lifeMeeting.state", branch.name() + year + "年度组织生活会当前为“" + c.status().label() + "”，"
          + done + "，不能再次登记");
    }
    return c;
  }

  private Task task(Case c, String activityId) {
    Task t = tasks.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(activityId)
        .singleResult();
    if (t == null) {
      throw new RuleViolation("lifeMeeting.state", "组织生活会的这一步已经办理");
    }
    return t;
  }

  /** The last day of the preparation: the meeting is not held before it. */
  private LocalDate preparedOn(Case c, String branchId, int year) {
    LocalDate last = c.studyOn();
    if (c.opinionsOn() != null && (last == null || c.opinionsOn().isAfter(last))) {
      last = c.opinionsOn();
    }
    for (LifeMeetingStore.TalkRow t : store.talks(branchId, year)) {
      if (last == null || t.on().isAfter(last)) {
        last = t.on();
      }
    }
    return last;
  }

  private static void checkYear(int year) {
    int now = ChinaClock.today().getYear();
    if (year < now - 1 || year > now) {
      throw new RuleViolation("lifeMeeting.year", "只能发起" + (now - 1) + "年或" + now + "年的组织生活会，当前为" + year + "年");
    }
  }

  private static RuleViolation once(Organization branch, int year) {
    return new RuleViolation("lifeMeeting.year.once", branch.name() + year + "年度组织生活会已经发起，每个党支部每年一次");
  }
}
