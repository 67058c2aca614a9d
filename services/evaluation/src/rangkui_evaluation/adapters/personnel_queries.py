"""Questions to the personnel read model: who heads a unit, which agency and region it is in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


class Queryable(Protocol):
    """An asyncpg connection or pool, or a consumer's `BatchContext` (which flushes first)."""

    async def fetchrow(self, query: str, *args: Any) -> Any: ...

    async def fetchval(self, query: str, *args: Any) -> Any: ...

    async def fetch(self, query: str, *args: Any) -> list[Any]: ...


@dataclass(frozen=True)
class Placement:
    """Where a unit sits: its agency (the OPD at the top of its tree) and region."""

    agency_unit_id: str | None
    region: str | None


async def head_of_unit(db: Queryable, unit_id: str, *, other_than: str | None = None) -> str | None:
    """The NIP of whoever holds the head-of-unit post of `unit_id` (lowest NIP if several hold
    it, so that replays agree), leaving out `other_than`: nobody evaluates themselves."""
    return await db.fetchval(
        """SELECT e.nip FROM personnel_positions p
           JOIN personnel_employees e ON e.position_id = p.position_id
           WHERE p.unit_id = $1 AND p.is_head_of_unit AND e.nip IS DISTINCT FROM $2
             AND e.status <> 'RETIRED'
           ORDER BY e.nip LIMIT 1""",
        unit_id,
        other_than,
    )


async def placement_of(db: Queryable, unit_id: str) -> Placement:
    """The agency and region of a unit; unknown parts are None (the unit may not be known)."""
    row = await db.fetchrow(
        """WITH RECURSIVE up (unit_id, parent_unit_id, region, depth) AS (
               SELECT unit_id, parent_unit_id, region, 0 FROM personnel_units WHERE unit_id = $1
               UNION ALL
               SELECT u.unit_id, u.parent_unit_id, u.region, up.depth + 1
               FROM personnel_units u JOIN up ON u.unit_id = up.parent_unit_id
               WHERE up.depth < 20
           )
           SELECT (SELECT unit_id FROM up ORDER BY depth DESC LIMIT 1) AS agency,
                  (SELECT region FROM up WHERE depth = 0) AS region""",
        unit_id,
    )
    if row is None:
        return Placement(None, None)
    return Placement(row["agency"], row["region"])
