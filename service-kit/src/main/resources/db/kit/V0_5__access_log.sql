-- The access log (SPEC §3, §5): every read, list, export and change of personal data, by whom and when. One table
-- in every service's database, written by service-kit's audit.AccessLog. Append-only: the database itself refuses
-- an edit or a delete, as it does for safeguarding's chronology. Ids, codes, times and staff names only: never the
-- values read or changed, never a search typed into a request.
create table access_log (
    id           uuid primary key,
    organisation varchar(64)  not null,
    actor_id     varchar(64),                  -- Keycloak user id; null for the service's own passes and old rows
    actor_name   varchar(128) not null,        -- canonical lower-case user name (or the service's name)
    at           timestamptz  not null,
    record_type  varchar(40)  not null,        -- e.g. YOUNG_PERSON, CONSENT, CONCERN
    record_id    uuid,                         -- null for a list of many records
    subject_id   uuid,                         -- whose data it is (e.g. the young person), where one person's
    action       varchar(10)  not null check (action in ('READ', 'LIST', 'EXPORT', 'CHANGE')),
    detail       varchar(500)                  -- what kind of change, field names: never values
);
-- The query is always within one organisation, newest first: by period, by record (or person), by user.
create index access_log_by_organisation on access_log (organisation, at desc, id desc);
create index access_log_by_record on access_log (organisation, record_id, at desc, id desc) where record_id is not null;
create index access_log_by_subject on access_log (organisation, subject_id, at desc, id desc) where subject_id is not null;
create index access_log_by_actor on access_log (organisation, actor_name, at desc, id desc);

create function access_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access log entries are append-only';
end;
$$;
create trigger access_log_append_only before update or delete on access_log
    for each row execute function access_log_is_append_only();
create trigger access_log_never_truncated before truncate on access_log
    for each statement execute function access_log_is_append_only();
