-- The home page's pipeline counts the people on the way in (申请人 to 预备党员) of every organization in the user's
-- scope. In a province's registry of 4,000,000 that is a twentieth of the rows: read from this index alone instead
-- of grouping every person in scope (Roster.stageCounts).
create index ix_pf_person_status_org on pf_person (status, org_id);
