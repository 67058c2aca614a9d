-- Events the broker will not take (over its message size limit): the relay moves their
-- outbox rows here, with the reason, and carries on with the rest instead of retrying one
-- record forever. The event itself stays in `events`; an operator inspects it here (and the
-- alert `rangkui_outbox_quarantined_total` says there is something to inspect).
CREATE TABLE IF NOT EXISTS outbox_quarantine (
    position       bigint      PRIMARY KEY REFERENCES events (global_position),
    topic          text        NOT NULL,
    record_bytes   integer     NOT NULL,
    reason         text        NOT NULL,
    quarantined_at timestamptz NOT NULL DEFAULT now()
);
