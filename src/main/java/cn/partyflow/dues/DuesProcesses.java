package cn.partyflow.dues;

/** Process keys, business keys and the variable names the dues processes, forms and services share. */
public final class DuesProcesses {

  public static final String ASSESSMENT = "duesAssessment";
  public static final String COLLECTION = "duesCollection";
  public static final String ARREARS = "duesArrears";

  public static final String ORG_ID = "orgId";
  public static final String BRANCH_NAME = "branchName";
  public static final String YEAR = "assessYear";
  public static final String PERIOD = "period";
  public static final String COMMITTEE_ID = "committeeId";
  public static final String COMMITTEE_NAME = "committeeName";

  private DuesProcesses() {}

  /** One assessment per branch and year: {@code rmyy-nk:2027}. */
  public static String assessmentKey(String branchId, int year) {
    return branchId + ":" + year;
  }

  /** One collection per branch and month: {@code rmyy-nk:2027-03}. */
  public static String collectionKey(String branchId, String period) {
    return branchId + ":" + period;
  }
}
