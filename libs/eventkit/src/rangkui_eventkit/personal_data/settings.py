"""The keys a service needs for personal data, from its settings.

A deployed service refuses to start without them; a development default exists only for
`development_mode` (local runs and tests), and is public, so it protects nothing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings

from rangkui_eventkit.personal_data.crypto import KEY_BYTES, WrappingKeys

TRANSPORT_KEY_VARIABLE = "RANGKUI_PERSONAL_DATA_TRANSPORT_KEY"
PREVIOUS_TRANSPORT_KEYS_VARIABLE = "RANGKUI_PERSONAL_DATA_PREVIOUS_TRANSPORT_KEYS"
DEVELOPMENT_TRANSPORT_KEY = hashlib.sha256(b"rangkui development transport key").digest()
"""Public, for `development_mode` only: never protects real data."""


class MissingKey(ValueError):
    """A key setting is absent outside development mode, or is not 32 bytes of base64."""


def decode_key(text: str, setting: str) -> bytes:
    """A 32-byte key from base64 (standard or url-safe, padding optional)."""
    cleaned = text.strip()
    padded = cleaned + "=" * (-len(cleaned) % 4)
    try:
        raw = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise MissingKey(f"{setting} is not base64") from exc
    if len(raw) != KEY_BYTES:
        raise MissingKey(f"{setting} must be {KEY_BYTES} bytes (base64), not {len(raw)}")
    return raw


def resolve_key(
    configured: str | None, *, setting: str, development_mode: bool, development_default: bytes
) -> bytes:
    """The configured key; the development default only in development mode; else refuse."""
    if configured:
        return decode_key(configured, setting)
    if development_mode:
        return development_default
    raise MissingKey(
        f"{setting} is not set: personal data cannot be protected without it "
        "(a development default exists only with development_mode on)"
    )


def decode_keys(text: str | None, setting: str) -> tuple[bytes, ...]:
    """Comma-separated keys (base64 of 32 bytes each): the keys a rotation retires."""
    return tuple(decode_key(part, setting) for part in (text or "").split(",") if part.strip())


class PersonalDataTransportSettings(BaseSettings):
    """Mix into a service's settings class (beside `ServiceSettings`) to read the transport
    key shared by personnel and the services that hold employees' data keys."""

    personal_data_transport_key: str | None = Field(
        default=None,
        validation_alias=AliasChoices(TRANSPORT_KEY_VARIABLE, "personal_data_transport_key"),
        description="base64 of 32 bytes; wraps data keys on rangkui.personnel.keys",
        repr=False,
    )
    personal_data_previous_transport_keys: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            PREVIOUS_TRANSPORT_KEYS_VARIABLE, "personal_data_previous_transport_keys"
        ),
        description="comma-separated base64 keys that the transport key replaced: still "
        "unwrap until every holder has the keys re-published under the current one",
        repr=False,
    )

    def transport_key(self) -> bytes:
        """The transport key; `MissingKey` outside development mode when it is not set."""
        return resolve_key(
            self.personal_data_transport_key,
            setting=TRANSPORT_KEY_VARIABLE,
            development_mode=bool(getattr(self, "development_mode", False)),
            development_default=DEVELOPMENT_TRANSPORT_KEY,
        )

    def transport_keys(self) -> WrappingKeys:
        """The transport key with the keys it replaced (a rotation in progress)."""
        return WrappingKeys(
            self.transport_key(),
            decode_keys(
                self.personal_data_previous_transport_keys, PREVIOUS_TRANSPORT_KEYS_VARIABLE
            ),
        )
