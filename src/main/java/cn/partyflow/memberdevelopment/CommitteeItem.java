package cn.partyflow.memberdevelopment;

/**
 * One matter another module brings before a 党委会, as the 党委会研究 page lists it: the open task the meeting's
 * decision completes, whose case it is, what is decided ({@code step}, e.g. 自行脱党除名) and the date of the branch
 * meeting that sent it up. Such a matter is approved or not approved by its own vote; it is never sent back.
 */
public record CommitteeItem(String taskId, String processInstanceId, String taskKey, String personId,
    String personName, String branchName, String step, String branchMeetingDate) {}
