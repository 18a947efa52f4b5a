-- Keycloak is the one source of truth for who an organisation's staff are (SPEC §2 "Staff identity"): their email,
-- name and roles are read from it through the kit's staff directory when a message is addressed and sent. This
-- service keeps only what Keycloak does not hold, keyed by the Keycloak user id.
create table staff_contact (
    organisation      varchar(64) not null,
    user_id           varchar(64) not null,
    phone             varchar(32),
    preferred_channel varchar(16) not null default 'EMAIL',
    quiet_hours       boolean     not null default false,
    updated_by        varchar(64) not null,
    updated_at        timestamptz not null,
    primary key (organisation, user_id)
);

-- The hand-edited staff list is no longer read. It is kept, renamed, so an operator can copy phone numbers across
-- (PUT /staff/{userName}) before dropping it in a later migration.
alter table staff_member_role rename to legacy_staff_member_role;
alter table staff_member rename to legacy_staff_member;

-- Staff messages name their recipient by Keycloak user id (the user name beside it is for the feed and for people).
alter table delivery add column staff_user_id varchar(64);
-- A STAFF_GROUP row is addressed when due (like a FAMILY row): whom it is for, as JSON (roles, named user names,
-- the one member of staff never to tell, who to tell when nobody else is left). Ids and role names only.
alter table delivery add column audience text;
-- A non-urgent staff message to someone who keeps quiet hours is held like a family message.
alter table delivery add column quiet boolean not null default false;
create index delivery_feed_by_user_id on delivery (organisation, staff_user_id, created_at desc) where channel = 'IN_APP';
