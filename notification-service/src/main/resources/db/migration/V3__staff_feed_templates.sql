-- Messages to a young person's family are queued once per event as one FAMILY row (channel PREFERRED): when it is
-- due, the family's contacts are looked up and one row per guardian (and young person 13+) is queued on the
-- channel each prefers, under the same unique key, so redeliveries still send nothing twice.
alter table delivery alter column channel type varchar(16);
alter table delivery alter column recipient_kind type varchar(16);
-- Reminders and cancellations find a session's pending messages by session.
alter table delivery add column session_id uuid;
-- Staff are addressed by user name (what events carry); recipient_id is derived from it.
alter table delivery add column staff_user_name varchar(64);
-- Set just before a message is handed to SMTP / the SMS provider: a sender that dies after this point may have
-- sent it, so its message is not resent automatically (see Dispatcher).
alter table delivery add column handed_over_at timestamptz;
-- In-app messages: what the staff member sees in the feed (references and links only), and when they read it.
alter table delivery add column title varchar(300);
alter table delivery add column body text;
alter table delivery add column read_at timestamptz;
create index delivery_feed on delivery (organisation, staff_user_name, created_at desc) where channel = 'IN_APP';
create index delivery_pending_by_session on delivery (session_id) where session_id is not null and status = 'QUEUED';

-- The staff directory: how to reach staff, and which of them are DSLs, coordinators, managers.
create table staff_member (
    id           uuid primary key,
    organisation varchar(64)  not null,
    user_name    varchar(64)  not null,
    display_name varchar(200) not null,
    email        varchar(254),
    phone        varchar(32),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    unique (organisation, user_name)
);
create index staff_member_by_organisation on staff_member (organisation, created_at desc);
create table staff_member_role (
    staff_member_id uuid        not null references staff_member (id) on delete cascade,
    role            varchar(32) not null,
    primary key (staff_member_id, role)
);

-- A manager's edited version of a message template, per organisation (absent: the built-in one).
create table message_template (
    organisation varchar(64)  not null,
    template_key varchar(64)  not null,
    subject      varchar(300) not null,
    text_body    text         not null,
    html_body    text         not null,
    updated_by   varchar(64)  not null,
    updated_at   timestamptz  not null,
    primary key (organisation, template_key)
);
