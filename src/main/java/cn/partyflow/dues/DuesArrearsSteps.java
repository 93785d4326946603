package cn.partyflow.dues;

import static cn.partyflow.dues.DuesProcesses.*;

import cn.partyflow.memberdevelopment.CommitteeRecord;
import cn.partyflow.memberdevelopment.CommitteeRecords;
import cn.partyflow.shared.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The glue of process {@code duesArrears}: the task listeners that record talks and decisions. */
@Component("duesArrearsSteps")
public class DuesArrearsSteps {

  /** The rule a removal approved without a recorded 党委会 breaks, named in the refusal. */
  static final String REMOVAL_BY_COMMITTEE = "自行脱党除名须经支部大会讨论决定，报上级党委批准（党章第九条、2008年党费规定第十三条）；"
      + "党委批准须召开党委会集体讨论、逐个表决，不能以传阅或个别征求意见代替";

  private final DuesArrearsService service;
  private final CommitteeRecords committees;
  private final DuesCommitteeAgenda agenda;

  DuesArrearsSteps(DuesArrearsService service, CommitteeRecords committees, DuesCommitteeAgenda agenda) {
    this.service = service;
    this.committees = committees;
    this.agenda = agenda;
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

  /**
   * Completing Task_CommitteeApproval (上级党委审批): only through a 党委会 recorded on the 党委会研究 page, whose
   * decision on this case (its own vote, the quorum, the majority of members entitled) is read back and checked;
   * the approval date is the meeting's and the case file keeps the meeting's account.
   */
  public void approval(DelegateTask task) {
    Integer meeting = FormInput.integer(task.getVariable(COMMITTEE_MEETING_ID), "党委会记录编号");
    CommitteeRecord r = committees.decision(meeting == null ? null : meeting.longValue(),
        task.getProcessInstanceId(), TASK_COMMITTEE_APPROVAL, StepSupport.text(task, "personName"),
        agenda.approvingCommittee(StepSupport.text(task, ORG_ID)), REMOVAL_BY_COMMITTEE);
    task.setVariable("committeeApproved", r.approved());
    task.setVariable("approvalDate", r.date().toString());
    task.setVariable(COMMITTEE_VOTE_RECORD, r.account());
    service.recordApproval(caseId(task), r.date(), r.approved(), summary(r));
  }

  /** The decision as the arrears register keeps it (at most 1,000 characters); the case file keeps the account. */
  static String summary(CommitteeRecord r) {
    String s = r.committeeName() + "党委会（" + r.date() + "，第" + r.meetingId() + "号）：应到委员" + r.entitled() + "人，实到"
        + r.present() + "人；赞成" + r.votesFor() + "票，反对" + r.votesAgainst() + "票，弃权" + r.abstentions() + "票；"
        + (r.approved() ? "批准除名" : "不予批准")
        + (r.opinion() == null || r.opinion().isBlank() ? "" : "（" + r.opinion() + "）");
    return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
  }

  private static long caseId(DelegateTask task) {
    return Long.parseLong(StepSupport.text(task, "arrearsCaseId"));
  }
}
