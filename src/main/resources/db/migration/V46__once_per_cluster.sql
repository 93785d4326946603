-- Work that two nodes, or a node and an officer, could do at the same moment is claimed by a row first: the
-- primary key lets one writer through and refuses the other, whatever each of them read before.

-- One 党费 case per business key: a branch's assessment of a year (duesAssessment, rmyy-nk:2027) and its
-- collection of a month (duesCollection, rmyy-nk:2027-03). Written in the transaction that starts the case.
create table pf_dues_case_start (
    process_key   varchar(64)  not null,
    business_key  varchar(128) not null,
    started_at    timestamp    not null,
    constraint pk_pf_dues_case_start primary key (process_key, business_key)
);

-- One 整改每日提示 per person and day, claimed before it is sent.
create table pf_rectification_digest (
    digest_day      date         not null,
    recipient_user  varchar(64)  not null,
    sent_at         timestamp    not null,
    constraint pk_pf_rectification_digest primary key (digest_day, recipient_user)
);
