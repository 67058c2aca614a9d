-- Write-side indexes of mutation, kept in the transaction of the events they follow
-- (rangkui_mutation.adapters.facts.WriteSideIndexes), so the TMT scheduler and the SK
-- register never lag behind a decision.

-- Decreed transfers waiting for their TMT (held ones set aside until released).
CREATE TABLE IF NOT EXISTS pending_effects (
    mutation_id text PRIMARY KEY,
    tmt         date NOT NULL,
    held        boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS pending_effects_due ON pending_effects (tmt, mutation_id)
    WHERE NOT held;

-- Socialised transfers waiting for the employee's answer until their objection deadline.
CREATE TABLE IF NOT EXISTS pending_acknowledgements (
    mutation_id text PRIMARY KEY,
    deadline    date NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_acknowledgements_deadline
    ON pending_acknowledgements (deadline, mutation_id);

-- Every SK number ever decreed (upper case, trimmed): one number names one decree for ever.
CREATE TABLE IF NOT EXISTS sk_numbers (
    sk_number   text PRIMARY KEY,
    mutation_id text NOT NULL
);

-- What the events stored before these indexes existed say.
WITH last AS (
    SELECT DISTINCT ON (stream_id) stream_id, event_type, data
    FROM events WHERE stream_id LIKE 'mutation-%'
    ORDER BY stream_id, version DESC
)
INSERT INTO pending_effects (mutation_id, tmt, held)
SELECT substr(l.stream_id, length('mutation-') + 1), (d.data ->> 'tmt')::date,
       l.event_type = 'rangkui.mutation.MutationHeld.v1'
FROM last l
JOIN LATERAL (SELECT data FROM events x WHERE x.stream_id = l.stream_id
              AND x.event_type = 'rangkui.mutation.MutationDecreed.v1'
              ORDER BY x.version DESC LIMIT 1) d ON true
WHERE l.event_type IN ('rangkui.mutation.MutationDecreed.v1', 'rangkui.mutation.MutationHeld.v1',
                       'rangkui.mutation.MutationReleased.v1')
ON CONFLICT (mutation_id) DO NOTHING;

WITH last AS (
    SELECT DISTINCT ON (stream_id) stream_id, event_type, data
    FROM events WHERE stream_id LIKE 'mutation-%'
    ORDER BY stream_id, version DESC
)
INSERT INTO pending_acknowledgements (mutation_id, deadline)
SELECT substr(stream_id, length('mutation-') + 1), (data ->> 'objection_deadline')::date
FROM last
WHERE event_type = 'rangkui.mutation.MutationSocialized.v1' AND data ->> 'objection_deadline' IS NOT NULL
ON CONFLICT (mutation_id) DO NOTHING;

INSERT INTO sk_numbers (sk_number, mutation_id)
SELECT DISTINCT ON (upper(btrim(data ->> 'sk_number')))
       upper(btrim(data ->> 'sk_number')), data ->> 'mutation_id'
FROM events WHERE event_type = 'rangkui.mutation.MutationDecreed.v1'
ORDER BY upper(btrim(data ->> 'sk_number')), global_position
ON CONFLICT (sk_number) DO NOTHING;
