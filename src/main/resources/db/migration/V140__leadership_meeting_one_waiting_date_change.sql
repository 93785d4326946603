-- 民主生活会: one date-change request at a time per case, kept by the database. waiting_case holds the case's process
-- instance while the request waits for the higher level's answer and is cleared by the answer; unique, so two requests
-- sent at the same instant cannot both wait (the service's own check reads before it writes and misses a concurrent
-- one). A case that already has two waiting requests keeps the first as the waiting one.
alter table pf_lm_date_change add column waiting_case varchar(64);

update pf_lm_date_change d set waiting_case = process_instance_id
 where approved is null
   and id = (select min(w.id) from pf_lm_date_change w
              where w.process_instance_id = d.process_instance_id and w.approved is null);

alter table pf_lm_date_change add constraint uq_pf_lm_date_change_waiting unique (waiting_case);
