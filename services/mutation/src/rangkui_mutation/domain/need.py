"""The `StaffingNeed` aggregate as a pure decider: a confirmed need for `count` more holders
of a post, filled by effective transfers linked to it, or closed with a reason."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.mutation import (
    NeedPriority,
    StaffingNeedClosed,
    StaffingNeedFulfilled,
    StaffingNeedIdentified,
    StaffingNeedProgressed,
)
from rangkui_eventkit.decider import Decider
from rangkui_mutation.domain.rules import rule_error


class NeedStatus(StrEnum):
    OPEN = "OPEN"
    FULFILLED = "FULFILLED"
    CLOSED = "CLOSED"


@dataclass(frozen=True)
class NeedState:
    status: NeedStatus | None = None
    need_id: str = ""
    unit_id: str = ""
    position_id: str = ""
    count: int = 0
    filled_by: tuple[str, ...] = ()
    required_competencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class IdentifyNeed:
    need_id: str
    unit_id: str
    position_id: str
    count: int
    reason: str
    priority: NeedPriority
    actor: str
    required_competencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordEffectiveTransfer:
    """A transfer linked to the need became effective (from the reaction)."""

    mutation_id: str
    nip: str


@dataclass(frozen=True)
class CloseNeed:
    reason: str
    actor: str


NeedCommand = IdentifyNeed | RecordEffectiveTransfer | CloseNeed


def evolve(state: NeedState, event: DomainEvent) -> NeedState:
    match event:
        case StaffingNeedIdentified():
            return NeedState(
                status=NeedStatus.OPEN,
                need_id=event.need_id,
                unit_id=event.unit_id,
                position_id=event.position_id,
                count=event.count,
                required_competencies=tuple(event.required_competencies),
            )
        case StaffingNeedProgressed():
            return dataclasses.replace(state, filled_by=(*state.filled_by, event.mutation_id))
        case StaffingNeedFulfilled():
            return dataclasses.replace(state, status=NeedStatus.FULFILLED)
        case StaffingNeedClosed():
            return dataclasses.replace(state, status=NeedStatus.CLOSED)
    return state


def decide(command: NeedCommand, state: NeedState) -> Sequence[DomainEvent]:
    match command:
        case IdentifyNeed():
            if state.status is not None:
                raise rule_error("need_exists", need_id=command.need_id)
            return [
                StaffingNeedIdentified(
                    need_id=command.need_id,
                    unit_id=command.unit_id,
                    position_id=command.position_id,
                    count=command.count,
                    reason=command.reason,
                    priority=command.priority,
                    identified_by=command.actor,
                    required_competencies=list(command.required_competencies),
                )
            ]
        case RecordEffectiveTransfer():
            if state.status is None:
                raise rule_error("unknown_need")
            if command.mutation_id in state.filled_by or state.status != NeedStatus.OPEN:
                return []  # already counted, or the need no longer takes transfers
            filled = len(state.filled_by) + 1
            events: list[DomainEvent] = [
                StaffingNeedProgressed(
                    need_id=state.need_id,
                    mutation_id=command.mutation_id,
                    nip=command.nip,
                    filled=filled,
                    count=state.count,
                )
            ]
            if filled >= state.count:
                events.append(
                    StaffingNeedFulfilled(
                        need_id=state.need_id,
                        unit_id=state.unit_id,
                        position_id=state.position_id,
                        count=state.count,
                        mutation_ids=[*state.filled_by, command.mutation_id],
                    )
                )
            return events
        case CloseNeed():
            if state.status is None:
                raise rule_error("unknown_need")
            if state.status != NeedStatus.OPEN:
                raise rule_error("need_not_open", need_id=state.need_id, status=state.status.value)
            return [
                StaffingNeedClosed(
                    need_id=state.need_id, reason=command.reason, closed_by=command.actor
                )
            ]
    raise TypeError(f"unknown command {type(command).__name__}")


def need_stream_id(need_id: str) -> str:
    return f"need-{need_id}"


need_decider: Decider[NeedCommand, NeedState] = Decider(
    initial_state=NeedState(), evolve=evolve, decide=decide
)
