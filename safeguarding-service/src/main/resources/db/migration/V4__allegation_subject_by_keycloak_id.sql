-- An allegation against staff names its subject by Keycloak user id (SPEC §2 "Staff identity"), with the canonical
-- lower-case user name beside it. Rows raised before this keep their typed name, now canonical; they have no id,
-- so until one is filled in (the clock check fills it from Keycloak) they are matched by that name.
alter table concern add column subject_staff_id varchar(64);
update concern set subject_staff_user = lower(btrim(subject_staff_user)) where subject_staff_user is not null;
-- The list total is counted from this index alone: it must hold every column of the visibility rule.
drop index concern_list_count;
create index concern_list_count on concern (organisation, status, risk)
    include (subject_staff_id, subject_staff_user, raised_by, subject_type);
