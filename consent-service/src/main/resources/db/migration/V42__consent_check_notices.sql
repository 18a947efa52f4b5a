-- The consent check answers from memory what it read from these tables (ConsentCheckCache), so every replica must
-- hear of any change to them, whoever makes it: another replica, a scheduled pass, a hand-written fix. Each changed
-- row sends the young person's id on the channel consent_check_inputs when its transaction commits (NOTIFY is
-- transactional, and PostgreSQL folds repeats of one payload within a transaction into one). A change to an
-- organisation's settings, or a TRUNCATE, sends '*': forget everything.

create function consent_check_inputs_changed() returns trigger language plpgsql as $$
declare
    person text := tg_argv[0]; -- the column naming the young person: id on young_person, young_person_id elsewhere
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform pg_notify('consent_check_inputs', to_jsonb(new) ->> person);
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform pg_notify('consent_check_inputs', to_jsonb(old) ->> person);
    end if;
    return null;
end $$;

create function consent_check_inputs_changed_all() returns trigger language plpgsql as $$
begin
    perform pg_notify('consent_check_inputs', '*');
    return null;
end $$;

create trigger young_person_check_notice after insert or update or delete on young_person
    for each row execute function consent_check_inputs_changed('id');
create trigger consent_check_notice after insert or update or delete on consent
    for each row execute function consent_check_inputs_changed('young_person_id');
create trigger consent_withdrawal_check_notice after insert or update or delete on consent_withdrawal
    for each row execute function consent_check_inputs_changed('young_person_id');
create trigger safety_agreement_check_notice after insert or update or delete on safety_agreement
    for each row execute function consent_check_inputs_changed('young_person_id');

create trigger organisation_settings_check_notice after insert or update or delete on organisation_settings
    for each statement execute function consent_check_inputs_changed_all();
create trigger young_person_check_notice_truncated after truncate on young_person
    for each statement execute function consent_check_inputs_changed_all();
create trigger consent_check_notice_truncated after truncate on consent
    for each statement execute function consent_check_inputs_changed_all();
create trigger consent_withdrawal_check_notice_truncated after truncate on consent_withdrawal
    for each statement execute function consent_check_inputs_changed_all();
create trigger safety_agreement_check_notice_truncated after truncate on safety_agreement
    for each statement execute function consent_check_inputs_changed_all();
