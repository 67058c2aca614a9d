-- Read models of the mutation service, built only from events consumed from Kafka.

-- From personnel: the organisation, the posts with their formasi, the employees.
CREATE TABLE IF NOT EXISTS units (
    unit_id        text PRIMARY KEY,
    name           text NOT NULL,
    kind           text NOT NULL,
    region         text NOT NULL,
    parent_unit_id text
);

CREATE TABLE IF NOT EXISTS positions (
    position_id               text PRIMARY KEY,
    unit_id                   text NOT NULL,
    title                     text NOT NULL,
    jabatan_type              text NOT NULL,
    formasi                   integer NOT NULL,
    required_education_levels text[] NOT NULL DEFAULT '{}',
    required_education_fields text[] NOT NULL DEFAULT '{}',
    grade_min                 text,
    grade_max                 text,
    is_head_of_unit           boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS positions_unit ON positions (unit_id);

CREATE TABLE IF NOT EXISTS employees (
    nip          text PRIMARY KEY,
    name         text NOT NULL,
    status       text NOT NULL,
    grade        text NOT NULL,
    unit_id      text NOT NULL,
    position_id  text NOT NULL,
    tmt_position date NOT NULL,
    education    jsonb NOT NULL DEFAULT '[]',
    competencies text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS employees_position ON employees (position_id);

-- Posts each employee held (for "experience in similar posts").
CREATE TABLE IF NOT EXISTS employee_posts (
    nip         text NOT NULL,
    position_id text NOT NULL,
    unit_id     text NOT NULL,
    since       date NOT NULL,
    PRIMARY KEY (nip, position_id, since)
);

-- From evaluation: annual performance ratings (predikat).
CREATE TABLE IF NOT EXISTS performance (
    evaluation_id text PRIMARY KEY,
    nip           text NOT NULL,
    kind          text NOT NULL,
    period_end    date NOT NULL,
    predikat      text NOT NULL
);
CREATE INDEX IF NOT EXISTS performance_nip ON performance (nip, period_end DESC);

-- From this service's own topic: transfers with their step and full timeline.
CREATE TABLE IF NOT EXISTS mutations (
    mutation_id      text PRIMARY KEY,
    nip              text NOT NULL,
    from_unit_id     text NOT NULL,
    from_position_id text NOT NULL,
    to_unit_id       text NOT NULL,
    to_position_id   text NOT NULL,
    kind             text NOT NULL,
    reason           text NOT NULL,
    need_id          text,
    status           text NOT NULL,
    proposed_by      text NOT NULL,
    proposed_at      timestamptz NOT NULL,
    status_since     timestamptz NOT NULL,
    sk_number        text,
    sk_date          date,
    tmt              date,
    version          integer NOT NULL
);
CREATE INDEX IF NOT EXISTS mutations_nip ON mutations (nip);
CREATE INDEX IF NOT EXISTS mutations_status ON mutations (status);

CREATE TABLE IF NOT EXISTS mutation_timeline (
    mutation_id text NOT NULL,
    version     integer NOT NULL,
    step        text NOT NULL,
    event_type  text NOT NULL,
    actor       text NOT NULL,
    at          timestamptz NOT NULL,
    reason      text,
    details     jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (mutation_id, version)
);

-- Staffing needs (own topic).
CREATE TABLE IF NOT EXISTS staffing_needs (
    need_id       text PRIMARY KEY,
    unit_id       text NOT NULL,
    position_id   text NOT NULL,
    count         integer NOT NULL,
    filled        integer NOT NULL DEFAULT 0,
    reason        text NOT NULL,
    priority      text NOT NULL,
    status        text NOT NULL,
    identified_by text NOT NULL,
    identified_at timestamptz NOT NULL,
    closed_reason text
);

-- Write-side lookups on this service's own event store (the rules need strongly consistent
-- facts, not the eventually consistent read models): transfers by employee and by post.
CREATE INDEX IF NOT EXISTS events_mutation_nip
    ON events ((data ->> 'nip')) WHERE event_type = 'rangkui.mutation.MutationProposed.v1';
CREATE INDEX IF NOT EXISTS events_mutation_to_position
    ON events ((data ->> 'to_position_id'))
    WHERE event_type = 'rangkui.mutation.MutationApproved.v1';
CREATE INDEX IF NOT EXISTS events_mutation_decreed
    ON events (stream_id) WHERE event_type = 'rangkui.mutation.MutationDecreed.v1';
