-- session-service's own view of consent state, fed by consent-events (SPEC §4): booking checks it
-- without calling consent-service.
create table consent_projection (
    consent_id      uuid primary key,
    organisation    varchar(64)  not null,
    young_person_id uuid         not null,
    scope           varchar(32)  not null,
    platforms       varchar(200) not null,
    given_at        timestamptz  not null,
    expires_at      timestamptz  not null,
    withdrawn_at    timestamptz,
    expired_at      timestamptz,
    updated_at      timestamptz  not null
);
create index consent_projection_by_young_person on consent_projection (organisation, young_person_id);
