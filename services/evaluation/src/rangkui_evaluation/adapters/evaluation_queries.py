"""Queries on the evaluations read model."""

from __future__ import annotations

from typing import Any

from rangkui_evaluation.adapters.personnel_queries import Queryable
from rangkui_evaluation.domain.reach import ReachFacts

_COLUMNS = """evaluation_id, nip, kind, period_start, period_end, hasil_kerja, perilaku_kerja,
    predikat, evaluator_nip, plan_id, checkpoint_id, adaptation, supersedes_evaluation_id,
    superseded_by, recorded_by, recorded_at, adaptation_notes"""


async def get_evaluation(db: Queryable, evaluation_id: str) -> dict[str, Any] | None:
    row = await db.fetchrow(
        f"SELECT {_COLUMNS} FROM evaluations WHERE evaluation_id = $1", evaluation_id
    )
    return dict(row) if row else None


async def history_of(db: Queryable, nip: str) -> list[dict[str, Any]]:
    """All evaluations of one employee, oldest period first; corrected ones stay, marked."""
    rows = await db.fetch(
        f"""SELECT {_COLUMNS} FROM evaluations WHERE nip = $1
            ORDER BY period_end, period_start, recorded_at""",
        nip,
    )
    return [dict(r) for r in rows]


async def reach_facts(db: Queryable, nip: str, plan_id: str | None) -> ReachFacts:
    """Where the employee works (personnel's read model) and the plan's unit and assigned
    evaluator; the corrected evaluation's author comes from the event store (the handler)."""
    employee_unit = await db.fetchval("SELECT unit_id FROM personnel_employees WHERE nip = $1", nip)
    plan = (
        await db.fetchrow(
            "SELECT unit_id, evaluator_nip FROM monitoring_plans WHERE plan_id = $1", plan_id
        )
        if plan_id
        else None
    )
    return ReachFacts(
        employee_unit_id=employee_unit,
        plan_unit_id=plan["unit_id"] if plan else None,
        plan_evaluator_nip=plan["evaluator_nip"] if plan else None,
    )
