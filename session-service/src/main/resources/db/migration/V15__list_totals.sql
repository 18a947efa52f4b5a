-- GET /sessions without a filter gives the organisation's number of sessions. Counted (`count(*) ... where
-- organisation = ?`), it read one index entry per session and grew with the table. The total is kept here instead,
-- per organisation, by statement triggers on inserts and deletes of session (one update per statement, whatever its
-- size), and commits with the rows it counts, so it is exactly what a count in the same transaction would give. A
-- session's organisation is set when it is booked and never changes, so its many updates (checklist, start, Zoom
-- provisioning, cancellation: a cancelled session is still listed) pay for no trigger. A list with a filter still
-- counts its matches (a period through the index below, a facilitator or a young person through theirs).
-- GET /one-to-one-requests, never filtered, gets the same for its requests (one_to_one_request_count, below).
create table session_count (
    organisation varchar(64) primary key,
    sessions     bigint      not null
);

insert into session_count (organisation, sessions)
select organisation, count(*) from session group by organisation;

-- Adds each organisation's change: inserted rows count +1, deleted ones -1. Organisations in the order of their
-- name, so two statements never wait on each other in opposite orders.
create function session_count_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into session_count (organisation, sessions)
        select organisation, count(*) from new_rows group by organisation order by organisation
        on conflict (organisation) do update set sessions = session_count.sessions + excluded.sessions;
    elsif tg_op = 'DELETE' then
        update session_count c set sessions = c.sessions - d.n
        from (select organisation, count(*) n from old_rows group by organisation) d
        where c.organisation = d.organisation;
    end if;
    return null;
end $$;

create trigger session_counted_in after insert on session
    referencing new table as new_rows for each statement execute function session_count_change();
create trigger session_counted_out after delete on session
    referencing old table as old_rows for each statement execute function session_count_change();

create function session_count_emptied() returns trigger language plpgsql as $$
begin
    delete from session_count;
    return null;
end $$;

create trigger session_count_truncated after truncate on session
    for each statement execute function session_count_emptied();

-- The list's order (startsAt desc, then id) in full, so a page reads its rows from the index in order with no sort,
-- and a period's count reads only index entries.
create index session_by_org_start_id on session (organisation, starts_at desc, id);
drop index session_by_org_start;

-- The organisation's one-to-one requests, kept the same way: a request is recorded once, given its session when
-- scheduled (an update, no trigger) and never deleted or moved by the service.
create table one_to_one_request_count (
    organisation varchar(64) primary key,
    requests     bigint      not null
);

insert into one_to_one_request_count (organisation, requests)
select organisation, count(*) from one_to_one_request group by organisation;

create function one_to_one_request_count_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into one_to_one_request_count (organisation, requests)
        select organisation, count(*) from new_rows group by organisation order by organisation
        on conflict (organisation) do update set requests = one_to_one_request_count.requests + excluded.requests;
    elsif tg_op = 'DELETE' then
        update one_to_one_request_count c set requests = c.requests - d.n
        from (select organisation, count(*) n from old_rows group by organisation) d
        where c.organisation = d.organisation;
    end if;
    return null;
end $$;

create trigger one_to_one_request_counted_in after insert on one_to_one_request
    referencing new table as new_rows for each statement execute function one_to_one_request_count_change();
create trigger one_to_one_request_counted_out after delete on one_to_one_request
    referencing old table as old_rows for each statement execute function one_to_one_request_count_change();

create function one_to_one_request_count_emptied() returns trigger language plpgsql as $$
begin
    delete from one_to_one_request_count;
    return null;
end $$;

create trigger one_to_one_request_count_truncated after truncate on one_to_one_request
    for each statement execute function one_to_one_request_count_emptied();

-- its order in full, as for sessions
create index one_to_one_request_by_org_requested_id on one_to_one_request (organisation, requested_at desc, id);
drop index one_to_one_request_by_org;
