-- The name search of GET /young-people (`lower(preferred_name) like '%…%'` within an organisation, YoungPerson
-- .ofOrganisation) finds its rows through a trigram index instead of reading every young person of the
-- organisation, so a search takes as long at 1,000,000 young people as at 10,000 (bench/consent-lists.sh).
-- Preferred names are plain text here (consent-service seals no column), so they can be indexed.
-- pg_trgm ships with PostgreSQL (Debian's postgresql-15, the embedded test server) and is a trusted extension:
-- the database's owner, the service's own role, may create it.
create extension if not exists pg_trgm;
create index young_person_name_trigram on young_person using gin (lower(preferred_name) gin_trgm_ops);
