-- When a member's dues begin, as heard from the member development module (ProbationaryMemberAdmitted): owed from the month
-- of the 支部大会 (2008 regulation Art. 8); months before admitted_in (the month the 党委 approved) were owed before
-- anybody could ask for them, so they are paid as back payments and never count as arrears.
create table pf_dues_member_start (
    person_id           varchar(64)   not null primary key references pf_person (id),
    branch_id           varchar(64)   not null references pf_organization (id),
    meeting_date        date          not null,
    dues_from           varchar(7)    not null,
    admitted_in         varchar(7)    not null,
    recorded_at         timestamp     not null
);

-- The income the 2017 notice leaves out of the base (reform-type allowances, incentive performance pay, a
-- retiree's allowances), item by item, so the amounts table shows what was not counted.
alter table pf_dues_assessment add column not_counted numeric(12,2) not null default 0;
alter table pf_dues_assessment add column not_counted_items varchar(2000);

-- A month collected on last year's amounts before this year's table was approved, and what the approval changed.
alter table pf_dues_ledger add column provisional boolean not null default false;
alter table pf_dues_ledger add column provisional_due numeric(12,2);

-- A back payment beyond the limit is taken only with the recorded exception.
alter table pf_dues_payment add column exception_note varchar(500);

-- A month paid short (不按规定交纳): the talk sets a deadline to make it up.
alter table pf_dues_arrears_case add column short_amount numeric(12,2);
alter table pf_dues_arrears_case add column correct_by date;

-- An adjustment's approval is a task of its own case: a reduction or exemption (少交、免交) with the branch's
-- decision, who decided and why.
alter table pf_dues_adjustment add column reduced_amount numeric(12,2);
alter table pf_dues_adjustment add column branch_decision_date date;
alter table pf_dues_adjustment add column process_instance_id varchar(64);
alter table pf_dues_adjustment add column decision_comment varchar(500);
