-- Owned by the evaluator follower (a reaction on the personnel topic): which posts head their
-- unit and who holds which post, kept by the follower itself so that it sees personnel
-- events in the order it consumes them.
CREATE TABLE IF NOT EXISTS follower_head_posts (
    position_id text PRIMARY KEY,
    unit_id     text NOT NULL
);

CREATE TABLE IF NOT EXISTS follower_holders (
    nip         text PRIMARY KEY,
    position_id text NOT NULL
);
CREATE INDEX IF NOT EXISTS follower_holders_position ON follower_holders (position_id);
