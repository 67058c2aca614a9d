"""Personal data (UU 27/2022) by crypto-shredding: per-employee data keys held by personnel,
fields sealed with them in events, and a key ring for the services that must open them.

- `seal` / `open_sealed`: AES-256-GCM of a dict of personal fields, bound to NIP and key id.
- `wrap_key` / `unwrap_key`: a data key under a key-encryption or transport key;
  `WrappingKeys`: such a key with the ones it replaced, for rotation.
- `KeyRing`: the projection of `rangkui.personnel.keys` a service opts into, with `open_for`.
- `PersonalDataTransportSettings`: the transport key setting (development default only in
  development mode).
"""

from rangkui_eventkit.personal_data.crypto import (
    CannotOpen,
    WrappingKeys,
    b64u_decode,
    b64u_encode,
    new_data_key,
    new_key_id,
    open_sealed,
    seal,
    unwrap_key,
    wrap_key,
)
from rangkui_eventkit.personal_data.keyring import KeyRing, open_for
from rangkui_eventkit.personal_data.settings import (
    DEVELOPMENT_TRANSPORT_KEY,
    PREVIOUS_TRANSPORT_KEYS_VARIABLE,
    TRANSPORT_KEY_VARIABLE,
    MissingKey,
    PersonalDataTransportSettings,
    decode_key,
    decode_keys,
    resolve_key,
)

__all__ = [
    "DEVELOPMENT_TRANSPORT_KEY",
    "PREVIOUS_TRANSPORT_KEYS_VARIABLE",
    "TRANSPORT_KEY_VARIABLE",
    "CannotOpen",
    "KeyRing",
    "MissingKey",
    "PersonalDataTransportSettings",
    "WrappingKeys",
    "b64u_decode",
    "b64u_encode",
    "decode_key",
    "decode_keys",
    "new_data_key",
    "new_key_id",
    "open_for",
    "open_sealed",
    "resolve_key",
    "seal",
    "unwrap_key",
    "wrap_key",
]
