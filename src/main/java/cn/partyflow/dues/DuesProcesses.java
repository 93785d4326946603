package cn.partyflow.dues;

/** Process keys, business keys and the variable names the dues processes, forms and services share. */
public final class DuesProcesses {

  public static final String ASSESSMENT = "duesAssessment";
  public static final String COLLECTION = "duesCollection";
  public static final String ARREARS = "duesArrears";
  public static final String ADJUSTMENT = "duesAdjustment";

  // The activities the Java side names: the steps done on the /dues page and the adjustment's approvals.
  public static final String TASK_IMPORT_INCOME = "Task_ImportIncome";
  public static final String TASK_REVIEW_AMOUNTS = "Task_ReviewAmounts";
  public static final String TASK_COLLECT_DUES = "Task_CollectDues";
  public static final String TASK_BRANCH_CONSENT = "Task_BranchConsent";
  public static final String TASK_APPROVE_ADJUSTMENT = "Task_ApproveAdjustment";
  public static final String TASK_TALK_SHORT_PAYMENT = "Task_TalkShortPayment";
  public static final String TASK_COMMITTEE_APPROVAL = "Task_CommitteeApproval";

  public static final String ORG_ID = "orgId";
  public static final String BRANCH_NAME = "branchName";
  public static final String YEAR = "assessYear";
  public static final String PERIOD = "period";
  public static final String COMMITTEE_ID = "committeeId";
  public static final String COMMITTEE_NAME = "committeeName";
  /** The 党委会 (member development's record) that decided a 自行脱党除名, set when the 党委会研究 page completes the task. */
  public static final String COMMITTEE_MEETING_ID = "committeeMeetingId";
  public static final String COMMITTEE_VOTE_RECORD = "committeeVoteRecord";

  private DuesProcesses() {}

  /** One assessment per branch and year: {@code rmyy-nk:2027}. */
  public static String assessmentKey(String branchId, int year) {
    return branchId + ":" + year;
  }

  /** One approval case per adjustment: {@code rmyy-nk:adjustment-12}; the branch comes before the last colon. */
  public static String adjustmentKey(String branchId, long adjustmentId) {
    return branchId + ":adjustment-" + adjustmentId;
  }

  /** One collection per branch and month: {@code rmyy-nk:2027-03}. */
  public static String collectionKey(String branchId, String period) {
    return branchId + ":" + period;
  }
}
