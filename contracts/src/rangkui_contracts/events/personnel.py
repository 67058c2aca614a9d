"""Events of the personnel context (topic `rangkui.personnel.events`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.events.common import (
    Education,
    EducationLevel,
    Email,
    Grade,
    Nip,
    Sealed,
    Value,
)

UnitKind = Literal["OPD", "UPT", "SMA", "SMK", "SLB", "RSUD"]
JabatanType = Literal["STRUKTURAL", "FUNGSIONAL", "PELAKSANA"]
EmployeeStatus = Literal[
    "ACTIVE",
    "ON_LEAVE",
    "STUDY_ASSIGNMENT",
    "DISCIPLINARY",
    "RETIRED",
    "COURT_PROCEEDINGS",  # a criminal case pending (proses peradilan)
    "SERVICE_OBLIGATION",  # bound by an ikatan dinas to the post that sent them to study
    "DECEASED",
]
Gender = Literal["M", "F"]


class _Personnel(DomainEvent):
    context = "personnel"


class UnitRegistered(_Personnel):
    """A unit was entered in the organisation of the province: an OPD, a UPT, a school or a
    hospital (RSUD). Units form a tree through `parent_unit_id`."""

    unit_id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: UnitKind
    parent_unit_id: str | None = None
    region: str = Field(min_length=1, description="regency or city")


class PositionEstablished(_Personnel):
    """A post (jabatan) was established in a unit, with its formasi (how many holders the
    unit should have) and the education and grades it requires."""

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
    """How to reach an employee."""

    email: Email | None = None
    phone: str | None = None


class PersonalData(Value):
    """What a `Sealed` value of the personnel context holds once opened: the employee's
    personal data (UU 27/2022). A registration seals all of it; a contact change seals only
    `contact`. Absent fields are None: a reader keeps what it had for them."""

    birth_date: date | None = None
    gender: Gender | None = None
    contact: Contact | None = None


class EmployeeRegistered(_Personnel):
    """A civil servant (ASN) was entered with their grade, current unit and post, education
    and contact details: the start of their personnel stream.

    Version 1 carries birth date, gender and contact in plaintext; it stays readable for the
    events already on the topic (whose plaintext cannot be erased), but personnel publishes
    only version 2 now, which seals them."""

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


class EmployeeRegisteredV2(_Personnel):
    """A civil servant (ASN) was entered with their grade, current unit and post and
    education: the start of their personnel stream. Their personal data (birth date, gender,
    contact) is sealed with their own data key in `personal` (a `PersonalData` once opened)."""

    version = 2
    wire_name = "EmployeeRegistered"

    nip: Nip
    name: str = Field(min_length=1)
    status: EmployeeStatus = "ACTIVE"
    grade: Grade
    unit_id: str
    position_id: str
    tmt_position: date = Field(description="date the employee took the current post (TMT)")
    education: list[Education] = Field(default_factory=list)
    competencies: list[str] = Field(default_factory=list)
    personal: Sealed | None = Field(
        default=None,
        description="birth date, gender and contact, sealed with the employee's data key",
    )


class EmployeeReassigned(_Personnel):
    """An employee took up another post, possibly in another unit, from `tmt`: the change
    that staffing counts follow. `mutation_id` names the transfer it executes, if any."""

    nip: Nip
    from_unit_id: str
    from_position_id: str
    to_unit_id: str
    to_position_id: str
    tmt: date
    mutation_id: str | None = Field(default=None, description="the transfer this move executes")
    revokes_mutation_id: str | None = Field(
        default=None, description="the revoked transfer this move undoes (back to the old post)"
    )


class UnitRenamed(_Personnel):
    """A unit got a new name (for example after a reorganisation regulation)."""

    unit_id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    previous_name: str = ""


class UnitMoved(_Personnel):
    """A unit was placed under another parent in the organisation tree, and/or in another
    region (regency or city)."""

    unit_id: str = Field(min_length=1)
    parent_unit_id: str | None = None
    previous_parent_unit_id: str | None = None
    region: str = Field(min_length=1, description="regency or city after the move")


class UnitClosed(_Personnel):
    """A unit was closed: it takes no new posts, holders or transfers. Its posts and their
    holders stay on record until they are moved."""

    unit_id: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    closed_on: date
    successor_unit_id: str | None = None


class FormationChanged(_Personnel):
    """The formasi of a post changed, with the reason (usually the result of the job and
    workload analysis, Anjab/ABK)."""

    position_id: str = Field(min_length=1)
    unit_id: str = Field(min_length=1)
    previous_formasi: int = Field(ge=0)
    formasi: int = Field(ge=0)
    reason: str = Field(min_length=1)
    effective_date: date | None = None


class EmployeeStatusChanged(_Personnel):
    """An employee's status changed (active, on leave, study assignment, under
    disciplinary or court proceedings, bound by a service obligation, retired, deceased)
    from `since`."""

    nip: Nip
    previous_status: EmployeeStatus
    status: EmployeeStatus
    since: date
    reason: str = ""


class EmployeeGradeChanged(_Personnel):
    """An employee was given another golongan/ruang (usually a promotion) from `tmt`."""

    nip: Nip
    previous_grade: Grade
    grade: Grade
    tmt: date
    sk_number: str | None = None


class EmployeeEducationUpdated(_Personnel):
    """An employee's education history was updated; `education` is the whole history now."""

    nip: Nip
    education: list[Education] = Field(default_factory=list)


class EmployeeCompetenciesUpdated(_Personnel):
    """An employee's competencies were updated; `competencies` is the whole list now."""

    nip: Nip
    competencies: list[str] = Field(default_factory=list)


Relation = Literal["SPOUSE", "PARENT", "CHILD", "SIBLING", "IN_LAW"]


class Relative(Value):
    """A civil servant related to the employee (by NIP) and how: a conflict of interest for
    any decision one takes about the other (UU 30/2014 Pasal 42)."""

    nip: Nip
    relation: Relation


class EmployeeRelativesDeclared(_Personnel):
    """The BKD recorded the employee's relatives in the civil service (the conflict-of-
    interest registry); `relatives` is the whole list now (empty: none)."""

    nip: Nip
    relatives: list[Relative] = Field(default_factory=list, max_length=50)
    declared_by: str


class EmployeeContactChanged(_Personnel):
    """An employee's contact details changed (personal data: consumers keep them apart).

    Version 1 carries the contact in plaintext; personnel publishes only version 2 now."""

    nip: Nip
    contact: Contact = Field(default_factory=Contact)


class EmployeeContactChangedV2(_Personnel):
    """An employee's contact details changed; the new contact is sealed with the employee's
    data key in `personal` (a `PersonalData` with only `contact` set, once opened)."""

    version = 2
    wire_name = "EmployeeContactChanged"

    nip: Nip
    personal: Sealed = Field(description="the new contact, sealed with the employee's data key")


class EmployeePersonalDataErased(_Personnel):
    """The employee's data key was erased (crypto-shredding, UU 27/2022): everything sealed
    with it is unreadable for good. Consumers drop anything personal they hold about the NIP
    (keys, cached contact details); decisions about the employee stay on record."""

    nip: Nip
    key_id: str = Field(min_length=1, description="the data key that no longer exists")
    erased_at: datetime
    reason: str = Field(min_length=1, description="why, e.g. the legal basis of the request")


EVENTS: tuple[type[DomainEvent], ...] = (
    UnitRegistered,
    PositionEstablished,
    EmployeeRegistered,
    EmployeeReassigned,
    UnitRenamed,
    UnitMoved,
    UnitClosed,
    FormationChanged,
    EmployeeStatusChanged,
    EmployeeGradeChanged,
    EmployeeEducationUpdated,
    EmployeeCompetenciesUpdated,
    EmployeeContactChanged,
    EmployeeRegisteredV2,
    EmployeeContactChangedV2,
    EmployeePersonalDataErased,
    EmployeeRelativesDeclared,
)
