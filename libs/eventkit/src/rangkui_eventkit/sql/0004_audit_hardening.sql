-- The audit chain's functions resolve names through a pinned search_path: a role that may
-- create objects in a schema searched before public (or a temporary table named `events`)
-- cannot stand in for `events`, `sha256` or `convert_to` inside the trigger. pg_temp is
-- named last so that it is not searched first, as it would be by default.
--
-- This pins the SQL side only. Verification never trusts these functions (their owner can
-- replace them): `rangkui_eventkit.audit.chain` recomputes the bytes and hashes in Python.
ALTER FUNCTION audit_event_content(bigint, text, integer, uuid, text, jsonb, jsonb, timestamptz)
    SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION audit_event_hash(bytea, bigint, text, integer, uuid, text, jsonb, jsonb,
                                timestamptz)
    SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION audit_chain_event() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION audit_refuse_change() SET search_path = pg_catalog, public, pg_temp;

-- Nobody but the owner creates objects in this database's public schema (PostgreSQL 15's
-- default; made explicit for clusters upgraded from older versions).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
