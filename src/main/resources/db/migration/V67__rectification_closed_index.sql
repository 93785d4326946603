-- The weekly closing chart of the dashboard counts the items closed in the last weeks: read from an index on the
-- closing time instead of a pass over every item a manager may see.
create index ix_pf_rc_item_closed on pf_rectification_item (closed_at);
