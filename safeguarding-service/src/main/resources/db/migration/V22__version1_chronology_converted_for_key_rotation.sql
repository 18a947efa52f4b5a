-- An entry written before V21 (hash version 1) has a hash over its key id and cipher text: re-sealing it would break
-- its hash, so its key could never be removed (issue 17). Rather than re-hash it, and every entry after it, which would
-- leave every hash already printed in a court bundle unmatched, the conversion (ChronologyConversion, run by the key
-- rotation before it re-seals) keeps every hash and previous hash exactly as they are, and adds what a re-sealed v1
-- entry needs to stay checkable:
--   converted_hash  SHA-256 over the entry's published hash, its fields and the SHA-256 of its opened text
--                   (ChainHash.ofConverted), computed once the whole chain has been verified as it was;
--   a CHAIN_CONVERTED entry appended to the chain (version 2, hashed like any other), which lists each converted
--                   entry's seq, id, hash and converted hash and names the chain head at the conversion.
-- From then on a converted entry verifies by its unchanged links and by its converted hash matching both its opened
-- text and the CHAIN_CONVERTED entry's record of it; it may be re-sealed like a version-2 entry.
alter table chronology_entry add column converted_hash varchar(64);

-- The changes the database allows, and nothing else (every other column, the hash and previous hash included,
-- exactly as it was):
--   re-sealing: a version-2 or converted version-1 entry's body_key_id and body_cipher together;
--   conversion: a version-1 entry's converted_hash set once (64 hex digits), its sealing unchanged, once a later
--               CHAIN_CONVERTED entry of the same concern records the conversion.
create or replace function chronology_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
       and (new.id, new.concern_id, new.seq, new.kind, new.recorded_at, new.recorded_by, new.corrects_entry_id,
            new.previous_hash, new.hash, new.hash_version)
           is not distinct from
           (old.id, old.concern_id, old.seq, old.kind, old.recorded_at, old.recorded_by, old.corrects_entry_id,
            old.previous_hash, old.hash, old.hash_version) then
        if (old.hash_version = 2 or old.converted_hash is not null)
           and new.body_key_id is distinct from old.body_key_id
           and new.converted_hash is not distinct from old.converted_hash then
            return new;
        end if;
        if old.hash_version = 1 and old.converted_hash is null
           and new.converted_hash ~ '^[0-9a-f]{64}$'
           and new.body_key_id = old.body_key_id and new.body_cipher = old.body_cipher
           and exists (select 1 from chronology_entry r
                       where r.concern_id = old.concern_id and r.kind = 'CHAIN_CONVERTED' and r.seq > old.seq) then
            return new;
        end if;
    end if;
    raise exception 'chronology entries are append-only';
end;
$$;
