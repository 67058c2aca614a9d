-- Personal data (UU 27/2022, crypto-shredding): the directory keeps a person's contact SEALED
-- with their data key (`personal`, the `Sealed` value of their latest registration or
-- contact change, as JSON), opened only in memory when a notice is composed or sent.
-- `email` now holds only addresses from events published before sealing (version 1); it is
-- nulled, with `personal`, when the person's data is erased, and `directory_erased` remembers
-- the erasure so that a replay of an old plaintext event cannot bring the address back.
ALTER TABLE directory_employees ADD COLUMN IF NOT EXISTS personal jsonb;
CREATE TABLE IF NOT EXISTS directory_erased (
    nip       text        PRIMARY KEY,
    erased_at timestamptz NOT NULL
);
