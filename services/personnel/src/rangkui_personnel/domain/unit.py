"""The unit decider: an OPD, UPT, school or hospital in the province's organisation tree.

Every command that would change nothing decides nothing, so that re-applying the same facts
(a second import of the same file) writes no events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.personnel import (
    UnitClosed,
    UnitKind,
    UnitMoved,
    UnitRegistered,
    UnitRenamed,
)
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import AlreadyExists, NotFound, RuleViolated


@dataclass(frozen=True)
class UnitState:
    registered: bool = False
    unit_id: str = ""
    name: str = ""
    kind: str = ""
    region: str = ""
    parent_unit_id: str | None = None
    closed: bool = False


@dataclass(frozen=True)
class RegisterUnit:
    unit_id: str
    name: str
    kind: UnitKind
    region: str
    parent_unit_id: str | None = None


@dataclass(frozen=True)
class RenameUnit:
    unit_id: str
    name: str


@dataclass(frozen=True)
class MoveUnit:
    """Place the unit under `parent_unit_id` (verified by the caller) and in `region`."""

    unit_id: str
    parent_unit_id: str | None
    region: str


@dataclass(frozen=True)
class CloseUnit:
    unit_id: str
    reason: str
    closed_on: date
    successor_unit_id: str | None = None


@dataclass(frozen=True)
class SyncUnit:
    """Make the unit what an import row says: register it, or rename/move it if needed."""

    unit_id: str
    name: str
    kind: UnitKind
    region: str
    parent_unit_id: str | None = None


UnitCommand = RegisterUnit | RenameUnit | MoveUnit | CloseUnit | SyncUnit


def evolve(state: UnitState, event: DomainEvent) -> UnitState:
    match event:
        case UnitRegistered():
            return UnitState(
                registered=True,
                unit_id=event.unit_id,
                name=event.name,
                kind=event.kind,
                region=event.region,
                parent_unit_id=event.parent_unit_id,
            )
        case UnitRenamed():
            return replace(state, name=event.name)
        case UnitMoved():
            return replace(state, parent_unit_id=event.parent_unit_id, region=event.region)
        case UnitClosed():
            return replace(state, closed=True)
    return state


def _register(c: RegisterUnit | SyncUnit) -> list[DomainEvent]:
    if c.parent_unit_id == c.unit_id:
        raise RuleViolated("unit_tree", f"unit {c.unit_id} cannot be its own parent")
    if not c.name.strip():
        raise RuleViolated("unit_name", "a unit needs a name")
    return [
        UnitRegistered(
            unit_id=c.unit_id,
            name=c.name.strip(),
            kind=c.kind,
            region=c.region,
            parent_unit_id=c.parent_unit_id,
        )
    ]


def _existing(unit_id: str, state: UnitState) -> UnitState:
    if not state.registered:
        raise NotFound(f"unit {unit_id} is not registered")
    if state.closed:
        raise RuleViolated("open_unit", f"unit {unit_id} is closed")
    return state


def _rename(unit_id: str, name: str, state: UnitState) -> list[DomainEvent]:
    if not name.strip():
        raise RuleViolated("unit_name", "a unit needs a name")
    if name.strip() == state.name:
        return []
    return [UnitRenamed(unit_id=unit_id, name=name.strip(), previous_name=state.name)]


def _move(unit_id: str, parent: str | None, region: str, state: UnitState) -> list[DomainEvent]:
    if parent == unit_id:
        raise RuleViolated("unit_tree", f"unit {unit_id} cannot be its own parent")
    if (parent, region) == (state.parent_unit_id, state.region):
        return []
    return [
        UnitMoved(
            unit_id=unit_id,
            parent_unit_id=parent,
            previous_parent_unit_id=state.parent_unit_id,
            region=region,
        )
    ]


def decide(command: UnitCommand, state: UnitState) -> Sequence[DomainEvent]:
    match command:
        case RegisterUnit():
            if state.registered:
                raise AlreadyExists(f"unit {command.unit_id} is already registered")
            return _register(command)
        case RenameUnit():
            return _rename(command.unit_id, command.name, _existing(command.unit_id, state))
        case MoveUnit():
            _existing(command.unit_id, state)
            return _move(command.unit_id, command.parent_unit_id, command.region, state)
        case CloseUnit():
            _existing(command.unit_id, state)
            if not command.reason.strip():
                raise RuleViolated("reason_required", "closing a unit needs a reason")
            if command.successor_unit_id == command.unit_id:
                raise RuleViolated("unit_tree", "a unit cannot succeed itself")
            return [
                UnitClosed(
                    unit_id=command.unit_id,
                    reason=command.reason.strip(),
                    closed_on=command.closed_on,
                    successor_unit_id=command.successor_unit_id,
                )
            ]
        case SyncUnit():
            if not state.registered:
                return _register(command)
            _existing(command.unit_id, state)
            if command.kind != state.kind:
                raise RuleViolated(
                    "unit_kind_fixed",
                    f"unit {command.unit_id} is a {state.kind}; its kind cannot change to "
                    f"{command.kind}",
                )
            return [
                *_rename(command.unit_id, command.name, state),
                *_move(command.unit_id, command.parent_unit_id, command.region, state),
            ]
    raise TypeError(f"not a unit command: {command!r}")


def require_open_unit(unit_id: str, state: UnitState, role: str = "unit") -> UnitState:
    """Refuse (422) a reference to a unit that was never registered or is closed."""
    if not state.registered:
        raise RuleViolated("known_unit", f"{role} {unit_id} is not a registered unit")
    if state.closed:
        raise RuleViolated("open_unit", f"{role} {unit_id} is closed")
    return state


unit_decider: Decider[UnitCommand, UnitState] = Decider(UnitState(), evolve, decide)
