-- issue 3: withdrawal, online safety agreements, expiry notices, organisation settings, audit, retention.

-- A young person's own email (13+ may be invited directly), and what retention needs to know.
alter table young_person add column email varchar(254);
alter table young_person add column last_active_at timestamptz;
update young_person set last_active_at = registered_at;
alter table young_person alter column last_active_at set not null;
alter table young_person add column anonymised_at timestamptz;

-- A withdrawal is a further fact about a consent, never an edit of it; at most one per consent.
create table consent_withdrawal (
    consent_id      uuid primary key references consent (id),
    organisation    varchar(64)  not null,
    young_person_id uuid         not null references young_person (id),
    withdrawn_at    timestamptz  not null,
    withdrawn_by    varchar(100) not null,
    reason          varchar(500) not null
);
create index consent_withdrawal_by_young_person on consent_withdrawal (young_person_id);

-- One row per consent and kind (EXPIRING, EXPIRED): the primary key is what makes each notice happen exactly
-- once, whichever replica's scheduled pass gets there first.
create table consent_notice (
    consent_id uuid        not null references consent (id),
    kind       varchar(16) not null,
    noticed_at timestamptz not null,
    primary key (consent_id, kind)
);

create table safety_agreement (
    id                uuid primary key,
    organisation      varchar(64)  not null,
    young_person_id   uuid         not null references young_person (id),
    agreement_version varchar(20)  not null,
    agreed_at         timestamptz  not null,
    recorded_at       timestamptz  not null,
    recorded_by       varchar(100) not null
);
create index safety_agreement_by_young_person on safety_agreement (young_person_id, agreed_at);

-- An organisation without a row uses the service's configured defaults.
create table organisation_settings (
    organisation                          varchar(64) primary key,
    self_consent_allowed                  boolean      not null,
    default_consent_validity              varchar(16)  not null,
    reminder_lead_days                    integer      not null,
    retention_period                      varchar(16)  not null,
    agreement_required_for_group_sessions boolean      not null,
    updated_at                            timestamptz  not null,
    updated_by                            varchar(100) not null
);

-- Who changed what about a young person, and when: field names only, never the values.
create table audit_entry (
    id              uuid primary key,
    organisation    varchar(64)  not null,
    young_person_id uuid         not null references young_person (id),
    at              timestamptz  not null,
    actor           varchar(100) not null,
    action          varchar(40)  not null,
    subject_id      uuid,
    fields          varchar(500)
);
create index audit_entry_by_young_person on audit_entry (young_person_id, at);

-- The consent check reads one young person's consents of one scope.
create index consent_by_young_person_and_scope on consent (young_person_id, scope, given_at);
-- The expiry pass walks consents by expiry.
create index consent_by_expiry on consent (expires_at);
-- Retention walks young people not yet anonymised by last activity.
create index young_person_by_activity on young_person (last_active_at) where anonymised_at is null;
