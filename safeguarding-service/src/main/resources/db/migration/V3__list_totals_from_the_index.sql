-- A list page is read through concern_org_raised / concern_org_status_risk; its total is a count over every row
-- the reader may see. Including the visibility rule's columns lets PostgreSQL count from this index alone
-- (index-only scan, no heap), which keeps the DSL's list flat as the table grows (bench/safeguarding-lists.sh).
create index concern_list_count on concern (organisation, status, risk) include (subject_staff_user, raised_by, subject_type);
