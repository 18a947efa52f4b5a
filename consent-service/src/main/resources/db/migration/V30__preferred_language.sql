-- Families get their messages in the language they chose (SPEC §3, §6; the Welsh Language Standards): English
-- or Welsh, for the young person and for each guardian. Records from before this default to English.
alter table young_person add column preferred_language varchar(2) not null default 'en'
    check (preferred_language in ('en', 'cy'));
alter table guardian add column preferred_language varchar(2) not null default 'en'
    check (preferred_language in ('en', 'cy'));
