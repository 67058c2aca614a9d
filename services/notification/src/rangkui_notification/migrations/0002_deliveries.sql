-- Delivery log (e-mail, webhook; inbox copies are listed too) and one row per attempt,
-- from the service's own events.
CREATE TABLE IF NOT EXISTS deliveries (
    notification_id   text        PRIMARY KEY,
    stream_id         text        NOT NULL,
    source_event_id   text        NOT NULL,
    source_event_type text        NOT NULL,
    recipient         text        NOT NULL,
    channel           text        NOT NULL,
    template          text        NOT NULL,
    address           text,
    subscription_id   text,
    status            text        NOT NULL,
    attempts          integer     NOT NULL DEFAULT 0,
    last_error        text,
    next_attempt_at   timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_attempt_at)
    WHERE status IN ('PENDING', 'RETRY_WAIT', 'IN_FLIGHT');
CREATE INDEX IF NOT EXISTS deliveries_by_recipient ON deliveries (recipient, created_at DESC);
CREATE INDEX IF NOT EXISTS deliveries_by_source ON deliveries (source_event_id);

CREATE TABLE IF NOT EXISTS delivery_attempts (
    notification_id text        NOT NULL,
    attempt         integer     NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    outcome         text        NOT NULL,  -- STARTED, SUCCEEDED, FAILED, IN_DOUBT
    error           text,
    PRIMARY KEY (notification_id, attempt)
);

-- Channel preferences per person (the inbox is always on).
CREATE TABLE IF NOT EXISTS preferences (
    recipient  text        PRIMARY KEY,
    email      boolean     NOT NULL,
    updated_at timestamptz NOT NULL
);
