/**
 * 民主生活会 of a 党委's or 党组's leadership (领导班子), process {@code leadershipMeeting}: one case per
 * organization and year. The theme and plan go to the higher level in advance and come back approved or returned;
 * opinions are solicited, the 班子成员 talk with each other and each submits a 对照检查材料; the meeting is recorded
 * with attendance by name (at least two thirds present), the higher level's observer and the criticism per member;
 * the report goes upward within its days and is answered by the higher 组织部门; the meeting's problem list then
 * starts a rectification case through {@link cn.partyflow.rectification.ProblemListHandover}. The rules are plain
 * Java ({@link cn.partyflow.leadershipmeeting.LeadershipMeetingRules}); the BPMN reaches Java only through {@link
 * cn.partyflow.leadershipmeeting.LeadershipMeetingSteps}.
 */
package cn.partyflow.leadershipmeeting;
