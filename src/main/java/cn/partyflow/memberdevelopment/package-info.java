/**
 * 发展党员: the member development procedure from 入党申请人 to 正式党员 (process {@code memberDevelopment}, five stages
 * and twenty-five steps). The BPMN reaches Java only through {@link cn.partyflow.memberdevelopment.MemberDevelopmentSteps},
 * one method per step; {@link cn.partyflow.memberdevelopment.MemberDevelopmentRules} holds the rules of the 细则 as plain
 * Java; {@link cn.partyflow.memberdevelopment.MemberDevelopmentService} opens cases from the person registry, records the
 * stage a person reached and tells the dues feature about a new 预备党员 through
 * {@link cn.partyflow.memberdevelopment.ProbationaryMemberAdmitted}.
 */
package cn.partyflow.memberdevelopment;
