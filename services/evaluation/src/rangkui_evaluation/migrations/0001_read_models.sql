-- Read models of the evaluation service. Every table here is built only from events
-- consumed from Kafka (personnel, mutation and the service's own topic).

-- Personnel, as this service needs it: units (for agency and region), posts (which one heads
-- its unit) and who holds which post.
CREATE TABLE IF NOT EXISTS personnel_units (
    unit_id        text PRIMARY KEY,
    name           text NOT NULL,
    kind           text NOT NULL,
    region         text NOT NULL,
    parent_unit_id text
);

CREATE TABLE IF NOT EXISTS personnel_positions (
    position_id     text PRIMARY KEY,
    unit_id         text    NOT NULL,
    title           text    NOT NULL,
    is_head_of_unit boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS personnel_positions_head ON personnel_positions (unit_id)
    WHERE is_head_of_unit;

CREATE TABLE IF NOT EXISTS personnel_employees (
    nip         text PRIMARY KEY,
    name        text NOT NULL,
    status      text NOT NULL,
    unit_id     text NOT NULL,
    position_id text NOT NULL,
    tmt_position date NOT NULL
);
CREATE INDEX IF NOT EXISTS personnel_employees_position ON personnel_employees (position_id);

-- Owned by the monitoring planner (a reaction on the mutation topic, so it is read in the
-- same order as the MutationEffective that needs it): the kind of each proposed transfer.
CREATE TABLE IF NOT EXISTS planner_mutation_kinds (
    mutation_id text PRIMARY KEY,
    kind        text NOT NULL
);

-- Monitoring plans and their checkpoints, from the service's own events.
CREATE TABLE IF NOT EXISTS monitoring_plans (
    plan_id          text PRIMARY KEY,
    mutation_id      text NOT NULL,
    nip              text NOT NULL,
    unit_id          text NOT NULL,
    position_id      text NOT NULL,
    evaluator_nip    text,
    tmt              date NOT NULL,
    kind             text,
    need_id          text,
    from_unit_id     text,
    from_position_id text,
    agency_unit_id   text,
    region           text,
    status           text NOT NULL DEFAULT 'ACTIVE',
    scheduled_at     timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS monitoring_plans_nip ON monitoring_plans (nip);
CREATE INDEX IF NOT EXISTS monitoring_plans_evaluator ON monitoring_plans (evaluator_nip);

CREATE TABLE IF NOT EXISTS monitoring_checkpoints (
    checkpoint_id text PRIMARY KEY,
    plan_id       text NOT NULL,
    months_after  integer NOT NULL,
    due_date      date NOT NULL,
    status        text NOT NULL DEFAULT 'DUE'
);
CREATE INDEX IF NOT EXISTS monitoring_checkpoints_plan ON monitoring_checkpoints (plan_id);
