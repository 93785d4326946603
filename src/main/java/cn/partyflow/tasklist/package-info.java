/**
 * The officers' Tasklist: the task filters each role finds there (我的待办, 本组织待办, 三日内到期, 已逾期, and
 * 本单位全部待办 for the leaders of a unit), kept in step with the code at every start. The Chinese translation, the header and
 * the hidden end-of-life banner are static webapp overlays under META-INF/resources/webjars/camunda/app/.
 */
package cn.partyflow.tasklist;
