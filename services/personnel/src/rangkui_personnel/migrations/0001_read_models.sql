-- Read models of the personnel service, built only from the personnel topic.

CREATE TABLE IF NOT EXISTS units (
    unit_id        text PRIMARY KEY,
    name           text    NOT NULL,
    kind           text    NOT NULL,
    region         text    NOT NULL,
    parent_unit_id text,
    closed         boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS units_parent ON units (parent_unit_id);

CREATE TABLE IF NOT EXISTS positions (
    position_id               text PRIMARY KEY,
    unit_id                   text    NOT NULL,
    title                     text    NOT NULL,
    jabatan_type              text    NOT NULL,
    formasi                   integer NOT NULL,
    is_head_of_unit           boolean NOT NULL DEFAULT false,
    required_education_levels jsonb   NOT NULL DEFAULT '[]',
    required_education_fields jsonb   NOT NULL DEFAULT '[]',
    grade_min                 text,
    grade_max                 text
);
CREATE INDEX IF NOT EXISTS positions_unit ON positions (unit_id);

CREATE TABLE IF NOT EXISTS employees (
    nip          text PRIMARY KEY,
    name         text    NOT NULL,
    gender       text    NOT NULL,
    birth_date   date    NOT NULL,
    status       text    NOT NULL,
    grade        text    NOT NULL,
    rank_name    text    NOT NULL,
    unit_id      text    NOT NULL,
    position_id  text    NOT NULL,
    tmt_position date    NOT NULL,
    education    jsonb   NOT NULL DEFAULT '[]',
    competencies jsonb   NOT NULL DEFAULT '[]',
    version      integer NOT NULL
);
CREATE INDEX IF NOT EXISTS employees_unit ON employees (unit_id);

-- Contact details are personal data: kept apart so that they can be protected, exported
-- or erased on their own.
CREATE TABLE IF NOT EXISTS employee_contacts (
    nip   text PRIMARY KEY,
    email text,
    phone text
);

-- Every post an employee held (and in which unit), from when to when.
CREATE TABLE IF NOT EXISTS employee_history (
    nip         text    NOT NULL,
    seq         integer NOT NULL,
    kind        text    NOT NULL,
    unit_id     text,
    position_id text,
    grade       text,
    detail      text,
    valid_from  date    NOT NULL,
    valid_to    date,
    mutation_id text,
    PRIMARY KEY (nip, seq, kind)
);

-- Formasi per post, and who holds which post (retired employees hold none): bezetting is
-- counted from the holders when asked, so it cannot drift from the events. Both are keyed so
-- that events of a post and of its holders (different streams) may arrive in any order.
CREATE TABLE IF NOT EXISTS staffing (
    position_id text PRIMARY KEY,
    unit_id     text    NOT NULL,
    formasi     integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS staffing_unit ON staffing (unit_id);

CREATE TABLE IF NOT EXISTS staffing_holders (
    nip         text PRIMARY KEY,
    position_id text    NOT NULL,
    unit_id     text    NOT NULL,
    counted     boolean NOT NULL
);
CREATE INDEX IF NOT EXISTS staffing_holders_position ON staffing_holders (position_id);
