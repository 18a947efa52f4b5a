-- The concern list's total (issue 15, "lists at scale"): counting every concern a reader may see on every request
-- grows with the table, even from the covering index (V3). The number of concerns per organisation, status, risk and
-- whether it is an allegation against staff is kept here instead, by triggers on concern, in the transaction that
-- changes the concern. A list's total is then a sum over at most 56 rows of its organisation, corrected by the few
-- allegations the visibility rule treats one by one (about the reader, never counted to them; about the sole DSL,
-- which managers handle): ConcernTotals.
create table concern_count (
    organisation     varchar(64) not null,
    status           varchar(32) not null,
    risk             varchar(32) not null,
    staff_allegation boolean     not null,
    concerns         bigint      not null check (concerns >= 0),
    primary key (organisation, status, risk, staff_allegation)
);

create function concern_count_kept() returns trigger language plpgsql as $$
begin
    -- one counter moved at a time, in key order, so two moves never wait on each other crosswise
    if tg_op = 'UPDATE' and (old.organisation, old.status, old.risk, old.subject_type = 'STAFF_MEMBER')
            > (new.organisation, new.status, new.risk, new.subject_type = 'STAFF_MEMBER') then
        insert into concern_count as k values (new.organisation, new.status, new.risk, new.subject_type = 'STAFF_MEMBER', 1)
            on conflict (organisation, status, risk, staff_allegation) do update set concerns = k.concerns + 1;
        update concern_count set concerns = concerns - 1
            where (organisation, status, risk, staff_allegation)
                = (old.organisation, old.status, old.risk, old.subject_type = 'STAFF_MEMBER');
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        update concern_count set concerns = concerns - 1
            where (organisation, status, risk, staff_allegation)
                = (old.organisation, old.status, old.risk, old.subject_type = 'STAFF_MEMBER');
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into concern_count as k values (new.organisation, new.status, new.risk, new.subject_type = 'STAFF_MEMBER', 1)
            on conflict (organisation, status, risk, staff_allegation) do update set concerns = k.concerns + 1;
    end if;
    return null;
end;
$$;

create trigger concern_counted after insert or delete on concern
    for each row execute function concern_count_kept();
create trigger concern_recounted after update of organisation, status, risk, subject_type on concern
    for each row
    when ((old.organisation, old.status, old.risk, old.subject_type)
          is distinct from (new.organisation, new.status, new.risk, new.subject_type))
    execute function concern_count_kept();

-- The counts as they stand, with concern locked against writers until this migration commits.
lock table concern in share row exclusive mode;
insert into concern_count
select organisation, status, risk, subject_type = 'STAFF_MEMBER', count(*) from concern group by 1, 2, 3, 4;

-- The allegations about one member of staff (by Keycloak id, or by name for rows from before ids), which the kept
-- total leaves out for their subject or adds for the managers: an index of allegations only.
create index concern_allegation_subject on concern (organisation, subject_staff_id, subject_staff_user)
    include (status, risk) where subject_type = 'STAFF_MEMBER';
