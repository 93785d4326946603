package cn.partyflow.leadershipmeeting;

import static cn.partyflow.shared.StepVariables.json;
import static cn.partyflow.shared.StepVariables.user;

import cn.partyflow.leadershipmeeting.LeadershipMeetingRules.Talk;
import cn.partyflow.rectification.ProblemListHandover;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The glue of process {@code leadershipMeeting}: each method implements one activity or task listener of {@link
 * LeadershipMeeting}, reads the form, applies {@link LeadershipMeetingRules} and writes through {@link
 * LeadershipMeetingService}; the problem list goes to rectification through {@link ProblemListHandover}.
 */
@Component("leadershipMeetingSteps")
public class LeadershipMeetingSteps {

  private static final int MAX_NOTE = 2000;

  private final LeadershipMeetingService service;
  private final ProblemListHandover handover;

  LeadershipMeetingSteps(LeadershipMeetingService service, ProblemListHandover handover) {
    this.service = service;
    this.handover = handover;
  }

  /** StartEvent_Started: a 党委 or 党组 with a higher level, its 班子成员, one case a year. */
  public void started(DelegateExecution execution) {
    Integer year = FormInput.integer(execution.getVariable(LeadershipMeeting.YEAR), "年度");
    if (year == null) {
      throw new RuleViolation("form.required", "请选择年度");
    }
    String org = org(execution);
    execution.setVariables(service.admitStart(org, year, execution.getProcessInstanceId(), user(execution)));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(org + ":" + year);
    }
  }

  /** Completing Task_DraftPlan: theme and plan, the meeting's day far enough ahead for the higher level. */
  public void draftPlan(DelegateTask task) {
    String theme = FormInput.requiredText(FormInput.text(task.getVariable(LeadershipMeeting.THEME), "会议主题", 200),
        "会议主题");
    FormInput.requiredText(FormInput.text(task.getVariable(LeadershipMeeting.PLAN), "会议方案", MAX_NOTE), "会议方案");
    LocalDate planned = FormInput.requiredDate(task.getVariable(LeadershipMeeting.PLANNED_DATE), "拟召开日期");
    int year = ((Number) task.getVariable(LeadershipMeeting.YEAR)).intValue();
    LeadershipMeetingRules.plan(ChinaClock.today(), planned, year, service.settings());
    service.plan(task.getProcessInstanceId(), theme, planned, user(task));
  }

  /**
   * Creating Task_ReviewPlan or Task_ReviewReport: the answer starts empty. The last round's 退回 and its reason stayed
   * in the case, so the form opened with them filled in and an agreement went on record with the old reason; the
   * reason lives on as {@link LeadershipMeeting#RETURN_REASON} and in the case's steps.
   */
  public void openReview(DelegateTask task) {
    task.removeVariable(LeadershipMeeting.DECISION);
    task.removeVariable(LeadershipMeeting.OPINION);
  }

  /** Completing Task_ReviewPlan: the higher 组织部门 agrees or returns the plan with its reason. */
  public void reviewPlan(DelegateTask task) {
    if (answer(task)) {
      service.planApproved(task.getProcessInstanceId());
    }
  }

  /** Creating Task_Prepare: one line per 班子成员 for the day the 对照检查材料 came in. */
  public void listMaterials(DelegateTask task) {
    task.setVariable(LeadershipMeeting.MATERIALS, json(memberRows(task)));
  }

  /** Completing Task_Prepare: opinions solicited, every pair of members talked, every member's material in. */
  public void prepare(DelegateTask task) {
    String sources = FormInput.requiredText(FormInput.text(task.getVariable(LeadershipMeeting.OPINION_SOURCES),
        "征求意见的范围", 1000), "征求意见的范围");
    Integer count = FormInput.integer(task.getVariable(LeadershipMeeting.OPINION_COUNT), "征求到的意见条数", 0, 100000);
    if (count == null) {
      throw new RuleViolation("form.required", "请填写征求到的意见条数");
    }
    String summary = FormInput.requiredText(FormInput.text(task.getVariable(LeadershipMeeting.OPINION_SUMMARY),
        "意见汇总", MAX_NOTE), "意见汇总");
    Map<String, String> members = service.members(task.getProcessInstanceId());
    LocalDate today = ChinaClock.today();
    List<Talk> talks = new ArrayList<>();
    for (Map<String, Object> row : rows(task, LeadershipMeeting.TALKS, "谈心谈话")) {
      talks.add(new Talk(text(row.get("first")), text(row.get("second")),
          FormInput.date(row.get("talkDate"), "谈话日期")));
    }
    LeadershipMeetingRules.talks(members, talks, today);
    Map<String, LocalDate> materials = perMember(members, rows(task, LeadershipMeeting.MATERIALS, "对照检查材料"),
        row -> FormInput.date(row.get("submittedOn"), "对照检查材料提交日期"));
    LeadershipMeetingRules.materials(members, materials, today);
    service.preparation(task.getProcessInstanceId(), sources, count, summary, talks, materials, user(task));
  }

  /** Creating Task_HoldMeeting: one line per 班子成员 for the criticism and self-criticism. */
  public void listCriticism(DelegateTask task) {
    task.setVariable(LeadershipMeeting.CRITICISM, json(memberRows(task)));
  }

  /**
   * Completing Task_HoldMeeting: on or after the approved planned day, two thirds present, the observer, each present
   * member's self-criticism, problems.
   */
  public void holdMeeting(DelegateTask task) {
    String pi = task.getProcessInstanceId();
    LocalDate today = ChinaClock.today();
    LocalDate date = FormInput.requiredDate(task.getVariable(LeadershipMeeting.MEETING_DATE), "会议日期");
    service.pendingDateChange(pi).ifPresent(p -> {
      throw new RuleViolation("leadershipMeeting.meeting.dateChangePending", "已申请改到" + p.newDate()
          + "召开，上级党组织尚未答复：请待上级答复改期申请后再登记会议");
    });
    LeadershipMeetingRules.meetingDate(date, service.planApprovedOn(pi), service.plannedDate(pi), today);
    Map<String, String> members = service.members(pi);
    List<String> present = FormInput.ids(FormInput.listVariable(task, LeadershipMeeting.PRESENT_MEMBERS), "到会班子成员");
    for (String id : present) {
      if (!members.containsKey(id)) {
        throw new RuleViolation("leadershipMeeting.attendance.member", "到会人员中有不是本班子成员的人");
      }
    }
    List<String> distinct = present.stream().distinct().toList();
    LeadershipMeetingRules.attendance(members.size(), distinct.size());
    String absence = FormInput.text(task.getVariable(LeadershipMeeting.ABSENCE_REASONS), "缺席原因", 1000);
    if (distinct.size() < members.size() && absence == null) {
      throw new RuleViolation("leadershipMeeting.absence.reason", "有班子成员未到会，请写明缺席人员和原因");
    }
    String observer = FormInput.requiredText(FormInput.text(task.getVariable(LeadershipMeeting.OBSERVER),
        "上级督导人员", 200), "上级督导人员");
    Map<String, String[]> criticism = perMember(members, rows(task, LeadershipMeeting.CRITICISM, "批评和自我批评"),
        row -> new String[] {FormInput.text(row.get("selfCriticism"), "自我批评", MAX_NOTE),
            FormInput.text(row.get("criticismReceived"), "相互批评意见", MAX_NOTE)});
    List<String> silent = distinct.stream().filter(id -> criticism.get(id) == null || criticism.get(id)[0] == null)
        .map(members::get).toList();
    if (!silent.isEmpty()) {
      throw new RuleViolation("leadershipMeeting.criticism.missing", "到会的班子成员都要作自我批评，其他成员对其提出批评意见："
          + String.join("、", silent) + "的自我批评未登记");
    }
    List<LeadershipMeetingStore.Problem> problems = new ArrayList<>();
    for (Map<String, Object> row : rows(task, LeadershipMeeting.PROBLEMS, "查摆问题")) {
      String problem = FormInput.text(row.get("problem"), "问题", MAX_NOTE);
      if (problem != null) {
        problems.add(new LeadershipMeetingStore.Problem(problems.size() + 1, problem,
            FormInput.text(row.get("clause"), "对应的意见或批评", 400)));
      }
    }
    if (problems.isEmpty()) {
      throw new RuleViolation("leadershipMeeting.problems", "请登记会议查摆出的问题清单（至少1条），会后据此制定整改措施");
    }
    Map<String, Boolean> attendance = new LinkedHashMap<>();
    members.keySet().forEach(id -> attendance.put(id, distinct.contains(id)));
    task.setVariable(LeadershipMeeting.ATTENDANCE_TEXT, "应到" + members.size() + "人，实到" + distinct.size() + "人："
        + String.join("、", distinct.stream().map(members::get).toList()));
    LocalDate due = LeadershipMeetingRules.reportDue(date, service.settings());
    task.setVariable(LeadershipMeeting.REPORT_DUE, due.toString());
    task.setVariable(LeadershipMeeting.REPORT_DUE_AT, java.util.Date.from(due.atTime(23, 59, 59)
        .atZone(ChinaClock.ZONE).toInstant()));
    service.meeting(pi, date, members.size(), distinct.size(), observer, absence, attendance, criticism, problems,
        user(task));
  }

  /** Creating Task_ReviewDateChange: the answer starts empty, not with the last request's. */
  public void openDateChange(DelegateTask task) {
    task.removeVariable(LeadershipMeeting.DATE_CHANGE_DECISION);
    task.removeVariable(LeadershipMeeting.DATE_CHANGE_OPINION);
  }

  /**
   * Completing Task_ReviewDateChange: the higher 组织部门 (the reviewer of the plan) approves the new day, which then
   * bounds the meeting instead of the planned one, or refuses with its reason and the approved day stays.
   */
  public void reviewDateChange(DelegateTask task) {
    reviewer(task);
    String decision = text(task.getVariable(LeadershipMeeting.DATE_CHANGE_DECISION));
    if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision)) {
      throw new RuleViolation("leadershipMeeting.dateChange.decision", "请选择审批意见：同意改期或不同意");
    }
    boolean approved = "APPROVE".equals(decision);
    String opinion = FormInput.text(task.getVariable(LeadershipMeeting.DATE_CHANGE_OPINION), "审批说明", 1000);
    if (!approved && opinion == null) {
      throw new RuleViolation("leadershipMeeting.dateChange.opinion", "不同意改期时请写明理由");
    }
    LocalDate from = FormInput.requiredDate(task.getVariable(LeadershipMeeting.DATE_CHANGE_FROM), "原拟召开日期");
    LocalDate to = FormInput.requiredDate(task.getVariable(LeadershipMeeting.DATE_CHANGE_TO), "改期后的召开日期");
    LocalDate today = ChinaClock.today();
    if (approved && to.isBefore(today)) {
      throw new RuleViolation("leadershipMeeting.dateChange.past", "申请改到的召开日期" + to + "已过（今天是" + today
          + "），不能再同意；请选择不同意，由" + text(task.getVariable(LeadershipMeeting.ORG_NAME)) + "重新申请");
    }
    Object id = task.getVariable(LeadershipMeeting.DATE_CHANGE_ID);
    service.dateChangeDecided(task.getProcessInstanceId(), ((Number) id).longValue(), from, to, approved, opinion,
        user(task));
  }

  /**
   * Only a candidate of the review (the higher level's 组织部门, or whom routing sent it to) answers it; the engine's
   * own check of who may complete a task is not the only one.
   */
  private static void reviewer(DelegateTask task) {
    String user = user(task);
    if (user == null) {
      return;
    }
    Set<String> groups = new HashSet<>();
    task.getProcessEngineServices().getIdentityService().createGroupQuery().groupMember(user).list()
        .forEach(g -> groups.add(g.getId()));
    boolean candidate = task.getCandidates().stream()
        .anyMatch(l -> l.getGroupId() != null && groups.contains(l.getGroupId()));
    if (!candidate) {
      throw new RuleViolation("leadershipMeeting.dateChange.reviewer", "提前或推迟召开须经上级党组织批准：改期申请由"
          + text(task.getVariable(LeadershipMeeting.HIGHER_ORG_NAME)) + "的组织部门审批，您不是审批人");
    }
  }

  /** Completing Task_ReportUpward: the report within its days after the meeting, or the reason for the delay. */
  public void report(DelegateTask task) {
    String text = FormInput.requiredText(FormInput.text(task.getVariable(LeadershipMeeting.REPORT_TEXT), "情况报告",
        MAX_NOTE), "情况报告");
    LocalDate date = FormInput.requiredDate(task.getVariable(LeadershipMeeting.REPORT_DATE), "报送日期");
    LocalDate meeting = FormInput.requiredDate(task.getVariable(LeadershipMeeting.MEETING_DATE), "会议日期");
    LeadershipMeetingRules.report(meeting, date, FormInput.text(task.getVariable(
        LeadershipMeeting.REPORT_DELAY_REASON), "超期原因", 1000), ChinaClock.today(), service.settings());
    service.report(task.getProcessInstanceId(), date, text, user(task));
  }

  /** Completing Task_ReviewReport: the higher 组织部门 accepts the report or returns it with its reason. */
  public void reviewReport(DelegateTask task) {
    if (answer(task)) {
      service.reportApproved(task.getProcessInstanceId());
    }
  }

  /** Task_HandOverProblems: the meeting's problem list starts a rectification case of source 民主生活会. */
  public void handOver(DelegateExecution execution) {
    List<ProblemListHandover.Problem> problems = new ArrayList<>();
    for (Map<String, Object> row : rows(execution, LeadershipMeeting.PROBLEMS, "查摆问题")) {
      String problem = FormInput.text(row.get("problem"));
      if (!problem.isEmpty()) {
        problems.add(new ProblemListHandover.Problem(FormInput.text(row.get("clause")), problem));
      }
    }
    String rectification = handover.start(org(execution), Rectification.LEADERSHIP_LIFE_MEETING,
        FormInput.requiredDate(execution.getVariable(LeadershipMeeting.MEETING_DATE), "会议日期"),
        text(execution.getVariable(LeadershipMeeting.MEETING_NAME)), problems);
    execution.setVariable(LeadershipMeeting.RECTIFICATION_CASE, rectification);
    service.handedOver(execution.getProcessInstanceId(), rectification);
  }

  private boolean answer(DelegateTask task) {
    String decision = text(task.getVariable(LeadershipMeeting.DECISION));
    if (!"APPROVE".equals(decision) && !"RETURN".equals(decision)) {
      throw new RuleViolation("leadershipMeeting.decision", "请选择审核意见：同意或退回");
    }
    boolean approved = "APPROVE".equals(decision);
    String opinion = FormInput.text(task.getVariable(LeadershipMeeting.OPINION), "审核意见", 1000);
    if (!approved && opinion == null) {
      throw new RuleViolation("leadershipMeeting.opinion", "退回时请写明理由");
    }
    task.setVariable(LeadershipMeeting.APPROVED, approved);
    task.setVariable(LeadershipMeeting.RETURN_REASON, approved ? "" : opinion);
    service.log(task.getProcessInstanceId(), user(task), task.getName() + "：" + (approved ? "同意" : "退回")
        + (opinion == null ? "" : "，" + opinion));
    return approved;
  }

  /** The rows prepared per member come back in the same order; form-js may drop the person id it does not show. */
  private static <T> Map<String, T> perMember(Map<String, String> members, List<Map<String, Object>> rows,
      java.util.function.Function<Map<String, Object>, T> read) {
    List<String> ids = new ArrayList<>(members.keySet());
    Map<String, T> out = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String id = row.get("personId") != null ? row.get("personId").toString() : i < ids.size() ? ids.get(i) : null;
      if (id == null || !members.containsKey(id)) {
        throw new RuleViolation("leadershipMeeting.member.row", "表中有本班子成员以外的人员，请按列出的班子成员填写");
      }
      T value = read.apply(row);
      if (value != null) {
        out.put(id, value);
      }
    }
    return out;
  }

  private List<Map<String, Object>> memberRows(DelegateTask task) {
    List<Map<String, Object>> rows = new ArrayList<>();
    service.members(task.getProcessInstanceId()).forEach((id, name) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("personId", id);
      row.put("name", name);
      rows.add(row);
    });
    return rows;
  }

  private static List<Map<String, Object>> rows(VariableScope scope, String name, String label) {
    return FormInput.rows(FormInput.listVariable(scope, name), label);
  }

  private static String org(VariableScope scope) {
    return text(scope.getVariable(LeadershipMeeting.ORG_ID));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
