"""Facts an outcome depends on, read from the read models just before deciding."""

from __future__ import annotations

from rangkui_evaluation.adapters.personnel_queries import Queryable
from rangkui_evaluation.domain.outcome import OutcomeFacts
from rangkui_evaluation.domain.plan import Plan


async def baseline_predikat(db: Queryable, nip: str, before: object) -> str | None:
    """The predikat of the latest annual appraisal that ended before `before` (the TMT), not
    counting appraisals a correction replaced."""
    return await db.fetchval(
        """SELECT predikat FROM evaluations
           WHERE nip = $1 AND kind = 'ANNUAL' AND superseded_by IS NULL AND period_end < $2
           ORDER BY period_end DESC LIMIT 1""",
        nip,
        before,
    )


async def outcome_facts(db: Queryable, plan: Plan) -> OutcomeFacts:
    employee = await db.fetchrow(
        "SELECT position_id, status FROM personnel_employees WHERE nip = $1", plan.nip
    )
    filled = plan.need_id is not None and bool(
        await db.fetchval(
            "SELECT 1 FROM planner_need_fills WHERE mutation_id = $1 AND need_id = $2",
            plan.mutation_id,
            plan.need_id,
        )
    )
    return OutcomeFacts(
        still_in_post=None
        if employee is None
        else employee["position_id"] == plan.position_id and employee["status"] != "RETIRED",
        need_id=plan.need_id,
        need_filled=filled,
        baseline_predikat=await baseline_predikat(db, plan.nip, plan.tmt),
    )
