-- Which case a notification was about, so the auditors' case page can list it.
alter table pf_notification add column process_instance_id varchar(64);
create index ix_pf_notification_case on pf_notification (process_instance_id);
