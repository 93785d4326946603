package cn.partyflow.bench;

import cn.partyflow.dues.DuesCollectionService;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Our three procedures driven as Tasklist drives them (form submissions with the values an officer enters), for
 * the throughput figures. Every submission passes the server-side rules and the registry updates of its step.
 */
final class ProcedureRuns {

  /** A few days ago, so that every date entered has already happened and lies in the collection month. */
  private static final LocalDate BASE = ChinaClock.today().minusDays(3);
  static final String MONTH = YearMonth.from(BASE).toString();
  static final String DAY = BASE.toString();
  private static final int YEAR = BASE.getYear();

  private final FormService forms;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final JdbcTemplate jdbc;
  private final DuesCollectionService collections;

  ProcedureRuns(FormService forms, TaskService tasks, RepositoryService repository, JdbcTemplate jdbc,
      DuesCollectionService collections) {
    this.forms = forms;
    this.tasks = tasks;
    this.repository = repository;
    this.jdbc = jdbc;
    this.collections = collections;
  }

  /** Applicants for {@link #memberDevelopment(int)}, one per run. */
  void prepareApplicants(int count) {
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) select 'BM-' || g,"
        + " '基准申请人' || g, '女', date '1999-05-20', 'NON_MEMBER', 'rmyy-nk' from generate_series(0, ?) g",
        count - 1);
  }

  /** 发展党员 stages 1 and 2 for applicant i: application to the cultivation assessments, six user tasks. */
  int memberDevelopment(int i) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("memberDevelopment")
        .latestVersion().singleResult().getId();
    String pi = forms.submitStartForm(definition, Map.of("applicantId", "BM-" + i, "startStage", "APPLICATION"))
        .getId();
    submit(pi, "Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女");
    submit(pi, "Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "了解入党动机");
    submit(pi, "Task_NominateActivist", "activistSelected", "true", "activistDate", "2024-07-15",
        "committeeMeetingDate", "2024-07-15");
    submit(pi, "Task_FileActivist", "activistFilingDecision", "PASS", "activistFilingDate", "2024-07-20");
    submit(pi, "Task_AppointContacts", "contactIds", json("[\"P019\"]"), "contactsAppointedDate", "2024-07-20");
    submit(pi, "Task_Cultivate", "assessments", json("[{\"assessmentDate\":\"2025-01-10\"},"
        + "{\"assessmentDate\":\"2025-07-10\"}]"), "thoughtReportsReceived", 4);
    return 6;
  }

  /** A 巡察整改 case of rmyy with the given number of items, planned, approved and reported; returns its instance. */
  String rectificationCase(int items) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("inspectionRectification")
        .latestVersion().singleResult().getId();
    String pi = forms.submitStartForm(definition, Map.of("orgId", "rmyy", "source", "巡察")).getId();
    StringBuilder problems = new StringBuilder("[");
    StringBuilder plan = new StringBuilder("[");
    for (int n = 1; n <= items; n++) {
      String sep = n == 1 ? "" : ",";
      problems.append(sep).append("{\"no\":").append(n).append(",\"clause\":\"反馈意见").append(n)
          .append("\",\"problem\":\"问题表现").append(n).append("\"}");
      plan.append(sep).append("{\"problemNo\":").append(n).append(",\"measures\":\"整改措施").append(n)
          .append("\",\"category\":\"限期整改\",\"leaderUser\":\"rmyy_fgld\",\"department\":\"科室").append(n % 20)
          .append("\",\"responsibleUser\":\"nk_zhuren\",\"deadline\":\"").append(BASE.plusMonths(6)).append("\"}");
    }
    Task register = task(pi, "Task_RegisterFeedback");
    tasks.setVariable(register.getId(), "problems", SpinValues.jsonValue(problems.append("]").toString()).create());
    submit(pi, "Task_RegisterFeedback", "feedbackDate", DAY, "roundName", "基准巡察", "groupName", "基准巡察组");
    submit(pi, "Task_DraftPlan", "planItems", json(plan.append("]").toString()));
    submit(pi, "Task_ApprovePlan", "planApproved", "true", "planMeetingDate", DAY, "planMeetingEntitled", 7,
        "planMeetingPresent", 6, "planMeetingAttendees", "基准委员");
    submit(pi, "Task_SubmitPlan", "planSubmittedDate", BASE.plusDays(1).toString());
    submit(pi, "Task_ReviewPlan", "planAccepted", "true");
    return pi;
  }

  /** The open items of a case, each as its own instance of the item sub-process. */
  List<String> itemExecutions(String pi) {
    List<String> ids = new ArrayList<>();
    for (Task t : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ReportProgress").list()) {
      ids.add(t.getExecutionId());
    }
    return ids;
  }

  /** One item from progress report to closing: three user tasks. */
  int rectificationItem(String pi, String execution) {
    Task report = tasks.createTaskQuery().processInstanceId(pi).executionId(execution)
        .taskDefinitionKey("Task_ReportProgress").singleResult();
    jdbc.update("insert into pf_rectification_evidence (item_id, filename, content_type, size_bytes, content,"
        + " uploaded_by, uploaded_at) values (?, '台账.pdf', 'application/pdf', 8, ?, 'nk_zhuren', current_timestamp)",
        ((Number) tasks.getVariable(report.getId(), "itemId")).longValue(),
        "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    submitIn(pi, execution, "Task_ReportProgress", "progress", "已完成整改", "readyForVerification", true);
    submitIn(pi, execution, "Task_LeaderReview", "leaderApproved", "true");
    submitIn(pi, execution, "Task_VerifyItem", "verified", "true", "verifyComment", "查阅材料，达标");
    return 3;
  }

  /** Branches of one member each, assessed for the year, for {@link #duesMonth(int)}. */
  void prepareDuesBranches(int count) {
    prepareDuesBranches(0, count);
  }

  /** Such branches {@code bench-c<from>} to {@code bench-c<from + count - 1>}. */
  void prepareDuesBranches(int from, int count) {
    int last = from + count - 1;
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order) select"
        + " 'bench-c' || g, 'rmyy', 'BRANCH', '基准支部' || g, false, 100 from generate_series(?, ?) g", from, last);
    jdbc.update("insert into pf_person (id, name, status, org_id, on_probation_discipline) select 'BC-' || g,"
        + " '基准党员' || g, 'FULL_MEMBER', 'bench-c' || g, false from generate_series(?, ?) g", from, last);
    jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
        + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from) select " + YEAR + ","
        + " 'bench-c' || g, 'BC-' || g, 'EMPLOYED', 3333.33, 0, 0, 3333.33, 0.015, 50.00, 50.00, '1.5%', 'APPROVED',"
        + " '" + YEAR + "-01' from generate_series(?, ?) g", from, last);
  }

  /** 党费 for one branch and month: collection, month close, remittance and its receipt, four user tasks. */
  int duesMonth(int i) {
    String pi = collections.start("bench-c" + i, MONTH);
    submit(pi, "Task_CollectDues", "payments", json("[{\"personId\":\"BC-" + i + "\",\"amount\":\"50.00\","
        + "\"paidDate\":\"" + DAY + "\",\"method\":\"现金\"}]"));
    submit(pi, "Task_CloseMonth", "deposited", "50.00", "depositDate", DAY);
    submit(pi, "Task_Remit", "remittedAmount", "50.00", "sentDate", DAY);
    submit(pi, "Task_ConfirmReceipt", "receiptConfirmed", true, "receivedAmount", "50.00", "receivedDate", DAY);
    return 4;
  }

  private void submit(String pi, String taskKey, Object... keyValues) {
    forms.submitTaskForm(task(pi, taskKey).getId(), values(keyValues));
  }

  private void submitIn(String pi, String execution, String taskKey, Object... keyValues) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).list().stream()
        .filter(t -> t.getExecutionId().equals(execution) || isChildOf(t, execution)).findFirst()
        .orElseThrow(() -> new IllegalStateException(taskKey + " not open in " + execution));
    forms.submitTaskForm(task.getId(), values(keyValues));
  }

  private boolean isChildOf(Task task, String execution) {
    return jdbc.queryForObject("select count(*) from act_ru_execution where id_ = ? and parent_id_ = ?",
        Integer.class, task.getExecutionId(), execution) > 0;
  }

  private Task task(String pi, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException(taskKey + " not open in " + pi);
    }
    return task;
  }

  private static Map<String, Object> values(Object... keyValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int k = 0; k < keyValues.length; k += 2) {
      values.put((String) keyValues[k], keyValues[k + 1]);
    }
    return values;
  }

  private static Object json(String text) {
    return SpinValues.jsonValue(text).create();
  }
}
