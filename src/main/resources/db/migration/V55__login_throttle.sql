-- Failed logins counted per login name (kind 'user') and per client address (kind 'source'), shared by every node.
-- A row's wait ends by itself (blocked_until, at most partyflow.login.max-wait after the last failure); rows older
-- than partyflow.login.forget-after are deleted.
create table pf_login_throttle (
    kind          varchar(10)              not null,
    subject       varchar(255)             not null,
    failures      integer                  not null,
    last_failure  timestamp with time zone not null,
    blocked_until timestamp with time zone,
    primary key (kind, subject)
);
create index ix_pf_login_throttle_last on pf_login_throttle (last_failure);
