-- Read models of the notification service, built only from consumed events.

-- Who is who (from the personnel topic): names, units, posts, heads of units, contacts.
CREATE TABLE IF NOT EXISTS directory_units (
    unit_id text PRIMARY KEY,
    name    text NOT NULL
);
CREATE TABLE IF NOT EXISTS directory_positions (
    position_id     text    PRIMARY KEY,
    unit_id         text    NOT NULL,
    title           text    NOT NULL,
    is_head_of_unit boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS directory_positions_heads
    ON directory_positions (unit_id) WHERE is_head_of_unit;
CREATE TABLE IF NOT EXISTS directory_employees (
    nip         text PRIMARY KEY,
    name        text NOT NULL,
    unit_id     text,
    position_id text,
    email       text
);
CREATE INDEX IF NOT EXISTS directory_employees_position ON directory_employees (position_id);

-- The notices reaction's memory of proposed transfers (origin and target units), for the
-- later events of a transfer that do not repeat them. Written by the reaction, in the same
-- transaction as its position, so it is never behind the events of its own topic.
CREATE TABLE IF NOT EXISTS notice_transfers (
    mutation_id      text PRIMARY KEY,
    nip              text NOT NULL,
    from_unit_id     text NOT NULL,
    from_position_id text NOT NULL,
    to_unit_id       text NOT NULL,
    to_position_id   text NOT NULL,
    reason           text NOT NULL DEFAULT '',
    approval_reasons text,
    sk_number        text,
    sk_date          date,
    tmt              date
);

-- The in-app inbox (from the service's own NotificationDispatched / NotificationRead).
CREATE TABLE IF NOT EXISTS inbox (
    notification_id   text        PRIMARY KEY,
    stream_id         text        NOT NULL,
    recipient         text        NOT NULL,
    source_event_id   text        NOT NULL,
    source_event_type text        NOT NULL,
    template          text        NOT NULL,
    subject           text        NOT NULL,
    body              text        NOT NULL,
    dispatched_at     timestamptz NOT NULL,
    read_at           timestamptz
);
CREATE INDEX IF NOT EXISTS inbox_by_recipient ON inbox (recipient, dispatched_at DESC);
