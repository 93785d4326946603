package cn.partyflow.organizationallife;

import static cn.partyflow.shared.StepVariables.text;
import static cn.partyflow.shared.StepVariables.user;

import cn.partyflow.organizationallife.OrganizationalLifeRules.PlannedMeeting;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The glue of process {@code organizationalLife}: each method implements one activity or task listener of
 * {@link OrganizationalLife}, reads what it needs, calls the service and the rules, and writes the result.
 */
@Component("organizationalLifeSteps")
public class OrganizationalLifeSteps {

  static final Map<String, String> REVIEW_RESULTS = Map.of("GOOD", "符合要求", "IMPROVE", "需要改进");
  private static final int MAX_NOTE = 1000;

  private final OrganizationalLifeService service;

  OrganizationalLifeSteps(OrganizationalLifeService service) {
    this.service = service;
  }

  /** StartEvent_YearStarted: the branch's year is claimed for this case; a second case of the year is refused. */
  public void started(DelegateExecution execution) {
    BranchYearStart.admit(execution, service::admitStart, OrganizationalLife::businessKey);
  }

  /** Task_PlanYear (制定年度组织生活计划): the plan from the settings, and the days its periods end. */
  public void plan(DelegateExecution execution) {
    List<String> ends = service.plan(branch(execution), year(execution));
    execution.setVariable(OrganizationalLife.PERIOD_ENDS, String.join(",", ends));
  }

  /** The collection of SubProcess_PeriodCheck: one check per day on which periods end. */
  public List<String> periodEnds(DelegateExecution execution) {
    String ends = text(execution, OrganizationalLife.PERIOD_ENDS);
    return ends == null || ends.isBlank() ? List.of() : Arrays.asList(ends.split(","));
  }

  /**
   * Task_CheckPeriod, on the first working day after the periods end: what they miss (kept in the check's own
   * scope, beside its period end), whether the day ends a quarter, and an email to the 书记 when something is
   * missing.
   */
  public void checkPeriod(DelegateExecution execution) {
    LocalDate end = periodEnd(execution);
    List<PlannedMeeting> missing = service.missing(branch(execution), year(execution), end);
    String text = OrganizationalLifeRules.describe(missing);
    execution.setVariableLocal(OrganizationalLife.MISSING, text);
    execution.setVariableLocal(OrganizationalLife.HAS_MISSING, !missing.isEmpty());
    execution.setVariableLocal(OrganizationalLife.STILL_MISSING, !missing.isEmpty());
    execution.setVariableLocal(OrganizationalLife.PERIOD_LABEL, end.getYear() + "年" + end.getMonthValue() + "月");
    boolean quarterEnd = end.getMonthValue() % 3 == 0 && end.equals(YearMonth.from(end).atEndOfMonth());
    int quarter = quarterEnd ? end.getMonthValue() / 3 : 0;
    execution.setVariableLocal(OrganizationalLife.QUARTER, quarter);
    execution.setVariableLocal("quarterLabel", quarter == 0 ? "" : Period.quarter(end.getYear(), quarter).label());
    if (!missing.isEmpty()) {
      service.notifySecretary(branch(execution), text(execution, OrganizationalLife.BRANCH_NAME), text);
    }
  }

  /** Task_CheckStillMissing, when the 督办 falls due: meetings held and recorded since the reminder count. */
  public void checkStillMissing(DelegateExecution execution) {
    List<PlannedMeeting> missing = service.missing(branch(execution), year(execution), periodEnd(execution));
    execution.setVariable(OrganizationalLife.STILL_MISSING, !missing.isEmpty());
    execution.setVariable(OrganizationalLife.MISSING, OrganizationalLifeRules.describe(missing));
  }

  /** Completing Task_RemindSecretary: the 书记 says what was made up, or why not. */
  public void answerReminder(DelegateTask task) {
    requireNote(task, "secretaryNote", "补开情况或未召开的原因");
  }

  /** Completing Task_Supervise: how the 党委组织部门 followed it up. */
  public void supervise(DelegateTask task) {
    requireNote(task, "superviseNote", "督办情况");
  }

  /** Creating Task_ReviewQuarter: the quarter's counts and what it missed, for the reviewer to read. */
  public void showQuarter(DelegateTask task) {
    int quarter = ((Number) task.getVariable(OrganizationalLife.QUARTER)).intValue();
    task.setVariableLocal(OrganizationalLife.QUARTER_SUMMARY,
        service.quarterSummary(branch(task), year(task), quarter));
  }

  /** Completing Task_ReviewQuarter: the result and opinion are kept with the branch's year. */
  public void reviewQuarter(DelegateTask task) {
    String result = text(task, "reviewResult");
    if (result == null || !REVIEW_RESULTS.containsKey(result)) {
      throw new RuleViolation("organizationalLife.review.result", "请选择审阅结论：符合要求或需要改进");
    }
    String opinion = requireNote(task, "reviewOpinion", "审阅意见");
    int quarter = ((Number) task.getVariable(OrganizationalLife.QUARTER)).intValue();
    service.review(branch(task), year(task), quarter, result, opinion, user(task));
  }

  /** Task_CloseYear: the year's checks are all done. */
  public void closeYear(DelegateExecution execution) {
    service.closeYear(branch(execution), year(execution));
  }

  private static String requireNote(DelegateTask task, String name, String what) {
    String note = text(task, name);
    if (note == null || note.isBlank()) {
      throw new RuleViolation("organizationalLife.note", "请填写" + what);
    }
    if (note.strip().length() > MAX_NOTE) {
      throw new RuleViolation("organizationalLife.length", what + "不能超过" + MAX_NOTE + "个字");
    }
    return note.strip();
  }

  private static LocalDate periodEnd(VariableScope scope) {
    return LocalDate.parse(text(scope, OrganizationalLife.PERIOD_END));
  }

  private static String branch(VariableScope scope) {
    return text(scope, OrganizationalLife.ORG_ID);
  }

  private static int year(VariableScope scope) {
    return ((Number) scope.getVariable(OrganizationalLife.YEAR)).intValue();
  }
}
