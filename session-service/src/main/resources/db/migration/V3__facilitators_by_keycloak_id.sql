-- Staff are people, not strings (SPEC §2 "Staff identity"): a facilitator is named by Keycloak user id, with the
-- canonical lower-case user name beside it. Rows from before keep working: their user name is folded to lower
-- case (one person typed twice in two spellings becomes one row) and they are matched by it until re-saved.
alter table session_facilitator add column user_id varchar(64);

delete from session_facilitator f
 using session_facilitator g
 where f.session_id = g.session_id and lower(f.user_name) = lower(g.user_name) and f.user_name > g.user_name;
update session_facilitator set user_name = lower(user_name) where user_name <> lower(user_name);

create unique index session_facilitator_once_per_person on session_facilitator (session_id, user_id);
create index session_facilitator_by_user_id on session_facilitator (user_id);

-- a facilitator's attendance row names them by id too
alter table attendance add column facilitator_id varchar(64);
update attendance set facilitator = lower(facilitator) where facilitator <> lower(facilitator);
