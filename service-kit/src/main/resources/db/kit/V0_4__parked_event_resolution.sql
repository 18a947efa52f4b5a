-- Parked events are fixed by ops (SPEC §7): replayed through the consumer's handler, or discarded with a reason.
-- The row stays as the record of what was done; an event with neither replayed_at nor discarded_at is still parked.
alter table failed_event add column attempts integer not null default 1;
alter table failed_event add column replayed_at timestamptz;
alter table failed_event add column replayed_by varchar(100);
alter table failed_event add column discarded_at timestamptz;
alter table failed_event add column discarded_by varchar(100);
alter table failed_event add column discard_reason varchar(500);
create index failed_event_parked on failed_event (failed_at) where replayed_at is null and discarded_at is null;

-- processed_event rows are purged in batches once older than the retention window (ProcessedEventRetention).
create index processed_event_processed_at on processed_event (processed_at);
