-- Consent state as safeguarding-service knows it from consent-events (SPEC §5 lawful basis for sharing): only the
-- scope and its life, never the evidence or who gave it.
create table consent_projection (
    consent_id      uuid primary key,
    organisation    varchar(64) not null,
    young_person_id uuid        not null,
    scope           varchar(40) not null,
    given_at        timestamptz not null,
    expires_at      timestamptz not null,
    withdrawn_at    timestamptz,
    expired_at      timestamptz,
    updated_at      timestamptz not null
);
create index consent_projection_young_person on consent_projection (organisation, young_person_id, scope);

-- Every escalation records its lawful basis: the consent it relied on, or the confidentiality-break decision.
alter table concern add column escalation_basis varchar(40);
alter table concern add column escalation_basis_consent_id uuid;
alter table concern add column escalation_basis_entry_id uuid references chronology_entry (id);
