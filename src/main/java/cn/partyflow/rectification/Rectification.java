package cn.partyflow.rectification;

import java.util.List;

/** The process key, the words of the data dictionary, and the statuses an item can be in. */
public final class Rectification {

  public static final String PROCESS_KEY = "inspectionRectification";

  public static final String INSPECTION = "巡察";
  public static final String LEADERSHIP_LIFE_MEETING = "民主生活会";
  public static final String BRANCH_LIFE_MEETING = "组织生活会";
  public static final String DUTY_REPORT_REVIEW = "述职评议";
  public static final List<String> SOURCES =
      List.of(INSPECTION, LEADERSHIP_LIFE_MEETING, BRANCH_LIFE_MEETING, DUTY_REPORT_REVIEW);

  /** What the 党委 may decide on an item that is still overdue after the ladder's last step. */
  public static final List<String> ACCOUNTABILITY_ACTIONS = List.of("约谈", "通报", "问责", "不予追究");

  /** Where the 整改情况 is made public. */
  public static final List<String> DISCLOSURE_CHANNELS = List.of("党内通报", "门户网站", "报刊", "公众号", "其他");

  public static final String IMMEDIATE = "立行立改";
  public static final String TIME_BOUND = "限期整改";
  public static final String LONG_TERM = "长期坚持";
  public static final List<String> CATEGORIES = List.of(IMMEDIATE, TIME_BOUND, LONG_TERM);

  public static final String NOT_STARTED = "未启动";
  public static final String IN_PROGRESS = "推进中";
  public static final String AWAITING_VERIFICATION = "待验收";
  public static final String CLOSED = "已销号";
  public static final String ONGOING = "长期坚持";
  public static final String RETURNED = "已退回";
  /** The 责任领导 passed the 销号申请 on: it lies with the inspecting side (巡察办 or the higher 党委). */
  public static final String ACCEPTANCE = "验收中";
  public static final List<String> STATUSES =
      List.of(NOT_STARTED, IN_PROGRESS, AWAITING_VERIFICATION, ACCEPTANCE, RETURNED, ONGOING, CLOSED);

  /** Activity ids that code and tests touch. */
  public static final String TASK_REGISTER_FEEDBACK = "Task_RegisterFeedback";
  public static final String TASK_DRAFT_PLAN = "Task_DraftPlan";
  public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
  public static final String TASK_SUBMIT_PLAN = "Task_SubmitPlan";
  public static final String TASK_REVIEW_PLAN = "Task_ReviewPlan";
  public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";
  public static final String TASK_LEADER_REVIEW = "Task_LeaderReview";
  public static final String TASK_VERIFY_ITEM = "Task_VerifyItem";
  public static final String TASK_LONG_TERM_REPORT = "Task_LongTermReport";
  public static final String TASK_VERIFY_LONG_TERM = "Task_VerifyLongTerm";
  public static final String TASK_SUPERVISE = "Task_Supervise";
  public static final String TASK_ESCALATE = "Task_Escalate";
  public static final String TASK_LIFE_MEETING = "Task_RecordLifeMeeting";
  public static final String TASK_DRAFT_REPORT = "Task_DraftReport";
  public static final String TASK_APPROVE_REPORT = "Task_ApproveReport";
  public static final String TASK_RECORD_DISCLOSURE = "Task_RecordDisclosure";
  public static final String TIMER_REPORT_COMPILE = "Timer_ReportCompile";

  /** The tasks of an item's own sub-process, which record themselves as the item's current task when created. */
  public static final java.util.Set<String> ITEM_TASKS = java.util.Set.of(TASK_REPORT_PROGRESS, TASK_LEADER_REVIEW,
      TASK_VERIFY_ITEM, TASK_LONG_TERM_REPORT, TASK_VERIFY_LONG_TERM);

  /** Kinds of entries in an item's history (pf_rectification_event). */
  public static final String EVENT_PLANNED = "planned";
  public static final String EVENT_PROGRESS = "progress";
  public static final String EVENT_REVIEWED = "reviewed";
  public static final String EVENT_RETURNED = "returned";
  public static final String EVENT_CLOSED = "closed";
  public static final String EVENT_REMINDER = "reminder";
  public static final String EVENT_WARNING = "warning";
  public static final String EVENT_ESCALATION = "escalation";
  public static final String EVENT_SUPERVISED = "supervised";
  public static final String EVENT_ACCOUNTABILITY = "accountability";
  public static final String EVENT_DEADLINE_MOVED = "deadline-moved";
  public static final String EVENT_EVIDENCE = "evidence";

  /**
   * How the inspecting body's acceptance opens its {@link #EVENT_CLOSED} record, the body named in the brackets; a
   * closure the unit recorded itself (as before the 巡察办 accepted items) does not, and is no 销号 in the reports.
   */
  public static final String ACCEPTANCE_RECORD = "验收销号（";
  /** How a 长期坚持 item kept open by the inspecting body opens its {@link #EVENT_RETURNED} record: no 退回重改. */
  public static final String KEEP_ON_RECORD = "暂不销号，继续坚持";

  /** The boundary timers of the escalation ladder, rescheduled when a deadline moves. */
  public static final List<String> LADDER_TIMERS =
      List.of("BoundaryEvent_Reminder", "BoundaryEvent_DeadlineReached", "BoundaryEvent_Escalation");

  private Rectification() {}

  static String eventLabel(String kind) {
    return switch (kind) {
      case EVENT_PLANNED -> "列入整改方案";
      case EVENT_PROGRESS -> "报告进展";
      case EVENT_REVIEWED -> "责任领导审核通过";
      case EVENT_RETURNED -> "退回重新整改";
      case EVENT_CLOSED -> "验收销号";
      case EVENT_REMINDER -> "到期前提醒";
      case EVENT_WARNING -> "到期警示";
      case EVENT_ESCALATION -> "逾期问责提请";
      case EVENT_SUPERVISED -> "党办督办";
      case EVENT_ACCOUNTABILITY -> "约谈/问责";
      case EVENT_DEADLINE_MOVED -> "调整完成时限";
      case EVENT_EVIDENCE -> "上传证明材料";
      default -> kind;
    };
  }
}
