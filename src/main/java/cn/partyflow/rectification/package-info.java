/**
 * 巡察整改: one case per feedback received (from a county 巡察组, or the 整改清单 of a 民主生活会 or 组织生活会), its
 * rectification plan of items, each item tracked on its own from measures to 销号, an escalation ladder on the
 * working-day calendar that chases people before a deadline slips, notifications through pluggable channels, the
 * two-month report with its disclosure, and the managers' deadline dashboard. Item state lives in our tables,
 * mirrored from the process {@code inspectionRectification} by {@link cn.partyflow.rectification.RectificationSteps}.
 */
package cn.partyflow.rectification;
