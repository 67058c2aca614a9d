-- Decreed transfers waiting for their TMT: a write-side index kept in the transaction of the
-- decree (and emptied in the transaction of the effect or the cancellation), so the TMT
-- scheduler finds what is due with one index scan and never lags behind a decision.
CREATE TABLE IF NOT EXISTS pending_effects (
    mutation_id text PRIMARY KEY,
    tmt         date NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_effects_tmt ON pending_effects (tmt, mutation_id);

-- Decrees made before this index existed.
INSERT INTO pending_effects (mutation_id, tmt)
SELECT substr(d.stream_id, length('mutation-') + 1), (d.data ->> 'tmt')::date
FROM events d
WHERE d.event_type = 'rangkui.mutation.MutationDecreed.v1'
  AND NOT EXISTS (SELECT 1 FROM events x WHERE x.stream_id = d.stream_id AND x.version > d.version
                  AND x.event_type IN ('rangkui.mutation.MutationEffective.v1',
                                       'rangkui.mutation.MutationCancelled.v1'))
ON CONFLICT (mutation_id) DO NOTHING;
