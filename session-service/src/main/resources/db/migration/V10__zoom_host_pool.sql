-- Zoom hosts (SPEC §4): each organisation's pool of licensed Zoom host users, the host each session's meeting
-- belongs to, and what each host has had created or updated per UTC day (Zoom allows 100).
create table zoom_host (
    organisation  varchar(64)  not null,
    user_id       varchar(128) not null,
    position      int          not null,
    added_at      timestamptz  not null,
    added_by      varchar(64)  not null,
    primary key (organisation, user_id)
);

create table zoom_host_day (
    user_id   varchar(128) not null,
    day       date         not null,
    meetings  int          not null,
    primary key (user_id, day)
);

-- host_user: the host the session is given; zoom_host_user: the host Zoom holds the meeting under (they differ
-- while a move is still to be sent). Meetings made before V10 are the configured single host's: null here.
alter table zoom_meeting add column host_user varchar(128);
alter table zoom_meeting add column zoom_host_user varchar(128);
create index zoom_meeting_by_host on zoom_meeting (host_user);
