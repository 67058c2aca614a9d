"""The key ring: how a service other than personnel gets employees' data keys, and opens
sealed personal data with them.

`KeyRing` is a projection of the internal topic `rangkui.personnel.keys` into the service's
table `personal_data_keyring` (kit migration 0003), keys kept wrapped with the transport key
and unwrapped only in memory, per call (by the current transport key or one it replaced). A
service opts in by listing a `KeyRing` among its handlers. Guarantee: once
`PersonalDataKeyErased` for a NIP is consumed, `open_for` returns None for it, now and after
any rebuild (the compacted topic then holds only the erasure).
"""

from __future__ import annotations

from typing import Any, Protocol

from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.keys import PersonalDataKeyErased, PersonalDataKeyIssued
from rangkui_contracts.topics import PERSONNEL_KEYS
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.personal_data.crypto import CannotOpen, WrappingKeys, b64u_decode, open_sealed

log = get_logger(__name__)


class _Fetches(Protocol):
    """A connection, a pool or a `BatchContext`: anything with `fetchrow`."""

    async def fetchrow(self, query: str, *args: Any) -> Any: ...


class KeyRing(Projection):
    """Data keys from `rangkui.personnel.keys` -> `personal_data_keyring`."""

    name = "personal_data_keys"
    topics = (PERSONNEL_KEYS,)
    tables = ("personal_data_keyring",)

    def __init__(self, transport_keys: WrappingKeys | bytes) -> None:
        self._transport_keys = WrappingKeys.of(transport_keys)

    @handles(PersonalDataKeyIssued)
    async def on_issued(
        self, ctx: BatchContext, event: PersonalDataKeyIssued, received: Received
    ) -> None:
        # An erased key never comes back, whatever order a replay delivers.
        ctx.sql.add(
            """INSERT INTO personal_data_keyring (nip, key_id, wrapped_key, issued_at)
               VALUES ($1, $2, $3, $4)
               ON CONFLICT (nip) DO UPDATE
               SET key_id = EXCLUDED.key_id, wrapped_key = EXCLUDED.wrapped_key,
                   issued_at = EXCLUDED.issued_at
               WHERE personal_data_keyring.erased_at IS NULL""",
            event.nip,
            event.key_id,
            b64u_decode(event.wrapped_key),
            received.envelope.time,
        )

    @handles(PersonalDataKeyErased)
    async def on_erased(
        self, ctx: BatchContext, event: PersonalDataKeyErased, received: Received
    ) -> None:
        ctx.sql.add(
            """INSERT INTO personal_data_keyring (nip, key_id, wrapped_key, erased_at)
               VALUES ($1, $2, NULL, $3)
               ON CONFLICT (nip) DO UPDATE
               SET key_id = EXCLUDED.key_id, wrapped_key = NULL,
                   erased_at = EXCLUDED.erased_at""",
            event.nip,
            event.key_id,
            received.envelope.time,
        )

    async def current_key(self, db: _Fetches, nip: str) -> tuple[str, bytes] | None:
        """(key id, data key) to seal new personal data of `nip` with; None if this service
        does not hold a key for them (not issued or not arrived yet, or erased)."""
        row = await self._held(db, nip)
        if row is None:
            return None
        return row["key_id"], self._unwrap(row, nip)

    async def key_for(self, db: _Fetches, nip: str, key_id: str) -> bytes | None:
        """The data key `key_id` of `nip`, unwrapped; None if unknown (yet) or erased."""
        row = await self._held(db, nip)
        return None if row is None or row["key_id"] != key_id else self._unwrap(row, nip)

    async def _held(self, db: _Fetches, nip: str) -> Any:
        """The key ring's live row for `nip` (None if absent or erased)."""
        row = await db.fetchrow(
            "SELECT key_id, wrapped_key FROM personal_data_keyring WHERE nip = $1", nip
        )
        return None if row is None or row["wrapped_key"] is None else row

    def _unwrap(self, row: Any, nip: str) -> bytes:
        return self._transport_keys.unwrap(bytes(row["wrapped_key"]), nip=nip, key_id=row["key_id"])

    async def open_for(
        self, db: _Fetches, sealed: Sealed | None, nip: str
    ) -> dict[str, Any] | None:
        """The personal fields in `sealed`, or None when there is nothing to open, the key is
        not known (yet) or was erased. A blob that does not open with the right key is an
        error (`CannotOpen`): it was altered or moved to another NIP."""
        if sealed is None:
            return None
        key = await self.key_for(db, nip, sealed.key_id)
        return None if key is None else open_sealed(key, sealed, nip)


async def open_for(
    db: _Fetches, sealed: Sealed | None, nip: str, *, transport_key: WrappingKeys | bytes
) -> dict[str, Any] | None:
    """`KeyRing.open_for` without a KeyRing instance at hand (e.g. in a delivery worker)."""
    return await KeyRing(transport_key).open_for(db, sealed, nip)


__all__ = ["CannotOpen", "KeyRing", "open_for"]
