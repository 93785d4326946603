package cn.partyflow.memberdevelopment;

import java.time.LocalDate;

/**
 * The 党委 approved a new 预备党员. Dues are owed from the day the branch meeting passed the admission resolution
 * (《关于中国共产党党费收缴、使用和管理的规定》第八条), which is {@code meetingDate}, not the approval date.
 */
public record ProbationaryMemberAdmitted(String personId, String branchId, LocalDate meetingDate) {}
