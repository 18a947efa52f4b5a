create table young_person (
    id                   uuid primary key,
    organisation         varchar(64)  not null,
    preferred_name       varchar(100) not null,
    date_of_birth        date         not null,
    local_authority_code varchar(9)   not null,
    registered_at        timestamptz  not null,
    registered_by        varchar(100) not null
);
create index young_person_by_organisation on young_person (organisation, registered_at desc);

create table guardian (
    id                uuid primary key,
    young_person_id   uuid         not null references young_person (id),
    position          integer      not null,
    name              varchar(100) not null,
    relationship      varchar(50)  not null,
    email             varchar(254),
    phone             varchar(32),
    preferred_channel varchar(10)  not null
);
create index guardian_by_young_person on guardian (young_person_id);

-- A consent is a fact: recorded once, never edited. Withdrawal and expiry are further facts (issue 3).
create table consent (
    id                 uuid primary key,
    organisation       varchar(64)  not null,
    young_person_id    uuid         not null references young_person (id),
    scope              varchar(32)  not null,
    platforms          varchar(200) not null,
    given_by           varchar(16)  not null,
    guardian_id        uuid references guardian (id),
    evidence_reference varchar(100) not null,
    evidence_method    varchar(20)  not null,
    given_at           timestamptz  not null,
    expires_at         timestamptz  not null,
    recorded_at        timestamptz  not null,
    recorded_by        varchar(100) not null,
    check (expires_at > given_at)
);
create index consent_by_young_person on consent (young_person_id, given_at desc);
