/**
 * Read-only case files for discipline inspectors and auditors (纪委, 审计, 巡察组): a search over the history of every
 * procedure, the whole story of one case (steps, actors, deadlines, submitted values and later changes, opinions,
 * returns, votes, timers, routing, notifications, the user operation log) with the path drawn on its diagram, PDF and
 * XLSX exports, a record of every look an auditor takes, and how long history is kept. It reads Camunda's history
 * only, so a procedure added later needs nothing here.
 */
package cn.partyflow.audit;
