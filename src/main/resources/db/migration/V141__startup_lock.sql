-- One row that a starting node locks while it brings the shared database in line with its code (filters, grants,
-- retention, calendar timers, running cases' versions, identities), so that nodes started together do that one after
-- the other instead of racing to write the same rows.
create table pf_startup_lock (id int primary key);

insert into pf_startup_lock (id) values (1);
