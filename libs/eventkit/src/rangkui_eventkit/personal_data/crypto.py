"""Sealing personal fields with an employee's data key, and wrapping data keys.

Both use AES-256-GCM (a 96-bit random nonce, a 128-bit tag) with associated data that binds
the result to the employee's NIP and the key id: a sealed blob or a wrapped key copied onto
another person does not open. What this guarantees: without the data key, a `Sealed` value
reveals nothing but its length; once every copy of the key is gone, nobody can open it.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic_core import to_jsonable_python

from rangkui_contracts.events.common import Sealed

KEY_BYTES = 32
NONCE_BYTES = 12
ALG = "A256GCM"
_SEAL_CONTEXT = b"rangkui.sealed.v1"
_WRAP_CONTEXT = b"rangkui.wrapped-key.v1"


class CannotOpen(ValueError):
    """The key is wrong, the blob was altered, or it belongs to another NIP or key id."""


def new_data_key() -> bytes:
    """32 random bytes: one employee's data key."""
    return secrets.token_bytes(KEY_BYTES)


def new_key_id() -> str:
    """A random, opaque key id (it names a key, never derives from the NIP)."""
    return f"dk-{secrets.token_hex(8)}"


def b64u_encode(raw: bytes) -> str:
    """base64url without padding, as `Sealed` and the key messages carry bytes."""
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64u_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _aad(context: bytes, nip: str, key_id: str) -> bytes:
    return b"\x00".join((context, nip.encode(), key_id.encode()))


def _check_key(key: bytes) -> None:
    if len(key) != KEY_BYTES:
        raise ValueError(f"an AES-256 key has {KEY_BYTES} bytes, not {len(key)}")


def seal(key: bytes, key_id: str, nip: str, fields: Mapping[str, Any]) -> Sealed:
    """Encrypt `fields` (JSON-able: dates become ISO strings) for `nip` with its data key."""
    _check_key(key)
    plaintext = json.dumps(
        to_jsonable_python(dict(fields)), sort_keys=True, separators=(",", ":")
    ).encode()
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, _aad(_SEAL_CONTEXT, nip, key_id))
    return Sealed(
        key_id=key_id, alg=ALG, nonce=b64u_encode(nonce), ciphertext=b64u_encode(ciphertext)
    )


def open_sealed(key: bytes, sealed: Sealed, nip: str) -> dict[str, Any]:
    """The fields sealed for `nip`; `CannotOpen` if the key, the NIP or the blob is wrong."""
    _check_key(key)
    try:
        plaintext = AESGCM(key).decrypt(
            b64u_decode(sealed.nonce),
            b64u_decode(sealed.ciphertext),
            _aad(_SEAL_CONTEXT, nip, sealed.key_id),
        )
    except (InvalidTag, ValueError) as exc:
        raise CannotOpen(f"sealed value {sealed.key_id} does not open for this NIP") from exc
    opened = json.loads(plaintext)
    if not isinstance(opened, dict):
        raise CannotOpen("a sealed value holds an object")
    return opened


def wrap_key(wrapping_key: bytes, data_key: bytes, *, nip: str, key_id: str) -> bytes:
    """`data_key` encrypted with `wrapping_key` (a key-encryption or transport key):
    nonce followed by ciphertext and tag, 60 bytes."""
    _check_key(wrapping_key)
    _check_key(data_key)
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(wrapping_key).encrypt(nonce, data_key, _aad(_WRAP_CONTEXT, nip, key_id))


def unwrap_key(wrapping_key: bytes, wrapped: bytes, *, nip: str, key_id: str) -> bytes:
    """The data key inside `wrapped`; `CannotOpen` if the wrapping key or binding is wrong."""
    _check_key(wrapping_key)
    try:
        return AESGCM(wrapping_key).decrypt(
            wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _aad(_WRAP_CONTEXT, nip, key_id)
        )
    except (InvalidTag, ValueError) as exc:
        raise CannotOpen(f"wrapped key {key_id} does not open with this wrapping key") from exc


@dataclass(frozen=True)
class WrappingKeys:
    """A wrapping key (key-encryption or transport key) and the keys it replaced.

    Rotation without downtime: new wraps use `current`, and a key wrapped under a previous
    one still unwraps until the rotation has re-wrapped it; then the previous key retires.
    Trying each key is safe because AES-GCM refuses a wrong one (its tag does not verify)."""

    current: bytes
    previous: tuple[bytes, ...] = ()

    def __post_init__(self) -> None:
        for key in (self.current, *self.previous):
            _check_key(key)

    @classmethod
    def of(cls, keys: WrappingKeys | bytes) -> WrappingKeys:
        """Accept a single key where no rotation is under way."""
        return keys if isinstance(keys, WrappingKeys) else cls(keys)

    def wrap(self, data_key: bytes, *, nip: str, key_id: str) -> bytes:
        return wrap_key(self.current, data_key, nip=nip, key_id=key_id)

    def unwrap(self, wrapped: bytes, *, nip: str, key_id: str) -> bytes:
        """The data key, under whichever of the keys wrapped it; `CannotOpen` if none did."""
        for key in (self.current, *self.previous):
            try:
                return unwrap_key(key, wrapped, nip=nip, key_id=key_id)
            except CannotOpen:
                continue
        raise CannotOpen(f"wrapped key {key_id} opens with none of the configured keys")

    def rewrapped(self, wrapped: bytes, *, nip: str, key_id: str) -> bytes | None:
        """`wrapped` under the current key, or None when it already is (nothing to do)."""
        try:
            unwrap_key(self.current, wrapped, nip=nip, key_id=key_id)
            return None
        except CannotOpen:
            return self.wrap(self.unwrap(wrapped, nip=nip, key_id=key_id), nip=nip, key_id=key_id)
