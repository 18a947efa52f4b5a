-- A message the channel refused for good (an SMS gateway's 4xx for a number), or that the gateway reports it could
-- not deliver, is FAILED with no next attempt: not retried automatically (a repeat would be refused or dropped as the
-- same reference), visible to managers, who may retry it. DELIVERED: the gateway's receipt says it reached the phone.
alter table delivery alter column next_attempt_at drop not null;
