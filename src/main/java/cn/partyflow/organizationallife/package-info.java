/**
 * 组织生活 (organisational life): one case per 党支部 and year, process {@code organizationalLife}. The year's plan
 * of the meetings the rules require (三会一课, 主题党日, 谈心谈话, each frequency a setting), a record of every meeting
 * held with its attendance, absentees and 补课, minutes and photos, the quorum rules, a reminder to the 书记 when a
 * period ends without its meeting and a 督办 for the 党委组织部门 some working days later, the 党委's review of each
 * quarter, and the counts the year's report quotes. The rules are plain Java ({@link
 * cn.partyflow.organizationallife.OrganizationalLifeRules}); the BPMN reaches Java only through {@link
 * cn.partyflow.organizationallife.OrganizationalLifeSteps}.
 */
package cn.partyflow.organizationallife;
