"""Command handlers: load a stream, gather the facts a decision needs, decide, append.

Facts from read models are read before the decision; the append is guarded by the version
loaded. A plan's stream is also written by the overdue scheduler, so a conflict is retried
a few times on fresh state (the decision is made again, never replayed blindly) before it
surfaces as `ConcurrencyConflict` (409).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import asyncpg

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.common import Rating, Sealed
from rangkui_contracts.events.evaluation import (
    AdaptationAssessment,
    AdaptationChecklist,
    EvaluationRecordedV2,
    MutationOutcomeAssessed,
)
from rangkui_evaluation.adapters.appraisal_csv import AnnualRow, RowError
from rangkui_evaluation.adapters.evaluation_queries import reach_facts
from rangkui_evaluation.adapters.outcome_queries import outcome_facts
from rangkui_evaluation.domain.appraisal import Appraisal, EvaluationKind
from rangkui_evaluation.domain.appraisal_record import RecordAppraisal, appraisals_stream
from rangkui_evaluation.domain.plan import (
    AssessOutcome,
    CancelMonitoring,
    PlanCommand,
    RecordCheckpointEvaluation,
    plan_id_for,
)
from rangkui_evaluation.domain.reach import EvaluatorReach, check_evaluator_reach
from rangkui_evaluation.service_layer.adaptation_notes import seal_notes
from rangkui_evaluation.service_layer.deciders import APPRAISALS, PLAN
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import AlreadyExists, ConcurrencyConflict, NotFound, RuleViolated
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.pipeline import execute
from rangkui_eventkit.store import EventStore, Recorded, StreamWrite

log = get_logger(__name__)


def plan_of_checkpoint(checkpoint_id: str) -> str:
    """Checkpoint ids are `<plan_id>-m<months>`; the plan id is the stream of the plan."""
    plan_id, sep, months = checkpoint_id.rpartition("-m")
    if not sep or not months.isdigit() or not plan_id.startswith(plan_id_for("")):
        raise NotFound(f"no checkpoint {checkpoint_id!r}")
    return plan_id


@dataclass(frozen=True)
class RecordEvaluation:
    """An evaluation as submitted: a checkpoint evaluation may leave its period to the plan
    (from the previous checkpoint, or the TMT, to its due date)."""

    evaluation_id: str
    nip: str
    kind: EvaluationKind
    hasil_kerja: Rating
    perilaku_kerja: Rating
    period_start: date | None = None
    period_end: date | None = None
    evaluator_nip: str | None = None
    checkpoint_id: str | None = None
    adaptation: AdaptationAssessment | None = None  # its notes in plaintext, as submitted
    supersedes_evaluation_id: str | None = None

    def appraisal(
        self, default_period: tuple[date, date] | None = None, notes: Sealed | None = None
    ) -> Appraisal:
        """The appraisal to decide on: the checklist, and the notes only as `notes` sealed."""
        start, end = self.period_start, self.period_end
        if (start is None or end is None) and default_period is not None:
            start, end = start or default_period[0], end or default_period[1]
        if start is None or end is None:
            raise RuleViolated(
                "period_required", f"a {self.kind.lower()} evaluation needs its period"
            )
        return Appraisal(
            evaluation_id=self.evaluation_id,
            nip=self.nip,
            kind=self.kind,
            period_start=start,
            period_end=end,
            hasil_kerja=self.hasil_kerja,
            perilaku_kerja=self.perilaku_kerja,
            evaluator_nip=self.evaluator_nip,
            adaptation=(
                None
                if self.adaptation is None
                else AdaptationChecklist.model_validate(
                    self.adaptation.model_dump(exclude={"notes"})
                )
            ),
            adaptation_notes=notes,
            supersedes_evaluation_id=self.supersedes_evaluation_id,
        )


_ATTEMPTS = 3
T = TypeVar("T")


async def _retrying_conflicts(attempt: Callable[[], Awaitable[T]]) -> T:
    for remaining in range(_ATTEMPTS - 1, -1, -1):
        try:
            return await attempt()
        except ConcurrencyConflict:
            if remaining == 0:
                raise
    raise AssertionError("unreachable")


async def record_evaluation(
    pool: asyncpg.Pool,
    store: EventStore,
    command: RecordEvaluation,
    *,
    today: date,
    cause: Cause,
    keyring: KeyRing | None = None,
    reach: EvaluatorReach | None = None,
    checkpoint_early_days: int = 0,
) -> EvaluationRecordedV2:
    """Record an evaluation: a checkpoint one in its plan (settling the outcome at the last
    checkpoint), any other in the employee's appraisal record. Adaptation notes are sealed
    with the employee's data key first (`adaptation_notes`); none are recorded in clear.
    An evaluator (`reach`) records only inside their reach and corrects only their own."""
    if reach is not None:
        plan_id = plan_of_checkpoint(command.checkpoint_id) if command.checkpoint_id else None
        facts = await reach_facts(pool, command.nip, plan_id, command.supersedes_evaluation_id)
        check_evaluator_reach(command.nip, reach, facts)
    # Ids are unique per stream by the deciders; across streams, by this look-up (a caller
    # choosing its own id could otherwise reuse one from another employee or plan).
    if await pool.fetchval(
        "SELECT 1 FROM evaluations WHERE evaluation_id = $1", command.evaluation_id
    ):
        raise AlreadyExists(f"evaluation {command.evaluation_id} is already recorded")
    notes = command.adaptation.notes if command.adaptation else ""
    sealed = await seal_notes(pool, keyring, command.nip, notes)
    event = await _retrying_conflicts(
        lambda: _record_evaluation(
            pool, store, command, sealed, today=today, cause=cause, early=checkpoint_early_days
        )
    )
    log.info(
        "evaluation.recorded",
        evaluation_id=event.evaluation_id,
        kind=event.kind,
        predikat=event.predikat,
        plan_id=event.plan_id,
    )
    return event


async def _record_evaluation(
    pool: asyncpg.Pool,
    store: EventStore,
    command: RecordEvaluation,
    notes: Sealed | None,
    *,
    today: date,
    cause: Cause,
    early: int = 0,
) -> EvaluationRecordedV2:
    if command.kind != "CHECKPOINT":
        if command.checkpoint_id is not None:
            raise RuleViolated("checkpoint_kind", "only checkpoint evaluations name a checkpoint")
        stream = appraisals_stream(command.nip)
        appraisal = RecordAppraisal(command.appraisal(notes=notes))
        return _evaluation_of(await execute(store, stream, APPRAISALS, appraisal, cause))
    if command.checkpoint_id is None:
        raise RuleViolated("checkpoint_required", "a checkpoint evaluation names its checkpoint")
    checkpoint_id = command.checkpoint_id
    plan_id = plan_of_checkpoint(checkpoint_id)
    history = await store.load(plan_id)
    state = PLAN.fold(r.event for r in history)
    if not state.scheduled:
        raise NotFound(f"no monitoring plan {plan_id!r}")
    appraisal = command.appraisal(state.period_of(checkpoint_id), notes)
    decision = RecordCheckpointEvaluation(
        appraisal=appraisal,
        checkpoint_id=checkpoint_id,
        facts=await outcome_facts(pool, state),
        today=today,
        actor=cause.actor,
        early_days=early,
    )
    events = PLAN.decide(decision, state)
    return _evaluation_of(await _append(store, plan_id, len(history), events, cause))


async def assess_on_demand(
    pool: asyncpg.Pool, store: EventStore, plan_id: str, *, today: date, cause: Cause
) -> MutationOutcomeAssessed:
    return await _retrying_conflicts(
        lambda: _assess_on_demand(pool, store, plan_id, today=today, cause=cause)
    )


async def _assess_on_demand(
    pool: asyncpg.Pool, store: EventStore, plan_id: str, *, today: date, cause: Cause
) -> MutationOutcomeAssessed:
    history = await store.load(plan_id)
    state = PLAN.fold(r.event for r in history)
    if not state.scheduled:
        raise NotFound(f"no monitoring plan {plan_id!r}")
    command: PlanCommand = AssessOutcome(
        facts=await outcome_facts(pool, state), today=today, actor=cause.actor
    )
    [recorded] = await _append(store, plan_id, len(history), PLAN.decide(command, state), cause)
    assert isinstance(recorded.event, MutationOutcomeAssessed)
    log.info("outcome.assessed", stream_id=plan_id, verdict=recorded.event.verdict)
    return recorded.event


async def cancel_plan(store: EventStore, plan_id: str, reason: str, cause: Cause) -> None:
    """Cancel a plan by hand (a transfer reversed outside the mutation service)."""
    command = CancelMonitoring(reason, cause.actor)
    await _retrying_conflicts(lambda: execute(store, plan_id, PLAN, command, cause))


async def _append(
    store: EventStore, stream: str, version: int, events: Sequence[DomainEvent], cause: Cause
) -> list[Recorded]:
    return await store.append([StreamWrite(stream, version, events)], cause)


def _evaluation_of(recorded: list[Recorded]) -> EvaluationRecordedV2:
    return next(r.event for r in recorded if isinstance(r.event, EvaluationRecordedV2))


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    errors: list[RowError]


async def import_annual_appraisals(
    store: EventStore, rows: Sequence[AnnualRow], cause: Cause
) -> ImportResult:
    """Record each row as the annual appraisal `annual-<nip>-<year>`: importing the same
    export again skips what is already there; a row the rules refuse is reported by line."""
    imported, skipped, errors = 0, 0, []
    for row in rows:
        appraisal = Appraisal(
            evaluation_id=f"annual-{row.nip}-{row.year}",
            nip=row.nip,
            kind="ANNUAL",
            period_start=date(row.year, 1, 1),
            period_end=date(row.year, 12, 31),
            hasil_kerja=row.hasil_kerja,
            perilaku_kerja=row.perilaku_kerja,
            evaluator_nip=row.evaluator_nip,
        )
        stream = appraisals_stream(row.nip)
        try:
            await _retrying_conflicts(
                lambda s=stream, a=appraisal: execute(
                    store, s, APPRAISALS, RecordAppraisal(a), cause
                )
            )
        except AlreadyExists:
            skipped += 1
            continue
        except RuleViolated as refused:
            errors.append(RowError(row.line, refused.message, row.nip))
            continue
        imported += 1
    return ImportResult(imported, skipped, errors)
