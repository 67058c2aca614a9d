"""`EvaluationFacts` on PostgreSQL: evaluation's read models, on the deciding unit of work's
connection."""

from __future__ import annotations

from typing import Any

from rangkui_evaluation.adapters.evaluation_queries import reach_facts
from rangkui_evaluation.adapters.outcome_queries import outcome_facts
from rangkui_evaluation.domain.outcome import OutcomeFacts
from rangkui_evaluation.domain.plan import Plan
from rangkui_evaluation.domain.reach import ReachFacts


class PostgresFacts:
    def __init__(self, db: Any) -> None:
        self.db = db

    async def evaluation_recorded(self, evaluation_id: str) -> bool:
        return bool(
            await self.db.fetchval(
                "SELECT 1 FROM evaluations WHERE evaluation_id = $1", evaluation_id
            )
        )

    async def outcome_facts(self, plan: Plan) -> OutcomeFacts:
        return await outcome_facts(self.db, plan)

    async def reach_facts(self, nip: str, plan_id: str | None) -> ReachFacts:
        return await reach_facts(self.db, nip, plan_id)
