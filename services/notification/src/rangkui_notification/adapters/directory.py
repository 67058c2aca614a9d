"""Loads a `Directory` snapshot with just the entries an event refers to.

Works on anything with asyncpg's `fetch` (a pool, a connection, a consumer's BatchContext),
so the reaction reads inside its own transaction and the preview endpoint from the pool.
"""

from __future__ import annotations

from typing import Any, Protocol

from rangkui_notification.domain.directory import Directory, Person, References, Transfer


class Fetcher(Protocol):
    async def fetch(self, query: str, *args: Any) -> list[Any]: ...


async def load_directory(db: Fetcher, refs: References) -> Directory:
    transfers = {
        r["mutation_id"]: Transfer(**dict(r))
        for r in await db.fetch(
            """SELECT mutation_id, nip, from_unit_id, from_position_id, to_unit_id,
                      to_position_id, reason, approval_reasons, sk_number, sk_date, tmt
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
        """SELECT nip, name, unit_id, position_id, email FROM directory_employees
           WHERE nip = ANY($1::text[])""",
        list(nips),
    )
    return {r["nip"]: Person(**dict(r)) for r in rows}
