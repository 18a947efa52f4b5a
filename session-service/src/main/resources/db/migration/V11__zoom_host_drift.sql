-- A Zoom host whose safety settings read back differently from what was enforced is set aside (SPEC §4) until a
-- manager sets the host pool again. settings: Zoom's names of the settings that differed, comma-separated.
create table zoom_host_drift (
    organisation  varchar(64)   not null,
    user_id       varchar(128)  not null,
    settings      varchar(2000) not null,
    session_id    uuid          not null,
    detected_at   timestamptz   not null,
    primary key (organisation, user_id)
);
