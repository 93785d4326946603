-- The leaders of a large scope's items (the 责任领导 filter of the dashboard) are found leader by leader along this
-- index, a step per leader instead of a pass over every kept count of a province.
create index ix_pf_rc_count_leader on pf_rectification_count (leader_user, org_id);
