-- The managers' dashboard at 100,000 items: the first page in deadline order is read from an index in that order
-- (no sort of every item a manager may see), and the counts above it come from one pass over an index that holds
-- every column they group and filter by. The latter replaces the narrower (org_id, status, deadline) index.
create index ix_pf_rc_item_deadline on pf_rectification_item (deadline, id);
create index ix_pf_rc_item_summary on pf_rectification_item (org_id, status, department, leader_user, category, deadline);
drop index ix_pf_rc_item_org_status_deadline;
