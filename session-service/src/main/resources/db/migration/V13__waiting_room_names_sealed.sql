-- The name a person typed into Zoom's waiting room is a stranger's free text beside a session with children: it is
-- stored sealed from now on (service-kit FieldCipher, AES-256-GCM, bound to its entry, as passcodes and join links),
-- in display_name_key / display_name_sealed. Rows written before this migration keep their plain display_name until
-- the service's sealing pass (application.WaitingRoomNames, on start and every purge) seals it and empties it: the
-- keys live in the running service, not in the database, so no SQL step can seal them. The plain column stays, always
-- null after that pass, until a later migration drops it.
alter table waiting_room_entry
    add column display_name_key    varchar(32),
    add column display_name_sealed bytea;

-- the sealing pass finds what is left to seal without reading the table
create index waiting_room_entry_plain_name on waiting_room_entry (session_id) where display_name is not null;
