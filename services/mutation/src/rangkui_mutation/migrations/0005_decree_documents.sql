-- The documents of decrees: the PDF the service rendered at issue and, later, the signed
-- copies uploaded (TTE through BSrE, or a scan of the wet-signed original). Content-addressed:
-- a presented file is genuine when its SHA-256 is one recorded here for its decree (and in
-- the decree's events). Written in the transaction of the event that records the hash.
CREATE TABLE IF NOT EXISTS decree_documents (
    decree_id    text NOT NULL,
    sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    kind         text NOT NULL CHECK (kind IN ('GENERATED', 'SIGNED')),
    media_type   text NOT NULL,
    content      bytea NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (decree_id, sha256)
);

-- The decree register (a read model of DecreeIssued): the list the BKD browses.
CREATE TABLE IF NOT EXISTS decrees (
    decree_id        text PRIMARY KEY,
    sk_number        text NOT NULL,
    sk_date          date NOT NULL,
    tmt              date NOT NULL,
    title            text NOT NULL,
    rows             integer NOT NULL,
    signer_post      text NOT NULL,
    document_sha256  text NOT NULL,
    issued_by        text NOT NULL,
    issued_at        timestamptz NOT NULL,
    status           text NOT NULL DEFAULT 'BERLAKU',  -- or DIBATALKAN (SEBAGIAN)
    version          integer NOT NULL
);
CREATE INDEX IF NOT EXISTS decrees_by_date ON decrees (sk_date DESC, decree_id);

-- Which decree a transfer's SK is (NULL for one decreed on its own).
ALTER TABLE mutations ADD COLUMN IF NOT EXISTS decree_id text;
CREATE INDEX IF NOT EXISTS mutations_by_proposal ON mutations (proposed_at DESC, mutation_id);
