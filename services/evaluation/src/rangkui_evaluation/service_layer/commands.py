"""Command handlers: gather the facts a decision needs, let the pure decider decide, and
leave the append to the kit's pipeline.

A plan's stream is also written by the overdue scheduler and by reactions, so a command may
lose a race: the pipeline decides it again on fresh state (never replays it blindly) before
the conflict surfaces as `ConcurrencyConflict` (409). Facts from read models come through the
`EvaluationFacts` port, on the unit of work's connection.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from rangkui_contracts.events.common import Rating, Sealed
from rangkui_contracts.events.evaluation import (
    AdaptationAssessment,
    AdaptationChecklist,
    EvaluationRecordedV2,
    MutationOutcomeAssessed,
)
from rangkui_contracts.upcasting import versions_read_as
from rangkui_evaluation.adapters.appraisal_csv import AnnualRow, RowError
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
from rangkui_evaluation.domain.rules import JENIS, rule_error
from rangkui_evaluation.service_layer.adaptation_notes import seal_notes
from rangkui_evaluation.service_layer.deciders import APPRAISALS, PLAN
from rangkui_evaluation.service_layer.ports import EvaluationFacts
from rangkui_eventkit.clock import Clock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound, RuleViolated
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.personal_data import KeyRing
from rangkui_eventkit.pipeline import Pipeline, UnitOfWork

log = get_logger(__name__)


@dataclass(frozen=True)
class Deps:
    """What the handlers need; built by the bootstrap (or, in unit tests, in memory)."""

    pipeline: Pipeline
    clock: Clock
    facts: Callable[[UnitOfWork], EvaluationFacts]  # bound to the unit of work's connection
    keyring: KeyRing | None = None  # employees' data keys: adaptation notes are sealed
    pool: Any = None  # read models for the HTTP layer's queries (None in unit tests)


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
            raise rule_error(
                "period_required", kind=self.kind.lower(), jenis=JENIS.get(self.kind, self.kind)
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


@dataclass(frozen=True)
class RecordedEvaluation:
    """The evaluation as recorded, with the stream and version it was written at (what a
    read can wait for)."""

    event: EvaluationRecordedV2
    stream_id: str
    version: int


async def record_evaluation(
    deps: Deps,
    command: RecordEvaluation,
    *,
    cause: Cause,
    reach: EvaluatorReach | None = None,
    checkpoint_early_days: int = 0,
) -> RecordedEvaluation:
    """Record an evaluation: a checkpoint one in its plan (settling the outcome at the last
    checkpoint), any other in the employee's appraisal record. Adaptation notes are sealed
    with the employee's data key first (`adaptation_notes`); none are recorded in clear.
    An evaluator (`reach`) records only inside their reach and corrects only their own."""
    today = deps.clock.today()

    async def handler(uow: UnitOfWork) -> None:
        facts = deps.facts(uow)
        if reach is not None:
            plan_id = plan_of_checkpoint(command.checkpoint_id) if command.checkpoint_id else None
            placed = await facts.reach_facts(command.nip, plan_id)
            author = (
                await corrected_author(uow, command.supersedes_evaluation_id)
                if command.supersedes_evaluation_id
                else None
            )
            check_evaluator_reach(
                command.nip, reach, dataclasses.replace(placed, corrected_author_nip=author)
            )
        # Ids are unique per stream by the deciders; across streams, by this look-up (a
        # caller choosing its own id could otherwise reuse one from another employee or plan).
        if await facts.evaluation_recorded(command.evaluation_id):
            raise rule_error("evaluation_exists", evaluation_id=command.evaluation_id)
        notes = command.adaptation.notes if command.adaptation else ""
        sealed = await seal_notes(uow.conn or deps.pool, deps.keyring, command.nip, notes)
        if command.kind != "CHECKPOINT":
            if command.checkpoint_id is not None:
                raise rule_error("checkpoint_kind")
            appraisal = RecordAppraisal(command.appraisal(notes=sealed))
            await uow.decide(APPRAISALS, appraisals_stream(command.nip), appraisal)
            return
        if command.checkpoint_id is None:
            raise rule_error("checkpoint_required")
        plan_id = plan_of_checkpoint(command.checkpoint_id)
        state = (await uow.state(PLAN, plan_id)).state
        if not state.scheduled:
            raise NotFound(f"no monitoring plan {plan_id!r}")
        decision = RecordCheckpointEvaluation(
            appraisal=command.appraisal(state.period_of(command.checkpoint_id), sealed),
            checkpoint_id=command.checkpoint_id,
            facts=await facts.outcome_facts(state),
            today=today,
            actor=cause.actor,
            early_days=checkpoint_early_days,
        )
        uow.stage(plan_id, PLAN.decide(decision, state))

    recorded = next(
        r
        for r in (await deps.pipeline.run(handler, cause)).recorded
        if isinstance(r.event, EvaluationRecordedV2)
    )
    event = cast(EvaluationRecordedV2, recorded.event)
    log.info(
        "evaluation.recorded",
        evaluation_id=event.evaluation_id,
        kind=event.kind,
        predikat=event.predikat,
        plan_id=event.plan_id,
    )
    return RecordedEvaluation(event, recorded.stream_id, recorded.version)


async def corrected_author(uow: UnitOfWork, evaluation_id: str) -> str | None:
    """Who recorded the evaluation being corrected: its evaluator, else whoever recorded it
    (an imported annual appraisal is the BKD's). From the event store (the write side): an
    evaluation just recorded is corrected by its author alone from the first moment."""
    for ce_type in versions_read_as(EvaluationRecordedV2):
        streams = await uow.store.find_streams(
            ce_type, "evaluation_id", evaluation_id, conn=uow.conn
        )
        await uow.load(streams)
        for sid in streams:
            for r in uow.history(sid):
                if getattr(r.event, "evaluation_id", None) == evaluation_id:
                    return getattr(r.event, "evaluator_nip", None) or r.envelope.actor
    return None


async def assess_on_demand(deps: Deps, plan_id: str, *, cause: Cause) -> MutationOutcomeAssessed:
    async def handler(uow: UnitOfWork) -> None:
        state = (await uow.state(PLAN, plan_id)).state
        if not state.scheduled:
            raise NotFound(f"no monitoring plan {plan_id!r}")
        command: PlanCommand = AssessOutcome(
            facts=await deps.facts(uow).outcome_facts(state),
            today=deps.clock.today(),
            actor=cause.actor,
        )
        uow.stage(plan_id, PLAN.decide(command, state))

    [recorded] = (await deps.pipeline.run(handler, cause)).recorded
    if not isinstance(recorded.event, MutationOutcomeAssessed):
        raise TypeError(f"an assessment recorded {type(recorded.event).__name__}")
    log.info("outcome.assessed", stream_id=plan_id, verdict=recorded.event.verdict)
    return recorded.event


async def cancel_plan(deps: Deps, plan_id: str, reason: str, cause: Cause) -> None:
    """Cancel a plan by hand (a transfer reversed outside the mutation service)."""
    await deps.pipeline.execute(PLAN, plan_id, CancelMonitoring(reason, cause.actor), cause)


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    errors: list[RowError]


async def import_annual_appraisals(
    deps: Deps, rows: Sequence[AnnualRow], cause: Cause
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
        try:
            await deps.pipeline.execute(
                APPRAISALS, appraisals_stream(row.nip), RecordAppraisal(appraisal), cause
            )
        except RuleViolated as refused:
            if refused.rule == "evaluation_exists":
                skipped += 1
                continue
            errors.append(RowError(row.line, refused.message, row.nip))
            continue
        imported += 1
    return ImportResult(imported, skipped, errors)
