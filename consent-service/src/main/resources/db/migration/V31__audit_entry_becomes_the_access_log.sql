-- issue 17: the audit of changes becomes part of service-kit's access log (kit V0_5), which also records every
-- read, list and export: one log of who did what with a young person's data, not two. Each audit entry moves
-- across as it was (who, when, which record, the kind of change and the field names), about its young person.
insert into access_log (id, organisation, actor_id, actor_name, at, record_type, record_id, subject_id, action, detail)
select id, organisation, null, lower(btrim(actor)), at,
       case action
           when 'CONTACT_DETAILS_CHANGED' then 'CONTACT_DETAILS'
           when 'CONSENT_RECORDED' then 'CONSENT'
           when 'CONSENT_WITHDRAWN' then 'CONSENT'
           when 'AGREEMENT_RECORDED' then 'SAFETY_AGREEMENT'
           else 'YOUNG_PERSON'
       end,
       coalesce(subject_id, young_person_id),
       young_person_id,
       case when action = 'EXPORTED' then 'EXPORT' else 'CHANGE' end,
       case
           when action = 'EXPORTED' then null
           when fields is null then action
           else left(action || ': ' || fields, 500)
       end
from audit_entry;
drop table audit_entry;
