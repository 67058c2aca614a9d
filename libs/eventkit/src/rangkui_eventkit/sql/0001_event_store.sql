-- The kit's own tables, created in every service's database before the service's migrations.

-- Append-only event store. global_position orders all events of this service; (stream_id,
-- version) is the optimistic-concurrency guard.
CREATE TABLE IF NOT EXISTS events (
    global_position bigserial PRIMARY KEY,
    stream_id       text        NOT NULL,
    version         integer     NOT NULL CHECK (version > 0),
    event_id        uuid        NOT NULL UNIQUE,
    event_type      text        NOT NULL,
    data            jsonb       NOT NULL,
    metadata        jsonb       NOT NULL,
    recorded_at     timestamptz NOT NULL,
    UNIQUE (stream_id, version)
);

-- Transactional outbox: one row per event still to publish, written in the same
-- transaction as the event, deleted once the broker acknowledged it.
CREATE TABLE IF NOT EXISTS outbox (
    position bigint PRIMARY KEY REFERENCES events (global_position),
    topic    text   NOT NULL
);

-- A consumer's position per topic partition, committed with its effects.
CREATE TABLE IF NOT EXISTS consumer_offsets (
    consumer    text    NOT NULL,
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (consumer, topic, partition)
);

-- The last stream version a consumer applied, per stream: a re-published event (the relay
-- resends after a crash between send and delete) is recognised and skipped.
CREATE TABLE IF NOT EXISTS consumer_streams (
    consumer  text    NOT NULL,
    stream_id text    NOT NULL,
    version   integer NOT NULL,
    PRIMARY KEY (consumer, stream_id)
);

-- One row per consumer; its generation changes on every rebuild, which tells running
-- replicas that their in-memory positions are void.
CREATE TABLE IF NOT EXISTS consumers (
    consumer   text    PRIMARY KEY,
    generation integer NOT NULL DEFAULT 0
);
