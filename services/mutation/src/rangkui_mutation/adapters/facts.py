"""`MutationFacts` on PostgreSQL: mutation's read models, queried on the connection of the
deciding unit of work (so the facts and the decision share one transaction)."""

from __future__ import annotations

from datetime import date
from typing import Any

from rangkui_contracts.events.mutation import MutationCancelled, MutationDecreed, MutationEffective
from rangkui_eventkit.store import Recorded
from rangkui_mutation.adapters import read_models


class PostgresFacts:
    def __init__(self, db: Any) -> None:
        self.db = db  # a connection (inside a unit of work) or the pool

    async def employee(self, nip: str) -> dict[str, Any] | None:
        return await read_models.employee(self.db, nip)

    async def position(self, position_id: str) -> dict[str, Any] | None:
        return await read_models.position(self.db, position_id)

    async def unit_closed_on(self, unit_id: str) -> date | None:
        return await read_models.unit_closed_on(self.db, unit_id)

    async def occupancy(self, position_id: str) -> int:
        return await self.db.fetchval(
            "SELECT count(*) FROM employees WHERE position_id = $1 AND status <> 'RETIRED'",
            position_id,
        )

    async def holds_post(self, nip: str, position_id: str) -> bool:
        return bool(
            await self.db.fetchval(
                "SELECT position_id = $2 FROM employees WHERE nip = $1", nip, position_id
            )
        )

    async def recent_annual_predikat(self, nip: str) -> tuple[str, ...]:
        return await read_models.recent_annual_predikat(self.db, nip)


class PendingEffects:
    """The inline projection behind `due_for_effect`: a decree adds its transfer with its
    TMT, the effect or a cancellation removes it, in the same transaction as the event."""

    async def apply(self, conn: Any, recorded: list[Recorded]) -> None:
        due = [
            (r.event.mutation_id, r.event.tmt)
            for r in recorded
            if isinstance(r.event, MutationDecreed)
        ]
        done = [
            r.event.mutation_id
            for r in recorded
            if isinstance(r.event, MutationEffective | MutationCancelled)
        ]
        if due:
            await conn.executemany(
                """INSERT INTO pending_effects (mutation_id, tmt) VALUES ($1, $2)
                   ON CONFLICT (mutation_id) DO UPDATE SET tmt = excluded.tmt""",
                due,
            )
        if done:
            await conn.execute(
                "DELETE FROM pending_effects WHERE mutation_id = ANY($1::text[])", done
            )


async def due_for_effect(db: Any, today: date, *, limit: int = 1000) -> list[str]:
    """Decreed transfers whose TMT has come, oldest TMT first: a candidate list only, the
    decider decides again on each stream."""
    rows = await db.fetch(
        """SELECT mutation_id FROM pending_effects WHERE tmt <= $1
           ORDER BY tmt, mutation_id LIMIT $2""",
        today,
        limit,
    )
    return [r["mutation_id"] for r in rows]
