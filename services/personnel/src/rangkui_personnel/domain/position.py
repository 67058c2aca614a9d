"""The post (jabatan) decider: a post in a unit with its formasi and requirements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.common import EducationLevel
from rangkui_contracts.events.personnel import (
    FormationChanged,
    JabatanType,
    PositionEstablished,
)
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import AlreadyExists, NotFound, RuleViolated
from rangkui_personnel.domain.grade import check_grade, grade_rank


@dataclass(frozen=True)
class PositionState:
    established: bool = False
    position_id: str = ""
    unit_id: str = ""
    title: str = ""
    jabatan_type: str = ""
    formasi: int = 0
    is_head_of_unit: bool = False
    grade_min: str | None = None
    grade_max: str | None = None


@dataclass(frozen=True)
class EstablishPosition:
    position_id: str
    unit_id: str
    title: str
    jabatan_type: JabatanType
    formasi: int
    is_head_of_unit: bool = False
    required_education_levels: tuple[EducationLevel, ...] = ()
    required_education_fields: tuple[str, ...] = ()
    grade_min: str | None = None
    grade_max: str | None = None


@dataclass(frozen=True)
class ChangeFormation:
    position_id: str
    formasi: int
    reason: str
    effective_date: date | None = None


@dataclass(frozen=True)
class SyncPosition:
    """Make the post what an import row says: establish it, or change its formasi."""

    establish: EstablishPosition
    reason: str


PositionCommand = EstablishPosition | ChangeFormation | SyncPosition


def evolve(state: PositionState, event: DomainEvent) -> PositionState:
    match event:
        case PositionEstablished():
            return PositionState(
                established=True,
                position_id=event.position_id,
                unit_id=event.unit_id,
                title=event.title,
                jabatan_type=event.jabatan_type,
                formasi=event.formasi,
                is_head_of_unit=event.is_head_of_unit,
                grade_min=event.grade_min,
                grade_max=event.grade_max,
            )
        case FormationChanged():
            return replace(state, formasi=event.formasi)
    return state


def _check_grade_range(grade_min: str | None, grade_max: str | None) -> None:
    if grade_min is not None:
        check_grade(grade_min, "grade_min")
    if grade_max is not None:
        check_grade(grade_max, "grade_max")
    if grade_min and grade_max and grade_rank(grade_min) > grade_rank(grade_max):
        raise RuleViolated("grade_range", f"grade_min {grade_min} is above grade_max {grade_max}")


MAX_FORMASI = 10_000
"""No post of one unit is planned for more people than this; a larger number is a typo in a
form or an export, and the read models store formasi as a 32-bit integer."""


def _check_formasi(formasi: int) -> None:
    if formasi < 0:
        raise RuleViolated("formasi_not_negative", "formasi cannot be negative")
    if formasi > MAX_FORMASI:
        raise RuleViolated(
            "formasi_plausible", f"formasi {formasi} is more than {MAX_FORMASI} for one post"
        )


def _establish(c: EstablishPosition) -> list[DomainEvent]:
    _check_formasi(c.formasi)
    _check_grade_range(c.grade_min, c.grade_max)
    return [
        PositionEstablished(
            position_id=c.position_id,
            unit_id=c.unit_id,
            title=c.title,
            jabatan_type=c.jabatan_type,
            formasi=c.formasi,
            is_head_of_unit=c.is_head_of_unit,
            required_education_levels=list(c.required_education_levels),
            required_education_fields=list(c.required_education_fields),
            grade_min=c.grade_min,
            grade_max=c.grade_max,
        )
    ]


def _change_formation(c: ChangeFormation, state: PositionState) -> list[DomainEvent]:
    if not state.established:
        raise NotFound(f"post {c.position_id} is not established")
    _check_formasi(c.formasi)
    if not c.reason.strip():
        raise RuleViolated(
            "reason_required", "a change of formasi needs a reason (e.g. the ABK it follows)"
        )
    if c.formasi == state.formasi:
        return []
    return [
        FormationChanged(
            position_id=c.position_id,
            unit_id=state.unit_id,
            previous_formasi=state.formasi,
            formasi=c.formasi,
            reason=c.reason.strip(),
            effective_date=c.effective_date,
        )
    ]


def decide(command: PositionCommand, state: PositionState) -> Sequence[DomainEvent]:
    match command:
        case EstablishPosition():
            if state.established:
                raise AlreadyExists(f"post {command.position_id} is already established")
            return _establish(command)
        case ChangeFormation():
            return _change_formation(command, state)
        case SyncPosition():
            est = command.establish
            if not state.established:
                return _establish(est)
            if est.unit_id != state.unit_id:
                raise RuleViolated(
                    "position_in_unit",
                    f"post {est.position_id} belongs to unit {state.unit_id}, not {est.unit_id}",
                )
            return _change_formation(
                ChangeFormation(est.position_id, est.formasi, command.reason), state
            )
    raise TypeError(f"not a post command: {command!r}")


def require_post_in_unit(position_id: str, state: PositionState, unit_id: str) -> PositionState:
    """Refuse (422) a reference to a post that does not exist or belongs to another unit."""
    if not state.established:
        raise RuleViolated("known_position", f"post {position_id} is not an established post")
    if state.unit_id != unit_id:
        raise RuleViolated(
            "position_in_unit",
            f"post {position_id} belongs to unit {state.unit_id}, not to unit {unit_id}",
        )
    return state


position_decider: Decider[PositionCommand, PositionState] = Decider(PositionState(), evolve, decide)
