package cn.partyflow.reelection;

/**
 * The names process {@code reElection} and its calendar duty {@code reElectionReminder} share with Java: keys,
 * variables and activity ids. The BPMN files use the same strings; {@code ReElectionProcessTest} fails when they
 * drift apart.
 */
public final class ReElection {

  public static final String PROCESS_KEY = "reElection";
  public static final String REMINDER_KEY = "reElectionReminder";

  public static final String ORG_ID = "orgId";
  public static final String ORG_NAME = "orgName";
  public static final String HIGHER_ORG_ID = "higherOrgId";
  public static final String HIGHER_ORG_NAME = "higherOrgName";
  /** ELECTION, POSTPONE or ADVANCE ({@link RequestType}). */
  public static final String REQUEST_TYPE = "requestType";
  public static final String REQUEST_LABEL = "requestLabel";
  public static final String REASON = "requestReason";
  public static final String TERM_END = "termEnd";
  /** For a postponement or an advance: the day the term is to end instead ("yyyy-MM-dd"). */
  public static final String NEW_TERM_END = "newTermEnd";
  public static final String ANSWER_WORKDAYS = "answerWorkdays";
  /** The higher 党委's answer on each of its tasks: APPROVE, or REFUSE / RETURN. */
  public static final String DECISION = "decision";
  public static final String OPINION = "opinion";
  public static final String APPROVED = "approved";
  public static final String SEATS = "seats";
  public static final String CANDIDATES = "candidates";
  public static final String CANDIDATE_TABLE = "candidateTable";
  public static final String MEMBER_OPTIONS = "memberOptions";
  public static final String VOTER_OPTIONS = "voterOptions";
  public static final String ROUND = "round";
  public static final String ROUND_SEATS = "roundSeats";
  public static final String VOTES = "votes";
  public static final String PRESENT_MEMBERS = "presentMembers";
  public static final String ELECTION_DATE = "electionDate";
  public static final String UNFILLED = "unfilled";
  public static final String RESULT_TEXT = "resultText";
  public static final String ELECTED = "elected";
  public static final String ELECTED_OPTIONS = "electedOptions";
  /** On Task_DecideShortfall: SECOND_ROUND (另行选举) or REPORT (减少名额). */
  public static final String SHORTFALL = "shortfall";
  public static final String SECOND_ROUND = "SECOND_ROUND";
  public static final String OFFICES = "officesText";
  public static final String REMINDER_ORGS = "dueOrganizations";

  public static final String START = "StartEvent_Requested";
  public static final String APPROVE_TERM_CHANGE = "Task_ApproveTermChange";
  public static final String CHANGE_TERM = "Task_ChangeTerm";
  public static final String REPLY = "Task_ReplyRequest";
  public static final String NOMINATE = "Task_NominateCandidates";
  public static final String REVIEW_CANDIDATES = "Task_ReviewCandidates";
  public static final String HOLD_ELECTION = "Task_HoldElection";
  public static final String DECIDE_SHORTFALL = "Task_DecideShortfall";
  public static final String REPORT = "Task_ReportResult";
  public static final String APPROVE_RESULT = "Task_ApproveResult";
  public static final String INSTALL = "Task_InstallCommittee";
  public static final String END_ELECTED = "EndEvent_CommitteeInstalled";
  public static final String END_REFUSED = "EndEvent_RequestRefused";
  public static final String END_TERM_CHANGED = "EndEvent_TermChanged";
  public static final String END_TERM_CHANGE_REFUSED = "EndEvent_TermChangeRefused";

  public static final String FIND_DUE = "Task_FindTermsEnding";
  public static final String REMIND = "Task_RemindHigherOrganization";

  private ReElection() {}
}
