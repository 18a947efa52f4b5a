-- Key rotation (SPEC §5): after a new key becomes active, service-kit's KeyRotation re-seals every row sealed with an
-- older key, so the older key can be removed. A chronology entry's hash used to cover its cipher text (version 1):
-- re-sealing it would break the chain. From here on an entry's hash covers the SHA-256 of its opened text instead of
-- how it is sealed (version 2, ChainHash), so a re-sealed entry keeps its hash, and so does every entry after it.
-- Entries written before this migration keep version 1 and their hashes (printed in bundles already produced); they
-- are not re-sealed (KeyRotation counts them as not re-sealable), so their key must stay listed.
alter table chronology_entry add column hash_version integer not null default 1;
alter table chronology_entry alter column hash_version drop default;

-- The one change the database allows: a version-2 entry's body re-sealed with another key, its key id and cipher
-- text only; every other column, the hash included, stays exactly as it was. A body re-sealed with other text would
-- not match the hash (ChainHash.verify), and a cipher text made without a configured key does not open.
create or replace function chronology_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.hash_version = 2
       and new.body_key_id is distinct from old.body_key_id
       and (new.id, new.concern_id, new.seq, new.kind, new.recorded_at, new.recorded_by, new.corrects_entry_id,
            new.previous_hash, new.hash, new.hash_version)
           is not distinct from
           (old.id, old.concern_id, old.seq, old.kind, old.recorded_at, old.recorded_by, old.corrects_entry_id,
            old.previous_hash, old.hash, old.hash_version) then
        return new;
    end if;
    raise exception 'chronology entries are append-only';
end;
$$;
