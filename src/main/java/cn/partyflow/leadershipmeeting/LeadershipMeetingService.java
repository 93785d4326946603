package cn.partyflow.leadershipmeeting;

import static cn.partyflow.shared.StepVariables.json;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoleAssignment;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What 民主生活会 does with its data: admitting a start (a 党委 or 党组 with a higher level, one case a year), the
 * 班子成员 from the registry, and the record of each step in {@link LeadershipMeetingStore}. The rules are {@link
 * LeadershipMeetingRules}'.
 */
@Service
public class LeadershipMeetingService {

  /** The 班子: who holds these offices in the 党委 or 党组, the 书记 first. */
  static final List<Role> LEADERSHIP = List.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.PARTY_COMMITTEE);

  /** Who of the 党委 (党组) asks the higher level to hold the meeting on another day: those who start the case. */
  public static final List<Role> DATE_CHANGE_REQUESTERS = List.of(Role.SECRETARY, Role.ORG_DEPARTMENT);

  private final LeadershipMeetingStore store;
  private final OrganizationDirectory directory;
  private final RuntimeService runtime;
  private final LeadershipMeetingSettings settings;

  LeadershipMeetingService(LeadershipMeetingStore store, OrganizationDirectory directory, RuntimeService runtime,
      LeadershipMeetingSettings settings) {
    this.store = store;
    this.directory = directory;
    this.runtime = runtime;
    this.settings = settings;
  }

  public LeadershipMeetingSettings settings() {
    return settings;
  }

  /** Starts the year's case as the current engine user (the page sets it); the start's listener checks it. */
  public String start(String orgId, int year) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(LeadershipMeeting.ORG_ID, orgId);
    vars.put(LeadershipMeeting.YEAR, year);
    return runtime.startProcessInstanceByKey(LeadershipMeeting.PROCESS_KEY, orgId + ":" + year, vars).getId();
  }

  /** The years a case may be started for: last year to next year. */
  public static boolean startableYear(int year) {
    int now = ChinaClock.today().getYear();
    return year >= now - 1 && year <= now + 1;
  }

  /**
   * The checks of a start: a 党委 or 党组 with a higher level and at least two 班子成员, a year from last to next, one
   * case per year. Returns the variables the case keeps.
   */
  Map<String, Object> admitStart(String orgId, int year, String pi, String user) {
    Organization org = leadership(orgId);
    Organization higher = higher(org);
    if (!startableYear(year)) {
      throw new RuleViolation("leadershipMeeting.year", "只能发起去年、今年或明年的民主生活会，不能发起" + year + "年度的");
    }
    List<LeadershipMeetingStore.Member> members = leadershipOf(orgId);
    if (members.size() < 2) {
      throw new RuleViolation("leadershipMeeting.members", org.name() + "在组织信息中登记的班子成员（书记、副书记、委员）"
          + "不足2人，请先维护班子成员再发起民主生活会");
    }
    store.openCase(pi, orgId, year, user, new RuleViolation("leadershipMeeting.case.exists", org.name() + year
        + "年度民主生活会已经发起，每个党委（党组）每年一个"));
    store.members(pi, members);
    store.event(pi, user, "发起" + year + "年度民主生活会");
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(LeadershipMeeting.ORG_NAME, org.name());
    vars.put(LeadershipMeeting.HIGHER_ORG_ID, higher.id());
    vars.put(LeadershipMeeting.HIGHER_ORG_NAME, higher.name());
    vars.put(LeadershipMeeting.MEETING_NAME, year + "年度民主生活会");
    vars.put(LeadershipMeeting.ANSWER_WORKDAYS, settings.answerWorkdays());
    vars.put(LeadershipMeeting.ADVANCE_DAYS, settings.planAdvanceDays());
    vars.put(LeadershipMeeting.REPORT_DAYS, settings.reportDays());
    List<Map<String, String>> options = new ArrayList<>();
    members.forEach(m -> options.add(Map.of("label", m.name() + "（" + m.position() + "）", "value", m.personId())));
    vars.put(LeadershipMeeting.MEMBER_OPTIONS, json(options));
    return vars;
  }

  /** The 班子成员 in the registry now: 书记, 副书记, 委员, each person once with the first office they hold. */
  List<LeadershipMeetingStore.Member> leadershipOf(String orgId) {
    Map<String, LeadershipMeetingStore.Member> members = new LinkedHashMap<>();
    for (Role role : LEADERSHIP) {
      for (Person p : directory.holders(orgId, role)) {
        members.putIfAbsent(p.id(), new LeadershipMeetingStore.Member(p.id(), p.name(), role.label(), null, null,
            null, null));
      }
    }
    return new ArrayList<>(members.values());
  }

  /** The case's 班子成员, id to name, in the order of the registry when the case started. */
  public Map<String, String> members(String pi) {
    Map<String, String> members = new LinkedHashMap<>();
    store.members(pi).forEach(m -> members.put(m.personId(), m.name()));
    return members;
  }

  void log(String pi, String user, String text) {
    store.event(pi, user, text);
  }

  void plan(String pi, String theme, LocalDate plannedDate, String user) {
    store.plan(pi, theme, plannedDate);
    store.event(pi, user, "报送会议主题和方案：" + theme + "，拟于" + plannedDate + "召开");
  }

  void planApproved(String pi) {
    store.planApproved(pi, ChinaClock.today());
  }

  void preparation(String pi, String sources, int count, String summary, List<LeadershipMeetingRules.Talk> talks,
      Map<String, LocalDate> materials, String user) {
    store.preparation(pi, sources, count, summary, talks, materials);
    store.event(pi, user, "登记会前准备：征求意见" + count + "条，谈心谈话" + talks.size() + "次，对照检查材料"
        + materials.size() + "份");
  }

  LocalDate planApprovedOn(String pi) {
    return store.caseOf(pi).map(LeadershipMeetingStore.Case::planApprovedOn).orElse(null);
  }

  /** The planned day of the plan last sent up, which is the approved one once the plan is approved. */
  LocalDate plannedDate(String pi) {
    return store.caseOf(pi).map(LeadershipMeetingStore.Case::plannedDate).orElse(null);
  }

  void meeting(String pi, LocalDate date, int entitled, int present, String observer, String absenceReasons,
      Map<String, Boolean> attendance, Map<String, String[]> criticism, List<LeadershipMeetingStore.Problem> problems,
      String user) {
    store.meeting(pi, date, entitled, present, observer, absenceReasons, attendance, criticism, problems);
    store.event(pi, user, "登记" + date + "召开的民主生活会：应到" + entitled + "人，实到" + present + "人，查摆问题"
        + problems.size() + "条");
  }

  void report(String pi, LocalDate date, String text, String user) {
    store.report(pi, date, text);
    store.event(pi, user, "向上级党组织报送民主生活会情况报告（" + date + "）");
  }

  /**
   * The 党委's 书记 or 组织部门干事 asks the higher level to hold the meeting on {@code newDay} instead of the approved
   * planned day, with the reason: once the plan is approved, before the meeting is recorded, one request at a time.
   * The request is recorded and the case's review task created in one transaction; users do not send the engine's
   * messages themselves, so this is the only way in.
   */
  @Transactional
  public void requestDateChange(String pi, String user, LocalDate newDay, String reason) {
    LeadershipMeetingStore.Case c = store.caseOf(pi).orElseThrow(() -> new RuleViolation(
        "leadershipMeeting.case.unknown", "民主生活会案卷不存在"));
    Organization org = leadership(c.orgId());
    Person requester = directory.personByUsername(user).orElse(null);
    Role office = requester == null ? null : directory.roleAssignmentsOf(requester.id()).stream()
        .filter(a -> a.orgId().equals(org.id()) && DATE_CHANGE_REQUESTERS.contains(a.role()))
        .map(RoleAssignment::role).sorted().findFirst().orElse(null);
    if (office == null) {
      throw new RuleViolation("leadershipMeeting.dateChange.requester", "只有" + org.name()
          + "的书记或组织部门干事可以申请提前或推迟召开民主生活会");
    }
    if (c.planApprovedOn() == null) {
      throw new RuleViolation("leadershipMeeting.dateChange.plan", "方案经上级同意后才能申请改期；方案尚未同意的，"
          + "请在会议方案中填写拟召开日期");
    }
    if (c.meetingDate() != null) {
      throw new RuleViolation("leadershipMeeting.dateChange.held", "民主生活会已于" + c.meetingDate()
          + "召开，不能再申请改期");
    }
    store.pendingDateChange(pi).ifPresent(p -> {
      throw new RuleViolation("leadershipMeeting.dateChange.pending", "已申请改到" + p.newDate()
          + "召开，上级党组织尚未答复；答复后才能再次申请");
    });
    if (!takesDateChange(pi)) {
      throw new RuleViolation("leadershipMeeting.dateChange.oldCase", "本案卷按改期审批上线前的流程办理，不能在线申请改期；"
          + "请联系系统管理员将案卷迁移到新版流程");
    }
    String why = reason == null ? null : reason.strip();
    String kind = LeadershipMeetingRules.dateChange(c.plannedDate(), newDay, why, c.year(), ChinaClock.today());
    long id = store.dateChangeRequested(pi, c.plannedDate(), newDay, why, user, new RuleViolation(
        "leadershipMeeting.dateChange.pending", "已有一份改期申请等待上级党组织答复（刚刚提交）；答复后才能再次申请"));
    store.event(pi, user, "申请将民主生活会由" + c.plannedDate() + kind + "到" + newDay + "召开，报上级党组织批准："
        + why);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(LeadershipMeeting.DATE_CHANGE_ID, id);
    vars.put(LeadershipMeeting.DATE_CHANGE_FROM, c.plannedDate().toString());
    vars.put(LeadershipMeeting.DATE_CHANGE_TO, newDay.toString());
    vars.put(LeadershipMeeting.DATE_CHANGE_KIND, kind);
    vars.put(LeadershipMeeting.DATE_CHANGE_REASON, why);
    vars.put(LeadershipMeeting.DATE_CHANGE_REQUESTER, requester.name() + "（" + office.label() + "）");
    runtime.createMessageCorrelation(LeadershipMeeting.DATE_CHANGE_MESSAGE).processInstanceId(pi).setVariables(vars)
        .correlateWithResult();
  }

  /** Whether the case runs on a definition with the date change (cases started before it do not). */
  public boolean takesDateChange(String pi) {
    return runtime.createEventSubscriptionQuery().processInstanceId(pi).eventType("message")
        .eventName(LeadershipMeeting.DATE_CHANGE_MESSAGE).count() > 0;
  }

  /** The request waiting for the higher level's answer, if any. */
  Optional<LeadershipMeetingStore.DateChange> pendingDateChange(String pi) {
    return store.pendingDateChange(pi);
  }

  /** The higher level's answer: an approved day replaces the planned day the meeting is checked against. */
  void dateChangeDecided(String pi, long id, LocalDate from, LocalDate to, boolean approved, String opinion,
      String user) {
    store.dateChangeDecided(pi, id, approved, opinion, user);
    store.event(pi, user, approved
        ? "上级党组织同意改期：拟召开日期由" + from + "改为" + to + (opinion == null ? "" : "，" + opinion)
        : "上级党组织不同意改期（申请由" + from + "改为" + to + "），仍按" + from + "召开：" + opinion);
  }

  void reportApproved(String pi) {
    store.reportApproved(pi, ChinaClock.today());
  }

  void handedOver(String pi, String rectificationPi) {
    store.handedOver(pi, rectificationPi);
    store.event(pi, null, "整改清单已移交巡察整改，启动整改案卷");
  }

  /** A 党委 or 党组: the bodies whose 领导班子 hold a 民主生活会. */
  public Organization leadership(String orgId) {
    Organization org = directory.organization(orgId == null ? "" : orgId)
        .orElseThrow(() -> new RuleViolation("leadershipMeeting.unknownOrganization", "组织" + orgId + "不存在"));
    if (!holdsLeadershipMeeting(org)) {
      throw new RuleViolation("leadershipMeeting.kind", org.name() + "是" + org.kind().label()
          + "，民主生活会由党委（党组）领导班子召开；党支部开组织生活会");
    }
    return org;
  }

  public static boolean holdsLeadershipMeeting(Organization org) {
    return org.kind() == OrganizationKind.COMMITTEE || org.kind() == OrganizationKind.PARTY_GROUP;
  }

  /** The higher level the plan and report go to: the nearest 党委 or 党组 above. */
  public Organization higher(Organization org) {
    return directory.selfAndAncestors(org.id()).stream().skip(1)
        .filter(LeadershipMeetingService::holdsLeadershipMeeting).findFirst()
        .orElseThrow(() -> new RuleViolation("leadershipMeeting.higher", org.name()
            + "在系统中没有上级党委（党组），方案和报告无处报送"));
  }
}
