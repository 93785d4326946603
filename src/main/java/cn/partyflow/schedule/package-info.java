/**
 * What runs on a calendar runs once per cluster. Each calendar duty (the daily start of the month's dues
 * collections, the rectification digest, and any later one) is a small BPMN process with a timer start event whose
 * cron comes from the settings ({@link cn.partyflow.schedule.Schedules}). The engine keeps one timer job per duty in
 * the database, and the job executors of all nodes compete for it, so each firing runs on exactly one node, is
 * retried when it fails and is picked up by another node when its node dies. Nobody starts a duty by hand except
 * the administrator ({@link cn.partyflow.schedule.DutyStarts}), and a changed cron reaches the existing timer at the
 * next start ({@link cn.partyflow.schedule.ScheduleSync}).
 */
package cn.partyflow.schedule;
