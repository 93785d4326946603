-- 统计 (cn.partyflow.reports) reads a period of each organization's records: the rectification cases fed back in
-- it, the arrears cases opened in it and the large voluntary payments flagged in it.
create index ix_pf_rc_case_org_feedback on pf_rectification_case (org_id, feedback_date);
create index ix_pf_dues_arrears_branch_opened on pf_dues_arrears_case (branch_id, opened_at);
create index ix_pf_dues_large_branch_flagged on pf_dues_large_voluntary (branch_id, flagged_at);
