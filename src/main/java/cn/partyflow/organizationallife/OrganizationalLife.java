package cn.partyflow.organizationallife;

/**
 * The names process {@code organizationalLife} shares with Java: its key, business key, variables and activity ids.
 * The BPMN file uses the same strings; {@code OrganizationalLifeProcessTest} fails when they drift apart.
 */
public final class OrganizationalLife {

  public static final String PROCESS_KEY = "organizationalLife";

  public static final String ORG_ID = "orgId";
  public static final String BRANCH_NAME = "branchName";
  public static final String YEAR = "lifeYear";
  /** The list of period ends ("yyyy-MM-dd") the case checks, one multi-instance per day. */
  public static final String PERIOD_ENDS = "periodEnds";
  /** The element variable of each check: the day its periods end. */
  public static final String PERIOD_END = "periodEnd";
  public static final String SUPERVISION_WORKDAYS = "supervisionWorkdays";
  public static final String REMINDER_WORKDAYS = "reminderWorkdays";
  public static final String REVIEW_WORKDAYS = "reviewWorkdays";
  /** Local to a check: what the periods ending that day miss, in words; empty when nothing. */
  public static final String MISSING = "missingMeetings";
  public static final String HAS_MISSING = "hasMissing";
  public static final String STILL_MISSING = "stillMissing";
  /** Local to a check: 1-4 when the day ends a quarter (the 党委 reviews it), else 0. */
  public static final String QUARTER = "quarterNo";
  public static final String PERIOD_LABEL = "periodLabel";
  public static final String QUARTER_SUMMARY = "quarterSummary";

  public static final String START = "StartEvent_YearStarted";
  public static final String PLAN = "Task_PlanYear";
  public static final String PERIOD_CHECKS = "SubProcess_PeriodCheck";
  public static final String TIMER_PERIOD_END = "Timer_PeriodEnded";
  public static final String CHECK_PERIOD = "Task_CheckPeriod";
  public static final String REMIND = "Task_RemindSecretary";
  public static final String TIMER_SUPERVISION = "Timer_Supervision";
  public static final String CHECK_AGAIN = "Task_CheckStillMissing";
  public static final String SUPERVISE = "Task_Supervise";
  public static final String REVIEW_QUARTER = "Task_ReviewQuarter";
  public static final String CLOSE_YEAR = "Task_CloseYear";
  public static final String END = "EndEvent_YearClosed";

  private OrganizationalLife() {}

  /** One case per branch and year: {@code rmyy-nk:2027}. */
  public static String businessKey(String branchId, int year) {
    return branchId + ":" + year;
  }
}
