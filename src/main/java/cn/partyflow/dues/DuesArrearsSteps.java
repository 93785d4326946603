package cn.partyflow.dues;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The glue of process {@code duesArrears}: the task listeners that record talks and decisions. */
@Component("duesArrearsSteps")
public class DuesArrearsSteps {

  private final DuesArrearsService service;

  DuesArrearsSteps(DuesArrearsService service) {
    this.service = service;
  }

  /** Completing Task_TalkWithMember (与党员谈话). */
  public void talk(DelegateTask task) {
    boolean proper = FormValues.flag(task.getVariable("properReason"), "有正当理由");
    task.setVariable("properReason", proper);
    service.recordTalk(caseId(task), FormValues.requiredDate(task.getVariable("talkDate"), "谈话日期"),
        StepSupport.text(task, "talkRecord"), proper, StepSupport.text(task, "reasonText"));
  }

  /** Completing Task_TalkShortPayment (少交党费谈话): the talk and the deadline to make the month up. */
  public void talkShort(DelegateTask task) {
    service.recordShortTalk(caseId(task), FormValues.requiredDate(task.getVariable("talkDate"), "谈话日期"),
        StepSupport.text(task, "talkRecord"), FormValues.requiredDate(task.getVariable("correctBy"), "限期补足日期"));
  }

  /** Completing Task_BranchMeetingDecision (支部大会讨论决定). */
  public void meeting(DelegateTask task) {
    boolean remove = FormValues.flag(task.getVariable("removalDecided"), "决定除名");
    task.setVariable("removalDecided", remove);
    service.recordMeeting(caseId(task), FormValues.requiredDate(task.getVariable("meetingDate"), "支部大会日期"),
        remove, StepSupport.text(task, "meetingDecision"));
  }

  /** Completing Task_CommitteeApproval (上级党委审批). */
  public void approval(DelegateTask task) {
    boolean approved = FormValues.flag(task.getVariable("committeeApproved"), "批准除名");
    task.setVariable("committeeApproved", approved);
    service.recordApproval(caseId(task), FormValues.requiredDate(task.getVariable("approvalDate"), "批准日期"),
        approved, StepSupport.text(task, "approvalDecision"));
  }

  private static long caseId(DelegateTask task) {
    return Long.parseLong(StepSupport.text(task, "arrearsCaseId"));
  }
}
