"""Events of the personnel context (topic `rangkui.personnel.events`)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import EmailStr, Field

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events.common import Education, EducationLevel, Grade, Nip, Value

UnitKind = Literal["OPD", "UPT", "SMA", "SMK", "SLB", "RSUD"]
JabatanType = Literal["STRUKTURAL", "FUNGSIONAL", "PELAKSANA"]
EmployeeStatus = Literal["ACTIVE", "ON_LEAVE", "STUDY_ASSIGNMENT", "DISCIPLINARY", "RETIRED"]
Gender = Literal["M", "F"]


class _Personnel(DomainEvent):
    context = "personnel"


class UnitRegistered(_Personnel):
    unit_id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: UnitKind
    parent_unit_id: str | None = None
    region: str = Field(min_length=1, description="regency or city")


class PositionEstablished(_Personnel):
    position_id: str = Field(min_length=1)
    unit_id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    jabatan_type: JabatanType
    formasi: int = Field(ge=0, description="how many of this post the unit should have")
    required_education_levels: list[EducationLevel] = Field(default_factory=list)
    required_education_fields: list[str] = Field(default_factory=list)
    grade_min: Grade | None = None
    grade_max: Grade | None = None
    is_head_of_unit: bool = False


class Contact(Value):
    email: EmailStr | None = None
    phone: str | None = None


class EmployeeRegistered(_Personnel):
    nip: Nip
    name: str = Field(min_length=1)
    gender: Gender
    birth_date: date
    status: EmployeeStatus = "ACTIVE"
    grade: Grade
    unit_id: str
    position_id: str
    tmt_position: date = Field(description="date the employee took the current post (TMT)")
    education: list[Education] = Field(default_factory=list)
    competencies: list[str] = Field(default_factory=list)
    contact: Contact = Field(default_factory=Contact)


class EmployeeReassigned(_Personnel):
    nip: Nip
    from_unit_id: str
    from_position_id: str
    to_unit_id: str
    to_position_id: str
    tmt: date
    mutation_id: str | None = Field(default=None, description="the transfer this move executes")


EVENTS: tuple[type[DomainEvent], ...] = (
    UnitRegistered,
    PositionEstablished,
    EmployeeRegistered,
    EmployeeReassigned,
)
