package cn.partyflow.rectification;

import cn.partyflow.calendar.WorkdayCalendar;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The escalation ladder of each item (提醒书 → 告诫/督办 → 约谈/问责), on the working-day calendar. The BPMN asks
 * it when each step falls due ({@code ${rectificationLadder.reminderAt(itemDeadline)}}) and calls it when a step
 * fires; each step is recorded in the item's history and sent to the people concerned.
 */
@Component("rectificationLadder")
public class RectificationLadder {

  /** Reminders and escalations go out at the start of the working day, the warning at its close. */
  static final LocalTime MORNING = LocalTime.of(9, 0);
  static final LocalTime CLOSE_OF_DAY = LocalTime.of(18, 0);

  private final WorkdayCalendar workdays;
  private final RectificationSettings settings;
  private final RectificationItems service;
  private final Notifier notifier;

  public RectificationLadder(WorkdayCalendar workdays, RectificationSettings settings, RectificationItems service,
      Notifier notifier) {
    this.workdays = workdays;
    this.settings = settings;
    this.service = service;
    this.notifier = notifier;
  }

  /** N working days before the deadline, 9:00. */
  public Date reminderAt(Object deadline) {
    return workdays.plus(deadline(deadline).atTime(MORNING), -settings.reminderWorkdaysBefore());
  }

  /** The deadline day itself, 18:00: the item is not closed by the end of its last day. */
  public Date warningAt(Object deadline) {
    return ChinaClock.toDate(deadline(deadline).atTime(CLOSE_OF_DAY));
  }

  /** M working days after the deadline, 9:00. */
  public Date escalationAt(Object deadline) {
    return workdays.plus(deadline(deadline).atTime(MORNING), settings.escalationWorkdaysAfter());
  }

  /** The 整改方案 is due this many working days after the feedback. */
  public Date planDue(Object feedbackDate) {
    return workdays.plus(deadline(feedbackDate).atTime(CLOSE_OF_DAY), settings.planWorkdays());
  }

  /** The report is compiled a few working days before it is due, so that the 党委书记 can still return it. */
  public Date reportCompileAt(Object reportDue) {
    return workdays.plus(deadline(reportDue).atTime(MORNING), -settings.reportPrepWorkdays());
  }

  public Date endOfDay(Object date) {
    return ChinaClock.toDate(deadline(date).atTime(CLOSE_OF_DAY));
  }

  /** How long a 长期坚持 item waits between two progress reports. */
  public String longTermPeriod() {
    return settings.longTermReportPeriod();
  }

  /** BoundaryEvent_Reminder: the 责任人 is reminded before the deadline. */
  public void remind(DelegateExecution execution) {
    RectificationItem item = item(execution);
    String text = String.format("【整改提醒】%s的整改事项将于%s到期，请抓紧落实并及时报告进展、上传证明材料。%n%s",
        item.department(), item.deadline(), describe(item));
    service.event(item.id(), Rectification.EVENT_REMINDER, null,
        "提醒责任人" + notifier.nameOf(item.responsibleUser()));
    notifier.send(List.of(item.responsibleUser()), Rectification.EVENT_REMINDER, item.id(),
        "【整改提醒】整改事项" + item.seq() + "将于" + item.deadline() + "到期", text);
  }

  /** BoundaryEvent_DeadlineReached: the 责任领导 is warned; 党办 gets a 督办 task. */
  public void warn(DelegateExecution execution) {
    RectificationItem item = item(execution);
    String text = String.format("【整改告诫】您负责的整改事项已于%s到期仍未销号，党办将督办，请督促%s限期完成。%n%s",
        item.deadline(), item.department(), describe(item));
    service.event(item.id(), Rectification.EVENT_WARNING, null,
        "警示责任领导" + notifier.nameOf(item.leaderUser()) + "，交党办督办");
    notifier.send(List.of(item.leaderUser(), item.responsibleUser()), Rectification.EVENT_WARNING, item.id(),
        "【整改告诫】整改事项" + item.seq() + "已到期未销号", text);
  }

  /**
   * Who is asked to decide on 约谈 or 问责: the same groups as Task_Escalate, so a vacant 书记 or 纪委 is replaced by
   * the holder one level up, exactly as the task is.
   */
  private static final List<String> ESCALATION_GROUPS =
      List.of("${routing.group(orgId, 'secretary')}", "${routing.group(orgId, 'auditor')}");

  /** BoundaryEvent_Escalation: the 党委书记 and 纪委 decide on 约谈 or 问责. */
  public void escalate(DelegateExecution execution) {
    RectificationItem item = item(execution);
    List<String> recipients = new ArrayList<>();
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    for (String group : ESCALATION_GROUPS) {
      String holders = (String) Context.getProcessEngineConfiguration().getExpressionManager()
          .createExpression(group).getValue(execution);
      identity.createUserQuery().memberOfGroup(holders).list().stream().map(User::getId).forEach(recipients::add);
    }
    recipients.add(item.leaderUser());
    String text = String.format("【整改问责提请】整改事项逾期%d个工作日仍未销号，请党委书记、纪委研究约谈或问责。%n%s",
        settings.escalationWorkdaysAfter(), describe(item));
    service.event(item.id(), Rectification.EVENT_ESCALATION, null, "提请党委书记、纪委约谈/问责");
    notifier.send(recipients, Rectification.EVENT_ESCALATION, item.id(),
        "【整改问责提请】整改事项" + item.seq() + "严重逾期", text);
  }

  private RectificationItem item(DelegateExecution execution) {
    return service.item(RectificationSteps.itemId(execution)).orElseThrow();
  }

  /** The item as the messages describe it: its people by name, never by login. */
  private String describe(RectificationItem item) {
    return String.format("问题：%s%n措施：%s%n责任科室：%s　责任领导：%s　责任人：%s　完成时限：%s%n状态：%s",
        item.problem(), item.measures(), item.department(), notifier.nameOf(item.leaderUser()),
        notifier.nameOf(item.responsibleUser()),
        item.deadline() == null ? "长期坚持" : item.deadline(), item.status());
  }

  private static LocalDate deadline(Object value) {
    LocalDate d = FormValues.date(value);
    if (d == null) {
      throw new IllegalArgumentException("不是日期：" + value);
    }
    return d;
  }
}
