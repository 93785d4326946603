-- The home's dues figures kept per branch and month (DuesMonthTotals) instead of summed over the ledger on every
-- request: a province's month is 4,000,000 ledger rows, its arrears every earlier month. Every writer of
-- pf_dues_ledger recounts the (branch, month) it changed from the ledger in the same transaction. unpaid_members
-- and owed are the month's members who paid less than due and what they still owe; summed over earlier months
-- they are the arrears in 人次 (a person owing two months counts twice) and in yuan.
create table pf_dues_month_total (
    branch_id            varchar(64)   not null,
    period               varchar(7)    not null,
    members              integer       not null,
    expected             numeric(14,2) not null,
    received             numeric(14,2) not null,
    unpaid_members       integer       not null,
    owed                 numeric(14,2) not null,
    constraint pk_pf_dues_month_total primary key (branch_id, period)
);
-- Arrears: per branch only the months somebody still owes for (most months are paid up), with what is summed.
create index ix_pf_dues_month_total_owing on pf_dues_month_total (branch_id, unpaid_members, period, owed);

-- The months already in the ledger, counted once (DuesMonthTotals.rebuild does the same later on demand).
insert into pf_dues_month_total (branch_id, period, members, expected, received, unpaid_members, owed)
select branch_id, period, count(*), sum(due), sum(paid), sum(case when paid < due then 1 else 0 end),
       sum(case when paid < due then due - paid else 0 end)
from pf_dues_ledger
group by branch_id, period;
