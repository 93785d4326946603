package cn.partyflow.rectification;

import static cn.partyflow.rectification.FormValues.bool;
import static cn.partyflow.rectification.FormValues.date;
import static cn.partyflow.rectification.FormValues.rows;
import static cn.partyflow.rectification.FormValues.text;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Keeps the case and its items in our tables and checks the rules of each step. The process calls it as
 * {@code ${rectification...}} from task listeners: a broken rule is a {@link RuleViolation}, so Tasklist shows the
 * Chinese message and nothing is saved.
 */
@Service("rectification")
public class RectificationService {

  static final String ITEM_COLUMNS = "id, case_id, org_id, seq, problem, measures, target, category, leader_user,"
      + " department, co_departments, responsible_user, deadline, status, process_instance_id, current_task_id,"
      + " current_task_name";

  static final RowMapper<RectificationItem> ITEM = (rs, i) -> new RectificationItem(
      rs.getLong("id"), rs.getLong("case_id"), rs.getString("org_id"), rs.getInt("seq"), rs.getString("problem"),
      rs.getString("measures"), rs.getString("target"), rs.getString("category"), rs.getString("leader_user"),
      rs.getString("department"), rs.getString("co_departments"), rs.getString("responsible_user"),
      localDate(rs, "deadline"), rs.getString("status"), rs.getString("process_instance_id"),
      rs.getString("current_task_id"), rs.getString("current_task_name"));

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;
  private final RectificationSettings settings;

  public RectificationService(JdbcTemplate jdbc, OrganizationDirectory directory, RectificationSettings settings) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.settings = settings;
  }

  // ---- Task_RegisterFeedback ------------------------------------------------------------------------------

  /** The task-local variable with the task's own id: the form links to the import page for this very task. */
  public static final String REGISTRATION_TASK_ID = "registrationTaskId";

  /** Lets the registration form open the 问题清单 import page with this task chosen. */
  public void openRegistration(DelegateTask task) {
    task.setVariableLocal(REGISTRATION_TASK_ID, task.getId());
  }

  /** Checks and records the feedback; the 问题清单 is numbered, and the report falls due two months later. */
  public void registerFeedback(DelegateTask task) {
    String orgId = text(task.getVariable("orgId"));
    String source = text(task.getVariable("source"));
    if (source.isEmpty()) {
      source = Rectification.SOURCES.get(0);
    }
    if (!Rectification.SOURCES.contains(source)) {
      throw new RuleViolation("rectification-source", "整改来源只能是" + String.join("、", Rectification.SOURCES));
    }
    LocalDate feedbackDate = FormValues.enteredDate(task.getVariable("feedbackDate"), "反馈日期");
    FormText.limited("巡察轮次", text(task.getVariable("roundName")), 100);
    FormText.limited("巡察组", text(task.getVariable("groupName")), 100);
    if (feedbackDate == null) {
      throw new RuleViolation("rectification-feedback-date", "请填写反馈日期（反馈会召开之日，整改报告期限从此日起算）");
    }
    if (feedbackDate.isAfter(ChinaClock.today())) {
      throw new RuleViolation("rectification-feedback-date", "反馈日期不能晚于今天：请填写实际反馈日期");
    }
    List<Map<String, Object>> problems = numberedProblems(FormValues.listVariable(task, "problems"));
    LocalDate reportDue = feedbackDate.plusMonths(settings.reportMonths());
    Long caseId = caseIdOf(task.getProcessInstanceId());
    Timestamp now = Timestamp.from(ChinaClock.now());
    if (caseId == null) {
      jdbc.update("insert into pf_rectification_case (org_id, source, round_name, group_name, feedback_date, report_due,"
              + " status, process_instance_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          orgId, source, text(task.getVariable("roundName")), text(task.getVariable("groupName")),
          Date.valueOf(feedbackDate), Date.valueOf(reportDue), "方案拟定", task.getProcessInstanceId(), now);
      caseId = caseIdOf(task.getProcessInstanceId());
    } else {
      jdbc.update("update pf_rectification_case set source = ?, round_name = ?, group_name = ?, feedback_date = ?,"
              + " report_due = ? where id = ?", source, text(task.getVariable("roundName")),
          text(task.getVariable("groupName")), Date.valueOf(feedbackDate), Date.valueOf(reportDue), caseId);
    }
    task.setVariable("source", source);
    task.setVariable("caseId", caseId);
    task.setVariable("reportDue", reportDue.toString());
    task.setVariable("problemCount", problems.size());
    task.setVariable("problems", org.camunda.spin.plugin.variable.SpinValues.jsonValue(FormValues.json(problems)).create());
  }

  private static List<Map<String, Object>> numberedProblems(Object value) {
    List<Map<String, Object>> problems = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Set<Integer> numbers = new LinkedHashSet<>();
    int i = 0;
    for (Map<String, Object> row : rows(value, "问题清单")) {
      i++;
      String problem = FormText.limited("第" + i + "条问题表现", text(row.get("problem")));
      FormText.limited("第" + i + "条对应的反馈意见", text(row.get("clause")));
      if (problem.isEmpty() && text(row.get("clause")).isEmpty()) {
        continue;
      }
      if (problem.isEmpty()) {
        errors.add("第" + i + "条缺少问题表现");
      }
      int no = parseInt(row.get("no"), i);
      if (!numbers.add(no)) {
        errors.add("问题序号" + no + "重复");
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("no", no);
      p.put("clause", text(row.get("clause")));
      p.put("problem", problem);
      problems.add(p);
    }
    if (problems.isEmpty()) {
      errors.add("问题清单为空：请逐条录入反馈指出的问题，或导入问题清单表格");
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation("rectification-problem-list", "问题清单有误：" + String.join("；", errors));
    }
    return problems;
  }

  // ---- Task_DraftPlan ---------------------------------------------------------------------------------------

  /** The task-local variable with the people the plan's 责任领导 and 责任人 are chosen from. */
  public static final String PLAN_PEOPLE = "planPeople";

  /**
   * Lets the plan form offer the 责任领导 and 责任人 by name: everybody with a login in the inspected organization and
   * below (tasks can only reach people with a login). The server still checks every name submitted.
   */
  public void openPlan(DelegateTask task) {
    String orgId = text(task.getVariable("orgId"));
    Map<String, Organization> organizations = directory.organizationsById();
    List<Map<String, Object>> people = new ArrayList<>();
    for (Person p : directory.people(directory.selfAndDescendants(orgId))) {
      if (p.username() != null && !p.username().isBlank()) {
        Organization org = organizations.get(p.orgId());
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("label", org == null ? p.name() : p.name() + "（" + org.name() + "）");
        option.put("value", p.username());
        people.add(option);
      }
    }
    task.setVariableLocal(PLAN_PEOPLE,
        org.camunda.spin.plugin.variable.SpinValues.jsonValue(FormValues.json(people)).create());
  }

  /**
   * Checks the 整改方案 (三个清单) and replaces the draft items: every problem has at least one item, every item
   * has measures, a category, a 责任领导, a 责任科室, a 责任人 known to the system, and a deadline unless it is
   * 长期坚持.
   */
  public void savePlan(DelegateTask task) {
    long caseId = ((Number) task.getVariable("caseId")).longValue();
    String orgId = text(task.getVariable("orgId"));
    LocalDate feedbackDate = date(task.getVariable("feedbackDate"));
    Map<Integer, String> problems = new LinkedHashMap<>();
    for (Map<String, Object> p : rows(task.getVariable("problems"), "问题清单")) {
      problems.put(parseInt(p.get("no"), 0), text(p.get("problem")));
    }
    List<String> errors = new ArrayList<>();
    List<Object[]> items = new ArrayList<>();
    Set<Integer> covered = new LinkedHashSet<>();
    int i = 0;
    for (Map<String, Object> row : rows(task.getVariable("planItems"), "整改方案")) {
      i++;
      String at = "第" + i + "项";
      int problemNo = parseInt(row.get("problemNo"), -1);
      String problem = problems.get(problemNo);
      if (problem == null) {
        errors.add(at + "对应的问题序号“" + text(row.get("problemNo")) + "”不在问题清单中");
      } else {
        covered.add(problemNo);
      }
      String measures = FormText.limited(at + "整改措施", text(row.get("measures")));
      FormText.limited(at + "整改目标", text(row.get("target")));
      if (measures.isEmpty()) {
        errors.add(at + "缺少整改措施（任务清单）");
      }
      String category = text(row.get("category"));
      if (!Rectification.CATEGORIES.contains(category)) {
        errors.add(at + "整改类别须为" + String.join("、", Rectification.CATEGORIES));
      }
      String leader = text(row.get("leaderUser"));
      String responsible = text(row.get("responsibleUser"));
      String department = FormText.limited(at + "责任科室", text(row.get("department")), 100);
      FormText.limited(at + "配合科室", text(row.get("coDepartments")), 400);
      if (department.isEmpty()) {
        errors.add(at + "缺少责任科室（责任清单）");
      }
      checkUser(errors, at, "责任领导", leader);
      checkUser(errors, at, "责任人", responsible);
      LocalDate deadline = FormValues.enteredDate(row.get("deadline"), at + "完成时限");
      if (deadline == null && !Rectification.LONG_TERM.equals(category)) {
        errors.add(at + "缺少完成时限（立行立改、限期整改须定时限；长期坚持可不定）");
      } else if (deadline != null && feedbackDate != null && deadline.isBefore(feedbackDate)) {
        errors.add(at + "完成时限早于反馈日期");
      }
      items.add(new Object[] {problemNo, problem, measures, text(row.get("target")), category, leader, department,
          text(row.get("coDepartments")), responsible, deadline});
    }
    for (Integer no : problems.keySet()) {
      if (!covered.contains(no)) {
        errors.add("问题" + no + "没有对应的整改事项（每个问题至少一项任务）");
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation("rectification-plan", "整改方案有误：" + String.join("；", errors));
    }
    replaceDraftItems(caseId, orgId, task.getProcessInstanceId(), items);
    task.setVariable("itemCount", items.size());
  }

  private void checkUser(List<String> errors, String at, String label, String username) {
    if (username.isEmpty()) {
      errors.add(at + "缺少" + label);
    } else if (directory.personByUsername(username).isEmpty()) {
      errors.add(at + label + "“" + username + "”不是系统用户");
    }
  }

  private void replaceDraftItems(long caseId, String orgId, String processInstanceId, List<Object[]> items) {
    jdbc.update("delete from pf_rectification_event where item_id in (select id from pf_rectification_item"
        + " where case_id = ?)", caseId);
    jdbc.update("delete from pf_rectification_item where case_id = ?", caseId);
    Timestamp now = Timestamp.from(ChinaClock.now());
    int seq = 0;
    for (Object[] it : items) {
      seq++;
      LocalDate deadline = (LocalDate) it[9];
      String status = Rectification.NOT_STARTED;
      long id = insert("insert into pf_rectification_item (case_id, org_id, seq, problem, measures, target, category,"
              + " leader_user, department, co_departments, responsible_user, deadline, status, process_instance_id,"
              + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          caseId, orgId, seq, "问题" + it[0] + "：" + it[1], it[2], it[3], it[4], it[5], it[6], it[7], it[8],
          deadline == null ? null : Date.valueOf(deadline), status, processInstanceId, now);
      event(id, Rectification.EVENT_PLANNED, null, "列入整改方案：" + it[4]
          + (deadline == null ? "" : "，完成时限" + deadline));
    }
  }

  /** The items of a case in plan order: the collection of the multi-instance sub-process. */
  public List<Long> itemIds(Object caseId) {
    return jdbc.queryForList("select id from pf_rectification_item where case_id = ? order by seq", Long.class,
        ((Number) caseId).longValue());
  }

  // ---- Task_ApprovePlan, Task_SubmitPlan ----------------------------------------------------------------------

  /** 退回 needs a reason, which the drafter sees on the redrafting task. */
  public void checkPlanDecision(DelegateTask task) {
    requireDecision(task, "planApproved", "planReturnReason", "rectification-plan-approval", "退回整改方案");
  }

  /** Task_SubmitPlan: sent to the 巡察办 on a real day, not before the feedback it answers. */
  public void planSubmitted(DelegateTask task) {
    FormValues.doneOn(task.getVariable("planSubmittedDate"), "报送日期", date(task.getVariable("feedbackDate")),
        "反馈日期");
    setCaseStatus(task.getProcessInstanceId(), "集中整改");
  }

  // ---- the item ----------------------------------------------------------------------------------------------

  public Optional<RectificationItem> item(long id) {
    return jdbc.query("select " + ITEM_COLUMNS + " from pf_rectification_item where id = ?", ITEM, id).stream()
        .findFirst();
  }

  public List<RectificationItem> items(long caseId) {
    return jdbc.query("select " + ITEM_COLUMNS + " from pf_rectification_item where case_id = ? order by seq", ITEM,
        caseId);
  }

  /** Task create listener on every item task: the dashboard links to the open task. */
  public void taskCreated(DelegateTask task) {
    jdbc.update("update pf_rectification_item set current_task_id = ?, current_task_name = ? where id = ?",
        task.getId(), task.getName(), itemId(task));
  }

  /** Task_ReportProgress: 推进中, or 待验收 when the 责任人 applies for 销号. */
  public void reportProgress(DelegateTask task) {
    long id = itemOf(task);
    String progress = FormText.limited("整改进展", text(task.getVariable("progress")));
    if (progress.isEmpty()) {
      throw new RuleViolation("rectification-progress", "请填写整改进展（已采取的措施和取得的成效）");
    }
    boolean ready = Boolean.TRUE.equals(bool(task.getVariable("readyForVerification")));
    task.setVariable("readyForVerification", ready);
    String status = ready ? Rectification.AWAITING_VERIFICATION : Rectification.IN_PROGRESS;
    jdbc.update("update pf_rectification_item set status = ?, progress = ?, updated_at = ? where id = ?", status,
        progress, Timestamp.from(ChinaClock.now()), id);
    event(id, Rectification.EVENT_PROGRESS, task.getAssignee(), (ready ? "申请销号：" : "进展：") + progress);
  }

  /**
   * The item's variable with the last reason it was sent back for, shown on the 责任人's next report task. Declared
   * on the item's own execution (LoadItemDelegate), so parallel items keep their own.
   */
  public static final String RETURN_REASON = "returnReason";

  /** Task_LeaderReview: the 责任领导 passes the item on for verification or sends it back with reasons. */
  public void leaderReviewed(DelegateTask task) {
    long id = itemOf(task);
    boolean approved = requireDecision(task, "leaderApproved", "leaderComment", "rectification-leader-review",
        "退回责任人");
    if (approved) {
      event(id, Rectification.EVENT_REVIEWED, task.getAssignee(), text(task.getVariable("leaderComment")));
    } else {
      String detail = "责任领导退回：" + text(task.getVariable("leaderComment"));
      task.setVariable(RETURN_REASON, detail);
      // Back with the 责任人, the item is no longer applied for 销号 until they say so again.
      task.setVariable("readyForVerification", false);
      returned(id, task.getAssignee(), detail);
    }
  }

  /** Task_VerifyItem and Task_VerifyLongTerm: 党办 or 纪委 closes the item (销号) or sends it back. */
  public void verified(DelegateTask task) {
    long id = itemOf(task);
    boolean closed = requireDecision(task, "verified", "verifyComment", "rectification-verification", "不予销号");
    if (closed) {
      jdbc.update("update pf_rectification_item set status = ?, closed_at = ?, current_task_id = null,"
              + " current_task_name = null, updated_at = ? where id = ?", Rectification.CLOSED,
          Timestamp.from(ChinaClock.now()), Timestamp.from(ChinaClock.now()), id);
      event(id, Rectification.EVENT_CLOSED, task.getAssignee(), "验收销号：" + text(task.getVariable("verifyComment")));
    } else {
      RectificationItem item = item(id).orElseThrow();
      if (item.isLongTerm()) {
        event(id, Rectification.EVENT_RETURNED, task.getAssignee(), "暂不销号，继续坚持："
            + text(task.getVariable("verifyComment")));
        markStatus(id, Rectification.ONGOING);
      } else {
        String detail = "验收未通过：" + text(task.getVariable("verifyComment"));
        task.setVariable(RETURN_REASON, detail);
        // Back with the 责任人, the item is no longer applied for 销号 until they say so again.
        task.setVariable("readyForVerification", false);
        returned(id, task.getAssignee(), detail);
      }
    }
  }

  /** Start of a 长期坚持 item: it stays open and reports periodically. */
  public void longTermStarted(DelegateExecution execution) {
    markStatus(itemId(execution), Rectification.ONGOING);
  }

  /** Task_LongTermReport. */
  public void longTermReported(DelegateTask task) {
    long id = itemOf(task);
    String progress = FormText.limited("落实情况", text(task.getVariable("progress")));
    if (progress.isEmpty()) {
      throw new RuleViolation("rectification-progress", "请填写本期长期坚持事项的落实情况");
    }
    boolean close = Boolean.TRUE.equals(bool(task.getVariable("readyForVerification")));
    task.setVariable("readyForVerification", close);
    jdbc.update("update pf_rectification_item set progress = ?, status = ?, updated_at = ? where id = ?", progress,
        close ? Rectification.AWAITING_VERIFICATION : Rectification.ONGOING, Timestamp.from(ChinaClock.now()), id);
    event(id, Rectification.EVENT_PROGRESS, task.getAssignee(), (close ? "申请评估销号：" : "定期报告：") + progress);
  }

  /**
   * Task create listener on Task_Supervise and Task_Escalate: a copy of the item id on the task itself, so a
   * submission naming another item lands on the task and not on the item's execution, and is refused on completion.
   */
  public void ladderTaskCreated(DelegateTask task) {
    task.setVariableLocal("itemId", itemId(task));
  }

  /** Task_Supervise (督办) and Task_Escalate (约谈/问责): what was done is kept in the item's history. */
  public void supervised(DelegateTask task) {
    String note = FormText.limited("督办情况", text(task.getVariable("superviseNote")));
    if (note.isEmpty()) {
      throw new RuleViolation("rectification-supervision", "请填写督办情况（督办方式、责任人反馈、新的报告时间）");
    }
    event(itemOf(task), Rectification.EVENT_SUPERVISED, task.getAssignee(), note);
  }

  public void escalated(DelegateTask task) {
    String action = text(task.getVariable("accountabilityAction"));
    if (!action.isEmpty()) {
      FormValues.option(action, "处理方式", Rectification.ACCOUNTABILITY_ACTIONS);
    }
    String note = FormText.limited("处理理由", text(task.getVariable("accountabilityNote")));
    if (action.isEmpty() || note.isEmpty()) {
      throw new RuleViolation("rectification-accountability", "请选择处理方式（约谈、通报、问责或不予追究）并写明理由");
    }
    event(itemOf(task), Rectification.EVENT_ACCOUNTABILITY, task.getAssignee(), action + "：" + note);
  }

  private void returned(long id, String actor, String detail) {
    jdbc.update("update pf_rectification_item set status = ?, updated_at = ? where id = ?", Rectification.RETURNED,
        Timestamp.from(ChinaClock.now()), id);
    event(id, Rectification.EVENT_RETURNED, actor, detail);
  }

  void markStatus(long id, String status) {
    jdbc.update("update pf_rectification_item set status = ?, updated_at = ? where id = ?", status,
        Timestamp.from(ChinaClock.now()), id);
  }

  void moveDeadline(long id, LocalDate deadline, String actor, String detail) {
    jdbc.update("update pf_rectification_item set deadline = ?, updated_at = ? where id = ?", Date.valueOf(deadline),
        Timestamp.from(ChinaClock.now()), id);
    event(id, Rectification.EVENT_DEADLINE_MOVED, actor, detail);
  }

  /** Adds an entry to the item's history. */
  public void event(long itemId, String kind, String actor, String detail) {
    jdbc.update("insert into pf_rectification_event (item_id, kind, actor, detail, occurred_at) values (?, ?, ?, ?, ?)",
        itemId, kind, actor, detail == null ? null : truncate(detail, 2000), Timestamp.from(ChinaClock.now()));
  }

  /** An entry of an item's history. */
  public record Event(String kind, String label, String actor, String detail, Timestamp occurredAt) {}

  public List<Event> events(long itemId) {
    return jdbc.query("select kind, actor, detail, occurred_at from pf_rectification_event where item_id = ?"
            + " order by occurred_at, id",
        (rs, i) -> new Event(rs.getString("kind"), Rectification.eventLabel(rs.getString("kind")),
            rs.getString("actor"), rs.getString("detail"), rs.getTimestamp("occurred_at")), itemId);
  }

  // ---- the report and its disclosure ------------------------------------------------------------------------

  /** ServiceTask_CompileReport: the 整改情况报告's figures, from the items' state as of today. */
  public void compileReport(DelegateExecution execution) {
    long caseId = ((Number) execution.getVariable("caseId")).longValue();
    LocalDate today = ChinaClock.today();
    int done = 0;
    int inProgress = 0;
    int overdue = 0;
    int longTerm = 0;
    StringBuilder lines = new StringBuilder();
    for (RectificationItem item : items(caseId)) {
      String state;
      if (!item.isOpen()) {
        done++;
        state = "已完成";
      } else if (item.isLongTerm()) {
        longTerm++;
        state = "长期坚持";
      } else if (item.isOverdue(today)) {
        overdue++;
        state = "逾期未完成";
      } else {
        inProgress++;
        state = "正在推进";
      }
      lines.append(item.seq()).append(". ").append(abbreviated(item.problem(), SUMMARY_PROBLEM_LENGTH)).append(" —— ")
          .append(state).append('\n');
    }
    int total = done + inProgress + overdue + longTerm;
    execution.setVariable("reportDone", done);
    execution.setVariable("reportInProgress", inProgress);
    execution.setVariable("reportOverdue", overdue);
    execution.setVariable("reportLongTerm", longTerm);
    String summary = String.format("截至%s，整改事项共%d项：已完成销号%d项，正在推进%d项，"
        + "逾期未完成%d项，长期坚持%d项。%n%s", today, total, done, inProgress, overdue, longTerm, lines);
    execution.setVariable("reportSummary", abbreviated(summary, FormText.ENGINE_MAX_LENGTH));
    setCaseStatus(execution.getProcessInstanceId(), "报告编制");
  }

  public void checkReportDecision(DelegateTask task) {
    if (text(task.getVariable("reportText")).isEmpty() && "Task_DraftReport".equals(task.getTaskDefinitionKey())) {
      throw new RuleViolation("rectification-report", "请填写整改情况报告正文");
    }
  }

  public void checkReportApproval(DelegateTask task) {
    requireDecision(task, "reportApproved", "reportReturnReason", "rectification-report-approval", "退回整改情况报告");
  }

  /** Task_RecordDisclosure: what was published where; anything withheld needs its reason (保密、敏感等). */
  public void recordDisclosure(DelegateTask task) {
    if (text(task.getVariable("disclosedContent")).isEmpty() || text(task.getVariable("disclosureChannel")).isEmpty()
        || text(task.getVariable("disclosureDate")).isEmpty()) {
      throw new RuleViolation("rectification-disclosure", "请填写公开的内容、公开渠道和公开日期");
    }
    FormValues.option(task.getVariable("disclosureChannel"), "公开渠道", Rectification.DISCLOSURE_CHANNELS);
    LocalDate submitted = FormValues.doneOn(task.getVariable("reportSubmittedDate"), "报告报送巡察办日期",
        date(task.getVariable("feedbackDate")), "反馈日期");
    FormValues.doneOn(task.getVariable("disclosureDate"), "公开日期", submitted, "报告报送巡察办日期");
    // The form shows 不予公开的理由 only beside withheld content, so the form rules leave its length to this check.
    FormText.limited("不予公开的理由", text(task.getVariable("withheldReason")));
    if (!text(task.getVariable("withheldContent")).isEmpty() && text(task.getVariable("withheldReason")).isEmpty()) {
      throw new RuleViolation("rectification-disclosure-withheld",
          "有不予公开的内容时须写明理由（如涉及党和国家秘密、正在初核的问题线索等），并经巡察领导小组同意");
    }
    setCaseStatus(task.getProcessInstanceId(), "已公开");
  }

  public void caseCompleted(DelegateExecution execution) {
    setCaseStatus(execution.getProcessInstanceId(), "已完成");
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private boolean requireDecision(DelegateTask task, String decision, String reason, String rule, String what) {
    Boolean approved = bool(task.getVariable(decision));
    if (approved == null) {
      throw new RuleViolation(rule, "请选择审核结论");
    }
    FormText.limited("审核意见", text(task.getVariable(reason)));
    if (!approved && text(task.getVariable(reason)).isEmpty()) {
      throw new RuleViolation(rule, what + "须写明理由");
    }
    // Radio buttons submit "true"/"false": the gateways read a real boolean.
    task.setVariable(decision, approved);
    return approved;
  }

  private Long caseIdOf(String processInstanceId) {
    return jdbc.query("select id from pf_rectification_case where process_instance_id = ?",
        (rs, i) -> rs.getLong(1), processInstanceId).stream().findFirst().orElse(null);
  }

  private void setCaseStatus(String processInstanceId, String status) {
    jdbc.update("update pf_rectification_case set status = ? where process_instance_id = ?", status,
        processInstanceId);
  }

  /**
   * The item a task works on. The id travels as a process variable a form could overwrite, so it must name an item
   * of this case, and for the item's own tasks the item whose open task this is.
   */
  private long itemOf(DelegateTask task) {
    Object raw = task.getVariable("itemId");
    long id = raw instanceof Number n ? n.longValue() : parseInt(raw, -1);
    Map<String, Object> item = jdbc.queryForList("select process_instance_id, current_task_id from pf_rectification_item"
        + " where id = ?", id).stream().findFirst().orElse(null);
    if (item == null || !task.getProcessInstanceId().equals(item.get("process_instance_id"))) {
      throw new RuleViolation("rectification-item", "整改事项“" + text(raw) + "”不是本案件的整改事项，请从待办列表重新打开任务");
    }
    if (task.getExecution() != null && task.getExecution().getVariable("itemId") instanceof Number own
        && own.longValue() != id) {
      throw new RuleViolation("rectification-item", "本任务办理的不是整改事项“" + id + "”，请从待办列表重新打开任务");
    }
    Object current = item.get("current_task_id");
    if (current != null && task.getTaskDefinitionKey() != null && ITEM_TASKS.contains(task.getTaskDefinitionKey())
        && !task.getId().equals(current)) {
      throw new RuleViolation("rectification-item", "本任务办理的不是整改事项“" + id + "”，请从待办列表重新打开任务");
    }
    return id;
  }

  /** The tasks of an item's own sub-process, which record themselves as the item's current task when created. */
  static final Set<String> ITEM_TASKS = Set.of("Task_ReportProgress", "Task_LeaderReview", "Task_VerifyItem",
      "Task_LongTermReport", "Task_VerifyLongTerm");

  static long itemId(VariableScope scope) {
    return ((Number) scope.getVariable("itemId")).longValue();
  }

  private long insert(String sql, Object... args) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  private static int parseInt(Object value, int fallback) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    String s = text(value);
    try {
      return s.isEmpty() ? fallback : new java.math.BigDecimal(s).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }

  /**
   * The summary names each problem by its opening words: problems may hold 2,000 characters each, and the summary
   * must stay within what a String variable can hold however many items the case has.
   */
  static final int SUMMARY_PROBLEM_LENGTH = 60;

  private static String abbreviated(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
