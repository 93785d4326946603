-- 述职评议's 民主测评 is cast by each rater in their own task; a case marks when its ballot opened. A case recorded
-- its meeting before this (ballot_opened null) keeps the vote lines the 组织部门 typed in at 点评和测评.
alter table pf_dr_case add column ballot_opened timestamp;
