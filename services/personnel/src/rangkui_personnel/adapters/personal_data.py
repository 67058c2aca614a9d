"""The personal-data vault of personnel: per-employee data keys, sealing on the way into the
event store, opening on the way out, and erasure (crypto-shredding, UU 27/2022).

Guarantees:
- a data key is created in the same transaction as the first event it seals, together with
  its key-outbox row, so a key is never published for an event that was not stored, and no
  stored event is sealed with a key that was lost;
- the store never receives personal data in plaintext from this service: the decider's
  plaintext `EmployeeRegistered` / `EmployeeContactChanged` are sealed into their version-2
  events here, or the append fails;
- after an erasure the wrapped key is gone from `personal_data_keys` (the row stays, so the
  NIP cannot silently get a new key), and nothing sealed with it opens again here or, once
  `PersonalDataKeyErased` is consumed, anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.common import Sealed
from rangkui_contracts.events.personnel import (
    EmployeeContactChanged,
    EmployeeContactChangedV2,
    EmployeePersonalDataErased,
    EmployeeRegistered,
    EmployeeRegisteredV2,
    PersonalData,
)
from rangkui_eventkit.clock import SYSTEM_CLOCK
from rangkui_eventkit.errors import ErrorKind, RuleViolated
from rangkui_eventkit.personal_data import (
    WrappingKeys,
    new_data_key,
    new_key_id,
    open_sealed,
    seal,
)
from rangkui_eventkit.store import Recorded, StreamWrite
from rangkui_personnel.domain.employee import PersonalDataOpened

IMPORT_PERSONAL_COLUMNS = ("jenis_kelamin", "tanggal_lahir", "email", "no_hp")
"""The personal columns of a SIMPEG employee row (domain.simpeg), scrubbed on erasure."""


class PersonalDataVault:
    """Holds the key-encryption key; every method takes the connection to work in."""

    def __init__(
        self, key_encryption_keys: WrappingKeys | bytes, transport_keys: WrappingKeys | bytes
    ) -> None:
        self._kek = WrappingKeys.of(key_encryption_keys)
        self._transport = WrappingKeys.of(transport_keys)
        self._listeners: list[Any] = []

    # ------------------------------------------------------------------------ keys
    async def keys(self, db: Any, nips: Iterable[str]) -> dict[str, tuple[str, bytes | None]]:
        """nip -> (key_id, data key, or None once erased) for the NIPs that have a key row."""
        rows = await db.fetch(
            "SELECT nip, key_id, wrapped_key FROM personal_data_keys WHERE nip = ANY($1::text[])",
            sorted(set(nips)),
        )
        return {
            r["nip"]: (
                r["key_id"],
                None
                if r["wrapped_key"] is None
                else self._kek.unwrap(bytes(r["wrapped_key"]), nip=r["nip"], key_id=r["key_id"]),
            )
            for r in rows
        }

    @property
    def key_encryption_keys(self) -> WrappingKeys:
        return self._kek

    async def key_id_for_erasure(self, db: Any, nip: str) -> str:
        """The key id an erasure names: the employee's, or a new one if they never had one."""
        row = await db.fetchrow("SELECT key_id FROM personal_data_keys WHERE nip = $1", nip)
        return row["key_id"] if row else new_key_id()

    def wrap_for_transport(self, nip: str, key_id: str, wrapped_at_rest: bytes) -> bytes:
        """A stored key re-wrapped with the transport key (for rangkui.personnel.keys)."""
        key = self._kek.unwrap(wrapped_at_rest, nip=nip, key_id=key_id)
        return self._transport.wrap(key, nip=nip, key_id=key_id)

    def on_key_change(self, listener: Any) -> None:
        """Call `listener()` after a key was created or erased (wakes the key publisher)."""
        self._listeners.append(listener)

    def notify(self) -> None:
        for listener in self._listeners:
            listener()

    # --------------------------------------------------------------------- sealing
    async def seal_writes(self, conn: Any, writes: Sequence[StreamWrite]) -> list[StreamWrite]:
        """The writes with personal plaintext sealed, keys created and erasures applied, in
        `conn`'s transaction (the caller's, which also appends)."""
        nips = {
            e.nip
            for w in writes
            for e in w.events
            if isinstance(
                e, EmployeeRegistered | EmployeeContactChanged | EmployeePersonalDataErased
            )
        }
        if not nips:
            return list(writes)
        known = await self.keys(conn, nips)
        fresh: dict[str, tuple[str, bytes]] = {}
        erasures: list[EmployeePersonalDataErased] = []
        sealed_writes: list[StreamWrite] = []
        for write in writes:
            events: list[DomainEvent] = []
            for event in write.events:
                match event:
                    case EmployeeRegistered() | EmployeeContactChanged():
                        key_id, key = self._live_key(event.nip, known, fresh)
                        events.append(self._sealed(event, key_id, key))
                    case EmployeePersonalDataErased():
                        erasures.append(event)
                        known[event.nip] = (event.key_id, None)
                        events.append(event)
                    case _:
                        events.append(event)
            sealed_writes.append(StreamWrite(write.stream_id, write.expected_version, events))
        await self._store_new_keys(conn, fresh)
        await self._erase(conn, erasures)
        return sealed_writes

    def _live_key(
        self,
        nip: str,
        known: dict[str, tuple[str, bytes | None]],
        fresh: dict[str, tuple[str, bytes]],
    ) -> tuple[str, bytes]:
        if nip in known:
            key_id, key = known[nip]
            if key is None:
                raise RuleViolated(
                    "personal_data_erased",
                    f"the personal data of employee {nip} was erased; it cannot be stored again",
                    kind=ErrorKind.CONFLICT,
                    details={"nip": nip},
                )
            return key_id, key
        if nip not in fresh:
            fresh[nip] = (new_key_id(), new_data_key())
        return fresh[nip]

    @staticmethod
    def _sealed(
        event: EmployeeRegistered | EmployeeContactChanged, key_id: str, key: bytes
    ) -> DomainEvent:
        if isinstance(event, EmployeeContactChanged):
            personal = PersonalData(contact=event.contact)
            return EmployeeContactChangedV2(
                nip=event.nip, personal=seal(key, key_id, event.nip, _plain(personal))
            )
        personal = PersonalData(
            birth_date=event.birth_date, gender=event.gender, contact=event.contact
        )
        public = event.model_dump(exclude={"birth_date", "gender", "contact"})
        return EmployeeRegisteredV2(
            **public, personal=seal(key, key_id, event.nip, _plain(personal))
        )

    async def issue_missing(self, conn: Any, nips: Sequence[str]) -> list[str]:
        """Give a data key to each of `nips` that has none (and was never erased), queued for
        publishing; returns the NIPs that got one. Safe beside a registration that creates
        the same NIP's key: whichever inserts first wins, the other skips it."""
        fresh = {nip: (new_key_id(), new_data_key()) for nip in sorted(set(nips))}
        issued = await conn.fetch(
            """INSERT INTO personal_data_keys (nip, key_id, wrapped_key)
               SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])
               ON CONFLICT (nip) DO NOTHING
               RETURNING nip""",
            list(fresh),
            [fresh[n][0] for n in fresh],
            [self._kek.wrap(key, nip=n, key_id=key_id) for n, (key_id, key) in fresh.items()],
        )
        done = sorted(r["nip"] for r in issued)
        await conn.execute(
            """INSERT INTO personal_data_key_outbox (nip, kind)
               SELECT n, 'ISSUED' FROM unnest($1::text[]) AS u(n)""",
            done,
        )
        return done

    async def _store_new_keys(self, conn: Any, fresh: Mapping[str, tuple[str, bytes]]) -> None:
        if not fresh:
            return
        nips = sorted(fresh)
        await conn.execute(
            """INSERT INTO personal_data_keys (nip, key_id, wrapped_key)
               SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])""",
            nips,
            [fresh[n][0] for n in nips],
            [self._kek.wrap(fresh[n][1], nip=n, key_id=fresh[n][0]) for n in nips],
        )
        await conn.execute(
            """INSERT INTO personal_data_key_outbox (nip, kind)
               SELECT n, 'ISSUED' FROM unnest($1::text[]) AS u(n)""",
            nips,
        )

    async def _erase(self, conn: Any, erasures: Sequence[EmployeePersonalDataErased]) -> None:
        for e in erasures:
            await conn.execute(
                """INSERT INTO personal_data_keys
                       (nip, key_id, wrapped_key, erased_at, erasure_reason)
                   VALUES ($1, $2, NULL, $3, $4)
                   ON CONFLICT (nip) DO UPDATE
                   SET wrapped_key = NULL, erased_at = EXCLUDED.erased_at,
                       erasure_reason = EXCLUDED.erasure_reason""",
                e.nip,
                e.key_id,
                e.erased_at,
                e.reason,
            )
            await conn.execute(
                "INSERT INTO personal_data_key_outbox (nip, kind) VALUES ($1, 'ERASED')", e.nip
            )
            # The rows of past imports keep what the file said: their personal columns go too.
            await conn.execute(
                """UPDATE import_rows SET data = data - $2::text[]
                   WHERE section = 'employees' AND btrim(data->>'nip') = $1""",
                e.nip,
                list(IMPORT_PERSONAL_COLUMNS),
            )

    # --------------------------------------------------------------------- opening
    async def open_history(
        self, db: Any, histories: Mapping[str, Sequence[Recorded]]
    ) -> dict[str, list[DomainEvent | PersonalDataOpened]]:
        """Each stream's events, every sealed value that still opens followed by its content
        (`PersonalDataOpened`), ready for `evolve`."""
        sealed_nips = {
            r.event.nip
            for history in histories.values()
            for r in history
            if isinstance(r.event, EmployeeRegisteredV2 | EmployeeContactChangedV2)
        }
        keys = await self.keys(db, sealed_nips) if sealed_nips else {}
        out: dict[str, list[DomainEvent | PersonalDataOpened]] = {}
        for stream_id, history in histories.items():
            events: list[DomainEvent | PersonalDataOpened] = []
            for r in history:
                events.append(r.event)
                personal = getattr(r.event, "personal", None)
                if isinstance(personal, Sealed):
                    opened = self._open(keys, r.event.nip, personal)  # type: ignore[attr-defined]
                    if opened is not None:
                        events.append(PersonalDataOpened(r.event.nip, opened))  # type: ignore[attr-defined]
            out[stream_id] = events
        return out

    async def reveal(
        self, db: Any, sealed_by_nip: Mapping[str, Sequence[Sealed | None]]
    ) -> dict[str, PersonalData]:
        """nip -> its personal data merged from its sealed values (later ones win), for the
        NIPs whose key still exists; read models call this on read."""
        keys = await self.keys(db, sealed_by_nip)
        out: dict[str, PersonalData] = {}
        for nip, blobs in sealed_by_nip.items():
            merged: dict[str, Any] = {}
            for blob in blobs:
                opened = self._open(keys, nip, blob) if blob is not None else None
                if opened is not None:
                    merged.update(opened.model_dump(exclude_none=True))
            if merged:
                out[nip] = PersonalData.model_validate(merged)
        return out

    @staticmethod
    def _open(
        keys: Mapping[str, tuple[str, bytes | None]], nip: str, sealed: Sealed
    ) -> PersonalData | None:
        key_id, key = keys.get(nip, ("", None))
        if key is None or key_id != sealed.key_id:
            return None
        return PersonalData.model_validate(open_sealed(key, sealed, nip))


def _plain(personal: PersonalData) -> dict[str, Any]:
    return personal.model_dump(mode="json", exclude_none=True)


def now() -> datetime:
    return SYSTEM_CLOCK.now()


class VaultCodec:
    """The vault as the kit pipeline's `EventCodec`: opens sealed values for the fold, seals
    new ones (keys created, erasures applied) before the append, in the same transaction,
    and wakes the key publisher once the command committed."""

    def __init__(self, vault: PersonalDataVault) -> None:
        self.vault = vault

    async def open(
        self, conn: Any, histories: dict[str, list[Recorded]]
    ) -> dict[str, list[DomainEvent]]:
        return await self.vault.open_history(conn, histories)  # type: ignore[return-value]

    async def seal(self, conn: Any, writes: list[StreamWrite]) -> list[StreamWrite]:
        return await self.vault.seal_writes(conn, writes)

    def committed(self) -> None:
        self.vault.notify()
