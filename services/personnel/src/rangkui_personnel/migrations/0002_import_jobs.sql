-- Bulk import jobs and their rows. Not a read model: this is the import's own work state
-- (what is left to do, and the per-row report), written by the import runner in the same
-- transaction as the events of each chunk, so an interrupted import resumes where it stopped.

CREATE TABLE IF NOT EXISTS import_jobs (
    job_id          text PRIMARY KEY,
    source_name     text        NOT NULL,
    format          text        NOT NULL,
    status          text        NOT NULL,  -- RUNNING, DONE, FAILED
    total_rows      integer     NOT NULL,
    processed_rows  integer     NOT NULL DEFAULT 0,
    applied_rows    integer     NOT NULL DEFAULT 0,
    unchanged_rows  integer     NOT NULL DEFAULT 0,
    rejected_rows   integer     NOT NULL DEFAULT 0,
    events_written  integer     NOT NULL DEFAULT 0,
    actor           text        NOT NULL,
    correlation_id  text        NOT NULL,
    error           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS import_rows (
    job_id     text    NOT NULL REFERENCES import_jobs (job_id) ON DELETE CASCADE,
    seq        integer NOT NULL,  -- processing order: units (parents first), posts, employees
    section    text    NOT NULL,
    row_number integer NOT NULL,  -- as in the file, 1-based within its section
    data       jsonb   NOT NULL,
    outcome    text,              -- APPLIED, UNCHANGED, REJECTED; NULL: not processed yet
    events     integer,
    problems   jsonb,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX IF NOT EXISTS import_rows_rejected ON import_rows (job_id, seq)
    WHERE outcome = 'REJECTED';
