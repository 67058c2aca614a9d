"""Who may record or correct an evaluation, and when a checkpoint may be evaluated: pure
rules over facts the service layer gathers, each refusal a `RuleViolated` with its rule id,
a message in Bahasa Indonesia (what is wrong, what to do), the English text for logs and
the legal basis.

An evaluator (the head of a unit) appraises the people who work for them (PermenPANRB
6/2022: the appraising official is the direct superior): employees of their units, or of
the monitoring plans they were assigned; only an evaluation's author (or the BKD) corrects
it; a checkpoint is evaluated once its period is over (a policy allows a few days early).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rangkui_evaluation.domain.rules import rule_error


@dataclass(frozen=True)
class EvaluatorReach:
    """An evaluator's reach: the units they head, and their own NIP (for assigned plans)."""

    units: frozenset[str]
    evaluator_nip: str


@dataclass(frozen=True)
class ReachFacts:
    """Where the evaluated employee works, the plan's unit and assigned evaluator (for a
    checkpoint evaluation), and the author of the evaluation being corrected, if any."""

    employee_unit_id: str | None = None
    plan_unit_id: str | None = None
    plan_evaluator_nip: str | None = None
    corrected_author_nip: str | None = None


def check_evaluator_reach(nip: str, reach: EvaluatorReach, facts: ReachFacts) -> None:
    """An evaluator records evaluations only inside their reach, and corrects only their own."""
    inside = (
        facts.employee_unit_id in reach.units
        or facts.plan_unit_id in reach.units
        or (
            facts.plan_evaluator_nip is not None and facts.plan_evaluator_nip == reach.evaluator_nip
        )
    )
    if not inside:
        raise rule_error("outside_evaluator_reach", nip=nip, evaluator_nip=reach.evaluator_nip)
    author = facts.corrected_author_nip
    if author is not None and author != reach.evaluator_nip:
        raise rule_error("correction_by_author_only", author=author)


def check_checkpoint_due(
    checkpoint_id: str, due_date: date, today: date, early_days: int = 0
) -> None:
    """A checkpoint is evaluated once its period is over (`early_days` before, by policy)."""
    opens = due_date - timedelta(days=early_days)
    if today < opens:
        raise rule_error(
            "checkpoint_not_due",
            checkpoint_id=checkpoint_id,
            due_date=due_date,
            opens=opens,
            details={"due_date": due_date.isoformat(), "opens": opens.isoformat()},
        )
