-- 组织生活会 and 民主评议党员: one case per branch and year (the row is written in the transaction that starts it, so
-- a second start is refused), the preparation, the meeting with each member's attendance, self-examination,
-- criticism and appraisal grade with the votes behind it, and the follow-up of each member graded 不合格.
create table pf_olm_case (
    branch_id                   varchar(64)   not null references pf_organization (id),
    year_no                     int           not null,
    process_instance_id         varchar(64)   not null unique,
    status                      varchar(20)   not null,
    started_on                  date          not null,
    started_by                  varchar(64),
    study_on                    date,
    study_content               varchar(2000),
    opinions_on                 date,
    opinions_summary            varchar(2000),
    opinion_count               int,
    prepared_by                 varchar(64),
    held_on                     date,
    chair_id                    varchar(64)   references pf_person (id),
    observer                    varchar(200),
    criticism                   varchar(4000),
    entitled                    int,
    present                     int,
    voting_entitled             int,
    voting_present              int,
    recorded_by                 varchar(64),
    rectification_instance_id   varchar(64),
    closed_on                   date,
    constraint pk_pf_olm_case primary key (branch_id, year_no)
);

create table pf_olm_talk (
    branch_id       varchar(64)  not null,
    year_no         int          not null,
    seq             int          not null,
    talker_id       varchar(64)  not null references pf_person (id),
    partner_id      varchar(64)  not null references pf_person (id),
    talked_on       date         not null,
    constraint pk_pf_olm_talk primary key (branch_id, year_no, seq),
    constraint fk_pf_olm_talk_case foreign key (branch_id, year_no) references pf_olm_case (branch_id, year_no)
);

create table pf_olm_member (
    branch_id          varchar(64)   not null,
    year_no            int           not null,
    person_id          varchar(64)   not null references pf_person (id),
    voting             boolean       not null,
    self_exam          varchar(20),
    self_exam_note     varchar(200),
    attendance         varchar(10),
    reason             varchar(200),
    criticism          varchar(500),
    grade              varchar(20),
    votes              varchar(200),
    constraint pk_pf_olm_member primary key (branch_id, year_no, person_id),
    constraint fk_pf_olm_member_case foreign key (branch_id, year_no) references pf_olm_case (branch_id, year_no)
);

create table pf_olm_problem (
    branch_id   varchar(64)   not null,
    year_no     int           not null,
    seq         int           not null,
    problem     varchar(500)  not null,
    constraint pk_pf_olm_problem primary key (branch_id, year_no, seq),
    constraint fk_pf_olm_problem_case foreign key (branch_id, year_no) references pf_olm_case (branch_id, year_no)
);

create table pf_olm_follow_up (
    branch_id          varchar(64)    not null,
    year_no            int            not null,
    person_id          varchar(64)    not null references pf_person (id),
    status             varchar(20)    not null,
    disposition        varchar(30),
    correction_due     date,
    decided_on         date,
    votes_for          int,
    votes_against      int,
    votes_abstain      int,
    reason             varchar(1000),
    decided_by         varchar(64),
    approval_opinion   varchar(1000),
    approved_by        varchar(64),
    constraint pk_pf_olm_follow_up primary key (branch_id, year_no, person_id),
    constraint fk_pf_olm_follow_up_case foreign key (branch_id, year_no) references pf_olm_case (branch_id, year_no)
);
