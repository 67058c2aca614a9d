-- Evaluations, overdue flags, cancellation and outcomes (issue 5).

-- The staffing needs a transfer counted towards (mutation topic), for the PLACEMENT criterion.
-- Owned by the monitoring planner, like planner_mutation_kinds.
CREATE TABLE IF NOT EXISTS planner_need_fills (
    mutation_id text PRIMARY KEY,
    need_id     text NOT NULL
);

ALTER TABLE monitoring_checkpoints
    ADD COLUMN IF NOT EXISTS evaluation_id text,
    ADD COLUMN IF NOT EXISTS predikat      text,
    ADD COLUMN IF NOT EXISTS overdue_since date;
CREATE INDEX IF NOT EXISTS monitoring_checkpoints_open ON monitoring_checkpoints (due_date)
    WHERE status = 'DUE';

ALTER TABLE monitoring_plans
    ADD COLUMN IF NOT EXISTS cancelled_reason  text,
    ADD COLUMN IF NOT EXISTS verdict           text,
    ADD COLUMN IF NOT EXISTS criteria          jsonb,
    ADD COLUMN IF NOT EXISTS baseline_predikat text,
    ADD COLUMN IF NOT EXISTS latest_predikat   text,
    ADD COLUMN IF NOT EXISTS months_to_adapt   integer,
    ADD COLUMN IF NOT EXISTS assessed_on       date,
    ADD COLUMN IF NOT EXISTS assessment_trigger text;

-- Every evaluation recorded, with the correction that superseded it, if any.
CREATE TABLE IF NOT EXISTS evaluations (
    evaluation_id            text PRIMARY KEY,
    nip                      text NOT NULL,
    kind                     text NOT NULL,
    period_start             date NOT NULL,
    period_end               date NOT NULL,
    hasil_kerja              text NOT NULL,
    perilaku_kerja           text NOT NULL,
    predikat                 text NOT NULL,
    evaluator_nip            text,
    plan_id                  text,
    checkpoint_id            text,
    adaptation               jsonb,
    supersedes_evaluation_id text,
    superseded_by            text,
    recorded_by              text NOT NULL,
    recorded_at              timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS evaluations_nip ON evaluations (nip, period_end);
