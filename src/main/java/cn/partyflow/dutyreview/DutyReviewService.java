package cn.partyflow.dutyreview;

import cn.partyflow.dutyreview.DutyReviewRules.Rating;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.rectification.ProblemListHandover;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.rectification.RectificationProgress;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What 述职评议 does with its data: who may report, opening a case, the reports, the meeting, each secretary's
 * review and the hand-over of the problems to rectification. Every rule is {@link DutyReviewRules}'.
 */
@Service
public class DutyReviewService {

  /** A secretary who may report in a 党委's review: the 书记 of an organization right below it. */
  public record Candidate(String personId, String name, String orgId, String orgName, String username) {}

  private final DutyReviewStore store;
  private final OrganizationDirectory directory;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DutyReviewSettings settings;
  private final ProblemListHandover handover;
  private final RectificationProgress progress;

  DutyReviewService(DutyReviewStore store, OrganizationDirectory directory, RuntimeService runtime,
      TaskService tasks, DutyReviewSettings settings, ProblemListHandover handover, RectificationProgress progress) {
    this.store = store;
    this.directory = directory;
    this.runtime = runtime;
    this.tasks = tasks;
    this.settings = settings;
    this.handover = handover;
    this.progress = progress;
  }

  public DutyReviewSettings settings() {
    return settings;
  }

  /** A 党委 or 党组 reviews its secretaries; any other organization answers the rule. */
  public Organization reviewing(String orgId) {
    Organization org = directory.organization(orgId == null ? "" : orgId)
        .orElseThrow(() -> new RuleViolation("dutyReview.unknownOrganization", "组织" + orgId + "不存在"));
    if (org.kind() != OrganizationKind.COMMITTEE && org.kind() != OrganizationKind.PARTY_GROUP) {
      throw new RuleViolation("dutyReview.kind", org.name() + "是" + org.kind().label()
          + "：述职评议由党委（党组）组织，听取所属党组织书记述职");
    }
    return org;
  }

  /**
   * The secretaries who may report: the 书记 (with a login) of each organization right below the 党委 (its branches;
   * under a 党组 or county the 党委s), 党小组 left out. A 书记 of two such organizations reports once, for the first in
   * the registry's order.
   */
  public List<Candidate> candidates(String orgId) {
    return candidates(List.of(orgId)).getOrDefault(orgId, List.of());
  }

  /** The {@link #candidates(String)} of each of {@code orgIds}, the secretaries read in one query. */
  public Map<String, List<Candidate>> candidates(Collection<String> orgIds) {
    Map<String, List<Person>> secretaries = directory.holdersBelow(orgIds, Role.SECRETARY);
    Map<String, Map<String, Candidate>> byOrg = new HashMap<>();
    directory.organizations().stream().filter(o -> o.parentId() != null && orgIds.contains(o.parentId()))
        .filter(o -> o.kind() != OrganizationKind.CELL)
        .sorted(Comparator.comparingInt(Organization::sortOrder).thenComparing(Organization::id))
        .forEach(o -> {
          Map<String, Candidate> out = byOrg.computeIfAbsent(o.parentId(), p -> new LinkedHashMap<>());
          secretaries.getOrDefault(o.id(), List.of()).stream()
              .filter(p -> p.username() != null && !p.username().isBlank())
              .forEach(p -> out.putIfAbsent(p.id(), new Candidate(p.id(), p.name(), o.id(), o.name(), p.username())));
        });
    Map<String, List<Candidate>> result = new HashMap<>();
    orgIds.forEach(id -> result.put(id, new ArrayList<>(byOrg.getOrDefault(id, Map.of()).values())));
    return result;
  }

  /** Starts the case as the current engine user (the page sets it); the start's listener applies every check. */
  public String start(String orgId, int year, List<String> reporterIds) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(DutyReview.ORG_ID, orgId);
    vars.put(DutyReview.YEAR, year);
    vars.put(DutyReview.REPORTER_IDS, String.join(",", reporterIds));
    return runtime.startProcessInstanceByKey(DutyReview.PROCESS_KEY, orgId + ":" + year, vars).getId();
  }

  /** The checks of a start however it came; answers the variables the case keeps. */
  Map<String, Object> admitStart(String orgId, int year, List<String> reporterIds, String pi, String user) {
    Organization org = reviewing(orgId);
    DutyReviewRules.checkYear(year, ChinaClock.today());
    Map<String, Candidate> offered = new LinkedHashMap<>();
    candidates(orgId).forEach(c -> offered.put(c.personId(), c));
    DutyReviewRules.checkReporters(reporterIds, offered.keySet());
    store.openCase(pi, orgId, year, user, reporterIds.stream()
        .map(id -> Map.entry(id, offered.get(id).orgId())).toList(), new RuleViolation("dutyReview.case.open",
        org.name() + year + "年度的书记述职评议已经发起，每个党委每年一次"));
    store.event(pi, user, "发起" + year + "年度书记抓基层党建述职评议，述职书记：" + String.join("、",
        reporterIds.stream().map(id -> offered.get(id).name() + "（" + offered.get(id).orgName() + "）").toList()));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(DutyReview.ORG_NAME, org.name());
    vars.put(DutyReview.REPORT_WORKDAYS, settings.reportWorkdays());
    vars.put(DutyReview.REVIEW_WORKDAYS, settings.reviewWorkdays());
    return vars;
  }

  /** The variables of one secretary's tasks: who, which organization, the data report, last year's problems. */
  Map<String, Object> reporterVariables(String pi, String personId, int year) {
    DutyReviewStore.Reporter r = store.reporter(pi, personId).orElseThrow(() ->
        new RuleViolation("dutyReview.reporter", name(personId) + "不是本次述职评议的述职书记"));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(DutyReview.REPORTER_NAME, name(personId));
    vars.put(DutyReview.REPORTER_ORG_ID, r.orgId());
    vars.put(DutyReview.REPORTER_ORG_NAME, orgName(r.orgId()));
    vars.put(DutyReview.DATA_REPORT_LINK, dataReportLink(r.orgId(), year));
    vars.put(DutyReview.LAST_YEAR, lastYear(r.orgId(), year));
    return vars;
  }

  /** The annual data report of the reporter's organization for the year, generated by the reports module. */
  public static String dataReportLink(String orgId, int year) {
    return "/reports/annual.docx?orgId=" + orgId + "&year=" + year;
  }

  /** Submitting the written report: only the secretary who reports writes it. */
  void submitReport(String pi, String personId, String user, String text) {
    Person p = directory.person(personId).orElseThrow();
    if (user != null && !user.equals(p.username())) {
      throw new RuleViolation("dutyReview.report.writer", "述职报告由述职的书记" + p.name() + "本人提交");
    }
    store.report(pi, personId, text);
    store.event(pi, user, p.name() + "提交述职报告");
  }

  /** 现场述职: the meeting's date, who attended and who rated, chosen by name among the 党委's people. */
  void recordMeeting(String pi, String orgId, int year, LocalDate date, List<String> attendees, List<String> raters,
      String user) {
    DutyReviewRules.checkMeetingDate(date, year, ChinaClock.today());
    if (attendees.isEmpty()) {
      throw new RuleViolation("dutyReview.attendees", "请选择出席述职评议会的人员");
    }
    if (raters.isEmpty()) {
      throw new RuleViolation("dutyReview.raters", "请选择参加测评的人员");
    }
    Map<String, String> people = peopleOptions(orgId);
    for (String id : concat(attendees, raters)) {
      if (!people.containsKey(id)) {
        throw new RuleViolation("dutyReview.person", name(id) + "不是" + orgName(orgId) + "及所属党组织的人员");
      }
    }
    store.meeting(pi, date, String.join(",", attendees), String.join(",", raters));
    store.event(pi, user, "召开述职评议会（" + date + "），出席" + attendees.size() + "人：" + names(attendees)
        + "；参加测评" + raters.size() + "人");
  }

  /** The variables of one rater's 民主测评 task: name, login, and a ballot row per secretary but the rater. */
  Map<String, Object> raterVariables(String pi, String raterId) {
    Person rater = directory.person(raterId).orElseThrow(() -> new RuleViolation("dutyReview.vote.rater",
        raterId + "不是本次述职评议会确定的参加测评人员"));
    store.openBallot(pi);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DutyReviewStore.Reporter r : store.reporters(pi)) {
      if (!r.personId().equals(raterId)) {
        rows.add(Map.of("reporterId", r.personId(), "reporterName", orgName(r.orgId()) + "书记" + name(r.personId())));
      }
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(DutyReview.RATER_NAME, rater.name());
    vars.put(DutyReview.RATER_LOGIN, rater.username());
    vars.put(DutyReview.BALLOT, rows);
    return vars;
  }

  /** The secretaries on a rater's ballot, in the order of its rows: all reporting but the rater. */
  List<String> raterBallotOrder(String pi, String raterId) {
    return store.reporters(pi).stream().map(DutyReviewStore.Reporter::personId).filter(id -> !id.equals(raterId))
        .toList();
  }

  /**
   * One rater's ballot, cast by that rater: the login completing the task is the rater's own (as the report is the
   * secretary's own); every rule is {@link DutyReviewRules#checkBallot}.
   */
  void castBallot(String pi, String raterId, String user, List<Map.Entry<String, String>> ballot) {
    Person rater = directory.person(raterId).orElseThrow();
    if (user != null && !user.equals(rater.username())) {
      String who = directory.personByUsername(user).map(Person::name).orElse(user);
      throw new RuleViolation("dutyReview.vote.rater", who + "不是这张测评票的测评人员：民主测评由参加测评的"
          + rater.name() + "本人投票");
    }
    List<String> reporters = store.reporters(pi).stream().map(DutyReviewStore.Reporter::personId).toList();
    Map<String, String> names = new LinkedHashMap<>();
    names.put(raterId, rater.name());
    ballot.forEach(v -> names.put(v.getKey(), name(v.getKey())));
    reporters.forEach(id -> names.put(id, name(id)));
    DutyReviewRules.checkBallot(raterId, ballot, raters(pi), store.voters(pi), reporters, settings.grades(), names);
    Map<String, String> votes = new LinkedHashMap<>();
    ballot.forEach(v -> votes.put(v.getKey(), v.getValue()));
    store.ballot(pi, raterId, votes);
    store.event(pi, user, rater.name() + "完成民主测评，对" + votes.size() + "名述职的书记各投一票");
  }

  /**
   * The 党委's 组织部门干事 closes the ballot before its due date, with the reason (a rater who left keeps an
   * unassigned ballot until then): the votes cast so far count, the raters who did not vote are named in the case's
   * steps. Users do not send the engine's messages themselves, so this is the only way in; the administrator does
   * not close it (the closer is on record as the 组织部门).
   */
  @Transactional
  public void closeBallotEarly(String pi, String user, String reason) {
    DutyReviewStore.Case c = store.caseOf(pi).orElseThrow(() -> new RuleViolation("dutyReview.case.unknown",
        "述职评议案卷不存在"));
    Organization org = reviewing(c.orgId());
    Person closer = user == null ? null : directory.personByUsername(user).orElse(null);
    boolean orgDept = closer != null && directory.roleAssignmentsOf(closer.id()).stream().anyMatch(a -> a.orgId().equals(org.id()) && a.role() == Role.ORG_DEPARTMENT);
    if (!orgDept) {
      throw new RuleViolation("dutyReview.ballot.closer", "只有" + org.name() + "的组织部门干事可以提前截止民主测评");
    }
    if (!ballotRunning(pi)) {
      throw new RuleViolation("dutyReview.ballot.notRunning", c.closedOn() != null || c.ballot()
          ? "民主测评已经截止，不能再提前截止" : "述职评议会尚未记录，民主测评还没有开始");
    }
    if (!takesEarlyClose(pi)) {
      throw new RuleViolation("dutyReview.ballot.oldCase", "本案卷按提前截止测评上线前的流程办理，不能在线提前截止；"
          + "请联系系统管理员将案卷迁移到新版流程，或待测评到期自动截止");
    }
    String why = DutyReviewRules.earlyCloseReason(reason);
    List<String> voted = store.voters(pi);
    List<String> missing = raters(pi).stream().filter(id -> !voted.contains(id)).toList();
    store.event(pi, user, "提前截止民主测评：已投票" + voted.size() + "人，未投票" + missing.size() + "人"
        + (missing.isEmpty() ? "" : "（" + names(missing) + "，不计入）") + "；理由：" + why);
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(DutyReview.BALLOT_CLOSED_EARLY_BY, closer.name() + "（" + Role.ORG_DEPARTMENT.label() + "）");
    vars.put(DutyReview.BALLOT_CLOSED_EARLY_REASON, why);
    runtime.createMessageCorrelation(DutyReview.BALLOT_CLOSED_EARLY_MESSAGE).processInstanceId(pi)
        .setVariables(vars).correlateWithResult();
  }

  /** Whether the raters are voting now: a ballot task of the case is open. */
  public boolean ballotRunning(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(DutyReview.CAST_BALLOT).count() > 0;
  }

  /** Whether the case runs on a definition whose ballot the 组织部门 may close early (earlier cases wait). */
  public boolean takesEarlyClose(String pi) {
    return runtime.createEventSubscriptionQuery().processInstanceId(pi).eventType("message")
        .eventName(DutyReview.BALLOT_CLOSED_EARLY_MESSAGE).count() > 0;
  }

  /**
   * The votes cast for one secretary as the 组织部门's review shows them, read-only: each by name, the raters who did
   * not vote, the counts and the overall grade.
   */
  String tally(String pi, String personId) {
    DutyReviewStore.Reporter r = store.reporter(pi, personId).orElseThrow();
    List<DutyReviewStore.Vote> votes = store.votes(r.id());
    List<String> lines = new ArrayList<>();
    votes.forEach(v -> lines.add("- " + name(v.raterId()) + "：" + v.grade()));
    List<String> voted = votes.stream().map(DutyReviewStore.Vote::raterId).toList();
    List<String> missing = raters(pi).stream().filter(id -> !id.equals(personId) && !voted.contains(id)).toList();
    if (!missing.isEmpty()) {
      lines.add("- 未投票（不计入）：" + names(missing));
    }
    Rating rating = DutyReviewRules.rating(votes.stream().map(DutyReviewStore.Vote::grade).toList(), settings);
    lines.add("- 合计" + rating.total() + "票：" + describe(rating) + "，综合评价“"
        + (rating.overall() == null ? "无测评票" : rating.overall()) + "”");
    return String.join("\n", lines);
  }

  /** Whether the case's raters vote in their own tasks (a case whose meeting was recorded before has vote lines). */
  boolean ballotHeld(String pi) {
    return store.caseOf(pi).map(DutyReviewStore.Case::ballot).orElse(false);
  }

  /** One secretary's comments and problems after the ballot; the rating from the votes the raters cast. */
  Rating reviewAfterBallot(String pi, String personId, String comment, List<DutyReviewStore.Problem> problems,
      String user) {
    DutyReviewStore.Reporter r = store.reporter(pi, personId).orElseThrow();
    Rating rating = DutyReviewRules.rating(store.votes(r.id()).stream().map(DutyReviewStore.Vote::grade).toList(),
        settings);
    store.review(r.id(), comment, rating.overall(), null, problems, user);
    store.event(pi, user, "点评" + name(personId) + "：民主测评" + describe(rating) + "，综合评价“"
        + (rating.overall() == null ? "无测评票" : rating.overall()) + "”；查摆问题" + problems.size() + "个");
    return rating;
  }

  /** The raters chosen at the meeting, by person id. */
  List<String> raters(String pi) {
    String raters = store.caseOf(pi).map(DutyReviewStore.Case::raters).orElse(null);
    return raters == null || raters.isBlank() ? List.of() : List.of(raters.split(","));
  }

  /** One secretary's comments, votes typed in by the 组织部门 and problems (a case from before the ballot). */
  Rating review(String pi, String personId, String comment, Map<String, String> votes,
      List<DutyReviewStore.Problem> problems, String user) {
    DutyReviewStore.Reporter r = store.reporter(pi, personId).orElseThrow();
    Map<String, String> names = new LinkedHashMap<>();
    votes.keySet().forEach(id -> names.put(id, name(id)));
    DutyReviewRules.checkVotes(votes, raters(pi), personId, settings.grades(), names);
    Rating rating = DutyReviewRules.rating(votes.values(), settings);
    store.review(r.id(), comment, rating.overall(), votes, problems, user);
    store.event(pi, user, "点评和测评" + name(personId) + "：" + describe(rating) + "，综合评价“" + rating.overall()
        + "”；查摆问题" + problems.size() + "个");
    return rating;
  }

  static String describe(Rating rating) {
    List<String> parts = new ArrayList<>();
    rating.counts().forEach((g, n) -> parts.add(g + n + "票"));
    return String.join("、", parts);
  }

  /**
   * The problems raised for each secretary become one rectification case of source 述职评议 for that secretary's
   * organization, the meeting's date as its 反馈日期; a secretary without problems gets none. The case closes.
   */
  void handOver(String pi, int year) {
    DutyReviewStore.Case c = store.caseOf(pi).orElseThrow();
    LocalDate meeting = c.meetingDate() == null ? ChinaClock.today() : c.meetingDate();
    for (DutyReviewStore.Reporter r : store.reporters(pi)) {
      List<DutyReviewStore.Problem> problems = store.problems(r.id());
      if (problems.isEmpty() || r.rectificationPi() != null) {
        continue;
      }
      String rectification = handover.start(r.orgId(), Rectification.DUTY_REPORT_REVIEW, meeting,
          year + "年度书记述职评议", problems.stream()
              .map(p -> new ProblemListHandover.Problem(p.clause(), p.problem())).toList());
      store.handedOver(r.id(), rectification);
      store.event(pi, null, name(r.personId()) + "（" + orgName(r.orgId()) + "）的" + problems.size()
          + "个问题转入整改，来源述职评议");
    }
    store.close(pi);
    store.event(pi, null, "述职评议办结");
  }

  /**
   * What became of the problems the organization's secretary was given in last year's review: the grade, and per
   * rectification case its stage and items closed. Empty text when there was no review.
   */
  public String lastYear(String orgId, int year) {
    List<String> lines = new ArrayList<>();
    for (DutyReviewStore.Reporter r : store.reportersOf(orgId, year - 1)) {
      StringBuilder s = new StringBuilder((year - 1) + "年度述职评议：" + name(r.personId()) + "，综合评价“"
          + (r.grade() == null ? "未评" : r.grade()) + "”，查摆问题" + r.problemCount() + "个");
      if (r.rectificationPi() != null) {
        s.append(progressText(r.rectificationPi()));
      }
      lines.add(s.append("。").toString());
    }
    return lines.isEmpty() ? "上一年度没有述职评议记录。" : String.join("\n", lines);
  }

  /** A rectification case's state in words: its stage and how many items are closed. */
  public String progressText(String rectificationPi) {
    return progress.ofCase(rectificationPi).map(p -> "，整改" + p.stage() + "：整改事项" + p.items().size()
        + "项，已销号" + p.closed() + "项" + (p.items().isEmpty() ? "" : "（" + String.join("；", p.items().stream()
        .map(i -> i.seq() + "．" + shorten(i.problem()) + "：" + i.status()).toList()) + "）"))
        .orElse("，整改问题清单待组织部门登记");
  }

  public RectificationProgress progress() {
    return progress;
  }

  public String name(String personId) {
    return directory.person(personId).map(Person::name).orElse(personId);
  }

  public String names(List<String> ids) {
    return String.join("、", ids.stream().map(this::name).toList());
  }

  String orgName(String orgId) {
    return directory.organization(orgId).map(Organization::name).orElse(orgId);
  }

  /** The people who may attend and rate: everybody of the 党委 and below with a login, by name. */
  Map<String, String> peopleOptions(String orgId) {
    Map<String, String> out = new LinkedHashMap<>();
    directory.people(directory.selfAndDescendants(orgId)).stream()
        .filter(p -> p.username() != null && !p.username().isBlank())
        .forEach(p -> out.put(p.id(), p.name() + "（" + orgName(p.orgId()) + "）"));
    return out;
  }

  private static String shorten(String text) {
    return text.length() > 30 ? text.substring(0, 30) + "…" : text;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
