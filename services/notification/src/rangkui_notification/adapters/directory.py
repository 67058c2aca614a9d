"""Loads a `Directory` snapshot with just the entries an event refers to.

Works on anything with asyncpg's `fetch` (a pool, a connection, a consumer's BatchContext),
so the reaction reads inside its own transaction and the preview endpoint from the pool.
A sealed contact stays sealed in the snapshot (composing a notice needs only to know that
there is one); the delivery worker opens it when it sends (`open_email`), in memory only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from rangkui_contracts.events.common import Sealed
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.personal_data import CannotOpen, KeyRing
from rangkui_notification.domain.directory import Directory, Person, References, Transfer

log = get_logger(__name__)


class Fetcher(Protocol):
    async def fetch(self, query: str, *args: Any) -> list[Any]: ...

    async def fetchrow(self, query: str, *args: Any) -> Any: ...


async def load_directory(db: Fetcher, refs: References) -> Directory:
    transfers = {
        r["mutation_id"]: Transfer(**dict(r))
        for r in await db.fetch(
            """SELECT mutation_id, nip, from_unit_id, from_position_id, to_unit_id,
                      to_position_id, reason, approval_reasons, sk_number, sk_date, tmt,
                      kind, proposed_by
               FROM notice_transfers WHERE mutation_id = ANY($1::text[])""",
            list(refs.mutation_ids),
        )
    }
    nips = set(refs.nips) | {t.nip for t in transfers.values()}
    units = set(refs.unit_ids)
    positions = set(refs.position_ids)
    for t in transfers.values():
        units |= {t.from_unit_id, t.to_unit_id}
        positions |= {t.from_position_id, t.to_position_id}
    people = await _people(db, nips)
    units |= {p.unit_id for p in people.values() if p.unit_id}
    heads: dict[str, str] = {}
    for r in await db.fetch(
        """SELECT DISTINCT ON (p.unit_id) p.unit_id, e.nip
           FROM directory_positions p JOIN directory_employees e ON e.position_id = p.position_id
           WHERE p.is_head_of_unit AND p.unit_id = ANY($1::text[])
           ORDER BY p.unit_id, e.nip""",
        list(units),
    ):
        heads[r["unit_id"]] = r["nip"]
    people |= await _people(db, set(heads.values()) - set(people))
    unit_names = {
        r["unit_id"]: r["name"]
        for r in await db.fetch(
            "SELECT unit_id, name FROM directory_units WHERE unit_id = ANY($1::text[])",
            list(units),
        )
    }
    titles = {
        r["position_id"]: r["title"]
        for r in await db.fetch(
            "SELECT position_id, title FROM directory_positions "
            "WHERE position_id = ANY($1::text[])",
            list(positions),
        )
    }
    return Directory(
        people=people, units=unit_names, positions=titles, heads=heads, transfers=transfers
    )


async def _people(db: Fetcher, nips: set[str]) -> dict[str, Person]:
    if not nips:
        return {}
    rows = await db.fetch(
        """SELECT e.nip, e.name, e.unit_id, e.position_id, e.email,
                  e.personal IS NOT NULL AS sealed_contact, x.nip IS NOT NULL AS erased
           FROM directory_employees e LEFT JOIN directory_erased x ON x.nip = e.nip
           WHERE e.nip = ANY($1::text[])""",
        list(nips),
    )
    return {r["nip"]: Person(**dict(r)) for r in rows}


@dataclass(frozen=True)
class OpenedAddress:
    """A person's e-mail address as the delivery worker can see it right now.

    `state`: `OPEN` (opened, or from an event older than sealing; `address` None when their
    contact has no e-mail), `PENDING` (sealed, but the key has not arrived yet), `ERASED`
    (their personal data was erased: it never opens again) or `UNKNOWN` (not in the
    directory yet).
    """

    address: str | None
    state: Literal["OPEN", "PENDING", "ERASED", "UNKNOWN"]


async def open_email(db: Fetcher, keyring: KeyRing, nip: str) -> OpenedAddress:
    """Open a person's e-mail address from their sealed contact, in memory only."""
    row = await db.fetchrow(
        """SELECT e.email, e.personal, x.nip IS NOT NULL AS erased
           FROM directory_employees e LEFT JOIN directory_erased x ON x.nip = e.nip
           WHERE e.nip = $1""",
        nip,
    )
    if row is None:
        return OpenedAddress(None, "UNKNOWN")
    if row["erased"]:
        return OpenedAddress(None, "ERASED")
    if row["personal"] is None:
        return OpenedAddress(row["email"], "OPEN")
    try:
        opened = await keyring.open_for(db, Sealed.model_validate(row["personal"]), nip)
    except CannotOpen:
        # Altered, or moved to another person: no address rather than a wrong one.
        log.warning("directory.sealed_contact_unreadable", nip=nip)
        return OpenedAddress(None, "OPEN")
    if opened is None:
        erased = await db.fetchrow(
            "SELECT 1 FROM personal_data_keyring WHERE nip = $1 AND erased_at IS NOT NULL", nip
        )
        return OpenedAddress(None, "ERASED" if erased else "PENDING")
    contact = opened.get("contact") or {}
    return OpenedAddress(contact.get("email") or None, "OPEN")
