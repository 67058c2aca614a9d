"""The monitoring plan of one transfer: a pure decider over the stream `monitoring-<mutation>`.

One stream per transfer makes "one plan per transfer" a property of the store (the stream
exists or not) rather than of a query that could race.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.evaluation import (
    Checkpoint,
    EvaluationRecordedV2,
    MonitoringCancelled,
    MonitoringEvaluatorAssigned,
    MonitoringOverdue,
    MonitoringScheduled,
    MutationOutcomeAssessed,
)
from rangkui_evaluation.domain.appraisal import (
    Appraisal,
    check_appraisal,
    check_supersession,
    recorded,
)
from rangkui_evaluation.domain.calendar import add_months
from rangkui_evaluation.domain.outcome import CheckpointResult, OutcomeFacts, assess
from rangkui_evaluation.domain.reach import check_checkpoint_due
from rangkui_evaluation.domain.rules import rule_error
from rangkui_eventkit.errors import NotFound


def plan_id_for(mutation_id: str) -> str:
    """The plan id (also its stream id) of a transfer: deterministic, so replays agree."""
    return f"monitoring-{mutation_id}"


def checkpoint_id_for(plan_id: str, months_after: int) -> str:
    return f"{plan_id}-m{months_after}"


# ------------------------------------------------------------------------ state
@dataclass(frozen=True)
class CheckpointState:
    checkpoint_id: str
    months_after: int
    due_date: date
    result: CheckpointResult | None = None  # the evaluation that currently counts
    overdue: bool = False


@dataclass(frozen=True)
class Plan:
    """What the decisions of a plan depend on; `scheduled` is False before the first event."""

    scheduled: bool = False
    plan_id: str = ""
    mutation_id: str = ""
    nip: str = ""
    unit_id: str = ""
    position_id: str = ""
    evaluator_nip: str | None = None
    tmt: date | None = None
    checkpoints: tuple[CheckpointState, ...] = ()
    kind: str | None = None
    need_id: str | None = None
    agency_unit_id: str | None = None
    region: str | None = None
    cancelled: bool = False
    evaluation_ids: frozenset[str] = frozenset()

    def checkpoint(self, checkpoint_id: str) -> CheckpointState:
        for c in self.checkpoints:
            if c.checkpoint_id == checkpoint_id:
                return c
        raise NotFound(f"plan {self.plan_id} has no checkpoint {checkpoint_id!r}")

    @property
    def last_checkpoint_id(self) -> str:
        return max(self.checkpoints, key=lambda c: c.months_after).checkpoint_id

    def results(self) -> list[CheckpointResult]:
        return [c.result for c in self.checkpoints if c.result is not None]

    def period_of(self, checkpoint_id: str) -> tuple[date, date]:
        """The period a checkpoint evaluation covers by default: from the previous checkpoint
        (or the TMT) to its due date."""
        assert self.tmt is not None
        start = self.tmt
        for c in sorted(self.checkpoints, key=lambda c: c.months_after):
            if c.checkpoint_id == checkpoint_id:
                return start, c.due_date
            start = c.due_date + timedelta(days=1)
        raise NotFound(f"plan {self.plan_id} has no checkpoint {checkpoint_id!r}")


INITIAL = Plan()


def _with_checkpoint(state: Plan, checkpoint_id: str, **changes: object) -> Plan:
    return replace(
        state,
        checkpoints=tuple(
            replace(c, **changes) if c.checkpoint_id == checkpoint_id else c  # type: ignore[arg-type]
            for c in state.checkpoints
        ),
    )


def evolve(state: Plan, event: DomainEvent) -> Plan:
    match event:
        case MonitoringScheduled():
            return replace(
                state,
                scheduled=True,
                plan_id=event.plan_id,
                mutation_id=event.mutation_id,
                nip=event.nip,
                unit_id=event.unit_id,
                position_id=event.position_id,
                evaluator_nip=event.evaluator_nip,
                tmt=event.tmt,
                checkpoints=tuple(
                    CheckpointState(c.checkpoint_id, c.months_after, c.due_date)
                    for c in event.checkpoints
                ),
                kind=event.kind,
                need_id=event.need_id,
                agency_unit_id=event.agency_unit_id,
                region=event.region,
            )
        case EvaluationRecordedV2(checkpoint_id=str(checkpoint_id)):
            months = state.checkpoint(checkpoint_id).months_after
            result = CheckpointResult(months, event.evaluation_id, event.predikat, event.adaptation)
            state = replace(state, evaluation_ids=state.evaluation_ids | {event.evaluation_id})
            return _with_checkpoint(state, checkpoint_id, result=result)
        case MonitoringOverdue():
            return _with_checkpoint(state, event.checkpoint_id, overdue=True)
        case MonitoringCancelled():
            return replace(state, cancelled=True)
        case MonitoringEvaluatorAssigned():
            return replace(state, evaluator_nip=event.evaluator_nip)
        case _:
            return state


# ---------------------------------------------------------------------- commands
@dataclass(frozen=True)
class ScheduleMonitoring:
    """Plan follow-up appraisals for a transfer that took effect on `tmt`."""

    mutation_id: str
    nip: str
    unit_id: str
    position_id: str
    tmt: date
    checkpoint_months: Sequence[int]
    evaluator_nip: str | None = None
    kind: str | None = None
    need_id: str | None = None
    from_unit_id: str | None = None
    from_position_id: str | None = None
    agency_unit_id: str | None = None
    region: str | None = None


def schedule(command: ScheduleMonitoring, state: Plan) -> list[DomainEvent]:
    """Schedule once: a transfer that already has its plan gets nothing new (a redelivered or
    re-sent `MutationEffective` must not plan twice)."""
    if state.scheduled:
        return []
    plan_id = plan_id_for(command.mutation_id)
    months = sorted(set(command.checkpoint_months))
    evaluator = command.evaluator_nip if command.evaluator_nip != command.nip else None
    return [
        MonitoringScheduled(
            plan_id=plan_id,
            mutation_id=command.mutation_id,
            nip=command.nip,
            unit_id=command.unit_id,
            position_id=command.position_id,
            evaluator_nip=evaluator,
            tmt=command.tmt,
            checkpoints=[
                Checkpoint(
                    checkpoint_id=checkpoint_id_for(plan_id, m),
                    months_after=m,
                    due_date=add_months(command.tmt, m),
                )
                for m in months
            ],
            kind=command.kind,
            need_id=command.need_id,
            from_unit_id=command.from_unit_id,
            from_position_id=command.from_position_id,
            agency_unit_id=command.agency_unit_id,
            region=command.region,
        )
    ]


def _require_open(state: Plan) -> None:
    if not state.scheduled:
        raise NotFound("no monitoring plan with this id")
    if state.cancelled:
        raise rule_error("plan_cancelled", plan_id=state.plan_id)


@dataclass(frozen=True)
class RecordCheckpointEvaluation:
    """Record the evaluation of one checkpoint; at the last checkpoint it also settles the
    transfer's outcome, with `facts` gathered just before."""

    appraisal: Appraisal
    checkpoint_id: str
    facts: OutcomeFacts
    today: date
    actor: str
    early_days: int = 0  # policy: how many days before its due date a checkpoint opens


def record_checkpoint_evaluation(
    command: RecordCheckpointEvaluation, state: Plan
) -> list[DomainEvent]:
    _require_open(state)
    a = command.appraisal
    checkpoint = state.checkpoint(command.checkpoint_id)
    if a.kind != "CHECKPOINT":
        raise rule_error("checkpoint_kind")
    if a.nip != state.nip:
        raise rule_error("plan_of_employee", plan_id=state.plan_id, plan_nip=state.nip, nip=a.nip)
    if a.evaluation_id in state.evaluation_ids:
        raise rule_error("evaluation_exists", evaluation_id=a.evaluation_id)
    check_checkpoint_due(
        checkpoint.checkpoint_id, checkpoint.due_date, command.today, command.early_days
    )
    check_appraisal(a)
    current = checkpoint.result.evaluation_id if checkpoint.result else None
    check_supersession(
        a,
        current,
        f"checkpoint {checkpoint.checkpoint_id} ({checkpoint.months_after} months)",
        "one_evaluation_per_checkpoint",
        f"titik pantau {checkpoint.checkpoint_id} ({checkpoint.months_after} bulan)",
    )
    event = recorded(a, plan_id=state.plan_id, checkpoint_id=checkpoint.checkpoint_id)
    events: list[DomainEvent] = [event]
    if checkpoint.checkpoint_id == state.last_checkpoint_id:
        after = evolve(state, event)
        events.append(
            _assessment(after, command.facts, command.today, command.actor, "LAST_CHECKPOINT")
        )
    return events


@dataclass(frozen=True)
class MarkOverdue:
    """Flag every checkpoint whose due date plus `grace_days` is before `today` and that has
    no evaluation, unless it was flagged before."""

    today: date
    grace_days: int = 0


def mark_overdue(command: MarkOverdue, state: Plan) -> list[DomainEvent]:
    if not state.scheduled or state.cancelled:
        return []
    limit = command.today - timedelta(days=command.grace_days)
    return [
        MonitoringOverdue(
            plan_id=state.plan_id,
            mutation_id=state.mutation_id,
            nip=state.nip,
            checkpoint_id=c.checkpoint_id,
            months_after=c.months_after,
            due_date=c.due_date,
            evaluator_nip=state.evaluator_nip,
            detected_on=command.today,
        )
        for c in state.checkpoints
        if c.due_date < limit and c.result is None and not c.overdue
    ]


@dataclass(frozen=True)
class CancelMonitoring:
    reason: str
    cancelled_by: str


def cancel(command: CancelMonitoring, state: Plan) -> list[DomainEvent]:
    """Cancel once; cancelling a cancelled plan changes nothing."""
    if not state.scheduled:
        raise NotFound("no monitoring plan to cancel")
    if state.cancelled:
        return []
    return [
        MonitoringCancelled(
            plan_id=state.plan_id,
            mutation_id=state.mutation_id,
            nip=state.nip,
            reason=command.reason,
            cancelled_by=command.cancelled_by,
        )
    ]


@dataclass(frozen=True)
class AssignEvaluator:
    """The head of the plan's unit changed: open checkpoints go to `evaluator_nip`."""

    evaluator_nip: str


def assign_evaluator(command: AssignEvaluator, state: Plan) -> list[DomainEvent]:
    """Follow the head of the unit while something is left to evaluate; nobody becomes
    their own evaluator, and the same evaluator is not assigned twice."""
    open_checkpoints = any(c.result is None for c in state.checkpoints)
    if (
        not state.scheduled
        or state.cancelled
        or not open_checkpoints
        or command.evaluator_nip in (state.nip, state.evaluator_nip)
    ):
        return []
    return [
        MonitoringEvaluatorAssigned(
            plan_id=state.plan_id,
            mutation_id=state.mutation_id,
            nip=state.nip,
            evaluator_nip=command.evaluator_nip,
            previous_evaluator_nip=state.evaluator_nip,
        )
    ]


@dataclass(frozen=True)
class AssessOutcome:
    """Judge the transfer now (on demand), from what the plan holds and the facts."""

    facts: OutcomeFacts
    today: date
    actor: str


def assess_outcome(command: AssessOutcome, state: Plan) -> list[DomainEvent]:
    _require_open(state)
    return [_assessment(state, command.facts, command.today, command.actor, "ON_DEMAND")]


def _assessment(
    state: Plan,
    facts: OutcomeFacts,
    today: date,
    actor: str,
    trigger: Literal["LAST_CHECKPOINT", "ON_DEMAND"],
) -> MutationOutcomeAssessed:
    results = state.results()
    outcome = assess(results, facts)
    assert state.tmt is not None
    return MutationOutcomeAssessed(
        plan_id=state.plan_id,
        mutation_id=state.mutation_id,
        nip=state.nip,
        verdict=outcome.verdict,
        criteria=list(outcome.criteria),
        baseline_predikat=facts.baseline_predikat,
        latest_predikat=outcome.latest_predikat,
        months_to_adapt=outcome.months_to_adapt,
        trigger=trigger,
        based_on_evaluation_ids=[
            r.evaluation_id for r in sorted(results, key=lambda r: r.months_after)
        ],
        assessed_on=today,
        assessed_by=actor,
        tmt=state.tmt,
        unit_id=state.unit_id,
        kind=state.kind,
        agency_unit_id=state.agency_unit_id,
        region=state.region,
    )


PlanCommand = (
    ScheduleMonitoring
    | RecordCheckpointEvaluation
    | MarkOverdue
    | CancelMonitoring
    | AssignEvaluator
    | AssessOutcome
)


def decide(command: PlanCommand, state: Plan) -> list[DomainEvent]:
    match command:
        case ScheduleMonitoring():
            return schedule(command, state)
        case RecordCheckpointEvaluation():
            return record_checkpoint_evaluation(command, state)
        case MarkOverdue():
            return mark_overdue(command, state)
        case CancelMonitoring():
            return cancel(command, state)
        case AssignEvaluator():
            return assign_evaluator(command, state)
        case AssessOutcome():
            return assess_outcome(command, state)
    raise TypeError(f"unknown plan command {type(command).__name__}")
