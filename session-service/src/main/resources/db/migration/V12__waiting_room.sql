-- Who is in each session's Zoom waiting room (SPEC §4), from Zoom's waiting-room webhooks: the facilitators' live
-- view shows them against the invitation list. display_name is what the person typed into Zoom: it stays here
-- (never on Kafka or in logs) so a facilitator can see who is waiting.
create table waiting_room_entry (
    session_id       uuid         not null references session (id),
    participant_ref  varchar(64)  not null,
    display_name     varchar(200),
    young_person_id  uuid,
    facilitator_id   varchar(64),
    facilitator      varchar(64),
    waiting_since    timestamptz  not null,
    admitted_at      timestamptz,
    left_at          timestamptz,
    primary key (session_id, participant_ref)
);
