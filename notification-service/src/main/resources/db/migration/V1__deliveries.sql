-- One row per message per recipient per channel. The unique key is what makes "one event never produces the
-- same message twice" hold across redeliveries, restarts and replicas.
create table delivery (
    id              uuid primary key,
    organisation    varchar(64)  not null,
    event_id        varchar(100) not null,
    template_key    varchar(64)  not null,
    recipient_kind  varchar(16)  not null,   -- GUARDIAN, YOUNG_PERSON, STAFF
    recipient_id    uuid         not null,
    young_person_id uuid,
    channel         varchar(8)   not null,   -- EMAIL, SMS, IN_APP
    urgent          boolean      not null default false,
    status          varchar(16)  not null,   -- QUEUED, SENT, FAILED, SUPPRESSED, DEAD_LETTERED
    status_reason   varchar(200),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    unique (event_id, template_key, recipient_id, channel)
);
create index delivery_due on delivery (next_attempt_at) where status in ('QUEUED', 'FAILED');
create index delivery_by_organisation on delivery (organisation, created_at desc);

-- What the template needs from the event: ids, codes and times only (never contact details or free text).
alter table delivery add column params text not null default '{}';
