package cn.partyflow.membership;

import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code ${memberDevelopmentSteps...}}: the steps of {@code memberDevelopment} the engine runs itself, each named
 * after what it does in the case, and the settings its model reads.
 */
@Component("memberDevelopmentSteps")
public class MemberDevelopmentSteps {

  private final MembershipSettings settings;

  MemberDevelopmentSteps(MembershipSettings settings) {
    this.settings = settings;
  }

  /** The half-yearly 考察 of an activist, as a repeating timer cycle from the day cultivation starts. */
  public String assessmentCycle() {
    return "R/P" + settings.getAssessmentIntervalMonths() + "M";
  }

  /** Whether the county holds a 转正公示 before the conversion meeting ([L], off unless a length is set). */
  public boolean conversionPublicityRequired() {
    return settings.getConversionPublicityWorkdays() > 0;
  }

  /**
   * The half-year has come round while the activist is cultivated: the 培养考察 task is marked for follow-up today,
   * its name says which assessment is due, and the case counts the reminders.
   */
  public void remindAssessment(DelegateExecution execution) {
    Object before = execution.getVariable("assessmentReminders");
    int n = (before instanceof Number number ? number.intValue() : 0) + 1;
    LocalDate today = ChinaClock.today();
    execution.setVariable("assessmentReminders", n);
    execution.setVariable("assessmentDueDate", today.toString());
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(MemberDevelopment.TASK_CULTIVATE).list()) {
      task.setFollowUpDate(Date.from(ChinaClock.now()));
      task.setDescription("第" + n + "个半年考察期已满（" + today + "），请记入考察登记表（党支部每半年考察一次）");
      tasks.saveTask(task);
    }
  }

  /**
   * The 党委 did not approve within the longest time allowed after the 支部大会: the admission goes back to the branch
   * meeting, and probation will count from the new meeting (本地规定).
   */
  public void redoAdmission(DelegateExecution execution) {
    LocalDate today = ChinaClock.today();
    execution.setVariable(MemberDevelopment.COMMITTEE_RETURN_DATE, today.toString());
    execution.setVariable("admissionRedoReason", "上级党委自支部大会（" + execution.getVariable(
        MemberDevelopment.ADMISSION_MEETING_DATE) + "）起" + settings.getApprovalMaxMonths()
        + "个月内未审批，按规定重新提交支部大会讨论，预备期自新的支部大会通过之日起计算");
    execution.setVariable("admissionPassed", Boolean.FALSE);
  }
}
