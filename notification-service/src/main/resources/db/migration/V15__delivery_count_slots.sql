-- The organisation's delivery total (V13) on one row per organisation made that row a lock every queueing transaction
-- took, from its insert until its commit: the consumer applying an invitation event and the senders addressing the
-- guardians of the previous ones all waited on it in turn. 1,000 invitation events took 30 s to become emails, with
-- each of the consumer's inserts waiting about 6 ms (issue 15, JFR of bench/invitation-emails.sh ALONE=1).
--
-- The total is now kept over 16 rows per organisation. A statement adds its rows to the slot of its connection's
-- backend, so two transactions on different connections seldom wait on each other, and one connection's transactions,
-- which run one after another, never do. A deletion takes its rows off the same way, so a slot may go below zero;
-- the total is the sum of the organisation's slots, still exactly what a count in the same transaction would give.
alter table delivery_count add column slot smallint not null default 0;
alter table delivery_count drop constraint delivery_count_pkey;
alter table delivery_count add primary key (organisation, slot);
alter table delivery_count alter column slot drop default;

create or replace function delivery_count_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into delivery_count (organisation, slot, deliveries)
        select organisation, pg_backend_pid() % 16, count(*) from new_rows group by organisation order by organisation
        on conflict (organisation, slot) do update set deliveries = delivery_count.deliveries + excluded.deliveries;
    elsif tg_op = 'DELETE' then
        insert into delivery_count (organisation, slot, deliveries)
        select organisation, pg_backend_pid() % 16, -count(*) from old_rows group by organisation order by organisation
        on conflict (organisation, slot) do update set deliveries = delivery_count.deliveries + excluded.deliveries;
    end if;
    return null;
end $$;
