package cn.partyflow.organizationallife;

import cn.partyflow.organizationallife.OrganizationalLifeRules.Counts;
import cn.partyflow.organizationallife.OrganizationalLifeRules.HeldMeeting;
import cn.partyflow.organizationallife.OrganizationalLifeRules.MeetingRecord;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Member;
import cn.partyflow.organizationallife.OrganizationalLifeRules.PlannedMeeting;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Tally;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.rectification.EvidenceKind;
import cn.partyflow.rectification.Notifier;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What 组织生活 does with its data: starting a branch's year, planning it, recording meetings with their
 * attendance, 补课, minutes and photos, finding what a period misses, and the counts of a period. Every rule is
 * {@link OrganizationalLifeRules}'; who may write is checked by the page before it calls in.
 */
@Service
public class OrganizationalLifeService {

  /** The branch committee: who is entitled to a 支委会. */
  static final Set<Role> COMMITTEE = EnumSet.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORGANIZER,
      Role.PROPAGANDA, Role.DISCIPLINE, Role.BRANCH_COMMITTEE);
  static final Map<String, String> ATTACHMENT_KINDS = Map.of("MINUTES", "会议记录", "PHOTO", "照片");
  private static final int MAX_NAME_LENGTH = 200;

  private final MeetingStore store;
  private final OrganizationDirectory directory;
  private final RuntimeService runtime;
  private final OrganizationalLifeSettings settings;
  private final Notifier notifier;

  OrganizationalLifeService(MeetingStore store, OrganizationDirectory directory, RuntimeService runtime,
      OrganizationalLifeSettings settings, Notifier notifier) {
    this.store = store;
    this.directory = directory;
    this.runtime = runtime;
    this.settings = settings;
    this.notifier = notifier;
  }

  public OrganizationalLifeSettings settings() {
    return settings;
  }

  /** Starts the branch's year; the start's own listener claims the year, so a second start is refused. */
  @Transactional
  public String start(String branchId, int year) {
    Organization branch = branch(branchId);
    checkYear(year);
    if (store.yearCase(branchId, year).isPresent()) {
      throw once(branch, year);
    }
    return runtime.startProcessInstanceByKey(OrganizationalLife.PROCESS_KEY,
        OrganizationalLife.businessKey(branchId, year), Map.of(OrganizationalLife.ORG_ID, branchId,
            OrganizationalLife.YEAR, year)).getId();
  }

  /**
   * The checks of a start however it came (our page, or the administrator over /engine-rest): a branch, a year
   * close to now, and the branch's year claimed for this case. Returns the variables the case keeps.
   */
  Map<String, Object> admitStart(String branchId, Integer year, String instanceId, String user) {
    if (branchId == null || branchId.isBlank() || year == null) {
      throw new RuleViolation("organizationalLife.start.page", "组织生活请在“组织生活”页面（/organizational-life）选择党支部和年度后发起");
    }
    Organization branch = branch(branchId);
    checkYear(year);
    store.claimYear(branchId, year, instanceId, ChinaClock.today(), user, once(branch, year));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(OrganizationalLife.BRANCH_NAME, branch.name());
    vars.put(OrganizationalLife.REMINDER_WORKDAYS, settings.reminderWorkdays());
    vars.put(OrganizationalLife.SUPERVISION_WORKDAYS, settings.supervisionWorkdays());
    vars.put(OrganizationalLife.REVIEW_WORKDAYS, settings.reviewWorkdays());
    return vars;
  }

  /** Writes the year's plan and answers the days the case checks, as "yyyy-MM-dd". */
  List<String> plan(String branchId, int year) {
    List<PlannedMeeting> plan = OrganizationalLifeRules.plan(year, settings, hasGroups(branchId));
    store.writePlan(branchId, year, plan);
    LocalDate startedOn = store.yearCase(branchId, year).map(MeetingStore.YearCase::startedOn)
        .orElse(ChinaClock.today());
    return OrganizationalLifeRules.periodEnds(plan, startedOn).stream().map(LocalDate::toString).toList();
  }

  /** What the periods ending on the day miss. */
  List<PlannedMeeting> missing(String branchId, int year, LocalDate periodEnd) {
    return OrganizationalLifeRules.missing(store.plan(branchId, year), periodEnd, store.held(branchId, year));
  }

  /** Tells the branch's 书记 by every notification channel (email); the reminder task is in Tasklist anyway. */
  void notifySecretary(String branchId, String branchName, String missing) {
    List<String> users = directory.holders(branchId, Role.SECRETARY).stream().map(Person::username)
        .filter(u -> u != null && !u.isBlank()).toList();
    if (!users.isEmpty()) {
      notifier.send(users, "ol-reminder", null, "【组织生活提醒】" + branchName + "未按期召开会议",
          branchName + "：" + missing + "未按规定召开。请尽快补开并在“组织生活”页面登记，或在待办中说明原因。");
    }
  }

  void closeYear(String branchId, int year) {
    store.closeYear(branchId, year, ChinaClock.today());
  }

  void review(String branchId, int year, int quarter, String result, String opinion, String user) {
    store.saveReview(branchId, year, quarter, result, opinion, user);
  }

  /** A quarter in words for the 党委's review: the counts and what was missed. */
  String quarterSummary(String branchId, int year, int quarter) {
    Period q = Period.quarter(year, quarter);
    List<HeldMeeting> held = store.held(branchId, year);
    Counts c = OrganizationalLifeRules.counts(held, q);
    List<PlannedMeeting> missed = store.plan(branchId, year).stream()
        .filter(m -> !m.period().end().isAfter(q.end()) && !m.period().start().isBefore(q.start()))
        .filter(m -> held.stream().noneMatch(h -> h.type() == m.type() && m.period().contains(h.heldOn())))
        .toList();
    return q.label() + "：三会一课" + c.threeMeetingsOneLesson() + "次（支部党员大会" + c.of(MeetingType.GENERAL_MEETING)
        + "次、支委会" + c.of(MeetingType.COMMITTEE_MEETING) + "次、党小组会" + c.of(MeetingType.GROUP_MEETING) + "次、党课"
        + c.of(MeetingType.PARTY_LECTURE) + "次），主题党日" + c.themeDays() + "次，谈心谈话" + c.of(MeetingType.HEART_TALK)
        + "次；应到" + c.entitled() + "人次，实到" + c.present() + "人次，出勤率" + c.attendanceText() + "。"
        + (missed.isEmpty() ? "按计划召开了全部会议。" : "未按计划召开：" + OrganizationalLifeRules.describe(missed) + "。");
  }

  /** Records a meeting of the branch's year; nothing is stored when a rule is broken. */
  @Transactional
  public long record(String branchId, int year, MeetingRecord r, String user) {
    Organization branch = branch(branchId);
    if (store.yearCase(branchId, year).isEmpty()) {
      throw new RuleViolation("organizationalLife.year.none", branch.name() + year + "年度组织生活尚未发起，请先在本页发起，再记录会议");
    }
    Tally tally = OrganizationalLifeRules.check(r, year, ChinaClock.today(), roster(branchId, r.type()),
        members(branchId).stream().map(Person::id).collect(Collectors.toSet()), settings);
    return store.insertMeeting(branchId, year, r, tally, user);
  }

  /** Records the day an absentee made up the lesson. */
  @Transactional
  public void makeUp(MeetingStore.Meeting meeting, String personId, LocalDate on) {
    MeetingStore.AttendanceRow row = store.attendance(meeting.id()).stream()
        .filter(a -> a.personId().equals(personId)).findFirst()
        .orElseThrow(() -> new RuleViolation("organizationalLife.makeup.person", "此人不在本次会议的应到人员中"));
    if (row.attendance() == Attendance.PRESENT) {
      throw new RuleViolation("organizationalLife.makeup", row.name() + "出席了会议，不需要补课");
    }
    if (on == null) {
      throw new RuleViolation("organizationalLife.makeup", "请填写" + row.name() + "的补课日期");
    }
    OrganizationalLifeRules.checkMakeUp(row.name(), on, meeting.heldOn(), ChinaClock.today());
    store.madeUp(meeting.id(), personId, on);
  }

  /**
   * Keeps minutes or a photo with a meeting when its content is an accepted kind (photos: JPEG or PNG) and its name
   * says the same kind; stored with the kind's media type, never the browser's.
   */
  @Transactional
  public void attach(long meetingId, String kind, String filename, byte[] content, String user) {
    String label = ATTACHMENT_KINDS.get(kind);
    if (label == null) {
      throw new RuleViolation("organizationalLife.attachment.kind", "请选择附件类别：会议记录或照片");
    }
    String name = filename == null ? "" : filename.replaceAll("[\\\\/\\p{Cntrl}]", "_").trim();
    if (content == null || content.length == 0) {
      throw new RuleViolation("organizationalLife.attachment", "请选择要上传的文件（文件为空）");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new RuleViolation("organizationalLife.attachment.name", "文件名超过" + MAX_NAME_LENGTH + "个字，请改短后上传");
    }
    if (content.length > settings.attachmentMaxBytes()) {
      throw new RuleViolation("organizationalLife.attachment.size", "文件“" + name + "”大小" + size(content.length) + "，超过上限"
          + size(settings.attachmentMaxBytes()) + "，请压缩或拆分后上传");
    }
    List<String> types = "PHOTO".equals(kind)
        ? settings.attachmentTypes().stream().filter(t -> List.of("jpg", "jpeg", "png").contains(t)).toList()
        : settings.attachmentTypes();
    EvidenceKind found = EvidenceKind.of(content).filter(k -> k.extensions().stream().anyMatch(types::contains))
        .orElseThrow(() -> new RuleViolation("organizationalLife.attachment.type", "不接受此类文件“" + name + "”作为" + label
            + "：文件内容不是可上传的类型（" + String.join("、", types) + "）"));
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!found.extensions().contains(ext)) {
      throw new RuleViolation("organizationalLife.attachment.type", "不接受此类文件“" + name + "”：内容是" + found.label()
          + "，与文件扩展名不符，请改为." + found.extensions().get(0) + "后上传");
    }
    store.insertAttachment(meetingId, kind, name, found.mediaType(), content, user);
  }

  /** A 党支部 or 党总支 of the registry: only they keep 三会一课. */
  public Organization branch(String branchId) {
    Organization org = directory.organization(branchId)
        .orElseThrow(() -> new RuleViolation("organizationalLife.unknownOrganization", "组织" + branchId + "不存在"));
    if (org.kind() != OrganizationKind.BRANCH && org.kind() != OrganizationKind.GENERAL_BRANCH) {
      throw new RuleViolation("organizationalLife.branch", "三会一课和主题党日由党支部组织，" + org.name() + "不是党支部");
    }
    return org;
  }

  /** The branch's members (full and probationary), its 党小组 included. */
  public List<Person> members(String branchId) {
    Set<String> orgs = directory.organizations().stream()
        .filter(o -> o.id().equals(branchId) || (o.kind() == OrganizationKind.CELL && branchId.equals(o.parentId())))
        .map(Organization::id).collect(Collectors.toSet());
    return directory.people(orgs).stream()
        .filter(p -> p.status() == MemberStatus.FULL_MEMBER || p.status() == MemberStatus.PROBATIONARY).toList();
  }

  /** Who may be entitled to a meeting of the type: the committee for a 支委会, every member otherwise. */
  public List<Member> roster(String branchId, MeetingType type) {
    List<Person> people = members(branchId);
    if (type == MeetingType.COMMITTEE_MEETING) {
      Set<String> committee = new java.util.HashSet<>();
      COMMITTEE.forEach(r -> directory.holders(branchId, r).forEach(p -> committee.add(p.id())));
      people = people.stream().filter(p -> committee.contains(p.id())).toList();
    }
    return people.stream().map(p -> new Member(p.id(), p.name(), p.status() == MemberStatus.FULL_MEMBER)).toList();
  }

  /** Who is entitled by default when the form opens: nobody for a talk (its pair is chosen), everybody otherwise. */
  public static boolean entitledByDefault(MeetingType type) {
    return type != MeetingType.HEART_TALK;
  }

  boolean hasGroups(String branchId) {
    return directory.organizations().stream()
        .anyMatch(o -> o.kind() == OrganizationKind.CELL && branchId.equals(o.parentId()));
  }

  private static void checkYear(int year) {
    int now = ChinaClock.today().getYear();
    if (year < now - 1 || year > now + 1) {
      throw new RuleViolation("organizationalLife.year", "只能发起" + (now - 1) + "年至" + (now + 1) + "年的组织生活，当前为" + year + "年");
    }
  }

  private static RuleViolation once(Organization branch, int year) {
    return new RuleViolation("organizationalLife.year.once", branch.name() + year + "年度组织生活已经发起，每个党支部每年一个");
  }

  static String size(long bytes) {
    return bytes >= 1024 * 1024 ? String.format("%.1fMB", bytes / 1048576.0)
        : String.format("%dKB", (bytes + 1023) / 1024);
  }

  /** Unused meeting types of a branch's plan are not offered: 党小组会 without 党小组. */
  public List<MeetingType> types(String branchId) {
    List<MeetingType> types = new ArrayList<>(List.of(MeetingType.values()));
    if (!hasGroups(branchId)) {
      types.remove(MeetingType.GROUP_MEETING);
    }
    return types;
  }
}
