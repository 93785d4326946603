/**
 * 统计与年度报告: the numbers the annual party-building reports are written from, for a period (year, quarter, month
 * or from-to) and an organization with everything below it, within the reader's scope. Members at the period's end
 * and their changes, member development, 巡察整改 by source and 党费 come from the tables and history the procedures
 * keep; each figure is built from the list of people, items or ledger rows behind it, so a figure and its drill-down
 * always agree. The annual data report (DOCX and PDF) writes the same figures into sentences whose wording an
 * administrator can edit ({@link cn.partyflow.reports.AnnualWording}). Read-only: nothing here changes a case.
 */
package cn.partyflow.reports;
