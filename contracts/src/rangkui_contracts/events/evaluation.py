"""Events of the evaluation (monitoring) context (topic `rangkui.evaluation.events`)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events.common import Nip, Predikat, Rating, Sealed, Value


class _Evaluation(DomainEvent):
    context = "evaluation"


class Checkpoint(Value):
    """One planned follow-up appraisal, `months_after` the transfer took effect."""

    checkpoint_id: str
    months_after: int = Field(ge=1)
    due_date: date


class MonitoringScheduled(_Evaluation):
    """Follow-up appraisals of a transferred employee in the new post were scheduled at the
    given checkpoints after the TMT."""

    plan_id: str
    mutation_id: str
    nip: Nip
    unit_id: str
    position_id: str
    evaluator_nip: Nip | None = Field(default=None, description="head of the new unit, if known")
    tmt: date
    checkpoints: list[Checkpoint] = Field(min_length=1)
    kind: str | None = Field(default=None, description="kind of the transfer, when known")
    need_id: str | None = Field(default=None, description="the need the transfer serves")
    from_unit_id: str | None = None
    from_position_id: str | None = None
    agency_unit_id: str | None = Field(
        default=None, description="the OPD at the top of the new unit's tree, when known"
    )
    region: str | None = Field(default=None, description="region of the new unit, when known")


class AdaptationChecklist(Value):
    """How the employee is settling into the new post, as the evaluator sees it: the
    checklist alone (version 2 of `EvaluationRecorded` carries the notes sealed beside it)."""

    understands_new_duties: bool
    works_with_team: bool
    needs_training: bool


class AdaptationAssessment(AdaptationChecklist):
    """How the employee is settling into the new post, as the evaluator sees it, with the
    evaluator's notes in plaintext (version 1 of `EvaluationRecorded`)."""

    notes: str = ""


class EvaluationRecorded(_Evaluation):
    """A performance appraisal (SKP) was recorded with its two ratings, results (hasil kerja)
    and behaviour (perilaku kerja), and the predikat that follows from them."""

    evaluation_id: str
    nip: Nip
    kind: Literal["ANNUAL", "CHECKPOINT", "PERIODIC"]
    period_start: date
    period_end: date
    hasil_kerja: Rating = Field(description="results rating")
    perilaku_kerja: Rating = Field(description="behaviour rating")
    predikat: Predikat = Field(description="computed from the two ratings, never typed in")
    evaluator_nip: Nip | None = None
    plan_id: str | None = None
    checkpoint_id: str | None = None
    adaptation: AdaptationAssessment | None = Field(
        default=None, description="adaptation checklist (checkpoint evaluations)"
    )
    supersedes_evaluation_id: str | None = Field(
        default=None, description="the evaluation this one corrects, which no longer counts"
    )


class EvaluationRecordedV2(_Evaluation):
    """A performance appraisal (SKP) was recorded with its two ratings, results (hasil kerja)
    and behaviour (perilaku kerja), and the predikat that follows from them. The evaluator's
    notes on the employee's adaptation, free text about a person, are sealed with the
    employee's data key (`{"notes": ...}` once opened): the services holding the key read
    them, nobody once the key is erased."""

    version = 2
    wire_name = "EvaluationRecorded"

    evaluation_id: str
    nip: Nip
    kind: Literal["ANNUAL", "CHECKPOINT", "PERIODIC"]
    period_start: date
    period_end: date
    hasil_kerja: Rating = Field(description="results rating")
    perilaku_kerja: Rating = Field(description="behaviour rating")
    predikat: Predikat = Field(description="computed from the two ratings, never typed in")
    evaluator_nip: Nip | None = None
    plan_id: str | None = None
    checkpoint_id: str | None = None
    adaptation: AdaptationChecklist | None = Field(
        default=None, description="adaptation checklist (checkpoint evaluations)"
    )
    adaptation_notes: Sealed | None = Field(
        default=None,
        description="the evaluator's notes on the adaptation, sealed with the employee's "
        "data key; absent when there are none",
    )
    supersedes_evaluation_id: str | None = Field(
        default=None, description="the evaluation this one corrects, which no longer counts"
    )


AnyEvaluationRecorded = EvaluationRecorded | EvaluationRecordedV2
"""Either version, as consumers handle them (the checklist, ratings and ids are the same)."""


class MonitoringOverdue(_Evaluation):
    """A checkpoint's due date passed (plus the grace days of the policy) without an
    evaluation: the evaluator is to be reminded. Published at most once per checkpoint."""

    plan_id: str
    mutation_id: str
    nip: Nip
    checkpoint_id: str
    months_after: int = Field(ge=1)
    due_date: date
    evaluator_nip: Nip | None = None
    detected_on: date


class MonitoringCancelled(_Evaluation):
    """The monitoring plan of a transfer was cancelled (the transfer was cancelled or
    reversed): its open checkpoints are no longer due."""

    plan_id: str
    mutation_id: str
    nip: Nip
    reason: str = Field(min_length=1)
    cancelled_by: str


class MonitoringEvaluatorAssigned(_Evaluation):
    """The plan's evaluator changed: someone took up the head-of-unit post of the unit the
    employee was transferred to. Checkpoints still open are theirs to evaluate."""

    plan_id: str
    mutation_id: str
    nip: Nip
    evaluator_nip: Nip
    previous_evaluator_nip: Nip | None = None


OutcomeVerdict = Literal["ACHIEVED", "PARTLY_ACHIEVED", "NOT_ACHIEVED"]
OutcomeCriterion = Literal["PLACEMENT", "PERFORMANCE", "ADAPTATION"]


class CriterionResult(Value):
    """One documented criterion of a transfer's outcome, met or not, and why."""

    criterion: OutcomeCriterion = Field(
        description="PLACEMENT: the need is filled and the person still holds the post; "
        "PERFORMANCE: predikat kept or improved against the baseline annual appraisal; "
        "ADAPTATION: no unresolved adaptation problems"
    )
    met: bool
    explanation: str


class MutationOutcomeAssessed(_Evaluation):
    """Whether a transfer achieved its goal, judged criterion by criterion, at its last
    checkpoint or on demand. A later assessment of the same plan replaces an earlier one."""

    plan_id: str
    mutation_id: str
    nip: Nip
    verdict: OutcomeVerdict
    criteria: list[CriterionResult] = Field(min_length=1)
    baseline_predikat: Predikat | None = Field(
        default=None, description="latest annual predikat before the TMT"
    )
    latest_predikat: Predikat | None = Field(
        default=None, description="predikat of the latest checkpoint evaluated"
    )
    months_to_adapt: int | None = Field(
        default=None, description="first checkpoint (months after TMT) without adaptation problems"
    )
    trigger: Literal["LAST_CHECKPOINT", "ON_DEMAND"]
    based_on_evaluation_ids: list[str] = Field(default_factory=list)
    assessed_on: date
    assessed_by: str
    tmt: date
    unit_id: str
    kind: str | None = None
    agency_unit_id: str | None = None
    region: str | None = None


EVENTS: tuple[type[DomainEvent], ...] = (
    MonitoringScheduled,
    EvaluationRecorded,
    EvaluationRecordedV2,
    MonitoringOverdue,
    MonitoringCancelled,
    MutationOutcomeAssessed,
    MonitoringEvaluatorAssigned,
)
