/** 民主生活会's pages: the organizations with their year's case, the start, and a case's record. */
package cn.partyflow.leadershipmeeting.web;
