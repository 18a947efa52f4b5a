-- A youth worker's GET /sessions (the sessions they lead) and a coordinator's GET /sessions?facilitator= give the
-- number of sessions that member of staff leads. Counted, that grows with their sessions over the years. Kept here
-- instead, per organisation and facilitator row key (user name, and Keycloak user id or '' for a row from before V3
-- that has none), by statement triggers on session_facilitator (one update per statement), committed with the rows
-- they count. session_facilitator holds one row per session and user name, and per session and user id, so:
--   sessions led by user id X        = sum(sessions) where user_id = X (rows from before V3 that carry only X's
--                                      name are counted apart, under '', and the list counts as before while any
--                                      remain: SessionSearch);
--   sessions with facilitator name N = sum(sessions) where user_name = N.
-- A session's organisation is set when it is booked and never changes; its facilitators are rewritten by Hibernate
-- (deleted and inserted) when they change, and given their id by FacilitatorBackfill (an update).
create table session_lead_count (
    organisation varchar(64)  not null,
    user_name    varchar(100) not null,
    user_id      varchar(64)  not null, -- '' for a row without Keycloak id
    sessions     bigint       not null,
    primary key (organisation, user_name, user_id)
);
create index session_lead_count_by_user_id on session_lead_count (organisation, user_id);

insert into session_lead_count (organisation, user_name, user_id, sessions)
select s.organisation, f.user_name, coalesce(f.user_id, ''), count(*)
from session_facilitator f join session s on s.id = f.session_id
group by 1, 2, 3;

-- Removed rows count -1, added ones +1 (an update does both, in one upsert), each under its session's organisation,
-- keys in order, so two statements never wait on each other in opposite orders. (A transition table exists only for
-- the events that have it, hence three statements.)
create function session_lead_count_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into session_lead_count (organisation, user_name, user_id, sessions)
        select s.organisation, n.user_name, coalesce(n.user_id, ''), count(*)
        from new_rows n join session s on s.id = n.session_id
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (organisation, user_name, user_id)
            do update set sessions = session_lead_count.sessions + excluded.sessions;
    elsif tg_op = 'DELETE' then
        insert into session_lead_count (organisation, user_name, user_id, sessions)
        select s.organisation, o.user_name, coalesce(o.user_id, ''), -count(*)
        from old_rows o join session s on s.id = o.session_id
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (organisation, user_name, user_id)
            do update set sessions = session_lead_count.sessions + excluded.sessions;
    else
        insert into session_lead_count (organisation, user_name, user_id, sessions)
        select s.organisation, moved.user_name, moved.user_id, sum(moved.n)
        from (select session_id, user_name, coalesce(user_id, '') user_id, -1 n from old_rows
              union all
              select session_id, user_name, coalesce(user_id, ''), 1 from new_rows) moved
        join session s on s.id = moved.session_id
        group by 1, 2, 3 having sum(moved.n) <> 0 order by 1, 2, 3
        on conflict (organisation, user_name, user_id)
            do update set sessions = session_lead_count.sessions + excluded.sessions;
    end if;
    return null;
end $$;

create trigger session_lead_counted_in after insert on session_facilitator
    referencing new table as new_rows for each statement execute function session_lead_count_change();
create trigger session_lead_counted_out after delete on session_facilitator
    referencing old table as old_rows for each statement execute function session_lead_count_change();
create trigger session_lead_counted_moved after update on session_facilitator
    referencing old table as old_rows new table as new_rows for each statement execute function session_lead_count_change();

create function session_lead_count_emptied() returns trigger language plpgsql as $$
begin
    delete from session_lead_count;
    return null;
end $$;

create trigger session_lead_count_truncated after truncate on session_facilitator
    for each statement execute function session_lead_count_emptied();

-- A member of staff's sessions, from their rows alone (index-only with the visibility map): by Keycloak user id for
-- the youth worker's own list, by user name for ?facilitator= and for rows from before V3.
create index session_facilitator_by_user_id_session on session_facilitator (user_id, session_id);
drop index session_facilitator_by_user_id;
create index session_facilitator_by_user_session on session_facilitator (user_name, session_id) include (user_id);
drop index session_facilitator_by_user;
