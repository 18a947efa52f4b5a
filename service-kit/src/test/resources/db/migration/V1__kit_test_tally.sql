-- Test only: what InboxTest's consumer does with an event, so that "applied once" can be counted.
create table kit_test_tally (
    event_id varchar(100) primary key,
    consumer varchar(100) not null
);
