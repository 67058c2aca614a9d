"""After the decree: the swearing-in (*pelantikan*) where the new post requires it, and the
SPMT (the person has taken up the duty), within a number of working days of the SK date.

A working day is neither a Saturday, a Sunday, a national holiday nor a collective leave day
(*cuti bersama*, set yearly by joint ministerial decree): the province keeps those dates in
its settings. The induction is its own aggregate (stream `induction-<mutation id>`), started
by a reaction to the decree, so the transfer's own lifecycle is untouched: the move happens on
the TMT whatever the induction's progress; a late induction is flagged, not blocked. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.mutation import (
    InductionCancelled,
    InductionOverdue,
    InductionScheduled,
    MutationDutyTaken,
    MutationSwornIn,
)
from rangkui_eventkit.decider import Decider
from rangkui_mutation.domain.rules import refuse, rule_error, violation


def induction_stream_id(mutation_id: str) -> str:
    return f"induction-{mutation_id}"


@dataclass(frozen=True)
class WorkingDays:
    """The province's working-day calendar."""

    non_working: frozenset[date] = frozenset()

    @classmethod
    def of(cls, days: Iterable[date]) -> WorkingDays:
        return cls(frozenset(days))

    def is_working(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.non_working

    def add(self, start: date, days: int) -> date:
        """The `days`-th working day after `start` (`start` itself not counted)."""
        current, left = start, days
        while left > 0:
            current += timedelta(days=1)
            if self.is_working(current):
                left -= 1
        return current


@dataclass(frozen=True)
class InductionState:
    scheduled: InductionScheduled | None = None
    sworn_in: MutationSwornIn | None = None
    duty_taken: MutationDutyTaken | None = None
    overdue_flagged: bool = False
    cancelled: bool = False

    @property
    def missing(self) -> list[str]:
        if self.scheduled is None:
            return []
        steps = []
        if self.scheduled.swearing_in_required and self.sworn_in is None:
            steps.append("SWEARING_IN")
        if self.duty_taken is None:
            steps.append("SPMT")
        return steps

    @property
    def status(self) -> str:
        """DUE, OVERDUE, DONE or CANCELLED."""
        if self.cancelled:
            return "CANCELLED"
        if not self.missing:
            return "DONE"
        return "OVERDUE" if self.overdue_flagged else "DUE"


@dataclass(frozen=True)
class ScheduleInduction:
    mutation_id: str
    nip: str
    to_unit_id: str
    to_position_id: str
    sk_date: date
    swearing_in_required: bool
    working_days: int
    calendar: WorkingDays
    basis: str


@dataclass(frozen=True)
class RecordSwearingIn:
    actor: str
    sworn_in_on: date
    place: str
    official_name: str
    official_post: str
    today: date


@dataclass(frozen=True)
class RecordDutyTaken:
    actor: str
    spmt_number: str
    duty_from: date
    today: date
    tmt: date | None = None  # the transfer's TMT: the duty begins on it or after


@dataclass(frozen=True)
class FlagOverdue:
    today: date


@dataclass(frozen=True)
class CancelInduction:
    reason: str


InductionCommand = (
    ScheduleInduction | RecordSwearingIn | RecordDutyTaken | FlagOverdue | CancelInduction
)


def evolve(state: InductionState, event: DomainEvent) -> InductionState:
    match event:
        case InductionScheduled():
            return InductionState(scheduled=event)
        case MutationSwornIn():
            return replace(state, sworn_in=event)
        case MutationDutyTaken():
            return replace(state, duty_taken=event)
        case InductionOverdue():
            return replace(state, overdue_flagged=True)
        case InductionCancelled():
            return replace(state, cancelled=True)
    return state


def decide(command: InductionCommand, state: InductionState) -> list[DomainEvent]:
    if isinstance(command, ScheduleInduction):
        if state.scheduled is not None:
            return []  # the decree redelivered: scheduled once
        due = command.calendar.add(command.sk_date, command.working_days)
        return [
            InductionScheduled(
                mutation_id=command.mutation_id,
                nip=command.nip,
                to_unit_id=command.to_unit_id,
                to_position_id=command.to_position_id,
                swearing_in_required=command.swearing_in_required,
                due_by=due,
                basis=command.basis,
            )
        ]
    s = state.scheduled
    if s is None:
        raise rule_error("unknown_induction")
    if isinstance(command, CancelInduction):
        return [] if state.cancelled else [
            InductionCancelled(mutation_id=s.mutation_id, nip=s.nip, reason=command.reason)
        ]  # fmt: skip
    if isinstance(command, FlagOverdue):
        if state.cancelled or state.overdue_flagged or not state.missing:
            return []
        if command.today <= s.due_by:
            return []
        return [
            InductionOverdue(
                mutation_id=s.mutation_id,
                nip=s.nip,
                to_unit_id=s.to_unit_id,
                due_by=s.due_by,
                missing=state.missing,  # type: ignore[arg-type]
                detected_on=command.today,
            )
        ]
    if state.cancelled:
        raise rule_error("induction_cancelled")
    if isinstance(command, RecordSwearingIn):
        refuse([
            violation("induction_date_in_future", on=command.sworn_in_on)
            if command.sworn_in_on > command.today else None,
            violation("swearing_in_not_required") if not s.swearing_in_required else None,
        ])  # fmt: skip
        return [
            MutationSwornIn(
                mutation_id=s.mutation_id,
                nip=s.nip,
                sworn_in_on=command.sworn_in_on,
                place=command.place,
                official_name=command.official_name,
                official_post=command.official_post,
                recorded_by=command.actor,
            )
        ]
    refuse([
        violation("induction_date_in_future", on=command.duty_from)
        if command.duty_from > command.today else None,
        violation("duty_before_tmt", tmt=command.tmt)
        if command.tmt is not None and command.duty_from < command.tmt else None,
    ])  # fmt: skip
    return [
        MutationDutyTaken(
            mutation_id=s.mutation_id,
            nip=s.nip,
            spmt_number=command.spmt_number,
            duty_from=command.duty_from,
            recorded_by=command.actor,
        )
    ]


induction_decider: Decider[InductionCommand, InductionState] = Decider(
    InductionState(), evolve, decide
)
