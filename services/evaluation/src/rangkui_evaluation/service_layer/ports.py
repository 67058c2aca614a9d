"""The facts evaluation's command handlers read from outside the stream they decide on: a
port with a PostgreSQL implementation (`adapters.facts.PostgresFacts`, on the unit of work's
connection) and an in-memory one for unit tests (`InMemoryFacts`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from rangkui_evaluation.domain.outcome import OutcomeFacts
from rangkui_evaluation.domain.plan import Plan
from rangkui_evaluation.domain.reach import ReachFacts


class EvaluationFacts(Protocol):
    async def evaluation_recorded(self, evaluation_id: str) -> bool:
        """Whether any evaluation (of any employee or plan) has this id already."""

    async def outcome_facts(self, plan: Plan) -> OutcomeFacts:
        """What the outcome of the plan's transfer is judged on, read just before deciding."""

    async def reach_facts(self, nip: str, plan_id: str | None) -> ReachFacts:
        """Where the employee works, and (for a checkpoint) the plan's unit and evaluator."""


@dataclass
class InMemoryFacts:
    recorded: set[str] = field(default_factory=set)
    outcomes: dict[str, OutcomeFacts] = field(default_factory=dict)  # by plan id
    units: dict[str, str] = field(default_factory=dict)  # employee's unit by NIP
    plans: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # unit, evaluator

    async def evaluation_recorded(self, evaluation_id: str) -> bool:
        return evaluation_id in self.recorded

    async def outcome_facts(self, plan: Plan) -> OutcomeFacts:
        return self.outcomes.get(plan.plan_id) or OutcomeFacts(
            still_in_post=True, need_id=plan.need_id, need_filled=False, baseline_predikat=None
        )

    async def reach_facts(self, nip: str, plan_id: str | None) -> ReachFacts:
        unit, evaluator = self.plans.get(plan_id or "", (None, None))
        return ReachFacts(
            employee_unit_id=self.units.get(nip), plan_unit_id=unit, plan_evaluator_nip=evaluator
        )
