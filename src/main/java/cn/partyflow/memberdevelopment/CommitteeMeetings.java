package cn.partyflow.memberdevelopment;

import java.util.Optional;

/** Where 党委会 records are kept: written once when the meeting is recorded, read when each approval completes. */
interface CommitteeMeetings {

  /** Stores the meeting with its attendance and decisions and returns its id. */
  long record(CommitteeMeeting meeting);

  Optional<CommitteeMeeting> find(long id);
}
