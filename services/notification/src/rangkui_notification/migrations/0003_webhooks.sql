-- Webhook subscriptions with their health (from the service's own events).
CREATE TABLE IF NOT EXISTS webhook_subscriptions (
    subscription_id text        PRIMARY KEY,
    url             text        NOT NULL,
    event_types     text[]      NOT NULL,
    description     text        NOT NULL DEFAULT '',
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL,
    last_success_at timestamptz,
    last_failure_at timestamptz,
    failures_in_row integer     NOT NULL DEFAULT 0,
    last_error      text
);

-- The webhook reaction's memory: the last delivery queued per subscription and source
-- stream, which the next one names as its predecessor (delivery in order per transfer).
-- Written by the reaction in the transaction of its position, like notice_transfers.
CREATE TABLE IF NOT EXISTS webhook_chain (
    order_key            text PRIMARY KEY,
    last_stream_id       text NOT NULL,
    last_notification_id text NOT NULL
);
