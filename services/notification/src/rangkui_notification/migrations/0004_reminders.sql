-- The notices reaction's memory of monitoring checkpoints, for "due soon" reminders that the
-- reminder scheduler sends (once per checkpoint and recipient: deterministic notice streams).
CREATE TABLE IF NOT EXISTS checkpoint_reminders (
    plan_id           text    NOT NULL,
    checkpoint_id     text    NOT NULL,
    source_event_id   text    NOT NULL,
    source_event_type text    NOT NULL,
    correlation_id    text    NOT NULL,
    mutation_id       text    NOT NULL,
    nip               text    NOT NULL,
    unit_id           text    NOT NULL,
    position_id       text    NOT NULL,
    evaluator_nip     text,
    months_after      integer NOT NULL,
    due_date          date    NOT NULL,
    cancelled         boolean NOT NULL DEFAULT false,
    evaluated         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (plan_id, checkpoint_id)
);
CREATE INDEX IF NOT EXISTS checkpoint_reminders_open
    ON checkpoint_reminders (due_date) WHERE NOT cancelled AND NOT evaluated;
