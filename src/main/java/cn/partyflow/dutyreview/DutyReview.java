package cn.partyflow.dutyreview;

/**
 * The names process {@code dutyReview} shares with Java: key, variables and activity ids. The BPMN uses the
 * same strings; {@code DutyReviewProcessTest} fails when they drift apart.
 */
public final class DutyReview {

  public static final String PROCESS_KEY = "dutyReview";

  /** The reviewing 党委 (or 党组). */
  public static final String ORG_ID = "orgId";
  public static final String ORG_NAME = "orgName";
  public static final String YEAR = "year";
  /** The reporting secretaries' person ids, comma-separated, as the page chose them. */
  public static final String REPORTER_IDS = "reporterIds";
  /** The element variable of the multi-instance tasks: one reporting secretary. */
  public static final String REPORTER_ID = "reporterId";
  public static final String REPORTER_NAME = "reporterName";
  public static final String REPORTER_ORG_ID = "reporterOrgId";
  public static final String REPORTER_ORG_NAME = "reporterOrgName";
  public static final String DATA_REPORT_LINK = "dataReportLink";
  public static final String LAST_YEAR = "lastYearProblems";
  public static final String REPORT_WORKDAYS = "reportWorkdays";
  public static final String REVIEW_WORKDAYS = "reviewWorkdays";
  public static final String REPORT_TEXT = "reportText";
  public static final String MEETING_DATE = "meetingDate";
  public static final String ATTENDEES = "attendees";
  public static final String RATERS = "raters";
  public static final String PEOPLE_OPTIONS = "peopleOptions";
  public static final String COMMENT = "comment";
  public static final String VOTES = "votes";
  public static final String GRADE_OPTIONS = "gradeOptions";
  public static final String PROBLEMS = "problems";
  /** The element variable of the ballot: one rater chosen at the meeting, and that rater's login and name. */
  public static final String RATER_ID = "raterId";
  public static final String RATER_LOGIN = "raterLogin";
  public static final String RATER_NAME = "raterName";
  /** A rater's ballot: one row per secretary reporting (the rater left out), each with its grade. */
  public static final String BALLOT = "ballot";
  /** The votes cast for one secretary, by name, as the 组织部门's review task shows them (read-only). */
  public static final String TALLY = "tally";
  /** Who closed the ballot before its due date (name and office) and why; set by the page's close, shown to auditors. */
  public static final String BALLOT_CLOSED_EARLY_BY = "ballotClosedEarlyBy";
  public static final String BALLOT_CLOSED_EARLY_REASON = "ballotClosedEarlyReason";
  /** The message the 组织部门's early close sends; only the server sends it (users may not send messages). */
  public static final String BALLOT_CLOSED_EARLY_MESSAGE = "dutyReviewBallotClosedEarly";

  public static final String START = "StartEvent_ReviewStarted";
  public static final String SUBMIT_REPORT = "Task_SubmitReport";
  public static final String RECORD_MEETING = "Task_RecordMeeting";
  public static final String CAST_BALLOT = "Task_CastBallot";
  public static final String BALLOT_CLOSED = "Timer_BallotClosed";
  public static final String BALLOT_CLOSED_EARLY = "Message_BallotClosedEarly";
  public static final String REVIEW_SECRETARY = "Task_ReviewSecretary";
  public static final String HAND_OVER = "Task_HandOverProblems";
  public static final String END = "EndEvent_Reviewed";

  private DutyReview() {}
}
