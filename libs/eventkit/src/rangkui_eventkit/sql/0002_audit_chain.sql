-- Audit trail: a per-stream hash chain over `events`, computed by the database itself so
-- that every writer is covered and the append costs no extra round trip, and a guard that
-- makes `events` append-only. `rangkui_eventkit.audit` verifies the chain.

-- The canonical bytes of one event: a jsonb array of its fields, as text. jsonb's text form
-- is canonical (keys ordered, whitespace fixed), so the same event always gives the same
-- bytes, and an array keeps the fields apart unambiguously. The one definition used by the
-- trigger below and by verification.
CREATE OR REPLACE FUNCTION audit_event_content(
    p_global_position bigint,
    p_stream_id text,
    p_version integer,
    p_event_id uuid,
    p_event_type text,
    p_data jsonb,
    p_metadata jsonb,
    p_recorded_at timestamptz
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
RETURN convert_to(
    jsonb_build_array(
        p_global_position,
        p_stream_id,
        p_version,
        p_event_id,
        p_event_type,
        p_data,
        p_metadata,
        to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    )::text,
    'UTF8'
);

-- An event's hash: sha256 of its predecessor's hash (empty for version 1) then its content.
CREATE OR REPLACE FUNCTION audit_event_hash(
    p_prev_hash bytea,
    p_global_position bigint,
    p_stream_id text,
    p_version integer,
    p_event_id uuid,
    p_event_type text,
    p_data jsonb,
    p_metadata jsonb,
    p_recorded_at timestamptz
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
RETURN sha256(
    coalesce(p_prev_hash, ''::bytea)
    || audit_event_content(p_global_position, p_stream_id, p_version, p_event_id, p_event_type,
                           p_data, p_metadata, p_recorded_at)
);

ALTER TABLE events ADD COLUMN IF NOT EXISTS prev_hash bytea;
ALTER TABLE events ADD COLUMN IF NOT EXISTS hash bytea;

-- Existing events: chain them in stream/version order. Set-based: one recursive step per
-- version chains every stream at once (a row-by-row loop is several times slower, and `events`
-- is locked while this runs). Each step must look its rows up in the (stream_id, version)
-- index: a hash join would scan the whole table once per version of the longest stream.
SET LOCAL enable_hashjoin = off;
SET LOCAL enable_mergejoin = off;
WITH RECURSIVE chain AS (
    SELECT e.global_position, e.stream_id, e.version, NULL::bytea AS prev_hash,
           audit_event_hash(NULL, e.global_position, e.stream_id, e.version, e.event_id,
                            e.event_type, e.data, e.metadata, e.recorded_at) AS hash
    FROM events e WHERE e.version = 1
    UNION ALL
    SELECT e.global_position, e.stream_id, e.version, c.hash,
           audit_event_hash(c.hash, e.global_position, e.stream_id, e.version, e.event_id,
                            e.event_type, e.data, e.metadata, e.recorded_at)
    FROM chain c JOIN events e ON e.stream_id = c.stream_id AND e.version = c.version + 1
)
UPDATE events e SET prev_hash = c.prev_hash, hash = c.hash
FROM chain c WHERE e.global_position = c.global_position;
RESET enable_hashjoin;
RESET enable_mergejoin;

-- Streams the step above could not chain (a missing version 1 or a gap, which the store never
-- writes): chained in order anyway, so that `verify` reports them rather than this failing.
DO $$
DECLARE
    r record;
    last_stream text := NULL;
    last_hash bytea := NULL;
    h bytea;
BEGIN
    FOR r IN
        SELECT * FROM events
        WHERE stream_id IN (SELECT stream_id FROM events WHERE hash IS NULL)
        ORDER BY stream_id, version
    LOOP
        IF last_stream IS DISTINCT FROM r.stream_id THEN
            last_hash := NULL;
        END IF;
        h := audit_event_hash(last_hash, r.global_position, r.stream_id, r.version, r.event_id,
                              r.event_type, r.data, r.metadata, r.recorded_at);
        UPDATE events SET prev_hash = last_hash, hash = h
        WHERE global_position = r.global_position;
        last_stream := r.stream_id;
        last_hash := h;
    END LOOP;
END
$$;

ALTER TABLE events ALTER COLUMN hash SET NOT NULL;

-- Sets prev_hash and hash of every new event. Row-level BEFORE triggers of a VOLATILE function
-- see the rows inserted earlier by the same statement, so a multi-event append (inserted in
-- stream, version order) chains its own events. A version whose predecessor does not exist is
-- refused: a chain cannot start in the middle.
CREATE OR REPLACE FUNCTION audit_chain_event() RETURNS trigger
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    IF NEW.version = 1 THEN
        NEW.prev_hash := NULL;
    ELSE
        SELECT e.hash INTO NEW.prev_hash
        FROM events e
        WHERE e.stream_id = NEW.stream_id AND e.version = NEW.version - 1;
        IF NEW.prev_hash IS NULL THEN
            RAISE EXCEPTION 'events: stream % has no version % to chain version % to',
                NEW.stream_id, NEW.version - 1, NEW.version
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    NEW.hash := audit_event_hash(NEW.prev_hash, NEW.global_position, NEW.stream_id, NEW.version,
                                 NEW.event_id, NEW.event_type, NEW.data, NEW.metadata,
                                 NEW.recorded_at);
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS events_audit_chain ON events;
CREATE TRIGGER events_audit_chain BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION audit_chain_event();

-- The event store is append-only: history is corrected by new events, never by rewriting.
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events is append-only: % refused (record a correcting event instead)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER IF EXISTS events_append_only ON events;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
DROP TRIGGER IF EXISTS events_no_truncate ON events;
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Audit queries: by employee (NIP), by transfer, by actor, by period.
CREATE INDEX IF NOT EXISTS events_data_nip ON events ((data ->> 'nip'));
CREATE INDEX IF NOT EXISTS events_data_mutation_id ON events ((data ->> 'mutation_id'));
CREATE INDEX IF NOT EXISTS events_data_mutation_ids ON events USING gin ((data -> 'mutation_ids'));
CREATE INDEX IF NOT EXISTS events_metadata_actor ON events ((metadata ->> 'actor'));
CREATE INDEX IF NOT EXISTS events_recorded_at ON events (recorded_at);
