-- When the provisioner last sent Zoom the create of the session's meeting (recorded, and committed, just before it
-- is sent). Until Zoom's answer is stored, a retry (a timeout, a restart) first looks for a meeting whose agenda
-- names the session; a meeting never sent needs no look-up (a Medium call each, in a burst). A meeting that is
-- still to be made at this migration may have been sent by the version before: it is looked for.
alter table zoom_meeting add column create_sent_at timestamptz;
update zoom_meeting set create_sent_at = now() where meeting_id is null;
