package cn.partyflow.organizationallife;

import static cn.partyflow.shared.StepVariables.text;
import static cn.partyflow.shared.StepVariables.user;

import cn.partyflow.organizationallife.LifeMeetingRules.Decision;
import cn.partyflow.organizationallife.LifeMeetingRules.Disposition;
import cn.partyflow.organizationallife.LifeMeetingService.Outcome;
import cn.partyflow.rectification.ProblemListHandover;
import cn.partyflow.rectification.Rectification;
import cn.partyflow.shared.FormInput;
import cn.partyflow.shared.RuleViolation;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The glue of process {@code lifeMeeting}: each method implements one activity or task listener of
 * {@link LifeMeeting}, reads what it needs, calls the service and the rules, and writes the result.
 */
@Component("lifeMeetingSteps")
public class LifeMeetingSteps {

  /** The fields of a follow-up's forms, kept in the follow-up's own scope so parallel follow-ups do not mix. */
  static final List<String> FOLLOW_UP_FIELDS = List.of("disposition", "decidedOn", "correctionDue", "votesFor",
      "votesAgainst", "votesAbstain", "dispositionReason", LifeMeeting.APPROVAL, "approvalOpinion");

  private final LifeMeetingService service;
  private final ProblemListHandover handover;

  LifeMeetingSteps(LifeMeetingService service, ProblemListHandover handover) {
    this.service = service;
    this.handover = handover;
  }

  /** StartEvent_LifeMeetingStarted: the branch's year is claimed for this case; a second case is refused. */
  public void started(DelegateExecution execution) {
    BranchYearStart.admit(execution, service::admitStart, LifeMeeting::businessKey);
  }

  /** Completing Task_PrepareMeeting: the page has recorded the preparation. */
  public void prepared(DelegateTask task) {
    service.requirePrepared(branch(task), year(task));
  }

  /** Completing Task_HoldMeeting: who was graded 不合格, whether problems were found, the vote record. */
  public void meetingHeld(DelegateTask task) {
    Outcome o = service.meetingHeld(branch(task), year(task));
    task.setVariable(LifeMeeting.UNQUALIFIED, String.join(",", o.unqualified()));
    task.setVariable(LifeMeeting.HAS_PROBLEMS, o.hasProblems());
    task.setVariable(LifeMeeting.APPRAISAL, o.appraisal());
  }

  /** Task_HandOverProblems: the problem list becomes a rectification case with source 组织生活会. */
  public void handOverProblems(DelegateExecution execution) {
    String branch = branch(execution);
    int year = year(execution);
    String instance = handover.start(branch, Rectification.BRANCH_LIFE_MEETING, service.heldOn(branch, year),
        LifeMeeting.roundName(year), service.problems(branch, year));
    service.rectificationStarted(branch, year, instance);
    execution.setVariable("rectificationInstanceId", instance);
  }

  /** The collection of SubProcess_FollowUp: one follow-up per member graded 不合格. */
  public List<String> unqualified(DelegateExecution execution) {
    String ids = text(execution, LifeMeeting.UNQUALIFIED);
    return ids == null || ids.isBlank() ? List.of() : Arrays.asList(ids.split(","));
  }

  /** Start of SubProcess_FollowUp: the member's name for the task names, the follow-up's row and fields. */
  public void openFollowUp(DelegateExecution execution) {
    String member = text(execution, LifeMeeting.MEMBER_ID);
    execution.setVariableLocal(LifeMeeting.MEMBER_NAME, service.memberName(member));
    FOLLOW_UP_FIELDS.forEach(f -> execution.setVariableLocal(f, null));
    service.openFollowUp(branch(execution), year(execution), member);
  }

  /** Completing Task_DecideDisposition: the 支部大会's decision, checked and kept. */
  public void decideDisposition(DelegateTask task) {
    String name = text(task, LifeMeeting.MEMBER_NAME);
    Disposition d = Disposition.parse(FormInput.requiredText(task.getVariable("disposition"), "组织处置"))
        .orElseThrow(() -> new RuleViolation("lifeMeeting.disposition", "请选择对" + name + "的组织处置（限期改正、劝其退党或除名）"));
    Decision decision = new Decision(d, FormInput.requiredDate(task.getVariable("decidedOn"), "支部大会决定的日期"),
        FormInput.date(task.getVariable("correctionDue"), "改正期限"), votes(task, "votesFor", "同意票数"),
        votes(task, "votesAgainst", "反对票数"), votes(task, "votesAbstain", "弃权票数"),
        FormInput.text(task.getVariable("dispositionReason"), "事实和理由"));
    service.decide(branch(task), year(task), text(task, LifeMeeting.MEMBER_ID), decision, user(task));
  }

  /** Completing Task_ApproveDisposition: approved, or back to the branch with the reason. */
  public void approveDisposition(DelegateTask task) {
    String opinion = FormInput.text(task.getVariable("approvalOpinion"), "审批意见");
    boolean approved = LifeMeetingRules.checkApproval(text(task, LifeMeeting.APPROVAL), opinion);
    service.answer(branch(task), year(task), text(task, LifeMeeting.MEMBER_ID), approved, opinion, user(task));
  }

  /** Task_CloseLifeMeeting: the meeting, its problems and every follow-up are done. */
  public void close(DelegateExecution execution) {
    service.close(branch(execution), year(execution));
  }

  private static int votes(DelegateTask task, String name, String label) {
    Integer n = FormInput.integer(task.getVariable(name), label, 0, 10_000);
    if (n == null) {
      throw new RuleViolation("lifeMeeting.disposition.votes", "请填写" + label + "（没有的填0）");
    }
    return n;
  }

  private static String branch(VariableScope scope) {
    return text(scope, LifeMeeting.ORG_ID);
  }

  private static int year(VariableScope scope) {
    return ((Number) scope.getVariable(LifeMeeting.YEAR)).intValue();
  }
}
