package cn.partyflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.memberdevelopment.CommitteeApprovals;
import cn.partyflow.rectification.EvidenceStore;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.shared.ChinaClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A 党委 of its own with two branches and a 党小组, its people imported through the registry import as the
 * administrator, and its 发展党员 and 巡察整改 cases driven through the processes with the engine clock moved to
 * each date, so the report of 2025 has known answers. The expected numbers are written in the tests by hand.
 */
final class ReportSeed {

  final String tag;
  final String committee;
  final String branchA;
  final String branchB;
  final String cell;
  /** The 组织部门干事 of the 党委, who records its 党委会 (M6's login). */
  final String orgDepartment;
  final List<String> instances = new ArrayList<>();

  private final ApplicationContext context;
  private final TestRestTemplate http;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final JdbcTemplate jdbc;

  ReportSeed(String tag, ApplicationContext context, TestRestTemplate http, RuntimeService runtime, TaskService tasks,
      JdbcTemplate jdbc) {
    this.tag = tag;
    this.context = context;
    this.committee = "rpt" + tag;
    this.branchA = committee + "-a";
    this.branchB = committee + "-b";
    this.cell = committee + "-a1";
    this.orgDepartment = committee + "_zzb";
    this.http = http;
    this.runtime = runtime;
    this.tasks = tasks;
    this.jdbc = jdbc;
  }

  String id(String short_) {
    return "R" + tag + short_;
  }

  void registry() {
    upload("/api/import/organizations", "id,parent_id,kind,name,approval_power,sort_order\n"
        + committee + ",wjj,党委,统计测试党委" + tag + ",是,90\n"
        + branchA + "," + committee + ",党支部,统计测试第一党支部" + tag + ",否,1\n"
        + branchB + "," + committee + ",党支部,统计测试第二党支部" + tag + ",否,2\n"
        + cell + "," + branchA + ",党小组,统计测试第一党小组" + tag + ",否,1\n");
    StringBuilder people = new StringBuilder("id,name,gender,birth_date,status,org_id,application_date,activist_date,"
        + "target_date,admission_date,full_member_date,username\n");
    // Members kept in the registry only (imported with their history).
    people.append(row("M1", "赵一", "男", "1980-05-01", "正式党员", branchA, "", "", "", "2004-01-01", "2005-01-01"));
    people.append(row("M2", "钱二", "女", "1995-06-01", "正式党员", cell, "", "", "", "2019-01-01", "2020-01-01"));
    people.append(row("M3", "孙三", "女", "1960-01-01", "正式党员", branchB, "", "", "", "", "1990-07-01"));
    people.append(row("M4", "李四", "男", "", "正式党员", branchB, "", "", "", "", ""));
    people.append(row("M5", "周五", "女", "1990-06-01", "正式党员", branchB, "", "", "", "2025-01-05", "2026-01-05"));
    people.append(row("M6", "吴六", "男", "1975-02-01", "正式党员", branchA, "", "", "", "1999-01-01", "2000-01-01"));
    // People whose cases the test drives.
    people.append(row("A", "郑申请", "女", "2000-01-01", "群众", branchA, "", "", "", "", ""));
    people.append(row("B", "王积极", "男", "1998-01-01", "群众", branchA, "", "", "", "", ""));
    people.append(row("C", "冯对象", "女", "1996-01-01", "群众", branchA, "", "", "", "", ""));
    people.append(row("D", "陈预备", "男", "1992-01-01", "群众", branchA, "", "", "", "", ""));
    people.append(row("E", "褚按期", "女", "1990-03-01", "群众", branchA, "", "", "", "", ""));
    people.append(row("F", "卫延长", "男", "1985-01-01", "群众", branchA, "", "", "", "", ""));
    people.append(row("G", "蒋取消", "男", "1988-01-01", "群众", branchA, "", "", "", "", ""));
    upload("/api/import/people", people.toString());
    // The 党委's committee, whose 党委会 approves admissions and conversions, and its 组织部门干事 who records it.
    upload("/api/import/roles", "org_id,person_id,role\n" + committee + "," + id("M1") + ",书记\n"
        + committee + "," + id("M6") + ",党委委员\n" + committee + "," + id("M3") + ",党委委员\n"
        + committee + "," + id("M6") + ",组织部门干事\n");
  }

  private String row(String id, String name, String gender, String birth, String status, String org, String applied,
      String activist, String target, String admitted, String full) {
    return String.join(",", id(id), name + tag, gender, birth, status, org, applied, activist, target, admitted, full,
        login(id)) + "\n";
  }

  /** M6 is the 组织部门干事; M1 the 责任领导 and M2 the 责任人 of the 整改 items, chosen among the 党委's logins. */
  private String login(String id) {
    return switch (id) {
      case "M6" -> orgDepartment;
      case "M1" -> committee + "_leader";
      case "M2" -> committee + "_owner";
      default -> "";
    };
  }

  private void upload(String url, String csv) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "registry.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> answer = http.withBasicAuth("admin", "demo").postForEntity(url,
        new HttpEntity<>(body, headers), String.class);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(url + ": " + answer.getBody()).isTrue();
  }

  /** The 发展党员 cases of the test, in the order of their dates. */
  void memberDevelopment() {
    String sponsors = id("M1") + ", " + id("M6");
    // A applies in March 2025; the talk is never held (overdue since 2025-04-01).
    clock("2025-03-05T10:00");
    String a = start("A", Map.of("startStage", "APPLICATION"));
    complete(a, "Task_RecordApplication", Map.of("applicationDate", "2025-03-01", "birthDate", "2000-01-01",
        "gender", "女"));
    // E entered probation 2024-03-15 and is converted on time; G's 预备党员资格 is cancelled.
    clock("2024-04-01T10:00");
    String e = start("E", probation("2021-01-01", "2022-02-01", "2023-03-01", "2024-03-15", "2024-03-25", sponsors));
    String g = start("G", probation("2021-01-01", "2022-02-01", "2023-03-01", "2024-02-01", "2024-02-10", sponsors));
    String f = start("F", probation("2020-06-01", "2021-06-01", "2022-12-01", "2024-01-10", "2024-01-20", sponsors));
    clock("2025-01-16T10:00");
    convert(f, "2025-01-12", "2025-01-15", "EXTEND");
    clock("2025-01-20T10:00");
    approve(f, "2025-01-20");
    clock("2025-02-10T10:00");
    convert(g, "2025-02-03", "2025-02-05", "CANCEL");
    approve(g, "2025-02-10");
    clock("2025-03-25T10:00");
    convert(e, "2025-03-16", "2025-03-18", "CONVERT");
    approve(e, "2025-03-20");
    archive(e, "2025-03-25");
    // B is made an activist in April 2025, C a 发展对象 in June, D a 预备党员 in May.
    clock("2025-06-15T10:00");
    start("B", Map.of("startStage", "ACTIVIST", "applicationDate", "2024-09-01", "birthDate", "1998-01-01",
        "activistDate", "2025-04-10"));
    start("C", Map.of("startStage", "TARGET", "applicationDate", "2023-05-01", "birthDate", "1996-01-01",
        "activistDate", "2024-03-01", "developmentTargetDate", "2025-06-01"));
    start("D", probation("2022-01-01", "2023-01-01", "2024-02-01", "2025-05-20", "2025-06-10", sponsors));
    // F, extended by six months to 2025-07-10, is converted then.
    clock("2025-07-25T10:00");
    convert(f, "2025-07-11", "2025-07-15", "CONVERT");
    approve(f, "2025-07-20");
    archive(f, "2025-07-25");
  }

  private Map<String, Object> probation(String applied, String activist, String target, String meeting,
      String approved, String sponsors) {
    Map<String, Object> v = new HashMap<>();
    v.put("startStage", "PROBATION");
    v.put("applicationDate", applied);
    v.put("activistDate", activist);
    v.put("developmentTargetDate", target);
    v.put("sponsorIds", sponsors);
    v.put("politicalReviewPassed", "true");
    v.put("trainingHours", 24);
    v.put("admissionMeetingDate", meeting);
    v.put("approvalDate", approved);
    return v;
  }

  private void convert(String pi, String applied, String meeting, String outcome) {
    complete(pi, "Task_ContinuedAssessment", Map.of());
    complete(pi, "Task_ConversionApplication", Map.of("conversionApplicationDate", applied,
        "conversionOpinions", "同意"));
    Map<String, Object> v = new HashMap<>(Map.of("conversionMeetingDate", meeting, "conversionVotersEntitled", 9,
        "conversionVotersPresent", 9, "conversionVotesFor", 9, "conversionOutcome", outcome));
    if (outcome.equals("EXTEND")) {
      v.put("extensionMonths", 6);
    }
    if (!outcome.equals("CONVERT")) {
      v.put("conversionReason", "考察期间表现需进一步考察");
    }
    complete(pi, "Task_ConversionMeeting", v);
  }

  /** The 党委会 of {@code date} approves the case's open conversion, every committee member present and for. */
  private void approve(String pi, String date) {
    CommitteeApprovals.approve(context, orgDepartment, committee, date, pi);
  }

  private void archive(String pi, String date) {
    complete(pi, "Task_ArchiveMaterials", Map.of("archiveChecklist",
        SpinValues.jsonValue("[\"入党志愿书\",\"入党申请书\",\"政审材料\",\"转正申请书\",\"培养教育考察材料\"]").create(),
        "archiveDate", date, "archiveLocation", "人事档案"));
  }

  private String start(String person, Map<String, Object> variables) {
    Map<String, Object> v = new HashMap<>(variables);
    v.put("applicantId", id(person));
    String pi = runtime.startProcessInstanceByKey("memberDevelopment", id(person), v).getId();
    instances.add(pi);
    return pi;
  }

  /**
   * 巡察 fed back 2025-04-20 (two problems, three items: one accepted by the 巡察办 on time, one returned by its
   * 责任领导 and accepted late, one returned by the 巡察办 and then left 验收中 past its deadline), a 民主生活会 list of
   * 2025-11-01 with one long-term item the higher 党委 keeps open (暂不销号, no 退回重改), and a 巡察 of 2024
   * outside the period.
   */
  void rectification() {
    clock("2025-04-22T10:00");
    String first = rectificationCase("巡察", "2025-04-20", List.of("议事规则不健全", "三会一课不规范"),
        "[" + item(1, "限期整改", "2025-05-31") + "," + item(2, "限期整改", "2025-06-30") + ","
            + item(2, "限期整改", "2025-09-30") + "]");
    assertThat(itemTasks(first, "Task_ReportProgress")).hasSize(3);
    clock("2025-05-10T10:00");
    closeItem(first, 0);
    clock("2025-06-20T10:00");
    report(first, 1);
    complete(itemTask(first, 1, "Task_LeaderReview"), Map.of("leaderApproved", "false",
        "leaderComment", "措施不具体"));
    clock("2025-07-10T10:00");
    closeItem(first, 1);
    clock("2025-08-20T10:00");
    report(first, 2);
    complete(itemTask(first, 2, "Task_LeaderReview"), Map.of("leaderApproved", "true"));
    complete(itemTask(first, 2, "Task_VerifyItem"), Map.of("verified", "false", "verifyComment", "佐证材料不足"));
    clock("2025-09-20T10:00");
    report(first, 2);
    complete(itemTask(first, 2, "Task_LeaderReview"), Map.of("leaderApproved", "true"));
    assertThat(jdbc.queryForObject("select status from pf_rectification_item where id = ?", String.class,
        itemId(caseId(first), 2))).isEqualTo(Rectification.ACCEPTANCE);
    clock("2025-11-03T10:00");
    String life = rectificationCase("民主生活会", "2025-11-01", List.of("联系群众不够紧密"),
        "[" + item(1, "长期坚持", null) + "]");
    clock("2025-12-05T10:00");
    if (itemTasks(life, "Task_LongTermReport").isEmpty()) {
      managementService().executeJob(managementService().createJobQuery().processInstanceId(life)
          .activityId("Timer_NextReport").singleResult().getId());
    }
    complete(life, "Task_LongTermReport", Map.of("progress", "已建立联系群众制度", "readyForVerification", true));
    complete(life, "Task_VerifyLongTerm", Map.of("verified", "false", "verifyComment", "需持续坚持"));
    clock("2024-10-03T10:00");
    rectificationCase("巡察", "2024-10-01", List.of("往年问题"), "[" + item(1, "限期整改", "2024-12-31") + "]");
  }

  private ManagementService managementService() {
    return context.getBean(ManagementService.class);
  }

  private String rectificationCase(String source, String feedback, List<String> problems, String plan) {
    Map<String, Object> start = new HashMap<>(Map.of("orgId", committee));
    if (source != null) {
      start.put("source", source);
    }
    String pi = runtime.startProcessInstanceByKey(Rectification.PROCESS_KEY, start).getId();
    instances.add(pi);
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < problems.size(); i++) {
      list.append(i == 0 ? "" : ",").append("{\"no\":").append(i + 1).append(",\"clause\":\"反馈意见").append(i + 1)
          .append("\",\"problem\":\"").append(problems.get(i)).append("\"}");
    }
    list.append("]");
    complete(pi, "Task_RegisterFeedback", Map.of("feedbackDate", feedback, "roundName", "第一轮",
        "groupName", "第一巡察组", "problems", SpinValues.jsonValue(list.toString()).create()));
    complete(pi, "Task_DraftPlan", Map.of("planItems", SpinValues.jsonValue(plan).create()));
    complete(pi, "Task_ApprovePlan", Map.of("planApproved", "true", "planMeetingDate", feedback,
        "planMeetingEntitled", 3, "planMeetingPresent", 3, "planMeetingAttendees", "赵一、孙三、吴六"));
    complete(pi, "Task_SubmitPlan", Map.of("planSubmittedDate", feedback));
    complete(pi, "Task_ReviewPlan", Map.of("planAccepted", "true"));
    return pi;
  }

  private String item(int problem, String category, String deadline) {
    return "{\"problemNo\":" + problem + ",\"measures\":\"整改措施" + problem + "\",\"category\":\"" + category
        + "\",\"leaderUser\":\"" + login("M1") + "\",\"department\":\"党办\",\"responsibleUser\":\""
        + login("M2") + "\""
        + (deadline == null ? "" : ",\"deadline\":\"" + deadline + "\"") + "}";
  }

  /** The 责任人 uploads a file of evidence and applies for 销号. */
  private void report(String pi, int index) {
    long item = itemId(caseId(pi), index);
    context.getBean(EvidenceStore.class).store(item, "整改台账.pdf",
        "%PDF-1.4\n%整改台账\n".getBytes(StandardCharsets.UTF_8), login("M2"));
    complete(itemTask(pi, index, "Task_ReportProgress"), Map.of("progress", "已整改", "readyForVerification", true));
  }

  /** Applied for, passed on by the 责任领导, and accepted (销号) by the inspecting body. */
  private void closeItem(String pi, int index) {
    report(pi, index);
    complete(itemTask(pi, index, "Task_LeaderReview"), Map.of("leaderApproved", "true"));
    complete(itemTask(pi, index, "Task_VerifyItem"), Map.of("verified", "true", "verifyComment", "查阅材料"));
  }

  private List<Task> itemTasks(String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list();
  }

  /** The task of the index-th item (in plan order) at {@code key}. */
  private Task itemTask(String pi, int index, String key) {
    long caseId = caseId(pi);
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list().stream()
        .filter(t -> ((Number) tasks.getVariable(t.getId(), "itemId")).longValue() == itemId(caseId, index))
        .findFirst().orElseThrow(() -> new AssertionError("no " + key + " for item " + index));
  }

  long caseId(String pi) {
    return ((Number) runtime.getVariable(pi, "caseId")).longValue();
  }

  long itemId(long caseId, int index) {
    return jdbc.queryForList("select id from pf_rectification_item where case_id = ? order by seq", Long.class,
        caseId).get(index);
  }

  private void complete(String pi, String key, Map<String, Object> variables) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list();
    assertThat(open).as("open " + key + " in " + pi).hasSize(1);
    complete(open.get(0), variables);
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }

  void removeCases() {
    for (String pi : instances) {
      if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtime.deleteProcessInstance(pi, "测试结束");
      }
    }
    ClockUtil.reset();
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.parse(localDateTime)));
  }
}
