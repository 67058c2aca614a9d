"""`MutationFacts` on PostgreSQL: mutation's read models, queried on the connection of the
deciding unit of work (so the facts and the decision share one transaction)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from rangkui_contracts.events.mutation import (
    MutationCancelled,
    MutationDecreed,
    MutationEffective,
    MutationHeld,
    MutationReleased,
    MutationRevoked,
    MutationSocialized,
)
from rangkui_eventkit.store import Recorded
from rangkui_mutation.adapters import read_models
from rangkui_mutation.service_layer.ports import Names


class PostgresFacts:
    def __init__(self, db: Any) -> None:
        self.db = db  # a connection (inside a unit of work) or the pool

    async def employee(self, nip: str) -> dict[str, Any] | None:
        return await read_models.employee(self.db, nip)

    async def position(self, position_id: str) -> dict[str, Any] | None:
        return await read_models.position(self.db, position_id)

    async def unit_closed_on(self, unit_id: str) -> date | None:
        return await read_models.unit_closed_on(self.db, unit_id)

    async def tmt_facts_many(
        self, nips: Sequence[str], unit_ids: Sequence[str]
    ) -> tuple[dict[str, str], dict[str, date]]:
        statuses = await self.db.fetch(
            "SELECT nip, status FROM employees WHERE nip = ANY($1::text[])", list(set(nips))
        )
        closed = await self.db.fetch(
            """SELECT unit_id, closed_on FROM units
               WHERE unit_id = ANY($1::text[]) AND closed_on IS NOT NULL""",
            list(set(unit_ids)),
        )
        return (
            {r["nip"]: r["status"] for r in statuses},
            {r["unit_id"]: r["closed_on"] for r in closed},
        )

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

    async def recent_annual_predikat(self, nip: str, since: date) -> tuple[str, ...]:
        return await read_models.recent_annual_predikat(self.db, nip, since)

    async def sk_number_used_by(self, sk_number: str, *, exclude: str) -> str | None:
        return await self.db.fetchval(
            "SELECT mutation_id FROM sk_numbers WHERE sk_number = $1 AND mutation_id <> $2",
            sk_number,
            exclude,
        )

    async def relatives(self, nip: str) -> tuple[tuple[str, str], ...]:
        rows = await self.db.fetch(
            """SELECT DISTINCT ON (other) other, relation FROM (
                   SELECT related_nip AS other, relation, 0 AS side
                   FROM employee_relatives WHERE nip = $1
                   UNION ALL
                   SELECT nip, relation, 1 FROM employee_relatives WHERE related_nip = $1
               ) r ORDER BY other, side""",
            nip,
        )
        return tuple((r["other"], r["relation"]) for r in rows)

    async def head_of_unit(self, unit_id: str) -> str | None:
        return await self.db.fetchval(
            """SELECT e.nip FROM positions p JOIN employees e ON e.position_id = p.position_id
               WHERE p.unit_id = $1 AND p.is_head_of_unit AND e.status <> 'RETIRED'
               ORDER BY e.nip LIMIT 1""",
            unit_id,
        )

    async def names(
        self, nips: Iterable[str], position_ids: Iterable[str], unit_ids: Iterable[str]
    ) -> Names:
        people = await self.db.fetch(
            "SELECT nip, name, grade FROM employees WHERE nip = ANY($1::text[])", list(nips)
        )
        posts = await self.db.fetch(
            "SELECT position_id, title FROM positions WHERE position_id = ANY($1::text[])",
            list(position_ids),
        )
        units = await self.db.fetch(
            "SELECT unit_id, name FROM units WHERE unit_id = ANY($1::text[])", list(unit_ids)
        )
        return Names(
            {r["nip"]: (r["name"], r["grade"]) for r in people},
            {r["position_id"]: r["title"] for r in posts},
            {r["unit_id"]: r["name"] for r in units},
        )


class WriteSideIndexes:
    """The inline projection behind the scheduler's candidate lists and the SK register, kept
    in the transaction of the events it follows (so it never lags behind a decision):

    - `pending_effects`: a decree adds its transfer with its TMT; a hold sets it aside, a
      release takes it up again; the effect or a cancellation removes it;
    - `pending_acknowledgements`: a socialisation adds its objection deadline; any later
      step of the transfer removes it (the employee answered, or the file moved on);
    - `sk_numbers`: every SK number decreed or revoking, normalised, with its transfer
      (never removed).
    """

    async def apply(self, conn: Any, recorded: list[Recorded]) -> None:
        for r in recorded:  # a handful per command: one statement each keeps their order
            e = r.event
            mutation_id = getattr(e, "mutation_id", None)
            if mutation_id is None or not r.stream_id.startswith("mutation-"):
                continue
            if not isinstance(e, MutationSocialized):
                await conn.execute(
                    "DELETE FROM pending_acknowledgements WHERE mutation_id = $1", mutation_id
                )
            match e:
                case MutationSocialized(objection_deadline=deadline) if deadline is not None:
                    await conn.execute(
                        """INSERT INTO pending_acknowledgements (mutation_id, deadline)
                           VALUES ($1, $2) ON CONFLICT (mutation_id)
                           DO UPDATE SET deadline = excluded.deadline""",
                        mutation_id,
                        deadline,
                    )
                case MutationDecreed():
                    await conn.execute(
                        """INSERT INTO pending_effects (mutation_id, tmt) VALUES ($1, $2)
                           ON CONFLICT (mutation_id) DO UPDATE SET tmt = excluded.tmt,
                               held = false""",
                        mutation_id,
                        e.tmt,
                    )
                    await conn.execute(
                        """INSERT INTO sk_numbers (sk_number, mutation_id) VALUES ($1, $2)
                           ON CONFLICT (sk_number) DO NOTHING""",
                        e.sk_number.strip().upper(),
                        mutation_id,
                    )
                case MutationHeld() | MutationReleased():
                    await conn.execute(
                        "UPDATE pending_effects SET held = $2 WHERE mutation_id = $1",
                        mutation_id,
                        isinstance(e, MutationHeld),
                    )
                case MutationEffective() | MutationCancelled():
                    await conn.execute(
                        "DELETE FROM pending_effects WHERE mutation_id = $1", mutation_id
                    )
                case MutationRevoked():  # a revoking decree's number is taken too
                    await conn.execute(
                        """INSERT INTO sk_numbers (sk_number, mutation_id) VALUES ($1, $2)
                           ON CONFLICT (sk_number) DO NOTHING""",
                        e.revoking_sk_number.strip().upper(),
                        mutation_id,
                    )


async def due_for_effect(db: Any, today: date, *, limit: int = 1000) -> list[str]:
    """Decreed transfers (not held) whose TMT has come, oldest TMT first: a candidate list
    only, the decider decides again on each stream."""
    rows = await db.fetch(
        """SELECT mutation_id FROM pending_effects WHERE tmt <= $1 AND NOT held
           ORDER BY tmt, mutation_id LIMIT $2""",
        today,
        limit,
    )
    return [r["mutation_id"] for r in rows]


async def due_for_deemed_acknowledgement(db: Any, today: date, *, limit: int = 1000) -> list[str]:
    """Socialised transfers whose objection window closed before `today` with no answer: a
    candidate list, the decider decides again."""
    rows = await db.fetch(
        """SELECT mutation_id FROM pending_acknowledgements WHERE deadline < $1
           ORDER BY deadline, mutation_id LIMIT $2""",
        today,
        limit,
    )
    return [r["mutation_id"] for r in rows]
