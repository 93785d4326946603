package cn.partyflow.reelection;

import static cn.partyflow.shared.StepVariables.json;
import static cn.partyflow.shared.StepVariables.text;
import static cn.partyflow.shared.StepVariables.user;

import cn.partyflow.reelection.ReElectionRules.Outcome;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
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
 * The glue of process {@code reElection}: each method implements one activity or task listener of {@link
 * ReElection}, reads the form, calls {@link ReElectionService} and {@link ReElectionRules}, and writes the result.
 */
@Component("reElectionSteps")
public class ReElectionSteps {

  static final Map<String, String> OFFICES = officeFields();
  private static final int MAX_NOTE = 1000;

  private final ReElectionService service;

  ReElectionSteps(ReElectionService service) {
    this.service = service;
  }

  /** StartEvent_Requested (请示): the organization, the type, the term; one open case per organization. */
  public void started(DelegateExecution execution) {
    RequestType type = RequestType.parse(text(execution, ReElection.REQUEST_TYPE)).orElseThrow(() ->
        new RuleViolation("reElection.type", "请选择请示事项：换届选举、延期换届或提前换届"));
    String reason = note(execution, ReElection.REASON, "请示的理由");
    LocalDate newEnd = type == RequestType.ELECTION ? null : date(execution, ReElection.NEW_TERM_END, "新的换届日期");
    execution.setVariables(service.admitStart(text(execution, ReElection.ORG_ID), type, reason, newEnd,
        execution.getProcessInstanceId(), user(execution)));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(text(execution, ReElection.ORG_ID));
    }
  }

  /**
   * Completing a task of the higher 党委 (Task_ReplyRequest, Task_ApproveTermChange, Task_ReviewCandidates,
   * Task_ApproveResult): approved or not, an opinion always on a refusal; who approved is kept for the record.
   */
  public void answer(DelegateTask task) {
    String decision = text(task, ReElection.DECISION);
    if (!"APPROVE".equals(decision) && !"REFUSE".equals(decision) && !"RETURN".equals(decision)) {
      throw new RuleViolation("reElection.decision", "请选择批复意见：同意或不同意（退回）");
    }
    boolean approved = "APPROVE".equals(decision);
    String opinion = text(task, ReElection.OPINION);
    if (!approved && (opinion == null || opinion.isBlank())) {
      throw new RuleViolation("reElection.opinion", "不同意或退回时请写明理由");
    }
    if (opinion != null && opinion.strip().length() > MAX_NOTE) {
      throw new RuleViolation("reElection.length", "批复意见不能超过" + MAX_NOTE + "个字");
    }
    task.setVariable(ReElection.APPROVED, approved);
    if (approved) {
      task.setVariable("approvedBy", user(task));
    }
    service.log(task.getProcessInstanceId(), user(task), task.getName() + "：" + (approved ? "同意" : "不同意")
        + (opinion == null || opinion.isBlank() ? "" : "，" + opinion.strip()));
  }

  /** Task_ChangeTerm: the approved postponement or advance becomes the term's end. */
  public void changeTerm(DelegateExecution execution) {
    RequestType type = RequestType.valueOf(text(execution, ReElection.REQUEST_TYPE));
    service.changeTerm(execution.getProcessInstanceId(), org(execution), type,
        date(execution, ReElection.NEW_TERM_END, "新的换届日期"), text(execution, ReElection.REASON),
        text(execution, "approvedBy"));
  }

  /** The end events that close a case without an election: the outcome is kept with the case. */
  public void closed(DelegateExecution execution, String outcome) {
    service.close(execution.getProcessInstanceId(), outcome);
  }

  /** Completing Task_NominateCandidates: seats and candidates checked (eligible, 差额), the first round prepared. */
  public void nominate(DelegateTask task) {
    Integer seats = FormInput.integer(task.getVariable(ReElection.SEATS), "应选委员名额");
    if (seats == null) {
      throw new RuleViolation("reElection.seats", "请填写应选委员名额");
    }
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> row : FormInput.rows(task.getVariable(ReElection.CANDIDATES), "候选人")) {
      Object id = row.get("personId");
      if (id == null || id.toString().isBlank()) {
        throw new RuleViolation("reElection.candidate", "每一行请选择候选人");
      }
      if (ids.contains(id.toString())) {
        throw new RuleViolation("reElection.candidate.twice", "候选人" + service.name(id.toString()) + "列了两次");
      }
      ids.add(id.toString());
    }
    Map<String, String> names = service.checkCandidates(org(task), seats, ids);
    task.setVariable(ReElection.CANDIDATE_TABLE, json(names.entrySet().stream()
        .map(e -> Map.of("personId", e.getKey(), "name", e.getValue())).toList()));
    task.setVariable(ReElection.ROUND, 1);
    task.setVariable(ReElection.ROUND_SEATS, seats);
    task.setVariable("roundCandidates", String.join(",", ids));
    task.setVariable(ReElection.ELECTED, "");
  }

  /** Creating Task_HoldElection: one line per candidate of this round for the votes, the members who may vote. */
  public void prepareRound(DelegateTask task) {
    List<String> ids = list(text(task, "roundCandidates"));
    task.setVariable(ReElection.VOTES, json(ids.stream()
        .map(id -> Map.<String, Object>of("personId", id, "name", service.name(id))).toList()));
    task.setVariable(ReElection.VOTER_OPTIONS, options(service.voterOptions(org(task))));
  }

  /** Completing Task_HoldElection: quorum, votes per candidate, who is elected; the meeting is recorded. */
  public void holdElection(DelegateTask task) {
    LocalDate heldOn = date(task, ReElection.ELECTION_DATE, "选举日期");
    if (heldOn == null) {
      throw new RuleViolation("reElection.date", "请填写选举日期");
    }
    List<String> present = FormInput.ids(task.getVariable(ReElection.PRESENT_MEMBERS), "到会党员");
    Map<String, Integer> votes = new LinkedHashMap<>();
    List<String> candidates = list(text(task, "roundCandidates"));
    List<Map<String, Object>> rows = FormInput.rows(task.getVariable(ReElection.VOTES), "得票");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      // The form's rows keep the order they were prepared in; form-js may drop the person id it does not show.
      String id = row.get("personId") != null ? row.get("personId").toString()
          : i < candidates.size() ? candidates.get(i) : "";
      if (!candidates.contains(id)) {
        throw new RuleViolation("reElection.votes.candidate", "得票表中有本轮候选人以外的人员，请按本轮候选人名单填写");
      }
      Integer n = FormInput.integer(row.get("votes"), service.name(id) + "的得票数");
      if (n == null) {
        throw new RuleViolation("reElection.votes.missing", "请填写" + service.name(id) + "的得票数");
      }
      votes.put(id, n);
    }
    if (!votes.keySet().containsAll(candidates)) {
      throw new RuleViolation("reElection.votes.missing", "请填写本轮每一名候选人的得票数");
    }
    int round = ((Number) task.getVariable(ReElection.ROUND)).intValue();
    int seats = ((Number) task.getVariable(ReElection.ROUND_SEATS)).intValue();
    Outcome outcome = service.recordRound(task.getProcessInstanceId(), org(task), round, heldOn, seats, present,
        votes, user(task));
    List<String> elected = new ArrayList<>(list(text(task, ReElection.ELECTED)));
    elected.addAll(outcome.elected());
    task.setVariable(ReElection.ELECTED, String.join(",", elected));
    task.setVariable(ReElection.UNFILLED, outcome.unfilled());
    task.setVariable("roundCandidates", String.join(",", outcome.notElected()));
    task.setVariable(ReElection.RESULT_TEXT, service.describe(round, outcome, elected));
    task.setVariable(ReElection.ELECTED_OPTIONS, options(service.names(elected)));
  }

  /** Completing Task_DecideShortfall: another round for the seats left, or fewer members when enough were elected. */
  public void decideShortfall(DelegateTask task) {
    String choice = text(task, ReElection.SHORTFALL);
    if (ReElection.SECOND_ROUND.equals(choice)) {
      task.setVariable(ReElection.ROUND, ((Number) task.getVariable(ReElection.ROUND)).intValue() + 1);
      task.setVariable(ReElection.ROUND_SEATS, task.getVariable(ReElection.UNFILLED));
    } else if ("REPORT".equals(choice)) {
      ReElectionRules.checkShortfallReport(list(text(task, ReElection.ELECTED)).size(), service.settings());
    } else {
      throw new RuleViolation("reElection.shortfall.choice", "请选择：对不足名额另行选举，或减少名额报上级批准");
    }
  }

  /** Completing Task_ReportResult: the offices (分工) among those elected; a 书记 is required. */
  public void report(DelegateTask task) {
    List<String> elected = list(text(task, ReElection.ELECTED));
    Map<String, String> offices = new LinkedHashMap<>();
    OFFICES.forEach((field, label) -> {
      String id = text(task, field);
      if (id != null && !id.isBlank()) {
        if (!elected.contains(id)) {
          throw new RuleViolation("reElection.office", label + "须从当选委员中确定");
        }
        offices.put(field, id);
      }
    });
    if (!offices.containsKey("secretaryId")) {
      throw new RuleViolation("reElection.office.secretary", "请确定书记（从当选委员中选择）");
    }
    task.setVariable(ReElection.OFFICES, service.describeOffices(offices));
  }

  /** Task_InstallCommittee: the approved committee's roles go into the registry, and the new term's end. */
  public void install(DelegateExecution execution) {
    Map<String, String> offices = new LinkedHashMap<>();
    OFFICES.keySet().forEach(field -> {
      String id = text(execution, field);
      if (id != null && !id.isBlank()) {
        offices.put(field, id);
      }
    });
    service.install(execution.getProcessInstanceId(), org(execution), list(text(execution, ReElection.ELECTED)),
        offices, text(execution, "approvedBy"));
  }

  private static Map<String, String> officeFields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("secretaryId", "书记");
    m.put("deputyId", "副书记");
    m.put("organizerId", "组织委员");
    m.put("propagandaId", "宣传委员");
    m.put("disciplineId", "纪检委员");
    return m;
  }

  private static String org(VariableScope scope) {
    return text(scope, ReElection.ORG_ID);
  }

  static List<String> list(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static String note(VariableScope scope, String name, String what) {
    String note = FormInput.text(scope.getVariable(name), what, MAX_NOTE);
    if (note == null) {
      throw new RuleViolation("reElection.note", "请填写" + what);
    }
    return note;
  }

  private static LocalDate date(VariableScope scope, String name, String what) {
    return FormInput.date(scope.getVariable(name), what);
  }

  private static Object options(Map<String, String> idToName) {
    List<Map<String, String>> options = new ArrayList<>();
    idToName.forEach((id, label) -> options.add(Map.of("label", label, "value", id)));
    return json(options);
  }
}
