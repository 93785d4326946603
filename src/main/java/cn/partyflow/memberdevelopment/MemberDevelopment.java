package cn.partyflow.memberdevelopment;

/** Names that code, reports and audits share with the BPMN {@code memberDevelopment}: the data dictionary. */
public final class MemberDevelopment {

  public static final String PROCESS_KEY = "memberDevelopment";

  // The data dictionary (README): dates are "yyyy-MM-dd" strings, lists are JSON arrays of person ids.
  public static final String APPLICANT_ID = "applicantId";
  public static final String BRANCH_ID = "branchId";
  public static final String BRANCH_NAME = "branchName";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String GENDER = "gender";
  public static final String BIRTH_DATE = "birthDate";
  public static final String APPLICATION_DATE = "applicationDate";
  public static final String TALK_DATE = "talkDate";
  public static final String ACTIVIST_DATE = "activistDate";
  public static final String CONTACT_IDS = "contactIds";
  public static final String DEVELOPMENT_TARGET_DATE = "developmentTargetDate";
  public static final String SPONSOR_IDS = "sponsorIds";
  public static final String POLITICAL_REVIEW_PASSED = "politicalReviewPassed";
  public static final String TRAINING_HOURS = "trainingHours";
  public static final String PUBLICITY_START = "publicityStart";
  public static final String PUBLICITY_END = "publicityEnd";
  public static final String ADMISSION_MEETING_DATE = "admissionMeetingDate";
  public static final String VOTERS_ENTITLED = "votersEntitled";
  public static final String VOTERS_PRESENT = "votersPresent";
  public static final String VOTES_FOR = "votesFor";
  public static final String APPROVAL_DATE = "approvalDate";
  public static final String OATH_DATE = "oathDate";
  public static final String PROBATION_END_DATE = "probationEndDate";
  public static final String CONVERSION_MEETING_DATE = "conversionMeetingDate";
  public static final String CONVERSION_OUTCOME = "conversionOutcome";
  public static final String EXTENSION_MONTHS = "extensionMonths";
  public static final String CONVERSION_APPROVAL_DATE = "conversionApprovalDate";
  public static final String PARTY_STANDING_FROM = "partyStandingFrom";

  /** The 党委会 that decided an approval (pf_committee_meeting), and its account for the case file. */
  public static final String COMMITTEE_MEETING_ID = "committeeMeetingId";
  public static final String COMMITTEE_VOTE_RECORD = "committeeVoteRecord";
  /** When the 党委 returned the case (or the approval expired): the next branch meeting lies after it. */
  public static final String COMMITTEE_RETURN_DATE = "committeeReturnDate";
  /** Absent voting members whose written opinions, submitted before the meeting, are counted (细则第二十一条). */
  public static final String WRITTEN_OPINIONS = "writtenOpinions";
  public static final String CONVERSION_VOTE_PASSED = "conversionVotePassed";
  /** 火线入党: the special path of the 2020 notice, authorized by the 党委. */
  public static final String FRONTLINE_ADMISSION = "frontlineAdmission";

  // Activity ids: the BPMN's user tasks, each completed by the step of MemberDevelopmentSteps named after it.
  public static final String TASK_RECORD_APPLICATION = "Task_RecordApplication";
  public static final String TASK_TALK_WITH_APPLICANT = "Task_TalkWithApplicant";
  public static final String TASK_NOMINATE_ACTIVIST = "Task_NominateActivist";
  public static final String TASK_FILE_ACTIVIST = "Task_FileActivist";
  public static final String TASK_APPOINT_CONTACTS = "Task_AppointContacts";
  public static final String TASK_CULTIVATE = "Task_Cultivate";
  public static final String TASK_DECIDE_TARGET = "Task_DecideTarget";
  public static final String TASK_FILE_TARGET = "Task_FileTarget";
  public static final String TASK_AUTHORIZE_FRONTLINE = "Task_AuthorizeFrontline";
  public static final String TASK_FIX_SPONSORS = "Task_FixSponsors";
  public static final String TASK_POLITICAL_REVIEW = "Task_PoliticalReview";
  public static final String TASK_TRAINING = "Task_Training";
  public static final String TASK_COMMITTEE_SCREENING = "Task_CommitteeScreening";
  public static final String TASK_START_PUBLICITY = "Task_StartPublicity";
  public static final String TASK_WATCH_PUBLICITY = "Task_WatchPublicity";
  public static final String TASK_INVESTIGATE_OBJECTION = "Task_InvestigateObjection";
  public static final String TASK_PRE_REVIEW = "Task_PreReview";
  public static final String TASK_FILL_VOLUNTEER_FORM = "Task_FillVolunteerForm";
  public static final String TASK_ADMISSION_MEETING = "Task_AdmissionMeeting";
  public static final String TASK_PRE_APPROVAL_TALK = "Task_PreApprovalTalk";
  public static final String TASK_APPROVAL = "Task_Approval";
  public static final String TASK_NOTIFY_REFUSAL = "Task_NotifyRefusal";
  public static final String TASK_FILE_UPWARD = "Task_FileUpward";
  public static final String TASK_PLACEMENT = "Task_Placement";
  public static final String TASK_OATH = "Task_Oath";
  public static final String TASK_CONTINUED_ASSESSMENT = "Task_ContinuedAssessment";
  public static final String TASK_CONVERSION_APPLICATION = "Task_ConversionApplication";
  public static final String TASK_CONVERSION_PUBLICITY = "Task_ConversionPublicity";
  public static final String TASK_CONVERSION_MEETING = "Task_ConversionMeeting";
  public static final String TASK_CONVERSION_APPROVAL = "Task_ConversionApproval";
  public static final String TASK_ARCHIVE = "Task_ArchiveMaterials";

  // The task-local variables with the people a task's form offers (its selects' valuesKey).
  static final String MEMBER_OPTIONS = "memberOptions";
  static final String OFFICER_OPTIONS = "officerOptions";
  static final String COMMITTEE_OPTIONS = "committeeOptions";

  /** Where a case enters: APPLICATION (default), ACTIVIST, TARGET, ADMISSION or PROBATION. */
  public static final String START_STAGE = "startStage";
  /** Where a stage sub-process starts when the case enters or returns to it mid-stage. */
  public static final String ENTRY_STEP = "entryStep";
  /** How a stage ended: CONTINUE or the way back or out (see {@link Outcome}). */
  public static final String STAGE_OUTCOME = "stageOutcome";

  /** How a stage sub-process ended, read by the gateway after it. */
  public enum Outcome {
    CONTINUE, BACK_TO_CULTIVATION, BACK_TO_TARGET, POLITICAL_REVIEW_FAILED, REFUSED, CONVERTED, CANCELLED
  }

  private MemberDevelopment() {}
}
