-- safeguarding-service: concerns, their court-safe chronology, the access log, partner-council webhooks.
-- Narratives and chronology texts are sealed (AES-256-GCM, kit FieldCipher): the key id sits beside the cipher text.

create sequence concern_reference_seq;

create table concern (
    id                           uuid primary key,
    organisation                 varchar(64)  not null,
    reference                    varchar(32)  not null unique,   -- SG-2026-000042, used in alerts instead of names
    subject_type                 varchar(32)  not null,
    subject_young_person_id      uuid,
    subject_staff_user           varchar(128),                   -- an allegation's subject: never shown to them
    subject_date_of_birth        date,
    session_id                   uuid,
    categories                   varchar(500) not null,          -- sorted comma list of ConcernCategory codes
    risk                         varchar(32)  not null,
    status                       varchar(32)  not null,
    source                       varchar(40)  not null,
    source_event_id              varchar(100) unique,            -- the session event an automatic concern came from
    narrative_key_id             varchar(64)  not null,
    narrative_cipher             bytea        not null,
    raised_by                    varchar(128) not null,
    raised_at                    timestamptz  not null,
    acknowledgement_due_at       timestamptz,                    -- IMMEDIATE_DANGER only
    acknowledged_at              timestamptz,
    acknowledged_by              varchar(128),
    acknowledgement_breached_at  timestamptz,
    escalated_council            varchar(64),
    escalation_method            varchar(32),
    escalated_at                 timestamptz,
    council_decision_due_at      timestamptz,
    council_decision             varchar(32),
    council_decided_at           timestamptz,
    council_decision_breached_at timestamptz,
    closed_at                    timestamptz,
    review_due_on                date         not null,          -- retention: date of birth + 25 years
    version                      integer      not null default 0
);
create index concern_org_raised on concern (organisation, raised_at desc, id);
create index concern_org_status_risk on concern (organisation, status, risk, raised_at desc, id);
create index concern_org_author on concern (organisation, raised_by, raised_at desc, id);
create index concern_council on concern (escalated_council, escalated_at desc) where escalated_council is not null;
create index concern_ack_due on concern (acknowledgement_due_at)
    where status = 'RAISED' and acknowledgement_breached_at is null and acknowledgement_due_at is not null;
create index concern_decision_due on concern (council_decision_due_at)
    where council_decision_due_at is not null and council_decided_at is null and council_decision_breached_at is null;
create index concern_review_due on concern (organisation, review_due_on);

-- Append-only and hash-chained per concern: each entry's hash covers the previous entry's hash.
create table chronology_entry (
    id                uuid primary key,
    concern_id        uuid         not null references concern (id),
    seq               integer      not null,
    kind              varchar(40)  not null,
    recorded_at       timestamptz  not null,
    recorded_by       varchar(128) not null,
    corrects_entry_id uuid references chronology_entry (id),
    body_key_id       varchar(64)  not null,
    body_cipher       bytea        not null,                     -- the entry's texts and details, sealed as JSON
    previous_hash     varchar(64)  not null,
    hash              varchar(64)  not null,
    unique (concern_id, seq)
);

-- "No edit or delete": the database itself refuses both; a correction is a new entry.
create function chronology_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'chronology entries are append-only';
end;
$$;
create trigger chronology_append_only before update or delete on chronology_entry
    for each row execute function chronology_is_append_only();

create table concern_access (
    id          bigserial primary key,
    concern_id  uuid         not null references concern (id),
    accessed_at timestamptz  not null,
    accessed_by varchar(128) not null,
    role        varchar(40)  not null,
    access_view varchar(32)  not null
);
create index concern_access_by_concern on concern_access (concern_id, accessed_at desc, id desc);

-- England and Wales bank holidays: data (see V2), skipped when counting working days.
create table bank_holiday (
    day  date primary key,
    name varchar(100) not null
);

create table council_webhook (
    council        varchar(64) primary key,
    url            varchar(2000) not null,
    secret_key_id  varchar(64)   not null,
    secret_cipher  bytea         not null,
    registered_at  timestamptz   not null,
    registered_by  varchar(128)  not null
);

create table webhook_delivery (
    id              uuid primary key,
    council         varchar(64)  not null,
    concern_id      uuid         not null references concern (id),
    event_type      varchar(128) not null,
    payload         text         not null,                       -- ids, codes and times only
    created_at      timestamptz  not null,
    next_attempt_at timestamptz  not null,
    attempts        integer      not null default 0,
    delivered_at    timestamptz,
    last_status     integer,
    last_outcome    varchar(32)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null;
create index webhook_delivery_by_council on webhook_delivery (council, created_at desc);

create table webhook_attempt (
    id           bigserial primary key,
    delivery_id  uuid        not null references webhook_delivery (id),
    attempted_at timestamptz not null,
    status_code  integer,
    outcome      varchar(32) not null,
    duration_ms  integer     not null
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, attempted_at);
