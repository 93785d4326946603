package cn.partyflow.demo;

import static cn.partyflow.demo.Officers.clock;
import static cn.partyflow.demo.Officers.json;

import cn.partyflow.dues.DuesAssessmentService;
import cn.partyflow.dues.IncomeImport;
import cn.partyflow.dues.DuesCollectionService;
import cn.partyflow.memberdevelopment.CommitteeApprovalRecord;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organizationallife.Attendance;
import cn.partyflow.organizationallife.MeetingType;
import cn.partyflow.organizationallife.OrganizationalLifeRules.MeetingRecord;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Member;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Presence;
import cn.partyflow.organizationallife.OrganizationalLifeService;
import cn.partyflow.rectification.EvidenceStore;
import cn.partyflow.rectification.ProblemImport;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.rectification.RectificationItem;
import cn.partyflow.rectification.RectificationItems;
import cn.partyflow.roster.MemberDevelopmentLauncher;
import cn.partyflow.security.WriteScopePlugin;
import cn.partyflow.shared.ChinaClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's life: on the first start of the demo setup, after the registry import, cases at every stage driven
 * through the procedures as the officers they are routed to would drive them (start and task forms submitted with
 * their logins, our services and pages' services), with the engine clock set to each step's day, so that every demo
 * role finds work and numbers at its first login. Each procedure's seeding stands alone: one that fails is logged
 * and the others go on; the start of the application never fails for it.
 */
@Component
class DemoLife {

  private static final Logger LOG = LoggerFactory.getLogger(DemoLife.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PDF = "%PDF-1.4\n%演示材料\n".getBytes(StandardCharsets.UTF_8);

  static final String MD = "memberDevelopment";
  static final String BRANCH = "rmyy-nk";
  static final String COMMITTEE = "rmyy";

  private final Officers officers;
  private final MemberDevelopmentLauncher launcher;
  private final CommitteeApprovalRecord committee;
  private final OrganizationDirectory directory;
  private final ProblemImport problemImport;
  private final RectificationItems items;
  private final EvidenceStore evidence;
  private final DuesAssessmentService assessments;
  private final IncomeImport income;
  private final DuesCollectionService collections;
  private final OrganizationalLifeService organizationalLife;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final ManagementService management;
  private final ProcessEngine engine;

  /** The case instances started by the last seeding, for whoever must remove them again. */
  final List<String> started = new ArrayList<>();

  private LocalDate today;

  DemoLife(Officers officers, MemberDevelopmentLauncher launcher, CommitteeApprovalRecord committee,
      OrganizationDirectory directory, ProblemImport problemImport, RectificationItems items, EvidenceStore evidence,
      DuesAssessmentService assessments, IncomeImport income, DuesCollectionService collections,
      OrganizationalLifeService organizationalLife, RuntimeService runtime, TaskService tasks,
      HistoryService history, ManagementService management, ProcessEngine engine) {
    this.officers = officers;
    this.launcher = launcher;
    this.committee = committee;
    this.directory = directory;
    this.problemImport = problemImport;
    this.items = items;
    this.evidence = evidence;
    this.assessments = assessments;
    this.income = income;
    this.collections = collections;
    this.organizationalLife = organizationalLife;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.management = management;
    this.engine = engine;
  }

  /** Seeds only into a database without any case, so a restart or a database in use is left as it is. */
  void seedIfEmpty() {
    if (history.createHistoricProcessInstanceQuery().count() > 0) {
      LOG.info("Demo cases not seeded: the database already holds cases");
      return;
    }
    seed();
  }

  /**
   * Runs every procedure's seeding with the job executor paused (the engine clock moves back and forth meanwhile,
   * and timers that fell due in the past are left for it to fire afterwards, as they would have).
   */
  void seed() {
    long begin = System.currentTimeMillis();
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean wasActive = executor != null && executor.isActive();
    if (wasActive) {
      executor.shutdown();
    }
    ClockUtil.reset();
    today = ChinaClock.today();
    try {
      run("发展党员", this::memberDevelopment);
      run("巡察整改", this::rectification);
      run("党费", this::dues);
      run("组织生活", this::organizationalLife);
    } finally {
      ClockUtil.reset();
      if (wasActive) {
        executor.start();
      }
    }
    LOG.info("Demo cases seeded in {} ms ({} cases)", System.currentTimeMillis() - begin, started.size());
  }

  private void run(String procedure, Runnable seeding) {
    try {
      seeding.run();
      LOG.info("Demo cases of {} seeded", procedure);
    } catch (RuntimeException e) {
      LOG.warn("Demo cases of {} not fully seeded: {}", procedure, e.getMessage(), e);
    } finally {
      ClockUtil.reset();
    }
  }

  // ---- 发展党员 ---------------------------------------------------------------------------------------------

  /** The demo people of people.csv at every stage, a case walked to its end and one ended by 政审不合格. */
  void memberDevelopment() {
    person("P020", () -> walkToFullMember("P020"));
    person("P043", () -> endedByPoliticalReview("P043", "xz1_zuzhi", "P040", "P042"));
    person("P015", () -> applicant("P015", "nk_zuzhi", 20, false));
    person("P033", () -> applicant("P033", "wk_zuzhi", 40, false));
    person("P052", () -> applicant("P052", "hq_shuji", 30, true));
    person("P074", () -> startFromRoster("P074", "zb1_shuji", today.minusDays(3)));
    person("P016", () -> activist("P016", "nk_zuzhi", "P022", true));
    person("P034", () -> startFromRoster("P034", "wk_zuzhi", today.minusDays(5)));
    person("P064", () -> startFromRoster("P064", "jgzb_shuji", today.minusDays(7)));
    person("P017", () -> targetInPublicity("P017"));
    person("P018", () -> probationary("P018", "nk_zuzhi", "[\"P019\",\"P022\"]"));
    person("P035", () -> probationary("P035", "wk_zuzhi", "[\"P030\",\"P031\"]"));
  }

  /** One person's case: a refusal (say, a registry date that breaks a rule) leaves the others to be seeded. */
  private void person(String personId, Runnable seeding) {
    try {
      seeding.run();
    } catch (RuntimeException e) {
      LOG.warn("Demo 发展党员 case of {} not fully seeded: {}", personId, e.getMessage());
    }
  }

  /** Starts the case the roster's button would start for the person, as the user, on the day. */
  private String startFromRoster(String personId, String user, LocalDate day) {
    clock(day);
    Person person = person(personId);
    MemberDevelopmentLauncher.Offer offer = MemberDevelopmentLauncher.stage(person).orElseThrow(
        () -> new IllegalStateException(personId + " has no stage to start from"));
    String pi = launcher.start(offer, personId, user);
    started.add(pi);
    return pi;
  }

  /** An applicant whose application is recorded {@code daysAgo}; the talk is held when {@code talked}. */
  private void applicant(String personId, String user, int daysAgo, boolean talked) {
    LocalDate applied = today.minusDays(daysAgo);
    String pi = startFromRoster(personId, user, applied);
    Person p = person(personId);
    officers.submit(user, pi, "Task_RecordApplication", "applicationDate", applied.toString(),
        "birthDate", p.birthDate().toString(), "gender", p.gender());
    if (talked) {
      clock(applied.plusDays(6));
      officers.submit(user, pi, "Task_TalkWithApplicant", "talkDate", applied.plusDays(6).toString(),
          "talkBy",
          directory.personByUsername(user).orElseThrow().id(), "talkRecord", "了解入党动机，鼓励其在工作中发挥作用");
    }
  }

  /** An activist of the registry, his 培养联系人 appointed a few weeks ago. */
  private void activist(String personId, String user, String contact, boolean contactsAppointed) {
    LocalDate day = today.minusDays(25);
    String pi = startFromRoster(personId, user, day);
    if (contactsAppointed) {
      officers.submit(user, pi, "Task_AppointContacts", "contactIds", json("[\"" + contact + "\"]"),
          "contactsAppointedDate", day.toString());
    }
  }

  /** A 发展对象 of 内科党支部 walked through the review and training to the publicity that runs now. */
  private void targetInPublicity(String personId) {
    LocalDate day = today.minusDays(60);
    String pi = startFromRoster(personId, "nk_zuzhi", day);
    officers.submit("nk_zuzhi", pi, "Task_FixSponsors", "sponsorIds", json("[\"P019\",\"P022\"]"),
        "sponsorsConsented", true);
    clock(today.minusDays(50));
    officers.submit("nk_zuzhi", pi, "Task_PoliticalReview", "politicalReviewDate", today.minusDays(50).toString(),
        "politicalReviewConclusion", "政治历史清楚，现实表现好，合格", "politicalReviewPassed", "true");
    clock(today.minusDays(35));
    officers.submit("rmyy_zzb", pi, "Task_Training", "trainingStart", today.minusDays(40).toString(),
        "trainingEnd", today.minusDays(38).toString(), "trainingDays", 3, "trainingHours", 24);
    clock(today.minusDays(10));
    officers.submit("nk_shuji", pi, "Task_CommitteeScreening", "screeningDate", today.minusDays(10).toString(),
        "screeningRecord", "支委会审查，条件具备，同意", "screeningDecision", "PASS", "leavingUnitSoon", "false");
    clock(today.minusDays(1));
    officers.submit("nk_zuzhi", pi, "Task_StartPublicity", "publicityStart", today.minusDays(1).toString(),
        "publicityPlace", "内科公示栏");
  }

  /** A 发展对象 whose 政审 finds her not qualified: the case ends and she is an activist again. */
  private void endedByPoliticalReview(String personId, String user, String sponsor1, String sponsor2) {
    LocalDate day = today.minusDays(150);
    String pi = startFromRoster(personId, user, day);
    officers.submit(user, pi, "Task_FixSponsors", "sponsorIds", json("[\"" + sponsor1 + "\",\"" + sponsor2 + "\"]"),
        "sponsorsConsented", true);
    clock(day.plusDays(20));
    officers.submit(user, pi, "Task_PoliticalReview", "politicalReviewDate", day.plusDays(20).toString(),
        "politicalReviewConclusion", "本人材料与档案记载不一致，待核实，暂不合格", "politicalReviewPassed", "false");
  }

  /** A 预备党员 of the registry entered at the probation stage with the registry's dates. */
  private void probationary(String personId, String user, String sponsors) {
    Person p = person(personId);
    LocalDate admitted = p.admissionDate();
    LocalDate approved = admitted.plusDays(20);
    clock(approved.plusDays(3));
    String pi = officers.start(user, MD, personId, "applicantId", personId, "startStage", "PROBATION",
        "applicationDate", p.applicationDate().toString(), "birthDate", p.birthDate().toString(),
        "activistDate", p.activistDate().toString(), "developmentTargetDate", p.targetDate().toString(),
        "sponsorIds", json(sponsors), "politicalReviewPassed", "true", "trainingDays", 3, "trainingHours", 24,
        "admissionMeetingDate", admitted.toString(), "votersEntitled", 9, "votersPresent", 9, "votesFor", 9,
        "approvalDate", approved.toString());
    started.add(pi);
  }

  /** 唐晓 of 内科党支部 from her application three years ago to an archived 正式党员, every step dated. */
  private void walkToFullMember(String personId) {
    String organizer = "nk_zuzhi";
    String secretary = "nk_shuji";
    String orgDept = "rmyy_zzb";
    LocalDate a = today.minusMonths(38);
    Person p = person(personId);
    String pi = startFromRoster(personId, organizer, a);
    officers.submit(organizer, pi, "Task_RecordApplication", "applicationDate", a.toString(),
        "birthDate", p.birthDate().toString(), "gender", p.gender());
    at(a.plusDays(10));
    officers.submit(organizer, pi, "Task_TalkWithApplicant", "talkDate", a.plusDays(10).toString(), "talkBy", "P011",
        "talkRecord", "了解入党动机，讲解党的基本知识");
    LocalDate activist = at(a.plusMonths(7));
    officers.submit(organizer, pi, "Task_NominateActivist", "activistSelected", "true",
        "activistDate", activist.toString(), "committeeMeetingDate", activist.toString());
    LocalDate filed = at(activist.plusDays(5));
    officers.submit(orgDept, pi, "Task_FileActivist", "activistFilingDecision", "PASS",
        "activistFilingDate", filed.toString());
    officers.submit(organizer, pi, "Task_AppointContacts", "contactIds", json("[\"P019\"]"),
        "contactsAppointedDate", filed.toString());
    at(activist.plusMonths(12).plusDays(1));
    officers.submit(organizer, pi, "Task_Cultivate", "assessments", json("[{\"assessmentDate\":\""
        + activist.plusMonths(6) + "\"},{\"assessmentDate\":\"" + activist.plusMonths(12) + "\"}]"),
        "thoughtReportsReceived", 4);
    LocalDate target = at(activist.plusMonths(12).plusDays(7));
    officers.submit(organizer, pi, "Task_DecideTarget", "targetListed", "true",
        "developmentTargetDate", target.toString(), "targetOpinions", "党小组、培养联系人和党员群众同意");
    officers.submit(orgDept, pi, "Task_FileTarget", "targetFilingDecision", "PASS",
        "targetFilingDate", at(target.plusDays(5)).toString());
    officers.submit(organizer, pi, "Task_FixSponsors", "sponsorIds", json("[\"P019\",\"P022\"]"),
        "sponsorsConsented", true);
    LocalDate review = at(target.plusDays(25));
    officers.submit(organizer, pi, "Task_PoliticalReview", "politicalReviewDate", review.toString(),
        "politicalReviewConclusion", "政治历史清楚，合格", "politicalReviewPassed", "true");
    LocalDate training = at(review.plusDays(10));
    officers.submit(orgDept, pi, "Task_Training", "trainingStart", training.minusDays(2).toString(),
        "trainingEnd", training.toString(), "trainingDays", 3, "trainingHours", 24);
    LocalDate screening = at(training.plusDays(10));
    officers.submit(secretary, pi, "Task_CommitteeScreening", "screeningDate", screening.toString(),
        "screeningRecord", "同意", "screeningDecision", "PASS", "leavingUnitSoon", "false");
    LocalDate publicity = at(screening.plusDays(3));
    officers.submit(organizer, pi, "Task_StartPublicity", "publicityStart", publicity.toString(),
        "publicityPlace", "内科公示栏");
    LocalDate publicityEnd = LocalDate.parse((String) runtime.getVariable(pi, "publicityEnd"));
    at(publicityEnd.plusDays(1));
    runDueJob(pi, "BoundaryEvent_PublicityEnded");
    LocalDate preReview = publicityEnd.plusDays(1);
    officers.submit(orgDept, pi, "Task_PreReview", "preReviewDate", preReview.toString(), "preReviewOpinion", "同意",
        "preReviewPassed", "true");
    LocalDate volunteer = at(preReview.plusDays(1));
    officers.submit(organizer, pi, "Task_FillVolunteerForm", "volunteerFormDate", volunteer.toString(),
        "sponsorOpinionsWritten", true);
    LocalDate meeting = at(volunteer.plusDays(5));
    officers.submit(secretary, pi, "Task_AdmissionMeeting", "admissionMeetingDate", meeting.toString(),
        "votersEntitled", 9, "votersPresent", 8, "votesFor", 8, "admissionMeetingRecord", "无记名投票，赞成8票");
    LocalDate talk = at(meeting.plusDays(5));
    officers.submit("rmyy_fushuji", pi, "Task_PreApprovalTalk", "preApprovalTalkDate", talk.toString(),
        "preApprovalTalkBy", "P002", "preApprovalTalkOpinion", "同意接收");
    LocalDate approval = at(talk.plusDays(10));
    committee.approveUnanimously(orgDept, COMMITTEE, approval.toString(), "集体讨论，逐个表决", List.of(pi));
    officers.submit(orgDept, pi, "Task_FileUpward", "upwardFilingDate", at(approval.plusDays(3)).toString(),
        "upwardFiledWith", "县委组织部");
    LocalDate placed = at(approval.plusDays(4));
    officers.submit(organizer, pi, "Task_Placement", "placementDate", placed.toString(), "partyGroup", "内科第一党小组");
    officers.submit(organizer, pi, "Task_Oath", "oathDate", at(placed.plusDays(5)).toString(),
        "oathPlace", "院党委会议室");
    at(meeting.plusMonths(11));
    officers.submit(organizer, pi, "Task_ContinuedAssessment", "probationAssessments",
        json("[{\"assessmentDate\":\"" + meeting.plusMonths(6) + "\"}]"));
    officers.submit(organizer, pi, "Task_ConversionApplication",
        "conversionApplicationDate", meeting.plusMonths(11).toString(), "conversionOpinions", "同意");
    LocalDate conversion = at(meeting.plusYears(1));
    officers.submit(secretary, pi, "Task_ConversionMeeting", "conversionMeetingDate", conversion.toString(),
        "conversionVotersEntitled", 9, "conversionVotersPresent", 9, "conversionVotesFor", 9,
        "conversionOutcome", "CONVERT");
    LocalDate converted = at(conversion.plusDays(10));
    committee.approveUnanimously(orgDept, COMMITTEE, converted.toString(), "集体讨论，同意按期转正", List.of(pi));
    officers.submit(orgDept, pi, "Task_ArchiveMaterials", "archiveChecklist",
        json("[\"入党志愿书\",\"入党申请书\",\"政审材料\",\"转正申请书\",\"培养教育考察材料\"]"),
        "archiveDate", at(converted.plusDays(5)).toString(), "archiveLocation", "人事档案");
  }

  // ---- 巡察整改 ---------------------------------------------------------------------------------------------

  /** One item of the demo plan: its deadline in days from today (null for 长期坚持) and how far it got. */
  private record Planned(String measures, String category, String department, String responsible, Integer dueIn,
      String state) {}

  /**
   * 县人民医院党委's 巡察 fed back 75 days ago, its plan accepted by the 巡察办, and eleven items in every state: two
   * closed, one overdue untouched, one overdue in progress, two due within a week, one awaiting the 责任领导, one
   * with the 巡察办, one sent back by it, one 长期坚持 and one not yet begun.
   */
  void rectification() {
    LocalDate feedback = today.minusDays(75);
    List<Planned> plan = List.of(
        new Planned("修订党委会议事规则并经党委会通过", Rectification.IMMEDIATE, "党委办公室", "xz1_keshi", -55, "closed"),
        new Planned("开展医药购销领域廉洁风险排查", Rectification.TIME_BOUND, "药剂科", "nk_zhuren", -20, "closed"),
        new Planned("规范“三会一课”记录，逐月检查", Rectification.TIME_BOUND, "内科党支部", "nk_zhuren", -10, "none"),
        new Planned("清理超标准配备的办公用房", Rectification.TIME_BOUND, "总务科", "xz1_keshi", -5, "progress"),
        new Planned("完善大型设备采购论证制度", Rectification.TIME_BOUND, "设备科", "xz1_keshi", 3, "progress"),
        new Planned("整改科室二次分配不规范问题", Rectification.TIME_BOUND, "财务科", "xz1_keshi", 6, "none"),
        new Planned("建立党建与业务工作融合考核办法", Rectification.TIME_BOUND, "党委办公室", "xz1_keshi", 20, "leader"),
        new Planned("加强医德医风投诉处理闭环管理", Rectification.TIME_BOUND, "医务科", "nk_zhuren", 25, "inspection"),
        new Planned("落实党风廉政建设责任清单", Rectification.TIME_BOUND, "纪检监察室", "nk_zhuren", 30, "returned"),
        new Planned("常态化开展警示教育", Rectification.LONG_TERM, "纪检监察室", "nk_zhuren", null, "none"),
        new Planned("健全干部选拔任用档案", Rectification.TIME_BOUND, "人事科", "xz1_keshi", 60, "none"));

    clock(feedback.plusDays(2));
    String pi = officers.start("rmyy_dangban", Rectification.PROCESS_KEY, null, "orgId", COMMITTEE,
        "source", Rectification.INSPECTION);
    started.add(pi);
    StringBuilder sheet = new StringBuilder("序号,反馈意见,问题表现\n");
    for (int i = 0; i < plan.size(); i++) {
      sheet.append(i + 1).append(",反馈意见").append(i + 1).append(",").append(problemOf(plan.get(i))).append('\n');
    }
    Task register = officers.task(pi, Rectification.TASK_REGISTER_FEEDBACK);
    List<Map<String, Object>> problems = problemImport.read("问题清单.csv",
        sheet.toString().getBytes(StandardCharsets.UTF_8));
    tasks.setVariable(register.getId(), "problems", json(write(problems)));
    officers.submit("rmyy_zzb", register, "source", Rectification.INSPECTION, "feedbackDate", feedback.toString(),
        "roundName", "县委第七轮巡察", "groupName", "县委第一巡察组");

    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Planned item = plan.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("problemNo", i + 1);
      row.put("measures", item.measures());
      row.put("target", "形成制度并执行到位");
      row.put("category", item.category());
      row.put("leaderUser", "rmyy_fgld");
      row.put("department", item.department());
      row.put("responsibleUser", item.responsible());
      if (item.dueIn() != null) {
        row.put("deadline", today.plusDays(item.dueIn()).toString());
      }
      rows.add(row);
    }
    LocalDate drafted = at(feedback.plusDays(6));
    officers.submit("rmyy_zzb", pi, Rectification.TASK_DRAFT_PLAN, "planItems", json(write(rows)));
    LocalDate approved = at(drafted.plusDays(3));
    officers.submit("rmyy_shuji", pi, Rectification.TASK_APPROVE_PLAN, "planApproved", "true",
        "planMeetingDate", approved.toString(), "planMeetingEntitled", 7, "planMeetingPresent", 6,
        "planMeetingAttendees", "王建国、李红梅、周明、吴芳等6名委员");
    officers.submit("rmyy_zzb", pi, Rectification.TASK_SUBMIT_PLAN, "planSubmittedDate", approved.toString());
    at(approved.plusDays(2));
    officers.submit("xw_xcb", pi, Rectification.TASK_REVIEW_PLAN, "planAccepted", "true",
        "planReviewOpinion", "方案可行，按期推进");
    at(approved.plusDays(10));
    officers.submit("rmyy_zzb", pi, Rectification.TASK_LIFE_MEETING, "lifeMeetingDate",
        approved.plusDays(10).toString(), "lifeMeetingNote", "巡察整改专题民主生活会，班子成员逐一对照检查");

    long caseId = ((Number) runtime.getVariable(pi, "caseId")).longValue();
    List<RectificationItem> made = items.items(caseId);
    for (int i = 0; i < plan.size(); i++) {
      work(pi, made.get(i), plan.get(i));
    }
  }

  private void work(String pi, RectificationItem item, Planned planned) {
    String state = planned.state();
    if (state.equals("none")) {
      return;
    }
    LocalDate deadline = planned.dueIn() == null ? today : today.plusDays(planned.dueIn());
    LocalDate day = at(min(deadline.minusDays(5), today.minusDays(2)));
    String responsible = planned.responsible();
    if (state.equals("progress")) {
      officers.submit(responsible, itemTask(pi, item, Rectification.TASK_REPORT_PROGRESS), "progress",
          "已制定工作方案，正在推进", "readyForVerification", false);
      return;
    }
    officers.as(responsible, () -> evidence.store(item.id(), "整改台账.pdf", PDF, responsible));
    officers.submit(responsible, itemTask(pi, item, Rectification.TASK_REPORT_PROGRESS), "progress",
        "已完成整改，台账已上传", "readyForVerification", true);
    if (state.equals("leader")) {
      return;
    }
    officers.submit("rmyy_fgld", itemTask(pi, item, Rectification.TASK_LEADER_REVIEW), "leaderApproved", "true",
        "leaderComment", "同意申请销号");
    if (state.equals("inspection")) {
      return;
    }
    at(day.plusDays(1));
    boolean accepted = state.equals("closed");
    officers.submit("xw_xcb", itemTask(pi, item, Rectification.TASK_VERIFY_ITEM), "verified",
        String.valueOf(accepted), "verifyGrade", accepted ? "较好" : "一般",
        "verifyComment", accepted ? "查阅台账和制度文件，达到整改目标" : "缺少执行情况的佐证材料，请补充后重新申请");
  }

  private String problemOf(Planned item) {
    return item.measures().replaceFirst("^(修订|开展|规范|清理|完善|整改|建立|加强|落实|常态化开展|健全)", "") + "方面存在不足";
  }

  private Task itemTask(String pi, RectificationItem item, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list().stream()
        .filter(t -> ((Number) tasks.getVariable(t.getId(), "itemId")).longValue() == item.id()).findFirst()
        .orElseThrow(() -> new IllegalStateException(key + " is not open for item " + item.seq()));
  }

  // ---- 党费 -------------------------------------------------------------------------------------------------

  /**
   * 内科党支部's dues of this year: assessed in January from a payroll sheet, the last months collected, remitted
   * and confirmed, this month's collection under way, and 宋涛 paying nothing (in arrears since the first month).
   */
  void dues() {
    int year = today.getYear();
    String keeper = "nk_dangfei";
    String defaulter = "P021";
    LocalDate assessed = min(LocalDate.of(year, 1, 10), today);
    clock(assessed);
    String assessment = officers.as(keeper,
        () -> WriteScopePlugin.startFromPage(() -> assessments.start(BRANCH, year)));
    started.add(assessment);
    StringBuilder payroll = new StringBuilder("人员编号,姓名,人员类别,岗位工资,薪级工资,个人所得税\n");
    int n = 0;
    for (Person p : directory.people(List.of(BRANCH))) {
      if (p.status() == MemberStatus.FULL_MEMBER || p.status() == MemberStatus.PROBATIONARY) {
        payroll.append(p.id()).append(',').append(p.name()).append(",在职,").append(3000 + 400 * (n++ % 5))
            .append(",1500,60\n");
      }
    }
    officers.as(keeper, () -> income.importIncome(BRANCH, year, "工资表.csv",
        payroll.toString().getBytes(StandardCharsets.UTF_8)));
    officers.submit(keeper, assessment, "Task_ImportIncome", "importNote", "按一月工资表导入");
    officers.submit(keeper, assessment, "Task_ReviewAmounts");
    officers.submit("nk_shuji", assessment, "Task_ConfirmBySecretary", "secretaryConfirmed", true);
    officers.submit("rmyy_zzb", assessment, "Task_ApproveByOrgDept", "orgDeptApproved", true,
        "approvalComment", "同意，全年执行");

    YearMonth current = YearMonth.from(today);
    YearMonth first = YearMonth.of(year, 1).isAfter(current.minusMonths(3)) ? YearMonth.of(year, 1)
        : current.minusMonths(3);
    for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
      boolean thisMonth = month.equals(current);
      LocalDate day = thisMonth ? today : month.atDay(20);
      clock(day);
      String period = month.toString();
      String pi = collections.start(BRANCH, period);
      started.add(pi);
      List<DuesCollectionService.Payment> payments = new ArrayList<>();
      BigDecimal total = BigDecimal.ZERO;
      List<Map<String, Object>> ledger = collections.ledger(BRANCH, period);
      for (int i = 0; i < ledger.size(); i++) {
        Map<String, Object> row = ledger.get(i);
        String person = (String) row.get("personId");
        BigDecimal due = (BigDecimal) row.get("due");
        if (person.equals(defaulter) || due == null || (thisMonth && i % 2 == 1)) {
          continue;
        }
        payments.add(new DuesCollectionService.Payment(person, null, due, null, day, i % 3 == 0 ? "现金" : "微信", 1,
            null));
        total = total.add(due);
      }
      if (!payments.isEmpty()) {
        collections.record(BRANCH, period, payments, keeper);
      }
      if (thisMonth) {
        continue;
      }
      String dayText = day.toString();
      BigDecimal received = total;
      officers.submit(keeper, pi, "Task_CollectDues");
      officers.submit(keeper, pi, "Task_CloseMonth", "deposited", received, "depositDate", dayText);
      if (officers.open(pi, "Task_ResolveDifference")) {
        officers.submit(keeper, pi, "Task_ResolveDifference", "differenceExplanation", "宋涛未交，已列入欠缴，由支部书记谈话");
      }
      officers.submit(keeper, pi, "Task_Remit", "remittedAmount", collections.remittable(BRANCH, period),
          "sentDate", dayText);
      officers.submit("rmyy_dangban", pi, "Task_ConfirmReceipt", "receiptConfirmed", true,
          "receivedAmount", collections.remittable(BRANCH, period), "receivedDate", dayText);
    }
  }

  // ---- 组织生活 -----------------------------------------------------------------------------------------------

  /** 内科党支部's year started by its 组织委员, with the meetings of the last months recorded. */
  void organizationalLife() {
    int year = today.getYear();
    String organizer = "nk_zuzhi";
    ClockUtil.reset();
    started.add(officers.as(organizer,
        () -> WriteScopePlugin.startFromPage(() -> organizationalLife.start(BRANCH, year))));
    YearMonth current = YearMonth.from(today);
    for (int back = 2; back >= 0; back--) {
      YearMonth month = current.minusMonths(back);
      if (month.getYear() != year) {
        continue;
      }
      record(MeetingType.COMMITTEE_MEETING, month.atDay(8), "研究本月党员发展和党费收缴工作", "学习习近平总书记重要讲话精神");
      record(MeetingType.THEME_DAY, month.atDay(15), "主题党日：走进社区开展义诊", null);
    }
    record(MeetingType.GENERAL_MEETING, current.atDay(1), "支部党员大会：通报发展党员工作", "学习党章");
    record(MeetingType.PARTY_LECTURE, current.atDay(2), "书记讲党课：医德医风与廉洁行医", null);
  }

  private void record(MeetingType type, LocalDate day, String topic, String firstTopic) {
    if (day.isAfter(today) || day.getYear() != today.getYear()) {
      return;
    }
    Map<String, Presence> attendance = new LinkedHashMap<>();
    List<Member> roster = organizationalLife.roster(BRANCH, type);
    for (int i = 0; i < roster.size(); i++) {
      boolean away = roster.size() > 3 && i == roster.size() - 1;
      attendance.put(roster.get(i).personId(), away ? new Presence(Attendance.LEAVE, "外出进修", null)
          : new Presence(Attendance.PRESENT, null, null));
    }
    organizationalLife.record(BRANCH, day.getYear(), new MeetingRecord(type, day, "内科示教室", topic, firstTopic,
        "P010", "P011", null, attendance), "nk_zuzhi");
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private Person person(String id) {
    return directory.person(id).orElseThrow(() -> new IllegalStateException("No person " + id + " in the registry"));
  }

  /** Sets the engine clock to the day (not past today) and answers the day so set. */
  private LocalDate at(LocalDate day) {
    LocalDate d = min(day, today);
    clock(d);
    return d;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private void runDueJob(String pi, String activityId) {
    Job job = management.createJobQuery().processInstanceId(pi).activityId(activityId).singleResult();
    if (job != null) {
      management.executeJob(job.getId());
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
