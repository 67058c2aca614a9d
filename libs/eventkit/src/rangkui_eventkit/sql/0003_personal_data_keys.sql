-- The key ring of a service that opens sealed personal data (rangkui_eventkit.personal_data):
-- the employees' data keys as personnel hands them out on rangkui.personnel.keys, still
-- wrapped with the transport key. A read model: rebuilt from the compacted topic.
-- (Named keyring, not keys: the personnel service keeps its master table personal_data_keys.)
CREATE TABLE IF NOT EXISTS personal_data_keyring (
    nip         text PRIMARY KEY,
    key_id      text NOT NULL,
    wrapped_key bytea,          -- NULL once the key is erased
    issued_at   timestamptz,
    erased_at   timestamptz
);
