package cn.partyflow.memberdevelopment;

import static cn.partyflow.memberdevelopment.MemberDevelopment.ENTRY_STEP;
import static cn.partyflow.memberdevelopment.MemberDevelopment.STAGE_OUTCOME;

import cn.partyflow.memberdevelopment.MemberDevelopment.Outcome;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * One submitted task form of a 发展党员 case: what the officer sent, what the step adds to the case, and the registry
 * change it asks for. Nothing is written until the step has checked everything ({@link #save}).
 */
final class Submission {

  final CaseVariables v;
  final LocalDate today = ChinaClock.today();
  final String applicantId;
  final String processInstanceId;
  final Map<String, Object> out = new LinkedHashMap<>();
  final Map<StageDate, LocalDate> dates = new EnumMap<>(StageDate.class);
  MemberStatus status;
  Object event;
  LocalDate committeeDate;

  private final DelegateTask task;
  private final MemberDevelopmentRules rules;

  Submission(DelegateTask task, MemberDevelopmentRules rules) {
    this.task = task;
    this.rules = rules;
    this.v = new CaseVariables(task.getVariables());
    this.applicantId = v.string(MemberDevelopment.APPLICANT_ID);
    this.processInstanceId = task.getProcessInstanceId();
  }

  /** A required date of something done: not in the future and not before the step it follows. */
  LocalDate happened(String name, String label, String earlierName, String earlierLabel) {
    LocalDate d = v.requiredDate(name, label);
    rules.notInFuture(label, d, today);
    rules.notBefore(label, d, earlierLabel, v.date(earlierName, earlierLabel));
    return d;
  }

  /** A yes/no choice; forms send "true"/"false", the case keeps a Boolean for gateways and reports. */
  boolean yes(String name, String label) {
    boolean b = v.requiredBool(name, label);
    out.put(name, b);
    return b;
  }

  /** A review step's PASS or RETURN; a return needs the opinion that goes back with it. */
  boolean returned(String decisionName) {
    String decision = v.required(decisionName, "审核结论");
    if (decision.equals("RETURN")) {
      v.required("returnOpinion", "退回意见");
      return true;
    }
    if (!decision.equals("PASS")) {
      throw new RuleViolation("memberDevelopment.reviewDecision", "审核结论须为通过或退回");
    }
    return false;
  }

  void outcome(Outcome outcome, String entryStep) {
    out.put(STAGE_OUTCOME, outcome.name());
    out.put(ENTRY_STEP, entryStep);
  }

  void stage(MemberStatus newStatus, StageDate stageDate, LocalDate date) {
    status = newStatus;
    dates.put(stageDate, date);
  }

  /** Everything passed: the case gets what the step worked out, the registry the new stage. */
  void save(MemberDevelopmentService service) {
    if (status != null) {
      service.recordStage(applicantId, status, dates);
    }
    if (event != null) {
      service.publish(event);
    }
    task.setVariables(out);
  }
}
