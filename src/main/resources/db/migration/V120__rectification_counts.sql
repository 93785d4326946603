-- The dashboard's and the 党委书记's home's counts, kept up to date by RectificationItems in the transaction that
-- changes an item (RectificationCounts) instead of counted over every visible item per request: the number of items
-- per organization, department, leader, category, status, deadline and closing day. An item without a deadline or
-- not closed stands under 9999-12-31, which no date window of the dashboard reaches, so every figure (overdue, due
-- soon, planned and closed per week) is a sum over these rows with the conditions it had over the items.
create table pf_rectification_count (
    org_id               varchar(64)   not null,
    department           varchar(100)  not null,
    leader_user          varchar(64)   not null,
    category             varchar(20)   not null,
    status               varchar(20)   not null,
    deadline             date          not null,
    closed_on            date          not null,
    n                    bigint        not null,
    constraint pk_pf_rectification_count
        primary key (org_id, department, leader_user, category, status, deadline, closed_on)
);

-- The items already there, counted once (RectificationCounts.rebuild does the same later on demand).
insert into pf_rectification_count (org_id, department, leader_user, category, status, deadline, closed_on, n)
select org_id, department, leader_user, category, status, coalesce(deadline, date '9999-12-31'),
       coalesce(cast(closed_at as date), date '9999-12-31'), count(*)
from pf_rectification_item
group by org_id, department, leader_user, category, status, coalesce(deadline, date '9999-12-31'),
         coalesce(cast(closed_at as date), date '9999-12-31');
