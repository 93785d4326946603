package cn.partyflow.reelection;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationImport;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoleAssignment;
import cn.partyflow.reelection.ReElectionRules.Outcome;
import cn.partyflow.rectification.Notifier;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What 换届 does with its data: admitting a request, checking candidates, recording each round of the election
 * meeting, changing a term's end, and putting the approved committee into the registry through the organization
 * module. Every rule is {@link ReElectionRules}'.
 */
@Service
public class ReElectionService {

  /** The roles an election of a 党支部 or 党总支 fills (the committee and its 分工). */
  static final Set<Role> BRANCH_COMMITTEE = EnumSet.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORGANIZER,
      Role.PROPAGANDA, Role.DISCIPLINE, Role.BRANCH_COMMITTEE);
  /** The roles an election of a 基层党委 fills (纪委 and 组织部门 are not elected by it). */
  static final Set<Role> PARTY_COMMITTEE = EnumSet.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.PARTY_COMMITTEE);
  static final Map<String, Role> OFFICE_ROLES = Map.of("secretaryId", Role.SECRETARY, "deputyId",
      Role.DEPUTY_SECRETARY, "organizerId", Role.ORGANIZER, "propagandaId", Role.PROPAGANDA, "disciplineId",
      Role.DISCIPLINE);

  private final TermStore store;
  private final OrganizationDirectory directory;
  private final OrganizationImport registry;
  private final RuntimeService runtime;
  private final ReElectionSettings settings;
  private final Notifier notifier;

  ReElectionService(TermStore store, OrganizationDirectory directory, OrganizationImport registry,
      RuntimeService runtime, ReElectionSettings settings, Notifier notifier) {
    this.store = store;
    this.directory = directory;
    this.registry = registry;
    this.runtime = runtime;
    this.settings = settings;
    this.notifier = notifier;
  }

  public ReElectionSettings settings() {
    return settings;
  }

  /** Starts a case as the current engine user (the page sets it); the start's listener applies every check. */
  public String start(String orgId, RequestType type, String reason, LocalDate newTermEnd) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(ReElection.ORG_ID, orgId);
    vars.put(ReElection.REQUEST_TYPE, type.name());
    vars.put(ReElection.REASON, reason);
    if (newTermEnd != null) {
      vars.put(ReElection.NEW_TERM_END, newTermEnd.toString());
    }
    return runtime.startProcessInstanceByKey(ReElection.PROCESS_KEY, orgId, vars).getId();
  }

  /**
   * The checks of a start however it came: an elected organization, one open case, a postponement or advance within
   * the limit. Returns the variables the case keeps.
   */
  Map<String, Object> admitStart(String orgId, RequestType type, String reason, LocalDate newEnd, String pi,
      String user) {
    Organization org = elected(orgId);
    Organization higher = higher(org);
    Optional<TermStore.Term> term = store.term(orgId);
    if (type != RequestType.ELECTION) {
      ReElectionRules.checkTermChange(type, term.map(TermStore.Term::termEnd).orElse(null), newEnd,
          ChinaClock.today(), settings);
    }
    store.openCase(pi, orgId, type, user, new RuleViolation("reElection.case.open", org.name()
        + "已有进行中的换届事项，请在该事项办结后再发起"));
    store.event(pi, user, "提交" + type.label() + "的请示：" + reason
        + (newEnd == null ? "" : "（申请改为" + newEnd + "换届）"));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(ReElection.ORG_NAME, org.name());
    vars.put(ReElection.HIGHER_ORG_ID, higher.id());
    vars.put(ReElection.HIGHER_ORG_NAME, higher.name());
    vars.put(ReElection.REQUEST_LABEL, type.label());
    vars.put(ReElection.TERM_END, term.map(t -> t.termEnd().toString()).orElse("未登记"));
    vars.put(ReElection.ANSWER_WORKDAYS, settings.answerWorkdays());
    vars.put(ReElection.MEMBER_OPTIONS, memberOptionsJson(orgId));
    return vars;
  }

  void log(String pi, String user, String text) {
    store.event(pi, user, text);
  }

  void close(String pi, String outcome) {
    store.event(pi, null, outcome);
    store.closeCase(pi, outcome);
  }

  void changeTerm(String pi, String orgId, RequestType type, LocalDate newEnd, String reason, String approver) {
    LocalDate old = store.term(orgId).map(TermStore.Term::termEnd).orElse(null);
    ReElectionRules.checkTermChange(type, old, newEnd, ChinaClock.today(), settings);
    store.setTerm(orgId, newEnd, null, approver);
    store.termChange(orgId, pi, type.name(), old, newEnd, reason, approver);
    close(pi, "上级批准" + type.label() + "：任期届满日由" + old + "改为" + newEnd);
  }

  /** Candidates: distinct full members in good standing of the organization; 差额 by the settings. */
  Map<String, String> checkCandidates(String orgId, int seats, List<String> ids) {
    Map<String, String> voters = voterOptions(orgId);
    Map<String, String> names = new LinkedHashMap<>();
    for (String id : ids) {
      String name = voters.get(id);
      if (name == null) {
        throw new RuleViolation("reElection.candidate.eligible", name(id) + "不是本组织有选举权和被选举权的正式党员"
            + "（预备党员和留党察看期间的党员没有被选举权），不能作为候选人");
      }
      names.put(id, name);
    }
    ReElectionRules.checkCandidates(seats, names.size(), settings);
    if (seats > voters.size()) {
      throw new RuleViolation("reElection.seats", "应选名额" + seats + "名多于本组织正式党员人数" + voters.size() + "名");
    }
    return names;
  }

  /** Who may vote and be elected: full members in good standing of the organization and everything below it. */
  Map<String, String> voterOptions(String orgId) {
    Map<String, String> voters = new LinkedHashMap<>();
    directory.people(directory.selfAndDescendants(orgId)).stream().filter(Person::isFullMemberInGoodStanding)
        .forEach(p -> voters.put(p.id(), p.name()));
    return voters;
  }

  /** Records a round of the election meeting (refused whole when a rule is broken) and answers who was elected. */
  @Transactional
  public Outcome recordRound(String pi, String orgId, int round, LocalDate heldOn, int seats, List<String> present,
      Map<String, Integer> votes, String user) {
    if (heldOn.isAfter(ChinaClock.today())) {
      throw new RuleViolation("reElection.date.future", "选举日期" + heldOn + "不能晚于今天");
    }
    Map<String, String> voters = voterOptions(orgId);
    Map<String, String> attendees = new LinkedHashMap<>();
    for (String id : present) {
      if (!voters.containsKey(id)) {
        throw new RuleViolation("reElection.present.voter", name(id) + "不是本组织有选举权的正式党员，不能计入到会人数");
      }
      attendees.put(id, voters.get(id));
    }
    Outcome outcome = ReElectionRules.count(voters.size(), attendees.size(), seats, votes, this::name);
    List<TermStore.Vote> rows = votes.entrySet().stream().map(e -> new TermStore.Vote(e.getKey(), name(e.getKey()),
        e.getValue(), outcome.elected().contains(e.getKey()))).toList();
    store.insertMeeting(pi, round, heldOn, seats, voters.size(), attendees.size(), user, attendees, rows);
    store.event(pi, user, describe(round, outcome, outcome.elected()));
    return outcome;
  }

  String describe(int round, Outcome outcome, List<String> electedSoFar) {
    return (round == 1 ? "选举大会" : "第" + round + "轮选举") + "：当选" + outcome.elected().size() + "名（"
        + String.join("、", names(outcome.elected()).values()) + "）"
        + (outcome.unfilled() == 0 ? "，应选名额已全部选出" : "，尚有" + outcome.unfilled() + "个名额未选出（得票未超过应到会"
        + "有选举权人数的一半）") + "；累计当选" + electedSoFar.size() + "名";
  }

  String describeOffices(Map<String, String> offices) {
    List<String> parts = new ArrayList<>();
    offices.forEach((field, id) -> parts.add(ReElectionSteps.OFFICES.get(field) + "：" + name(id)));
    return String.join("；", parts);
  }

  /**
   * The approved committee into the registry (routing follows for every task created from now on) and the new
   * term's end from today.
   */
  @Transactional
  public void install(String pi, String orgId, List<String> elected, Map<String, String> offices, String approver) {
    Organization org = elected(orgId);
    boolean committee = org.kind() == OrganizationKind.COMMITTEE;
    List<RoleAssignment> roles = new ArrayList<>();
    for (String id : elected) {
      List<Role> held = offices.entrySet().stream().filter(e -> e.getValue().equals(id))
          .map(e -> OFFICE_ROLES.get(e.getKey())).filter(r -> !committee || PARTY_COMMITTEE.contains(r)).toList();
      held.forEach(r -> roles.add(new RoleAssignment(orgId, id, r)));
      if (committee) {
        roles.add(new RoleAssignment(orgId, id, Role.PARTY_COMMITTEE));
      } else if (held.isEmpty()) {
        roles.add(new RoleAssignment(orgId, id, Role.BRANCH_COMMITTEE));
      }
    }
    registry.installCommittee(orgId, roles, committee ? PARTY_COMMITTEE : BRANCH_COMMITTEE, approver);
    LocalDate today = ChinaClock.today();
    LocalDate old = store.term(orgId).map(TermStore.Term::termEnd).orElse(null);
    LocalDate end = ReElectionRules.newTermEnd(today, org.kind(), settings);
    store.setTerm(orgId, end, today, approver);
    store.termChange(orgId, pi, "ELECTION", old, end, "换届选举经上级批复", approver);
    close(pi, "选举结果经上级批复，新一届委员会已任职（" + describeOffices(offices) + "），任期至" + end);
  }

  /** Registers the current term's end of an organization (the higher 组织部门 or the administrator, from the page). */
  @Transactional
  public void registerTerm(String orgId, LocalDate termEnd, String user) {
    Organization org = elected(orgId);
    LocalDate today = ChinaClock.today();
    int years = ReElectionRules.termYears(org.kind(), settings);
    if (termEnd == null || termEnd.isAfter(today.plusYears(years)) || termEnd.isBefore(today.minusYears(years))) {
      throw new RuleViolation("reElection.term.register", "任期届满日期应在" + today.minusYears(years) + "至"
          + today.plusYears(years) + "之间（" + org.kind().label() + "每届" + years + "年）");
    }
    LocalDate old = store.term(orgId).map(TermStore.Term::termEnd).orElse(null);
    store.setTerm(orgId, termEnd, null, user);
    store.termChange(orgId, null, "REGISTER", old, termEnd, "登记本届任期", user);
  }

  /** Organizations whose term ends within the reminder months and whose higher organization was not yet told. */
  public List<String> dueForReminder() {
    LocalDate today = ChinaClock.today();
    return store.terms().values().stream()
        .filter(t -> ReElectionRules.reminderDue(t.termEnd(), today, settings))
        .filter(t -> !t.termEnd().equals(t.remindedForEnd()))
        .filter(t -> store.openCase(t.orgId()).isEmpty())
        .map(TermStore.Term::orgId).sorted().toList();
  }

  /** Tells the higher organization's 组织部门 and 书记 by email that the term ends soon; once per term end. */
  public void remind(String orgId) {
    TermStore.Term term = store.term(orgId).orElse(null);
    if (term == null || term.termEnd().equals(term.remindedForEnd())) {
      return;
    }
    Organization org = elected(orgId);
    Organization higher = higher(org);
    List<String> users = new ArrayList<>();
    for (Role r : List.of(Role.ORG_DEPARTMENT, Role.SECRETARY)) {
      directory.holders(higher.id(), r).stream().map(Person::username).filter(u -> u != null && !u.isBlank())
          .forEach(users::add);
    }
    if (!users.isEmpty()) {
      notifier.send(users, "re-reminder", null, "【换届提醒】" + org.name() + "任期将于" + term.termEnd() + "届满",
          org.name() + "本届任期将于" + term.termEnd() + "届满。请提醒其按期换届：一般在届满前约2个月报送换届选举的请示；"
              + "确需延期或提前换届的，须经" + higher.name() + "批准，延长或提前不超过1年。请在“换届”页面（/re-election）查看。");
    }
    store.reminded(orgId, term.termEnd());
  }

  public Organization elected(String orgId) {
    Organization org = directory.organization(orgId == null ? "" : orgId)
        .orElseThrow(() -> new RuleViolation("reElection.unknownOrganization", "组织" + orgId + "不存在"));
    if (!ReElectionRules.isElected(org.kind())) {
      throw new RuleViolation("reElection.kind", org.name() + "是" + org.kind().label() + "，不由选举产生，没有换届");
    }
    return org;
  }

  /** The 党委 (or 党组) that approves the organization's election: the nearest one above it. */
  public Organization higher(Organization org) {
    return directory.selfAndAncestors(org.id()).stream().skip(1)
        .filter(o -> o.kind() == OrganizationKind.COMMITTEE || o.kind() == OrganizationKind.PARTY_GROUP)
        .findFirst().orElseThrow(() -> new RuleViolation("reElection.higher", org.name() + "没有上级党委，换届由系统管理员处理"));
  }

  /**
   * {@link #higher(Organization)} found in the registry {@code byId} already read (for a page that lists many
   * organizations); empty where there is none.
   */
  public Optional<Organization> higher(Organization org, Map<String, Organization> byId) {
    Organization o = org;
    for (int depth = 0; depth < byId.size() && o.parentId() != null; depth++) {
      o = byId.get(o.parentId());
      if (o == null) {
        return Optional.empty();
      }
      if (o.kind() == OrganizationKind.COMMITTEE || o.kind() == OrganizationKind.PARTY_GROUP) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  String name(String personId) {
    return directory.person(personId).map(Person::name).orElse(personId);
  }

  Map<String, String> names(List<String> ids) {
    Map<String, String> names = new LinkedHashMap<>();
    ids.forEach(id -> names.put(id, name(id)));
    return names;
  }

  private Object memberOptionsJson(String orgId) {
    List<Map<String, String>> options = new ArrayList<>();
    voterOptions(orgId).forEach((id, name) -> options.add(Map.of("label", name, "value", id)));
    try {
      return org.camunda.spin.plugin.variable.SpinValues.jsonValue(
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(options)).create();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
