package cn.partyflow.organizationallife;

/**
 * The names process {@code lifeMeeting} (组织生活会 and 民主评议党员) shares with Java: its key, business key,
 * variables and activity ids. The BPMN file uses the same strings; {@code LifeMeetingProcessTest} walks each of them.
 */
public final class LifeMeeting {

  public static final String PROCESS_KEY = "lifeMeeting";

  public static final String ORG_ID = OrganizationalLife.ORG_ID;
  public static final String BRANCH_NAME = OrganizationalLife.BRANCH_NAME;
  public static final String YEAR = OrganizationalLife.YEAR;
  /** Whether the meeting found problems that go to 巡察整改 as a rectification case. */
  public static final String HAS_PROBLEMS = "hasProblems";
  /** The ids of the members graded with the failing grade: one follow-up each. */
  public static final String UNQUALIFIED = "unqualifiedMembers";
  /** The element variable of each follow-up: the member's person id. */
  public static final String MEMBER_ID = "memberId";
  public static final String MEMBER_NAME = "memberName";
  /** The grades and the votes behind them, as the auditors' page shows them (declared a vote in the form). */
  public static final String APPRAISAL = "appraisal";
  public static final String APPROVAL = "approval";
  public static final String APPROVE = "APPROVE";
  public static final String RETURN = "RETURN";

  public static final String START = "StartEvent_LifeMeetingStarted";
  public static final String PREPARE = "Task_PrepareMeeting";
  public static final String HOLD_MEETING = "Task_HoldMeeting";
  public static final String HAND_OVER_PROBLEMS = "Task_HandOverProblems";
  public static final String FOLLOW_UP = "SubProcess_FollowUp";
  public static final String DECIDE_DISPOSITION = "Task_DecideDisposition";
  public static final String APPROVE_DISPOSITION = "Task_ApproveDisposition";
  public static final String CLOSE = "Task_CloseLifeMeeting";
  public static final String END = "EndEvent_LifeMeetingClosed";

  private LifeMeeting() {}

  /** One case per branch and year: {@code rmyy-nk:2026:life-meeting}, apart from the year's meetings' case. */
  public static String businessKey(String branchId, int year) {
    return branchId + ":" + year + ":life-meeting";
  }

  /** How the case and the rectification case it starts name the round: {@code 2026年度组织生活会}. */
  public static String roundName(int year) {
    return year + "年度组织生活会";
  }
}
