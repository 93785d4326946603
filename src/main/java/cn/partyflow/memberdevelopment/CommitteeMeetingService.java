package cn.partyflow.memberdevelopment;

import static cn.partyflow.memberdevelopment.MemberDevelopment.*;

import cn.partyflow.memberdevelopment.CommitteeMeeting.Attendance;
import cn.partyflow.memberdevelopment.CommitteeMeeting.Decision;
import cn.partyflow.memberdevelopment.CommitteeMeeting.Member;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoutingService;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 党委会研究 page's work: which 党委 a 组织部门干事 records meetings for, who of its committee is entitled to vote,
 * which candidates await its approval, and recording one meeting that decides several of them at once. Recording
 * writes the meeting and completes each candidate's approval task in one transaction: a rule broken anywhere
 * leaves nothing recorded and no task completed.
 */
@Service
class CommitteeMeetingService {

  /** The committee roles of a 党委 whose holders vote at its meetings. */
  static final List<Role> VOTING_ROLES = List.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.PARTY_COMMITTEE);

  /**
   * One matter awaiting the 党委: an admission or conversion of this module ({@code owner} null), or an item another
   * module brought ({@code owner} its agenda, {@code item} as it listed it), which is approved or not, never returned.
   */
  record Candidate(String taskId, String processInstanceId, String taskKey, String applicantId, String applicantName,
      String branchName, String step, String branchMeetingDate, CommitteeAgenda owner, CommitteeItem item) {

    /** Public for the page's template, which calls it. */
    public boolean returnable() {
      return owner == null;
    }
  }

  /** One candidate's vote as the page submits it. */
  record Vote(String taskId, Integer votesFor, Integer votesAgainst, Integer abstentions, boolean returned,
      String opinion, String extensionReason) {}

  /** The meeting as the page submits it: attendance by person id (PRESENT, ABSENT_WRITTEN, ABSENT). */
  record Submission(String committeeId, String meetingDate, String minutes, Map<String, String> attendance,
      Map<String, String> writtenOpinions, List<Vote> votes) {}

  private final OrganizationDirectory directory;
  private final RoutingService routing;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final CommitteeMeetings meetings;
  private final CommitteeDecisionRules rules;
  private final ObjectProvider<CommitteeAgenda> agendas;

  CommitteeMeetingService(OrganizationDirectory directory, RoutingService routing, TaskService tasks,
      RuntimeService runtime, CommitteeMeetings meetings, MemberDevelopmentSettings settings,
      ObjectProvider<CommitteeAgenda> agendas) {
    this.agendas = agendas;
    this.directory = directory;
    this.routing = routing;
    this.tasks = tasks;
    this.runtime = runtime;
    this.meetings = meetings;
    this.rules = new CommitteeDecisionRules(settings);
  }

  /** The 党委 with approval power where the user is 组织部门干事: those whose meetings the user records. */
  List<Organization> committeesOf(String username) {
    return directory.personByUsername(username).map(p -> directory.roleAssignmentsOf(p.id()).stream()
        .filter(a -> a.role() == Role.ORG_DEPARTMENT)
        .map(a -> directory.organization(a.orgId()).orElse(null))
        .filter(o -> o != null && o.approvalPower()).distinct().toList()).orElse(List.of());
  }

  /** Refused unless the user is the 组织部门干事 of that 党委. */
  Organization requireWriter(String username, String committeeId) {
    return committeesOf(username).stream().filter(o -> o.id().equals(committeeId)).findFirst()
        .orElseThrow(() -> new RuleViolation("memberDevelopment.committeeWriter", "党委会研究的记录只能由"
            + directory.organization(committeeId).map(Organization::name).orElse("该党委")
            + "的组织部门干事登记"));
  }

  /** The page's check: a user who is not the 组织部门干事 of that 党委 is answered 403. */
  Organization requireWriterOrForbidden(String username, String committeeId) {
    try {
      return requireWriter(username, committeeId);
    } catch (RuleViolation e) {
      throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN,
          e.getMessage());
    }
  }

  /** The committee members entitled to vote: its 书记, 副书记 and 党委委员 in the registry, each once. */
  List<Person> entitled(String committeeId) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (Role role : VOTING_ROLES) {
      directory.holders(committeeId, role).forEach(p -> people.putIfAbsent(p.id(), p));
    }
    return new ArrayList<>(people.values());
  }

  /**
   * The open admission and conversion approvals of the branches this 党委 approves, then the other modules' items
   * awaiting its decision.
   */
  List<Candidate> candidates(String committeeId) {
    List<Candidate> result = new ArrayList<>();
    for (Task t : tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
        .taskDefinitionKeyIn(TASK_APPROVAL, TASK_CONVERSION_APPROVAL).active().orderByTaskCreateTime().asc().list()) {
      Map<String, Object> v = runtime.getVariables(t.getExecutionId(), List.of(BRANCH_ID, BRANCH_NAME,
          APPLICANT_ID, APPLICANT_NAME, ADMISSION_MEETING_DATE, CONVERSION_MEETING_DATE));
      Object branch = v.get(BRANCH_ID);
      if (branch == null || !committeeId.equals(approvingCommittee(branch.toString()))) {
        continue;
      }
      boolean admission = t.getTaskDefinitionKey().equals(TASK_APPROVAL);
      result.add(new Candidate(t.getId(), t.getProcessInstanceId(), t.getTaskDefinitionKey(),
          Objects.toString(v.get(APPLICANT_ID), ""), Objects.toString(v.get(APPLICANT_NAME), ""),
          Objects.toString(v.get(BRANCH_NAME), ""), admission ? "接收预备党员" : "预备党员转正",
          Objects.toString(v.get(admission ? ADMISSION_MEETING_DATE : CONVERSION_MEETING_DATE), ""), null, null));
    }
    agendas.orderedStream().forEach(agenda -> agenda.awaiting(committeeId).forEach(i -> result.add(new Candidate(
        i.taskId(), i.processInstanceId(), i.taskKey(), i.personId(), i.personName(), i.branchName(), i.step(),
        i.branchMeetingDate(), agenda, i))));
    return result;
  }

  private String approvingCommittee(String branchId) {
    try {
      return routing.approvalOrgId(branchId);
    } catch (RuleViolation noCommittee) {
      return null;
    }
  }

  /**
   * Records the meeting and completes each decided candidate's approval task with it, as the 组织部门干事 (who then
   * holds the task in the case history). Returns the meeting as stored.
   */
  @Transactional
  CommitteeMeeting record(String username, Submission s) {
    Organization committee = requireWriter(username, s.committeeId());
    LocalDate date = date(s.meetingDate());
    List<Member> members = new ArrayList<>();
    for (Person p : entitled(committee.id())) {
      Attendance a = attendance(p, s.attendance().get(p.id()));
      String opinion = a == Attendance.ABSENT_WRITTEN ? FormText.limited(p.name() + "的书面意见",
          blankToNull(s.writtenOpinions().get(p.id()))) : null;
      members.add(new Member(p.id(), p.name(), a, opinion));
    }
    rules.meeting(date, members, ChinaClock.today());
    int entitled = members.size();
    int present = (int) members.stream().filter(m -> m.attendance() == Attendance.PRESENT).count();
    Map<String, Candidate> open = new LinkedHashMap<>();
    candidates(committee.id()).forEach(c -> open.put(c.taskId(), c));
    CommitteeDecisionRules.onceEach(s.votes().stream().map(v -> {
      Candidate c = open.get(v.taskId());
      if (c == null) {
        throw new RuleViolation("memberDevelopment.committeeCandidate", "所选对象不在本党委待审批的名单中，或已办结，请刷新页面");
      }
      return c.processInstanceId() + "/" + c.taskKey();
    }).toList());
    List<Decision> decisions = new ArrayList<>();
    for (Vote v : s.votes()) {
      Candidate c = open.get(v.taskId());
      if (v.returned() && !c.returnable()) {
        throw new RuleViolation("memberDevelopment.committeeNoReturn", c.applicantName() + "的" + c.step()
            + "由党委会表决批准或不予批准，不能退回党支部");
      }
      String opinion = FormText.limited(c.applicantName() + "的意见", blankToNull(v.opinion()));
      String decision = rules.decision(c.applicantName(), entitled, present, v.votesFor(), v.votesAgainst(),
          v.abstentions(), v.returned(), opinion, c.returnable() && c.taskKey().equals(TASK_CONVERSION_APPROVAL));
      decisions.add(new Decision(c.processInstanceId(), c.taskKey(), c.applicantId(), c.applicantName(),
          v.returned() && v.votesFor() == null ? 0 : v.votesFor(), orZero(v.votesAgainst()), orZero(v.abstentions()),
          decision, opinion, c.returnable()
              ? FormText.limited("延长审批期限的原因", blankToNull(v.extensionReason())) : null));
    }
    CommitteeMeeting meeting = new CommitteeMeeting(0, committee.id(), committee.name(), date, members, decisions,
        username, FormText.limited("会议记录", blankToNull(s.minutes())));
    long id = meetings.record(meeting);
    for (Vote v : s.votes()) {
      Candidate c = open.get(v.taskId());
      if (c.owner() != null) {
        c.owner().decided(c.item(), id, username);
        continue;
      }
      tasks.setAssignee(v.taskId(), username);
      tasks.complete(v.taskId(), Map.of(COMMITTEE_MEETING_ID, id));
    }
    return meetings.find(id).orElseThrow();
  }

  private static Attendance attendance(Person p, String code) {
    if (code == null || code.isBlank()) {
      throw new RuleViolation("memberDevelopment.committeeAttendance", "请登记" + p.name() + "是否出席党委会");
    }
    try {
      return Attendance.valueOf(code.trim());
    } catch (IllegalArgumentException e) {
      throw new RuleViolation("memberDevelopment.committeeAttendance", p.name() + "的出席情况须为出席、缺席（书面意见）或缺席");
    }
  }

  private static LocalDate date(String text) {
    return FormInput.requiredDate(text, "党委会日期");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }
}
