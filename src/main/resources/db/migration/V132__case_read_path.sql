-- The organizations above each organization whose scope groups hold grants on its cases (CaseReadPaths).
create table pf_case_read_path (
  org_id varchar(64) not null,
  reader_id varchar(64) not null,
  pending boolean not null default false,
  primary key (org_id, reader_id)
);
