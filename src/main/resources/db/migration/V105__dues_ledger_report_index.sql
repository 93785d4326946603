-- 统计 sums a period of the ledger per branch and month (DuesFigures): a county's year is half a million rows. With
-- due and paid in the index the sum is an index-only scan of the county's branches; through the unique key
-- (branch_id, period, person_id) every row was a heap fetch, about 2 s for a county of 50,000 members under load.
create index ix_pf_dues_ledger_branch_period on pf_dues_ledger (branch_id, period, due, paid);
