-- The relay claims the oldest pending events in a short transaction and sends them outside it (OutboxRelay). Until
-- next_attempt_at passes, no relay of any replica claims from the head of the outbox: while a pass is in flight it is
-- that pass's lease; after Kafka failed to acknowledge, it is the backoff before the next try. Null: due now.
alter table outbox_message add column next_attempt_at timestamptz;
