-- The dashboard's weeks read only the kept counts whose deadline, or whose closing day, falls in the eight weeks it
-- shows (RectificationDashboard.summary): these find them without reading the province's every row.
create index ix_pf_rc_count_deadline on pf_rectification_count (deadline);
create index ix_pf_rc_count_closed on pf_rectification_count (closed_on);
