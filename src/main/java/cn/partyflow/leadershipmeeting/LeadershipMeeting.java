package cn.partyflow.leadershipmeeting;

/**
 * The names process {@code leadershipMeeting} shares with Java: key, variables and activity ids. The BPMN uses
 * the same strings; {@code LeadershipMeetingProcessTest} fails when they drift apart.
 */
public final class LeadershipMeeting {

  public static final String PROCESS_KEY = "leadershipMeeting";

  public static final String ORG_ID = "orgId";
  public static final String ORG_NAME = "orgName";
  public static final String HIGHER_ORG_ID = "higherOrgId";
  public static final String HIGHER_ORG_NAME = "higherOrgName";
  public static final String YEAR = "year";
  /** 2026年度民主生活会: the case's title and the rectification case's round. */
  public static final String MEETING_NAME = "meetingName";
  public static final String ANSWER_WORKDAYS = "answerWorkdays";
  public static final String ADVANCE_DAYS = "planAdvanceDays";
  public static final String REPORT_DAYS = "reportDays";
  /** The 班子成员 as options of the forms (label = name, value = person id). */
  public static final String MEMBER_OPTIONS = "memberOptions";

  public static final String THEME = "theme";
  public static final String PLAN = "plan";
  public static final String PLANNED_DATE = "plannedDate";
  public static final String DECISION = "decision";
  public static final String OPINION = "opinion";
  public static final String APPROVED = "approved";
  /** The higher level's reason of the last return, shown to the drafter; empty once an answer agreed. */
  public static final String RETURN_REASON = "returnReason";

  public static final String OPINION_SOURCES = "opinionSources";
  public static final String OPINION_COUNT = "opinionCount";
  public static final String OPINION_SUMMARY = "opinionSummary";
  public static final String TALKS = "talks";
  public static final String MATERIALS = "materials";

  public static final String MEETING_DATE = "meetingDate";
  public static final String PRESENT_MEMBERS = "presentMembers";
  public static final String ABSENCE_REASONS = "absenceReasons";
  public static final String OBSERVER = "observer";
  public static final String CRITICISM = "criticism";
  public static final String PROBLEMS = "problems";
  public static final String ATTENDANCE_TEXT = "attendanceText";

  public static final String REPORT_TEXT = "reportText";
  public static final String REPORT_DATE = "reportDate";
  public static final String REPORT_DELAY_REASON = "reportDelayReason";
  public static final String REPORT_DUE = "reportDue";
  /** The report's last day as the task's due date (its last second, China time). */
  public static final String REPORT_DUE_AT = "reportDueAt";
  public static final String RECTIFICATION_CASE = "rectificationCaseId";

  /** The message the case page sends when the 党委 asks to hold the meeting on another day. */
  public static final String DATE_CHANGE_MESSAGE = "leadershipMeetingDateChange";
  /** The request's row in {@code pf_lm_date_change}. */
  public static final String DATE_CHANGE_ID = "dateChangeId";
  public static final String DATE_CHANGE_FROM = "dateChangeFrom";
  public static final String DATE_CHANGE_TO = "dateChangeTo";
  /** 提前 or 推迟, for the reviewer's form. */
  public static final String DATE_CHANGE_KIND = "dateChangeKind";
  public static final String DATE_CHANGE_REASON = "dateChangeReason";
  /** Who asked, by name and office, for the reviewer's form. */
  public static final String DATE_CHANGE_REQUESTER = "dateChangeRequester";
  public static final String DATE_CHANGE_DECISION = "dateChangeDecision";
  public static final String DATE_CHANGE_OPINION = "dateChangeOpinion";

  public static final String START = "StartEvent_Started";
  public static final String DRAFT_PLAN = "Task_DraftPlan";
  public static final String REVIEW_PLAN = "Task_ReviewPlan";
  public static final String PREPARE = "Task_PrepareMeeting";
  public static final String HOLD_MEETING = "Task_HoldMeeting";
  public static final String REPORT = "Task_ReportUpward";
  public static final String REVIEW_REPORT = "Task_ReviewReport";
  public static final String HAND_OVER = "Task_HandOverProblems";
  public static final String END = "EndEvent_Done";
  public static final String DATE_CHANGE = "SubProcess_DateChange";
  public static final String DATE_CHANGE_REQUESTED = "StartEvent_DateChangeRequested";
  public static final String REVIEW_DATE_CHANGE = "Task_ReviewDateChange";
  public static final String DATE_CHANGE_ANSWERED = "EndEvent_DateChangeAnswered";

  private LeadershipMeeting() {}
}
