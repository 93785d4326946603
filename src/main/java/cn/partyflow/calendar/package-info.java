/**
 * Working days and Chinese public holidays. Deadlines and publicity periods in every procedure are counted with
 * {@link cn.partyflow.calendar.WorkdayCalendar}, available in BPMN expressions as {@code workdays}.
 */
package cn.partyflow.calendar;
