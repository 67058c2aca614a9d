"""Settings of the personnel service, from `PERSONNEL_*` environment variables."""

from __future__ import annotations

import hashlib

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from rangkui_eventkit.personal_data import (
    PersonalDataTransportSettings,
    WrappingKeys,
    decode_keys,
    resolve_key,
)
from rangkui_eventkit.settings import ServiceSettings

DEVELOPMENT_KEY_ENCRYPTION_KEY = hashlib.sha256(b"rangkui development personnel kek").digest()
"""Public, for `development_mode` only: never protects real data."""


class PersonnelSettings(ServiceSettings, PersonalDataTransportSettings):
    model_config = SettingsConfigDict(env_prefix="PERSONNEL_", extra="ignore")

    service_name: str = "personnel"
    http_port: int = 8101
    import_chunk_size: int = 500
    """Rows per batched append during a bulk import (one event-store call per chunk)."""
    import_concurrent_uploads: int = Field(
        default=2,
        ge=1,
        description="import uploads spooled to disk at once; more wait their turn (the spool "
        "directory holds up to this many times http_max_upload_bytes)",
    )
    import_spool_dir: str | None = Field(
        default=None,
        description="where uploads are spooled while their rows are stored (default: the "
        "system temporary directory, /tmp in the pod)",
    )
    key_encryption_key: str | None = Field(
        default=None,
        repr=False,
        description="PERSONNEL_KEY_ENCRYPTION_KEY: base64 of 32 bytes; wraps the employees' "
        "data keys at rest (required unless development_mode)",
    )
    previous_key_encryption_keys: str | None = Field(
        default=None,
        repr=False,
        description="PERSONNEL_PREVIOUS_KEY_ENCRYPTION_KEYS: comma-separated base64 keys that "
        "the key-encryption key replaced; they still unwrap until `rotate-keys` re-wrapped all",
    )

    def kek(self) -> bytes:
        """The key-encryption key; `MissingKey` outside development mode when it is not set."""
        return resolve_key(
            self.key_encryption_key,
            setting="PERSONNEL_KEY_ENCRYPTION_KEY",
            development_mode=self.development_mode,
            development_default=DEVELOPMENT_KEY_ENCRYPTION_KEY,
        )

    def key_encryption_keys(self) -> WrappingKeys:
        """The key-encryption key with the keys it replaced (a rotation in progress)."""
        return WrappingKeys(
            self.kek(),
            decode_keys(
                self.previous_key_encryption_keys, "PERSONNEL_PREVIOUS_KEY_ENCRYPTION_KEYS"
            ),
        )
