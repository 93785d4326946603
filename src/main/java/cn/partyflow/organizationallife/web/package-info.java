/** 组织生活 in the browser: the branches' years, a branch's calendar and records, recording a meeting, the export. */
package cn.partyflow.organizationallife.web;
