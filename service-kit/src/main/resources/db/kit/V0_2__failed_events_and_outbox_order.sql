-- Kit migrations are versioned 0.x and may land after a service's own (quarkus.flyway.out-of-order=true):
-- they touch only the kit's tables.

-- Publication order: commit order is what the relay must follow, and created_at can tie or run out of order.
alter table outbox_message add column seq bigserial;
drop index outbox_message_unpublished;
create index outbox_message_unpublished on outbox_message (seq) where published_at is null;

-- Events a consumer could not apply (bad data or a bug, never a passing outage): parked, visible, replayable.
-- The envelope holds ids, codes and times only, like everything on Kafka.
create table failed_event (
    consumer   varchar(100) not null,
    event_id   varchar(100) not null,
    event_type varchar(128) not null,
    envelope   text         not null,
    error      varchar(500) not null,
    failed_at  timestamptz  not null,
    primary key (consumer, event_id)
);
