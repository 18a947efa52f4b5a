-- Who edited a template is named as the service names staff everywhere (SPEC §2): by Keycloak user id, with the
-- canonical lower-case user name beside it. Edits from before this have the name only.
alter table message_template add column updated_by_id varchar(64);
update message_template set updated_by = lower(updated_by);
