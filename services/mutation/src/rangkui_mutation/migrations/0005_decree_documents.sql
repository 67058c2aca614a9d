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
