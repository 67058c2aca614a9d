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
from rangkui_evaluation.domain.rules import JENIS, refuse, rule_error, violation

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
    """Rules that hold for every kind; refuses once with every rule broken."""
    jenis = JENIS.get(a.kind, a.kind)
    refuse(
        [
            violation("period_in_order", period_start=a.period_start, period_end=a.period_end)
            if a.period_end < a.period_start
            else None,
            violation("no_self_evaluation", nip=a.nip)
            if a.evaluator_nip is not None and a.evaluator_nip == a.nip
            else None,
            violation("evaluator_required", kind=a.kind.lower(), jenis=jenis)
            if a.kind != "ANNUAL" and a.evaluator_nip is None
            else None,
            violation("adaptation_required")
            if a.kind == "CHECKPOINT" and a.adaptation is None
            else None,
        ]
    )


def check_supersession(
    a: Appraisal,
    current: str | None,
    what: str,
    rule: str = "one_evaluation_per_period",
    what_id: str | None = None,
) -> None:
    """One evaluation counts per checkpoint or period: a second one must name the one it
    corrects (so a correction is visible), and only the one that currently counts; `what`
    and `what_id` name the checkpoint or period in English and in Bahasa Indonesia."""
    what_id = what_id or what
    if current is None and a.supersedes_evaluation_id is not None:
        raise rule_error(
            "supersedes_current",
            what=what,
            what_id=what_id[:1].upper() + what_id[1:],
            superseded=a.supersedes_evaluation_id,
        )
    if current is not None and a.supersedes_evaluation_id != current:
        raise rule_error(
            rule,
            what=what,
            what_id=what_id[:1].upper() + what_id[1:],
            current=current,
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
