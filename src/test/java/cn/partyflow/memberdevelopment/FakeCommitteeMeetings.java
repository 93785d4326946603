package cn.partyflow.memberdevelopment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** 党委会 records in memory, for process tests without a database. */
class FakeCommitteeMeetings implements CommitteeMeetings {

  final Map<Long, CommitteeMeeting> meetings = new LinkedHashMap<>();

  @Override
  public long record(CommitteeMeeting m) {
    long id = meetings.size() + 1L;
    meetings.put(id, new CommitteeMeeting(id, m.committeeId(), m.committeeName(), m.date(), m.members(),
        m.decisions(), m.recordedBy(), m.minutes()));
    return id;
  }

  @Override
  public Optional<CommitteeMeeting> find(long id) {
    return Optional.ofNullable(meetings.get(id));
  }
}
