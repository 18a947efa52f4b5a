-- The Zoom part of session-service owns its own state: a meeting per session on Zoom (meeting id, sealed passcode,
-- synced schedule version, deletion, provisioning state/attempts/failure/next attempt) and a registrant per
-- invitation (registrant id, sealed join link, cancellation). The rows move across from session and invitation,
-- which keep only the booking (and the session's schedule version). Sealed values keep their binding (it names the
-- session and the invitation, not the table), so they open as before.
create table zoom_meeting (
    id                  uuid        primary key references session (id),
    meeting_id          bigint,
    passcode_key        varchar(32),
    passcode            bytea,
    synced_version      int         not null default 0,
    deleted             boolean     not null default false,
    provisioning_state  varchar(16) not null,
    attempts            int         not null default 0,
    failure             varchar(40),
    next_attempt_at     timestamptz,
    version             bigint      not null default 0
);
create unique index zoom_meeting_by_meeting_id on zoom_meeting (meeting_id);
create index zoom_meeting_due on zoom_meeting (next_attempt_at) where provisioning_state = 'PENDING';

insert into zoom_meeting (id, meeting_id, passcode_key, passcode, synced_version, deleted, provisioning_state,
                          attempts, failure, next_attempt_at)
select id, zoom_meeting_id, zoom_passcode_key, zoom_passcode, zoom_synced_version, zoom_meeting_deleted,
       provisioning_state, provisioning_attempts, provisioning_failure, next_provisioning_at
  from session
 where platform = 'ZOOM' or provisioning_state <> 'NOT_NEEDED' or zoom_meeting_id is not null;

create table zoom_registrant (
    session_id       uuid        not null,
    young_person_id  uuid        not null,
    registrant_id    varchar(64) not null,
    join_url_key     varchar(32),
    join_url         bytea,
    cancelled        boolean     not null default false,
    primary key (session_id, young_person_id),
    foreign key (session_id, young_person_id) references invitation (session_id, young_person_id)
);
create unique index zoom_registrant_by_registrant_id on zoom_registrant (registrant_id);

insert into zoom_registrant (session_id, young_person_id, registrant_id, join_url_key, join_url, cancelled)
select session_id, young_person_id, zoom_registrant_id, zoom_join_url_key, zoom_join_url, zoom_registrant_cancelled
  from invitation
 where zoom_registrant_id is not null;

alter table session
    drop column provisioning_state,
    drop column provisioning_attempts,
    drop column provisioning_failure,
    drop column next_provisioning_at,
    drop column zoom_synced_version,
    drop column zoom_meeting_id,
    drop column zoom_meeting_deleted,
    drop column zoom_passcode_key,
    drop column zoom_passcode;

alter table invitation
    drop column zoom_registrant_id,
    drop column zoom_join_url_key,
    drop column zoom_join_url,
    drop column zoom_registrant_cancelled;
