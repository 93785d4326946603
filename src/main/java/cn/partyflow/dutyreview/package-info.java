/**
 * 书记抓基层党建述职评议 (the yearly report of the secretaries on grassroots party building), process {@code
 * dutyReview}: the higher 党委's 组织部门 starts one case per reviewing 党委 (or 党组) and year and chooses the
 * secretaries who report; each submits the written report with the data report of the reports module attached; the
 * 党委 records the on-site meeting, its comments (点评) and the rating (测评) with every rater's vote, the overall grade
 * computed by {@link cn.partyflow.dutyreview.DutyReviewRules}; the problems raised for each secretary become a
 * rectification case of source 述职评议 for that secretary's organization ({@code
 * rectification.ProblemListHandover}), and next year's report shows what became of them. The BPMN reaches Java only
 * through {@link cn.partyflow.dutyreview.DutyReviewSteps}.
 */
package cn.partyflow.dutyreview;
