-- issue 17: subject access requests (UK GDPR art. 15), tracked from receipt to closure. Who asked is personal data
-- and free text: sealed at rest (kit FieldCipher, bound to the row's id). Due one calendar month after receipt.
create table subject_access_request (
    id                 uuid primary key,
    organisation       varchar(64)  not null,
    young_person_id    uuid         not null references young_person (id),
    requester_key_id   varchar(64)  not null,
    requester_cipher   bytea        not null,
    relationship       varchar(50)  not null,
    received_on        date         not null,
    due_on             date         not null,
    status             varchar(20)  not null
        check (status in ('RECEIVED', 'IDENTITY_CHECKED', 'EXPORT_PRODUCED', 'SENT', 'CLOSED')),
    recorded_at        timestamptz  not null,
    recorded_by        varchar(128) not null,
    status_changed_at  timestamptz  not null,
    status_changed_by  varchar(128) not null,
    export_produced_at timestamptz,
    export_produced_by varchar(128),
    check (due_on > received_on)
);
create index subject_access_request_by_organisation on subject_access_request (organisation, received_on desc, recorded_at desc, id);
create index subject_access_request_open_by_due on subject_access_request (organisation, due_on, id)
    where status in ('RECEIVED', 'IDENTITY_CHECKED', 'EXPORT_PRODUCED');
