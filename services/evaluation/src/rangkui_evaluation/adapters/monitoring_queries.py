"""Queries on the monitoring plans read model."""

from __future__ import annotations

from typing import Any

from rangkui_evaluation.adapters.personnel_queries import Queryable

Reach = tuple[list[str], str | None]
"""An evaluator's reach: the plans of these units, and the plans assigned to this NIP."""

_PLAN_COLUMNS = """p.plan_id, p.mutation_id, p.nip, p.unit_id, p.position_id, p.evaluator_nip,
    p.tmt, p.kind, p.need_id, p.from_unit_id, p.from_position_id, p.agency_unit_id, p.region,
    p.status, p.scheduled_at, p.cancelled_reason, p.verdict, p.criteria, p.baseline_predikat,
    p.latest_predikat, p.months_to_adapt, p.assessed_on, p.assessment_trigger"""


async def find_plans(
    db: Queryable,
    *,
    nip: str | None = None,
    evaluator_nip: str | None = None,
    unit_id: str | None = None,
    reach: Reach | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Plans matching every filter given (and within `reach`, an evaluator's), newest TMT
    first, each with its checkpoints."""
    units, assigned_to = reach if reach is not None else (None, None)
    rows = await db.fetch(
        f"""SELECT {_PLAN_COLUMNS} FROM monitoring_plans p
            WHERE ($1::text IS NULL OR p.nip = $1)
              AND ($2::text IS NULL OR p.evaluator_nip = $2)
              AND ($3::text IS NULL OR p.unit_id = $3)
              AND ($5::text[] IS NULL OR p.unit_id = ANY($5) OR p.evaluator_nip = $6)
            ORDER BY p.tmt DESC, p.plan_id LIMIT $4""",
        nip,
        evaluator_nip,
        unit_id,
        limit,
        units,
        assigned_to,
    )
    return await _with_checkpoints(db, [dict(r) for r in rows])


async def get_plan(db: Queryable, plan_id: str) -> dict[str, Any] | None:
    row = await db.fetchrow(
        f"SELECT {_PLAN_COLUMNS} FROM monitoring_plans p WHERE p.plan_id = $1", plan_id
    )
    if row is None:
        return None
    return (await _with_checkpoints(db, [dict(row)]))[0]


async def _with_checkpoints(db: Queryable, plans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not plans:
        return plans
    rows = await db.fetch(
        """SELECT checkpoint_id, plan_id, months_after, due_date, status, evaluation_id,
                  predikat, overdue_since
           FROM monitoring_checkpoints WHERE plan_id = ANY($1::text[])
           ORDER BY plan_id, months_after""",
        [p["plan_id"] for p in plans],
    )
    by_plan: dict[str, list[dict[str, Any]]] = {p["plan_id"]: [] for p in plans}
    for r in rows:
        by_plan[r["plan_id"]].append(dict(r))
    for p in plans:
        p["checkpoints"] = by_plan[p["plan_id"]]
    return plans
