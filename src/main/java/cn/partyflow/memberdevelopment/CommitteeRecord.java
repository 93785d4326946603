package cn.partyflow.memberdevelopment;

import java.time.LocalDate;

/**
 * A 党委会's decision on one case as another module reads it: the meeting, its committee and date, attendance, the
 * case's own vote, whether it approved, the opinion (the reason when not approved) and the account the case file
 * keeps (date, attendance by name, written opinions, votes, conclusion).
 */
public record CommitteeRecord(long meetingId, String committeeId, String committeeName, LocalDate date, int entitled,
    int present, int votesFor, int votesAgainst, int abstentions, boolean approved, String opinion,
    String account) {}
