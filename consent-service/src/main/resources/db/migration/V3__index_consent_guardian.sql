-- The consent -> guardian foreign key is checked whenever a guardian row is deleted or its id changes; without an
-- index each check reads every consent.
create index consent_by_guardian on consent (guardian_id);
