-- Shared by every service (service-kit). Kit migrations use versions 0.x; a service's own start at 1.

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
create table outbox_message (
    id             uuid primary key,          -- the CloudEvent id
    aggregate_type varchar(64)  not null,
    aggregate_id   varchar(64)  not null,     -- the Kafka key
    event_type     varchar(128) not null,
    topic          varchar(64)  not null,
    envelope       text         not null,     -- the CloudEvent as JSON: ids, codes and times only
    created_at     timestamptz  not null,
    published_at   timestamptz,
    attempts       integer      not null default 0,
    last_error     varchar(500)
);
create index outbox_message_unpublished on outbox_message (created_at) where published_at is null;

-- Idempotent inbox: one row per (consumer, event id), written in the same transaction as the effect.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    event_type   varchar(128) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
