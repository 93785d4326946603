/** The pages of 述职评议: the reviewing 党委s with their cases, the start, the record of a case. */
package cn.partyflow.dutyreview.web;
