-- Proceedings about an employee that personnel learns of from other contexts' events: an
-- erasure of personal data waits while one is open (UU 27/2022 Pasal 15). Read model of
-- the `proceedings` projection (rebuildable from the mutation topic).
CREATE TABLE IF NOT EXISTS open_objections (
    mutation_id text PRIMARY KEY,
    nip         text    NOT NULL,
    open        boolean NOT NULL,   -- false once resolved or the transfer was cancelled
    version     integer NOT NULL    -- the transfer stream's version of the last event applied
);
CREATE INDEX IF NOT EXISTS open_objections_nip ON open_objections (nip) WHERE open;
