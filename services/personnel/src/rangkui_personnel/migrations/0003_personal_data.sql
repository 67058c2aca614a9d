-- Personal data (UU 27/2022) by crypto-shredding.

-- The master copy of every employee's data key, wrapped with the key-encryption key
-- (PERSONNEL_KEY_ENCRYPTION_KEY). NOT a read model: never truncated by a rebuild. An erasure
-- deletes the wrapped key and keeps the row, so the NIP cannot silently get a fresh key and
-- the audit shows when and why.
CREATE TABLE IF NOT EXISTS personal_data_keys (
    nip            text PRIMARY KEY,
    key_id         text        NOT NULL UNIQUE,
    wrapped_key    bytea,
    created_at     timestamptz NOT NULL DEFAULT now(),
    erased_at      timestamptz,
    erasure_reason text,
    CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);

-- What the key publisher still has to send to rangkui.personnel.keys, written in the same
-- transaction as the key change. It holds no key material: the message is built from
-- personal_data_keys when it is sent, so an erased key is never published late.
CREATE TABLE IF NOT EXISTS personal_data_key_outbox (
    id   bigserial PRIMARY KEY,
    nip  text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('ISSUED', 'ERASED'))
);

-- Read models: personal fields of employees registered since sealing stay sealed at rest
-- (opened on read while the key exists); the plaintext columns hold only what version-1
-- events carried, and are emptied when the employee's personal data is erased.
ALTER TABLE employees ALTER COLUMN gender DROP NOT NULL;
ALTER TABLE employees ALTER COLUMN birth_date DROP NOT NULL;
CREATE TABLE IF NOT EXISTS employee_personal_data (
    nip          text PRIMARY KEY,
    registration jsonb,          -- Sealed: birth date, gender, contact at registration
    contact      jsonb,          -- Sealed: the latest contact change
    erased_at    timestamptz
);
