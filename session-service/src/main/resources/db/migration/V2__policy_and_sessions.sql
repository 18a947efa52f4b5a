-- Session policy per organisation (SPEC §4), approved platforms with their risk assessments, sessions,
-- their facilitators and invitations, attendance, one-to-one requests and Zoom webhook receipts.
create table session_policy (
    organisation            varchar(64)  primary key,
    min_group_facilitators  int          not null,
    max_group_size          int          not null,
    working_days            varchar(100) not null,
    working_day_starts      time         not null,
    working_day_ends        time         not null,
    time_zone               varchar(64)  not null,
    max_length_minutes      int          not null,
    updated_at              timestamptz  not null,
    updated_by              varchar(100) not null
);

create table approved_platform (
    organisation  varchar(64)  not null,
    platform      varchar(32)  not null,
    assessed_by   varchar(100) not null,
    assessed_on   date         not null,
    review_due    date         not null,
    recorded_at   timestamptz  not null,
    recorded_by   varchar(100) not null,
    primary key (organisation, platform)
);

create table one_to_one_request (
    id                   uuid primary key,
    organisation         varchar(64)  not null,
    young_person_id      uuid         not null,
    recorded_by          varchar(100) not null,
    requested_at         timestamptz  not null,
    session_id           uuid
);
create index one_to_one_request_by_org on one_to_one_request (organisation, requested_at desc);

create table session (
    id                          uuid primary key,
    organisation                varchar(64)  not null,
    kind                        varchar(16)  not null,
    title                       varchar(200) not null,
    platform                    varchar(32)  not null,
    starts_at                   timestamptz  not null,
    ends_at                     timestamptz  not null,
    first_of_group              boolean      not null,
    status                      varchar(16)  not null,
    one_to_one_request_id       uuid references one_to_one_request (id),
    responsible_adult_confirmed_at timestamptz,
    responsible_adult_confirmed_by varchar(100),
    briefing_given              boolean      not null default false,
    ground_rules_agreed         boolean      not null default false,
    organisation_devices        boolean      not null default false,
    checklist_by                varchar(100),
    checklist_at                timestamptz,
    started_at                  timestamptz,
    ended_at                    timestamptz,
    termination_reason          varchar(32),
    termination_young_person_id uuid,
    terminated_by               varchar(100),
    provisioning_state          varchar(16)  not null,
    provisioning_attempts       int          not null default 0,
    provisioning_failure        varchar(40),
    next_provisioning_at        timestamptz,
    schedule_version            int          not null default 1,
    zoom_synced_version         int          not null default 0,
    zoom_meeting_id             bigint,
    zoom_meeting_deleted        boolean      not null default false,
    zoom_passcode_key           varchar(32),
    zoom_passcode               bytea,
    created_at                  timestamptz  not null,
    created_by                  varchar(100) not null,
    cancelled_at                timestamptz,
    version                     bigint       not null default 0
);
create index session_by_org_start on session (organisation, starts_at desc);
create index session_to_provision on session (next_provisioning_at) where provisioning_state = 'PENDING';
create unique index session_by_zoom_meeting on session (zoom_meeting_id);

create table session_facilitator (
    session_id  uuid         not null references session (id),
    user_name   varchar(100) not null,
    primary key (session_id, user_name)
);
create index session_facilitator_by_user on session_facilitator (user_name);

create table invitation (
    session_id             uuid        not null references session (id),
    young_person_id        uuid        not null,
    status                 varchar(16) not null,
    invited_at             timestamptz not null,
    removed_at             timestamptz,
    removal_reason         varchar(32),
    invitation_ready       boolean     not null default false,
    zoom_registrant_id     varchar(64),
    zoom_join_url_key      varchar(32),
    zoom_join_url          bytea,
    zoom_registrant_cancelled boolean  not null default false,
    primary key (session_id, young_person_id)
);
create index invitation_by_young_person on invitation (young_person_id, status);
create unique index invitation_by_registrant on invitation (zoom_registrant_id);

create table attendance (
    id               uuid primary key,
    session_id       uuid         not null references session (id),
    young_person_id  uuid,
    facilitator      varchar(100),
    participant_ref  varchar(100),
    attended         boolean      not null,
    joined_at        timestamptz,
    left_at          timestamptz,
    source           varchar(16)  not null,
    recorded_at      timestamptz  not null
);
create index attendance_by_session on attendance (session_id);
create unique index attendance_by_participant on attendance (session_id, participant_ref);

create table zoom_webhook_receipt (
    signature    varchar(80) primary key,
    received_at  timestamptz not null
);
