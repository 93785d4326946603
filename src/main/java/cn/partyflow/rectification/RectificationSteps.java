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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The steps of 巡察整改, one method per step, called from the BPMN ({@code ${rectificationSteps.draftPlan(task)}}):
 * each reads the form, applies {@link RectificationRules} and writes the result through {@link RectificationItems}
 * and {@link RectificationCases}. A broken rule is a {@link RuleViolation}, so Tasklist shows the Chinese message and
 * nothing is saved.
 */
@Component("rectificationSteps")
public class RectificationSteps {

  /** The task-local variable with the task's own id: the form links to the import page for this very task. */
  public static final String REGISTRATION_TASK_ID = "registrationTaskId";

  /** The task-local variable with the people the plan's 责任领导 and 责任人 are chosen from. */
  public static final String PLAN_PEOPLE = "planPeople";

  /** The task-local variable with the imported problems the plan's 对应问题序号 is chosen from. */
  public static final String PLAN_PROBLEMS = "planProblems";

  /**
   * The item's variable with the last reason it was sent back for, shown on the 责任人's next report task. Declared
   * on the item's own execution (loadItem), so parallel items keep their own.
   */
  public static final String RETURN_REASON = "returnReason";

  /** The answers of an item's tasks, declared on the item's own execution. */
  static final List<String> ITEM_ANSWERS = List.of("progress", "readyForVerification", "leaderApproved",
      "leaderComment", "verified", "verifyComment", "verifyGrade", "superviseNote", "accountabilityAction",
      "accountabilityNote", RETURN_REASON);

  /** The summary names each problem by its opening words, so it stays within what a String variable holds. */
  static final int SUMMARY_PROBLEM_LENGTH = 60;

  private final RectificationItems items;
  private final RectificationCases cases;
  private final EvidenceStore evidence;
  private final Oversight oversight;
  private final OrganizationDirectory directory;
  private final RectificationSettings settings;

  public RectificationSteps(RectificationItems items, RectificationCases cases, EvidenceStore evidence,
      Oversight oversight, OrganizationDirectory directory, RectificationSettings settings) {
    this.items = items;
    this.cases = cases;
    this.evidence = evidence;
    this.oversight = oversight;
    this.directory = directory;
    this.settings = settings;
  }

  // ---- where things go ----------------------------------------------------------------------------------------

  /** The candidate groups of the body the case answers to (巡察办, joint team, or the higher 党委). */
  public String reviewers(String orgId, String source) {
    return oversight.groups(orgId, source);
  }

  /** Its name, for task names. */
  public String reviewBody(String orgId, String source) {
    return oversight.name(orgId, source);
  }

  // ---- Task_RegisterFeedback ------------------------------------------------------------------------------

  public void openRegistration(DelegateTask task) {
    task.setVariableLocal(REGISTRATION_TASK_ID, task.getId());
  }

  /**
   * Checks and records the feedback; the 问题清单 is numbered. For a 巡察 the report falls due two months later; a
   * 民主生活会 or 组织生活会 case must have a higher 党委 to report to, and its report date follows from the plan.
   */
  public void registerFeedback(DelegateTask task) {
    String orgId = text(task.getVariable("orgId"));
    String source = RectificationRules.source(text(task.getVariable("source")));
    oversight.name(orgId, source);
    LocalDate feedbackDate = FormValues.enteredDate(task.getVariable("feedbackDate"), "反馈日期");
    String roundName = FormText.limited("巡察轮次", text(task.getVariable("roundName")), 100);
    String groupName = FormText.limited("巡察组", text(task.getVariable("groupName")), 100);
    if (feedbackDate == null) {
      throw new RuleViolation("rectification.feedbackDate", "请填写反馈日期（反馈会召开之日，整改报告期限从此日起算）");
    }
    if (feedbackDate.isAfter(ChinaClock.today())) {
      throw new RuleViolation("rectification.feedbackDate", "反馈日期不能晚于今天：请填写实际反馈日期");
    }
    List<Map<String, Object>> problems = RectificationRules.numberedProblems(
        rows(FormValues.listVariable(task, "problems"), "问题清单"));
    LocalDate reportDue = RectificationRules.isInspection(source)
        ? RectificationRules.reportDue(source, feedbackDate, List.of(), settings.reportMonths()) : null;
    long caseId = cases.registered(task.getProcessInstanceId(), orgId, source, roundName, groupName, feedbackDate,
        reportDue);
    task.setVariable("source", source);
    task.setVariable("caseId", caseId);
    task.setVariable("reportDue", reportDue == null ? null : reportDue.toString());
    task.setVariable("problemCount", problems.size());
    task.setVariable("problems", SpinValues.jsonValue(FormValues.json(problems)).create());
  }

  // ---- Task_DraftPlan, Task_ApprovePlan, Task_SubmitPlan, Task_ReviewPlan -------------------------------------

  /**
   * Lets the plan form offer the 责任领导 and 责任人 by name (everybody with a login in the organization and below)
   * and the 对应问题 from the imported list. The server still checks every value submitted.
   */
  public void openPlanDraft(DelegateTask task) {
    String orgId = text(task.getVariable("orgId"));
    Map<String, Organization> organizations = directory.organizationsById();
    List<Map<String, Object>> people = new ArrayList<>();
    for (Person p : directory.people(directory.selfAndDescendants(orgId))) {
      if (p.username() != null && !p.username().isBlank()) {
        Organization org = organizations.get(p.orgId());
        people.add(option(org == null ? p.name() : p.name() + "（" + org.name() + "）", p.username()));
      }
    }
    task.setVariableLocal(PLAN_PEOPLE, SpinValues.jsonValue(FormValues.json(people)).create());
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Map.Entry<Integer, String> p : problems(task).entrySet()) {
      problems.add(option(p.getKey() + "．" + abbreviated(p.getValue(), 40), String.valueOf(p.getKey())));
    }
    task.setVariableLocal(PLAN_PROBLEMS, SpinValues.jsonValue(FormValues.json(problems)).create());
  }

  /** Checks the 整改方案 (三个清单) and replaces the draft items; the plan goes to the 党委(党组)会 afresh. */
  public void draftPlan(DelegateTask task) {
    long caseId = caseId(task);
    List<RectificationRules.PlannedItem> planned = RectificationRules.plan(rows(task.getVariable("planItems"), "整改方案"),
        problems(task), date(task.getVariable("feedbackDate")), u -> directory.personByUsername(u).isPresent());
    items.replaceDraft(caseId, text(task.getVariable("orgId")), task.getProcessInstanceId(), planned);
    task.setVariable("itemCount", planned.size());
    // A plan returned by the reviewing body goes through the 党委会 and the review afresh: no earlier decision is
    // offered as already made.
    for (String decision : List.of("planApproved", "planAccepted")) {
      if (task.hasVariable(decision)) {
        task.setVariable(decision, null);
      }
    }
  }

  /**
   * The 书记 signs the plan after a 党委(党组)会 studied it (date, entitled and present members, attendees), or
   * returns it with a reason.
   */
  public void approvePlan(DelegateTask task) {
    boolean approved = requireDecision(task, "planApproved", "planReturnReason", "rectification.plan.approval",
        "退回整改方案");
    if (approved) {
      RectificationRules.Meeting meeting = RectificationRules.planMeeting(task.getVariable("planMeetingDate"),
          task.getVariable("planMeetingEntitled"), task.getVariable("planMeetingPresent"),
          task.getVariable("planMeetingAttendees"), date(task.getVariable("feedbackDate")));
      task.setVariable("planMeetingDate", meeting.date().toString());
      task.setVariable("planMeetingEntitled", meeting.entitled());
      task.setVariable("planMeetingPresent", meeting.present());
      task.setVariable("planSignedBy", task.getAssignee());
    }
  }

  /** Sent to the 巡察办 (or the higher 党委) on a real day, not before the feedback it answers. */
  public void submitPlan(DelegateTask task) {
    FormValues.doneOn(task.getVariable("planSubmittedDate"), "报送日期", date(task.getVariable("feedbackDate")),
        "反馈日期");
    cases.status(task.getProcessInstanceId(), "方案报审");
  }

  /**
   * The 巡察办 (or the higher 党委) accepts the plan, and the items start; or returns it with opinions, which the
   * drafter sees, and the plan goes round again through the 党委(党组)会.
   */
  public void reviewPlan(DelegateTask task) {
    boolean accepted = requireDecision(task, "planAccepted", "planReviewOpinion", "rectification.plan.review",
        "退回整改方案");
    String body = reviewBody(text(task.getVariable("orgId")), text(task.getVariable("source")));
    if (!accepted) {
      task.setVariable("planReturnReason", body + "退回意见：" + text(task.getVariable("planReviewOpinion")));
      cases.status(task.getProcessInstanceId(), "方案拟定");
      return;
    }
    String source = text(task.getVariable("source"));
    LocalDate feedbackDate = date(task.getVariable("feedbackDate"));
    LocalDate reportDue = RectificationRules.reportDue(source, feedbackDate,
        items.items(caseId(task)).stream().map(RectificationItem::deadline).toList(), settings.reportMonths());
    task.setVariable("reportDue", reportDue.toString());
    task.setVariable("planAcceptedBy", body);
    cases.reportDue(task.getProcessInstanceId(), reportDue);
    cases.status(task.getProcessInstanceId(), "集中整改");
  }

  /** The items of a case in plan order: the collection of the multi-instance sub-process. */
  public List<Long> itemIds(Object caseId) {
    return items.itemIds(((Number) caseId).longValue());
  }

  // ---- the item ----------------------------------------------------------------------------------------------

  /** ServiceTask_LoadItem: the item's facts as variables local to its own instance. */
  public void loadItem(DelegateExecution execution) {
    RectificationItem item = items.item(itemId(execution)).orElseThrow();
    execution.setVariableLocal("itemSeq", item.seq());
    execution.setVariableLocal("itemProblem", item.problem());
    execution.setVariableLocal("itemMeasures", item.measures());
    execution.setVariableLocal("itemCategory", item.category());
    execution.setVariableLocal("itemDepartment", item.department());
    execution.setVariableLocal("leaderUser", item.leaderUser());
    execution.setVariableLocal("responsibleUser", item.responsibleUser());
    execution.setVariableLocal("itemDeadline", item.deadline() == null ? null : item.deadline().toString());
    execution.setVariableLocal("evidenceUrl", "/rectification/items/" + item.id() + "/evidence");
    // Without local copies the answers would land on the case and parallel items would overwrite each other's.
    for (String answer : ITEM_ANSWERS) {
      execution.setVariableLocal(answer, null);
    }
  }

  /** Create listener on every item task: the dashboard links to the open task. */
  public void itemTaskCreated(DelegateTask task) {
    items.currentTask(itemId(task), task.getId(), task.getName());
  }

  /** Task_ReportProgress: 推进中, or 待验收 when the 责任人 applies for 销号, which needs evidence uploaded. */
  public void reportProgress(DelegateTask task) {
    long id = itemOf(task);
    String progress = FormText.limited("整改进展", text(task.getVariable("progress")));
    if (progress.isEmpty()) {
      throw new RuleViolation("rectification.progress", "请填写整改进展（已采取的措施和取得的成效）");
    }
    boolean ready = Boolean.TRUE.equals(bool(task.getVariable("readyForVerification")));
    RectificationRules.closingRequest(items.item(id).orElseThrow().category(), ready, evidence.list(id).size());
    task.setVariable("readyForVerification", ready);
    items.progress(id, ready ? Rectification.AWAITING_VERIFICATION : Rectification.IN_PROGRESS, progress);
    items.event(id, Rectification.EVENT_PROGRESS, task.getAssignee(), (ready ? "申请销号：" : "进展：") + progress);
  }

  /** Task_LeaderReview: the 责任领导 submits the 销号申请 to the inspecting side or sends it back with reasons. */
  public void reviewByLeader(DelegateTask task) {
    long id = itemOf(task);
    boolean approved = requireDecision(task, "leaderApproved", "leaderComment", "rectification.leaderReview",
        "退回责任人");
    if (approved) {
      items.markStatus(id, Rectification.ACCEPTANCE);
      items.event(id, Rectification.EVENT_REVIEWED, task.getAssignee(), text(task.getVariable("leaderComment")));
    } else {
      returned(task, id, "责任领导退回：" + text(task.getVariable("leaderComment")));
    }
  }

  /**
   * Task_VerifyItem and Task_VerifyLongTerm: the 巡察办 (or joint team, or higher 党委) accepts the item (销号) or
   * returns it with reasons; a 长期坚持 item not yet closed goes on reporting.
   */
  public void acceptItem(DelegateTask task) {
    long id = itemOf(task);
    boolean closed = requireDecision(task, "verified", "verifyComment", "rectification.verification", "不予销号");
    String grade = text(task.getVariable("verifyGrade"));
    if (!grade.isEmpty()) {
      FormValues.option(grade, "验收评价", List.of("好", "较好", "一般", "差"));
    }
    String by = reviewBody(text(task.getVariable("orgId")), text(task.getVariable("source")))
        + (grade.isEmpty() ? "" : "，评价" + grade) + "）";
    if (closed) {
      items.close(id);
      items.event(id, Rectification.EVENT_CLOSED, task.getAssignee(), Rectification.ACCEPTANCE_RECORD + by + "："
          + text(task.getVariable("verifyComment")));
    } else if (items.item(id).orElseThrow().isLongTerm()) {
      items.markStatus(id, Rectification.ONGOING);
      items.event(id, Rectification.EVENT_RETURNED, task.getAssignee(), Rectification.KEEP_ON_RECORD + "（" + by + "："
          + text(task.getVariable("verifyComment")));
    } else {
      returned(task, id, "验收未通过：" + text(task.getVariable("verifyComment")) + "（" + by);
    }
  }

  /** Start of a 长期坚持 item: it stays open and reports periodically. */
  public void startLongTerm(DelegateExecution execution) {
    items.markStatus(itemId(execution), Rectification.ONGOING);
  }

  /** Task_LongTermReport: each period's report; applying for evaluation needs no evidence upload. */
  public void reportLongTerm(DelegateTask task) {
    long id = itemOf(task);
    String progress = FormText.limited("落实情况", text(task.getVariable("progress")));
    if (progress.isEmpty()) {
      throw new RuleViolation("rectification.progress", "请填写本期长期坚持事项的落实情况");
    }
    boolean close = Boolean.TRUE.equals(bool(task.getVariable("readyForVerification")));
    task.setVariable("readyForVerification", close);
    items.progress(id, close ? Rectification.AWAITING_VERIFICATION : Rectification.ONGOING, progress);
    items.event(id, Rectification.EVENT_PROGRESS, task.getAssignee(), (close ? "申请评估销号：" : "定期报告：") + progress);
  }

  /**
   * Create listener on Task_Supervise and Task_Escalate: a copy of the item id on the task itself, so a submission
   * naming another item lands on the task and not on the item's execution, and is refused on completion.
   */
  public void ladderTaskCreated(DelegateTask task) {
    task.setVariableLocal("itemId", itemId(task));
  }

  /** Task_Supervise (督办): what was done is kept in the item's history. */
  public void supervise(DelegateTask task) {
    String note = FormText.limited("督办情况", text(task.getVariable("superviseNote")));
    if (note.isEmpty()) {
      throw new RuleViolation("rectification.supervision", "请填写督办情况（督办方式、责任人反馈、新的报告时间）");
    }
    items.event(itemOf(task), Rectification.EVENT_SUPERVISED, task.getAssignee(), note);
  }

  /** Task_Escalate (约谈/问责). */
  public void escalate(DelegateTask task) {
    String action = text(task.getVariable("accountabilityAction"));
    if (!action.isEmpty()) {
      FormValues.option(action, "处理方式", Rectification.ACCOUNTABILITY_ACTIONS);
    }
    String note = FormText.limited("处理理由", text(task.getVariable("accountabilityNote")));
    if (action.isEmpty() || note.isEmpty()) {
      throw new RuleViolation("rectification.accountability", "请选择处理方式（约谈、通报、问责或不予追究）并写明理由");
    }
    items.event(itemOf(task), Rectification.EVENT_ACCOUNTABILITY, task.getAssignee(), action + "：" + note);
  }

  // ---- the 专题民主生活会, the report and its disclosure ---------------------------------------------------------

  /** Task_RecordLifeMeeting: the 专题民主生活会 on the 巡察 feedback, held on a real day after the feedback. */
  public void recordLifeMeeting(DelegateTask task) {
    LocalDate day = FormValues.doneOn(task.getVariable("lifeMeetingDate"), "专题民主生活会召开日期",
        date(task.getVariable("feedbackDate")), "反馈日期");
    FormText.limited("会议情况", text(task.getVariable("lifeMeetingNote")));
    task.setVariable("lifeMeetingDate", day.toString());
  }

  /** ServiceTask_CompileReport: the 整改情况报告's figures, from the items' state as of today. */
  public void compileReport(DelegateExecution execution) {
    long caseId = ((Number) execution.getVariable("caseId")).longValue();
    LocalDate today = ChinaClock.today();
    int done = 0;
    int inProgress = 0;
    int overdue = 0;
    int longTerm = 0;
    StringBuilder lines = new StringBuilder();
    for (RectificationItem item : items.items(caseId)) {
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
    cases.status(execution.getProcessInstanceId(), "报告编制");
  }

  /** Task_DraftReport: the report, and for a 巡察 the 主要负责人's 组织落实情况报告 beside it. */
  public void draftReport(DelegateTask task) {
    RectificationRules.report(text(task.getVariable("source")), task.getVariable("reportText"),
        task.getVariable("leaderReportText"));
  }

  public void approveReport(DelegateTask task) {
    requireDecision(task, "reportApproved", "reportReturnReason", "rectification.report.approval", "退回整改情况报告");
  }

  /**
   * Task_RecordDisclosure: what was published where; anything withheld needs its reason and the recorded consent
   * of the 巡察领导小组 (or higher 党委).
   */
  public void recordDisclosure(DelegateTask task) {
    if (text(task.getVariable("disclosedContent")).isEmpty() || text(task.getVariable("disclosureChannel")).isEmpty()
        || text(task.getVariable("disclosureDate")).isEmpty()) {
      throw new RuleViolation("rectification.disclosure", "请填写公开的内容、公开渠道和公开日期");
    }
    FormValues.option(task.getVariable("disclosureChannel"), "公开渠道", Rectification.DISCLOSURE_CHANNELS);
    LocalDate feedbackDate = date(task.getVariable("feedbackDate"));
    LocalDate submitted = FormValues.doneOn(task.getVariable("reportSubmittedDate"), "报告报送日期", feedbackDate,
        "反馈日期");
    FormValues.doneOn(task.getVariable("disclosureDate"), "公开日期", submitted, "报告报送日期");
    RectificationRules.withholding(text(task.getVariable("source")), task.getVariable("withheldContent"),
        task.getVariable("withheldReason"), task.getVariable("withheldConsentBy"),
        task.getVariable("withheldConsentDate"), feedbackDate);
    cases.status(task.getProcessInstanceId(), "已公开");
  }

  public void completeCase(DelegateExecution execution) {
    cases.status(execution.getProcessInstanceId(), "已完成");
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private void returned(DelegateTask task, long id, String detail) {
    task.setVariable(RETURN_REASON, detail);
    // Back with the 责任人, the item is no longer applied for 销号 until they say so again.
    task.setVariable("readyForVerification", false);
    items.markStatus(id, Rectification.RETURNED);
    items.event(id, Rectification.EVENT_RETURNED, task.getAssignee(), detail);
  }

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

  private static Map<Integer, String> problems(VariableScope scope) {
    Map<Integer, String> problems = new LinkedHashMap<>();
    for (Map<String, Object> p : rows(scope.getVariable("problems"), "问题清单")) {
      problems.put(RectificationRules.number(p.get("no"), 0), text(p.get("problem")));
    }
    return problems;
  }

  private static long caseId(VariableScope scope) {
    return ((Number) scope.getVariable("caseId")).longValue();
  }

  /**
   * The item a task works on. The id travels as a process variable a form could overwrite, so it must name an item
   * of this case, and for the item's own tasks the item whose open task this is.
   */
  private long itemOf(DelegateTask task) {
    Object raw = task.getVariable("itemId");
    long id = raw instanceof Number n ? n.longValue() : RectificationRules.number(raw, -1);
    Map<String, Object> item = items.ownership(id).orElse(null);
    if (item == null || !task.getProcessInstanceId().equals(item.get("process_instance_id"))) {
      throw new RuleViolation("rectification.item", "整改事项“" + text(raw) + "”不是本案件的整改事项，请从待办列表重新打开任务");
    }
    if (task.getExecution() != null && task.getExecution().getVariable("itemId") instanceof Number own
        && own.longValue() != id) {
      throw new RuleViolation("rectification.item", "本任务办理的不是整改事项“" + id + "”，请从待办列表重新打开任务");
    }
    Object current = item.get("current_task_id");
    if (current != null && task.getTaskDefinitionKey() != null
        && Rectification.ITEM_TASKS.contains(task.getTaskDefinitionKey()) && !task.getId().equals(current)) {
      throw new RuleViolation("rectification.item", "本任务办理的不是整改事项“" + id + "”，请从待办列表重新打开任务");
    }
    return id;
  }

  static long itemId(VariableScope scope) {
    return ((Number) scope.getVariable("itemId")).longValue();
  }

  private static Map<String, Object> option(String label, String value) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("label", label);
    option.put("value", value);
    return option;
  }

  private static String abbreviated(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
