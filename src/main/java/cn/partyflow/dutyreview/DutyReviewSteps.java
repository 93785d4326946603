package cn.partyflow.dutyreview;

import static cn.partyflow.shared.StepVariables.json;
import static cn.partyflow.shared.StepVariables.text;
import static cn.partyflow.shared.StepVariables.user;

import cn.partyflow.dutyreview.DutyReviewRules.Rating;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The glue of process {@code dutyReview}: each method implements one activity or task listener of {@link
 * DutyReview}, reads the form through {@link FormInput}, calls {@link DutyReviewService} (whose rules are {@link
 * DutyReviewRules}') and writes the result.
 */
@Component("dutyReviewSteps")
public class DutyReviewSteps {

  static final int MAX_REPORT = FormText.ENGINE_MAX_LENGTH;
  static final int MAX_COMMENT = 2000;

  private final DutyReviewService service;

  DutyReviewSteps(DutyReviewService service) {
    this.service = service;
  }

  /** StartEvent_ReviewStarted: the 党委, the year and the secretaries who report; one case per 党委 and year. */
  public void started(DelegateExecution execution) {
    execution.setVariables(service.admitStart(text(execution, DutyReview.ORG_ID), year(execution),
        reporters(execution), execution.getProcessInstanceId(), user(execution)));
    execution.setVariable(DutyReview.GRADE_OPTIONS, options(grades()));
  }

  /** The collection of the multi-instance tasks: one per reporting secretary. */
  public List<String> reporters(VariableScope scope) {
    String ids = text(scope, DutyReview.REPORTER_IDS);
    return ids == null || ids.isBlank() ? List.of() : Arrays.asList(ids.split(","));
  }

  /** Start of each secretary's task: the secretary's name, organization, data report and last year's problems. */
  public void prepareReporter(DelegateExecution execution) {
    service.reporterVariables(execution.getProcessInstanceId(), text(execution, DutyReview.REPORTER_ID),
        year(execution)).forEach(execution::setVariableLocal);
  }

  /** Completing Task_SubmitReport: the written report, by the secretary who reports. */
  public void submitReport(DelegateTask task) {
    String report = FormInput.text(task.getVariable(DutyReview.REPORT_TEXT), "述职报告", MAX_REPORT);
    if (report == null) {
      throw new RuleViolation("dutyReview.report", "请填写述职报告");
    }
    service.submitReport(task.getProcessInstanceId(), text(task, DutyReview.REPORTER_ID), user(task), report);
  }

  /** Creating Task_RecordMeeting: the people who may attend and rate, by name. */
  public void offerPeople(DelegateTask task) {
    task.setVariableLocal(DutyReview.PEOPLE_OPTIONS, options(service.peopleOptions(text(task, DutyReview.ORG_ID))));
  }

  /** Completing Task_RecordMeeting (现场述职): date, attendees, raters. */
  public void recordMeeting(DelegateTask task) {
    LocalDate date = FormInput.requiredDate(task.getVariable(DutyReview.MEETING_DATE), "述职评议会日期");
    service.recordMeeting(task.getProcessInstanceId(), text(task, DutyReview.ORG_ID), year(task), date,
        FormInput.ids(task.getVariable(DutyReview.ATTENDEES), "出席人员"),
        FormInput.ids(task.getVariable(DutyReview.RATERS), "参加测评人员"), user(task));
  }

  /** The collection of the ballot: one task per rater chosen at the meeting. */
  public List<String> raters(DelegateExecution execution) {
    return service.raters(execution.getProcessInstanceId());
  }

  /** Start of each rater's Task_CastBallot: the rater's name and login, a ballot row per secretary but the rater. */
  public void prepareBallot(DelegateExecution execution) {
    service.raterVariables(execution.getProcessInstanceId(), text(execution, DutyReview.RATER_ID))
        .forEach((name, value) -> execution.setVariableLocal(name, value instanceof List<?> ? json(value) : value));
  }

  /** Completing Task_CastBallot: the rater's own grade for each secretary reporting. */
  public void castBallot(DelegateTask task) {
    String rater = text(task, DutyReview.RATER_ID);
    List<String> prepared = service.raterBallotOrder(task.getProcessInstanceId(), rater);
    List<Map.Entry<String, String>> ballot = new ArrayList<>();
    List<Map<String, Object>> rows = FormInput.rows(task.getVariable(DutyReview.BALLOT), "测评票");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      // Rows keep the order they were prepared in; form-js may drop the secretary's id it does not show.
      String reporter = row.get("reporterId") != null ? row.get("reporterId").toString()
          : i < prepared.size() ? prepared.get(i) : "";
      Object grade = row.get("grade");
      if (grade != null && !grade.toString().isBlank()) {
        ballot.add(new AbstractMap.SimpleImmutableEntry<>(reporter, grade.toString()));
      }
    }
    service.castBallot(task.getProcessInstanceId(), rater, user(task), ballot);
  }

  /** Creating Task_ReviewSecretary: the votes the raters cast for this secretary, read-only; no problems yet. */
  public void prepareTally(DelegateTask task) {
    // On the secretary's own execution of the multi-instance, so the parallel reviews keep theirs.
    if (service.ballotHeld(task.getProcessInstanceId())) {
      task.getExecution().setVariableLocal(DutyReview.TALLY, service.tally(task.getProcessInstanceId(),
          text(task, DutyReview.REPORTER_ID)));
    }
    task.getExecution().setVariableLocal(DutyReview.PROBLEMS, json(List.of()));
  }

  /**
   * Completing Task_ReviewSecretary: the 点评 and the problems; the overall grade computed from the raters' ballots.
   * A case whose meeting was recorded before the ballot existed (moved to this version at this task) keeps the
   * vote lines its 组织部门 typed in.
   */
  public void review(DelegateTask task) {
    String comment = FormInput.text(task.getVariable(DutyReview.COMMENT), "点评意见", MAX_COMMENT);
    if (comment == null) {
      throw new RuleViolation("dutyReview.comment", "请填写上级党委对该书记的点评意见");
    }
    List<DutyReviewStore.Problem> problems = problems(task);
    String pi = task.getProcessInstanceId();
    String reporter = text(task, DutyReview.REPORTER_ID);
    Rating rating = service.ballotHeld(pi)
        ? service.reviewAfterBallot(pi, reporter, comment, problems, user(task))
        : service.review(pi, reporter, comment, voteLines(task), problems, user(task));
    task.setVariableLocal("overallGrade", rating.overall());
  }

  private Map<String, String> voteLines(DelegateTask task) {
    List<String> raters = service.raters(task.getProcessInstanceId()).stream()
        .filter(r -> !r.equals(text(task, DutyReview.REPORTER_ID))).toList();
    Map<String, String> votes = new LinkedHashMap<>();
    List<Map<String, Object>> rows = FormInput.rows(task.getVariable(DutyReview.VOTES), "测评票");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      // Rows keep the order they were prepared in; form-js may drop the rater id it does not show.
      String rater = row.get("raterId") != null ? row.get("raterId").toString()
          : i < raters.size() ? raters.get(i) : "";
      Object grade = row.get("grade");
      if (grade == null || grade.toString().isBlank()) {
        throw new RuleViolation("dutyReview.vote.missing", "请填写" + service.name(rater) + "的测评等次");
      }
      if (votes.put(rater, grade.toString()) != null) {
        throw new RuleViolation("dutyReview.vote.twice", service.name(rater) + "投了两票，每人一票");
      }
    }
    return votes;
  }

  private static List<DutyReviewStore.Problem> problems(DelegateTask task) {
    List<DutyReviewStore.Problem> problems = new ArrayList<>();
    for (Map<String, Object> row : FormInput.rows(task.getVariable(DutyReview.PROBLEMS), "查摆的问题")) {
      String problem = FormInput.text(row.get("problem"), "问题表现", 2000);
      if (problem == null) {
        throw new RuleViolation("dutyReview.problem", "查摆的问题第" + (problems.size() + 1) + "行请填写问题表现");
      }
      problems.add(new DutyReviewStore.Problem(problems.size() + 1, problem,
          FormInput.text(row.get("clause"), "对应的点评要点", 500)));
    }
    return problems;
  }

  /** Task_HandOverProblems: each secretary's problems become a rectification case of source 述职评议. */
  public void handOver(DelegateExecution execution) {
    service.handOver(execution.getProcessInstanceId(), year(execution));
  }

  private List<String> grades() {
    return service.settings().grades();
  }

  private static Object options(List<String> values) {
    return json(values.stream().map(v -> Map.of("label", v, "value", v)).toList());
  }

  private static Object options(Map<String, String> idToName) {
    List<Map<String, String>> options = new ArrayList<>();
    idToName.forEach((id, label) -> options.add(Map.of("label", label, "value", id)));
    return json(options);
  }

  private static int year(VariableScope scope) {
    Integer year = FormInput.integer(scope.getVariable(DutyReview.YEAR), "年度");
    if (year == null) {
      throw new RuleViolation("dutyReview.year", "请选择述职评议的年度");
    }
    return year;
  }
}
