"""What every appraisal (SKP evaluation) must satisfy, whatever its kind.

The predikat is computed here from the two ratings: no command carries one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from rangkui_contracts.events.common import Rating, Sealed
from rangkui_contracts.events.evaluation import AdaptationChecklist, EvaluationRecordedV2
from rangkui_evaluation.domain.predikat import predikat_of
from rangkui_eventkit.errors import ErrorKind, RuleViolated

EvaluationKind = Literal["ANNUAL", "CHECKPOINT", "PERIODIC"]


@dataclass(frozen=True)
class Appraisal:
    """The substance of one evaluation, as an evaluator (or an import) submits it."""

    evaluation_id: str
    nip: str
    kind: EvaluationKind
    period_start: date
    period_end: date
    hasil_kerja: Rating
    perilaku_kerja: Rating
    evaluator_nip: str | None = None
    adaptation: AdaptationChecklist | None = None
    adaptation_notes: Sealed | None = None  # the evaluator's notes, sealed before they get here
    supersedes_evaluation_id: str | None = None


def check_appraisal(a: Appraisal) -> None:
    """Rules that hold for every kind; raises `RuleViolated` naming the rule broken."""
    if a.period_end < a.period_start:
        raise RuleViolated(
            "period_in_order",
            f"the period ends ({a.period_end}) before it starts ({a.period_start})",
        )
    if a.evaluator_nip is not None and a.evaluator_nip == a.nip:
        raise RuleViolated(
            "no_self_evaluation", f"employee {a.nip} cannot evaluate their own performance"
        )
    if a.kind != "ANNUAL" and a.evaluator_nip is None:
        raise RuleViolated(
            "evaluator_required", f"a {a.kind.lower()} evaluation needs the evaluator's NIP"
        )
    if a.kind == "CHECKPOINT" and a.adaptation is None:
        raise RuleViolated(
            "adaptation_required", "a checkpoint evaluation needs the adaptation checklist"
        )


def check_supersession(
    a: Appraisal, current: str | None, what: str, rule: str = "one_evaluation_per_period"
) -> None:
    """One evaluation counts per checkpoint or period: a second one must name the one it
    corrects (so a correction is visible), and only the one that currently counts."""
    if current is None and a.supersedes_evaluation_id is not None:
        raise RuleViolated(
            "supersedes_current",
            f"{what} has no evaluation yet; {a.supersedes_evaluation_id} cannot be corrected",
            kind=ErrorKind.CONFLICT,
        )
    if current is not None and a.supersedes_evaluation_id != current:
        raise RuleViolated(
            rule,
            f"{what} already has evaluation {current}; to correct it, send "
            f"supersedes_evaluation_id={current}",
            kind=ErrorKind.CONFLICT,
            details={"current_evaluation_id": current},
        )


def recorded(
    a: Appraisal, *, plan_id: str | None = None, checkpoint_id: str | None = None
) -> EvaluationRecordedV2:
    """The event of an appraisal, with the predikat that the matrix gives."""
    return EvaluationRecordedV2(
        evaluation_id=a.evaluation_id,
        nip=a.nip,
        kind=a.kind,
        period_start=a.period_start,
        period_end=a.period_end,
        hasil_kerja=a.hasil_kerja,
        perilaku_kerja=a.perilaku_kerja,
        predikat=predikat_of(a.hasil_kerja, a.perilaku_kerja),
        evaluator_nip=a.evaluator_nip,
        plan_id=plan_id,
        checkpoint_id=checkpoint_id,
        adaptation=(
            None
            if a.adaptation is None
            else AdaptationChecklist.model_validate(a.adaptation.model_dump(exclude={"notes"}))
        ),
        adaptation_notes=a.adaptation_notes,
        supersedes_evaluation_id=a.supersedes_evaluation_id,
    )
