-- A message being sent is SENDING, leased until next_attempt_at: sent outside any long transaction, and taken
-- up again only if the lease runs out (the sender died mid-send).
drop index delivery_due;
create index delivery_due on delivery (next_attempt_at) where status in ('QUEUED', 'FAILED', 'SENDING');
