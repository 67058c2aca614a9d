"""HTTP API of the personnel service: commands write events, queries read the read models.

A command answers once its events are stored; the read models follow from the personnel
topic within moments, so a client that just wrote polls the GET until it shows.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

import asyncpg
from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, EmailStr, Field, StringConstraints

from rangkui_contracts.events.common import Education, EducationLevel, Nip
from rangkui_contracts.events.personnel import (
    Contact,
    EmployeeStatus,
    Gender,
    JabatanType,
    Relation,
    UnitKind,
)
from rangkui_eventkit.api_types import (
    GRADE_PATTERN,
    DateQuery,
    IdPath,
    IdQuery,
    NipPath,
    SearchQuery,
)
from rangkui_eventkit.auth import Access, authorize
from rangkui_eventkit.consistency import answer_written, consistent_read
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import Forbidden, NotFound
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.limits import INT_MAX, StrictBody
from rangkui_eventkit.runtime import Service
from rangkui_eventkit.store import Recorded
from rangkui_personnel.adapters import read_models
from rangkui_personnel.adapters.personal_data import PersonalDataVault
from rangkui_personnel.domain.employee import (
    ChangeContact,
    ChangeGrade,
    ChangeStatus,
    DeclareRelatives,
    RegisterEmployee,
    UpdateCompetencies,
    UpdateEducation,
)
from rangkui_personnel.domain.position import ChangeFormation, EstablishPosition
from rangkui_personnel.domain.streams import employee_stream, position_stream, unit_stream
from rangkui_personnel.domain.unit import CloseUnit, MoveUnit, RegisterUnit, RenameUnit
from rangkui_personnel.service_layer import commands
from rangkui_personnel.service_layer.commands import Deps

router = APIRouter(tags=["personnel"])


def _service(request: Request) -> Service:
    return request.app.state.service  # type: ignore[no-any-return]


def deps(request: Request) -> Deps:
    return request.app.state.service.deps  # type: ignore[no-any-return]


def personal_data_vault(request: Request) -> PersonalDataVault:
    return request.app.state.service.vault  # type: ignore[no-any-return]


def pool(request: Request) -> asyncpg.Pool:
    p = _service(request).pool
    assert p is not None, "the service has not started"
    return p


class Body(StrictBody):
    """Unknown fields, endless text and lists, implausible dates: 422 (see StrictBody)."""


class RegisterUnitBody(Body):
    unit_id: str = Field(min_length=1, max_length=100)
    name: str = Field(min_length=1)
    kind: UnitKind
    region: str = Field(min_length=1, description="regency or city")
    parent_unit_id: str | None = None


class EstablishPositionBody(Body):
    position_id: str = Field(min_length=1, max_length=100)
    unit_id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    jabatan_type: JabatanType
    formasi: int = Field(ge=0)
    is_head_of_unit: bool = False
    required_education_levels: list[EducationLevel] = Field(default_factory=list)
    required_education_fields: list[str] = Field(default_factory=list)
    grade_min: str | None = Field(default=None, examples=["III/a"])
    grade_max: str | None = Field(default=None, examples=["IV/b"])


class RegisterEmployeeBody(Body):
    nip: str = Field(examples=["198609262015051001"])
    name: str = Field(min_length=1)
    gender: Gender
    birth_date: date
    grade: str = Field(examples=["III/a"], description="golongan/ruang")
    unit_id: str = Field(min_length=1)
    position_id: str = Field(min_length=1)
    tmt_position: date
    status: EmployeeStatus = "ACTIVE"
    education: list[Education] = Field(default_factory=list)
    competencies: Competencies = Field(default_factory=list)
    contact: ContactBody | None = None


# A competency is a short name ("olimpiade matematika"); an employee has a few dozen at most.
# Bounded here so that no request becomes an event the broker would refuse.
Competency = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Competencies = Annotated[list[Competency], Field(max_length=100)]


class ContactBody(Body):
    """Contact details as they enter the system: the e-mail address is validated fully here
    (events carry only its shape check, which every consumer can afford)."""

    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=40)

    def to_contact(self) -> Contact:
        return Contact(email=self.email, phone=self.phone)


class Written(BaseModel):
    """What a command stored: the stream and the events appended."""

    stream_id: str
    version: int
    events: list[str]


class RenameUnitBody(Body):
    name: str = Field(min_length=1)


class MoveUnitBody(Body):
    parent_unit_id: str | None
    region: str = Field(min_length=1)


class CloseUnitBody(Body):
    reason: str = Field(min_length=1)
    closed_on: date
    successor_unit_id: str | None = None


class ChangeFormationBody(Body):
    formasi: int = Field(ge=0)
    reason: str = Field(min_length=1, description="e.g. the ABK (workload analysis) it follows")
    effective_date: date | None = None


class ChangeStatusBody(Body):
    status: EmployeeStatus
    since: date
    reason: str = ""


class ChangeGradeBody(Body):
    grade: str = Field(examples=["III/c"])
    tmt: date
    sk_number: str | None = None


def _written(
    response: Response,
    recorded: list[Recorded],
    stream_id: str = "",
    *,
    location: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The answer to a command; `events` is empty when it changed nothing. Its `version`
    (also the `ETag`) is what a read by id waits for with `min_version`."""
    answer_written(response, recorded[-1].version if recorded else None, location)
    return {
        "stream_id": recorded[-1].stream_id if recorded else stream_id,
        "version": recorded[-1].version if recorded else None,
        "events": [r.envelope.type for r in recorded],
        **extra,
    }


@router.post("/units", status_code=201, summary="Register a unit (OPD, UPT, school, RSUD)")
async def register_unit(
    response: Response,
    body: RegisterUnitBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Register a unit of the province (UnitRegistered); 409 if the id is taken."""
    recorded = await commands.register_unit(d, RegisterUnit(**body.model_dump()), cause)
    return _written(response, recorded, location=f"/units/{body.unit_id}", unit_id=body.unit_id)


@router.post("/units/{unit_id}/rename", summary="Rename a unit")
async def rename_unit(
    response: Response,
    unit_id: IdPath,
    body: RenameUnitBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Give a unit its new name (UnitRenamed); the history keeps the old one."""
    recorded = await commands.rename_unit(d, RenameUnit(unit_id, body.name), cause)
    return _written(response, recorded, unit_stream(unit_id), unit_id=unit_id)


@router.post("/units/{unit_id}/move", summary="Place a unit under another parent or region")
async def move_unit(
    response: Response,
    unit_id: IdPath,
    body: MoveUnitBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Place a unit under another parent unit or in another region (UnitMoved)."""
    command = MoveUnit(unit_id, body.parent_unit_id, body.region)
    recorded = await commands.move_unit(d, command, cause)
    return _written(response, recorded, unit_stream(unit_id), unit_id=unit_id)


@router.post("/units/{unit_id}/close", summary="Close a unit")
async def close_unit(
    response: Response,
    unit_id: IdPath,
    body: CloseUnitBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Close a unit on a date, naming its successor (UnitClosed); its posts stay on record."""
    command = CloseUnit(unit_id, body.reason, body.closed_on, body.successor_unit_id)
    recorded = await commands.close_unit(d, command, cause)
    return _written(response, recorded, unit_stream(unit_id), unit_id=unit_id)


@router.post("/positions", status_code=201, summary="Establish a post with its formasi")
async def establish_position(
    response: Response,
    body: EstablishPositionBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Establish a post in a unit with its formasi (PositionEstablished)."""
    data = body.model_dump()
    data["required_education_levels"] = tuple(data["required_education_levels"])
    data["required_education_fields"] = tuple(data["required_education_fields"])
    recorded = await commands.establish_position(d, EstablishPosition(**data), cause)
    return _written(response, recorded, position_id=body.position_id)


@router.post(
    "/positions/{position_id}/formation", summary="Change the formasi of a post, with a reason"
)
async def change_formation(
    response: Response,
    position_id: IdPath,
    body: ChangeFormationBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Change how many holders a post may have, with the reason (FormationChanged)."""
    command = ChangeFormation(position_id, body.formasi, body.reason, body.effective_date)
    recorded = await commands.change_formation(d, command, cause)
    return _written(response, recorded, position_stream(position_id), position_id=position_id)


@router.get("/positions", summary="Posts with formasi, bezetting and gap")
async def list_positions(
    unit_id: IdQuery = None, pool: asyncpg.Pool = Depends(pool)
) -> list[dict[str, Any]]:
    """Every post (of one unit, with `unit_id`) with its formasi, bezetting and gap."""
    return await read_models.positions(pool, unit_id=unit_id)


@router.post("/employees", status_code=201, summary="Register an employee (ASN)")
async def register_employee(
    response: Response,
    body: RegisterEmployeeBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Register an employee (EmployeeRegistered); personal fields are sealed with
    the employee's data key. 409 if the NIP is registered already."""
    command = RegisterEmployee(
        nip=body.nip,
        name=body.name,
        gender=body.gender,
        birth_date=body.birth_date,
        grade=body.grade,
        unit_id=body.unit_id,
        position_id=body.position_id,
        tmt_position=body.tmt_position,
        status=body.status,
        education=tuple(body.education),
        competencies=tuple(body.competencies),
        contact=body.contact.to_contact() if body.contact else Contact(),
    )
    recorded = await commands.register_employee(d, command, cause)
    return _written(response, recorded, location=f"/employees/{body.nip}", nip=body.nip)


@router.post("/employees/{nip}/status", summary="Change an employee's status")
async def change_status(
    response: Response,
    nip: NipPath,
    body: ChangeStatusBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Record an employee's new status from a date (EmployeeStatusChanged)."""
    command = ChangeStatus(nip, body.status, body.since, body.reason)
    return _written(
        response,
        await commands.change_employee(d, command, cause),
        employee_stream(nip),
        nip=nip,
    )


@router.post("/employees/{nip}/grade", summary="Give an employee another golongan/ruang")
async def change_grade(
    response: Response,
    nip: NipPath,
    body: ChangeGradeBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Record a new golongan/ruang with its TMT and SK (EmployeeGradeChanged)."""
    command = ChangeGrade(nip, body.grade, body.tmt, body.sk_number)
    return _written(
        response,
        await commands.change_employee(d, command, cause),
        employee_stream(nip),
        nip=nip,
    )


@router.put("/employees/{nip}/education", summary="Replace an employee's education history")
async def update_education(
    response: Response,
    nip: NipPath,
    body: list[Education],
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Replace the employee's education history (EmployeeEducationUpdated)."""
    command = UpdateEducation(nip, tuple(body))
    return _written(
        response,
        await commands.change_employee(d, command, cause),
        employee_stream(nip),
        nip=nip,
    )


@router.put("/employees/{nip}/competencies", summary="Replace an employee's competencies")
async def update_competencies(
    response: Response,
    nip: NipPath,
    body: Competencies,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Replace the employee's competencies (EmployeeCompetenciesUpdated)."""
    command = UpdateCompetencies(nip, tuple(body))
    return _written(
        response,
        await commands.change_employee(d, command, cause),
        employee_stream(nip),
        nip=nip,
    )


class RelativeIn(Body):
    nip: Nip
    relation: Relation = Field(description="SPOUSE, PARENT, CHILD, SIBLING or IN_LAW")


class RelativesBody(Body):
    relatives: list[RelativeIn] = Field(default_factory=list, max_length=50)


@router.put(
    "/employees/{nip}/relatives",
    summary="Replace an employee's relatives in the civil service (conflict-of-interest registry)",
)
async def declare_relatives(
    response: Response,
    nip: NipPath,
    body: RelativesBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Record who in the civil service is related to the employee (EmployeeRelativesDeclared,
    the whole list): none of them may propose, review, decide or decree a transfer of the
    employee, nor head the unit they are moved to."""
    command = DeclareRelatives(nip, tuple((r.nip, r.relation) for r in body.relatives), cause.actor)
    return _written(
        response,
        await commands.change_employee(d, command, cause),
        employee_stream(nip),
        nip=nip,
    )


@router.put("/employees/{nip}/contact", summary="Replace an employee's contact details")
async def change_contact(
    response: Response,
    nip: NipPath,
    body: ContactBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Replace the employee's contact details, sealed with their data key
    (EmployeeContactChanged); 409 once their personal data is erased."""
    command = ChangeContact(nip, body.to_contact())
    return _written(
        response,
        await commands.change_employee(d, command, cause),
        employee_stream(nip),
        nip=nip,
    )


class ErasureBody(Body):
    reason: str = Field(
        min_length=1,
        max_length=500,
        description="why, e.g. the legal basis of the request (UU 27/2022)",
        examples=["permintaan penghapusan oleh pegawai (UU 27/2022 Pasal 8)"],
    )


@router.post(
    "/employees/{nip}/personal-data/erasure",
    summary="Erase an employee's personal data (crypto-shredding)",
    description="Deletes the employee's data key: their birth date, gender and contact "
    "details become unreadable in every event, topic and replay, here and in every other "
    "service; the decisions about them stay on record. Cannot be undone; later contact "
    "changes are refused (409).",
)
async def erase_personal_data(
    response: Response,
    nip: NipPath,
    body: ErasureBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    recorded = await commands.erase_personal_data(d, nip, body.reason, cause)
    erased = recorded[-1].event
    return _written(
        response,
        recorded,
        employee_stream(nip),
        nip=nip,
        key_id=getattr(erased, "key_id", None),
        erased_at=getattr(erased, "erased_at", None),
    )


@router.get("/employees", summary="Search employees (paginated)")
async def search_employees(
    unit_id: IdQuery = None,
    agency_id: IdQuery = None,
    education_field: SearchQuery = None,
    education_level: EducationLevel | None = None,
    grade: str | None = Query(None, pattern=GRADE_PATTERN, examples=["III/a"]),
    status: EmployeeStatus | None = None,
    min_years_in_post: float | None = Query(None, ge=0),
    max_years_in_post: float | None = Query(None, ge=0),
    as_of: DateQuery = None,
    page: int = Query(1, ge=1, le=INT_MAX),
    page_size: int = Query(50, ge=1, le=500),
    pool: asyncpg.Pool = Depends(pool),
    vault: PersonalDataVault = Depends(personal_data_vault),
    access: Access = Depends(authorize),
    d: Deps = Depends(deps),
) -> dict[str, Any]:
    """Employees matching every given filter, a page at a time; an evaluator
    searches the employees of their own units only."""
    if access.units is not None:  # an evaluator searches the people of their units only
        if unit_id is not None and unit_id not in access.units:
            raise Forbidden("this unit is not one you are responsible for")
        if unit_id is None:
            if len(access.units) != 1:
                raise Forbidden("name one of your units (unit_id) to search its employees")
            unit_id = next(iter(access.units))
    query = read_models.EmployeeSearch(
        unit_id=unit_id,
        agency_id=agency_id,
        education_field=education_field,
        education_level=education_level,
        grade=grade,
        status=status,
        min_years_in_post=min_years_in_post,
        max_years_in_post=max_years_in_post,
        as_of=as_of or d.clock.today(),
        page=page,
        page_size=page_size,
    )
    return await read_models.search_employees(pool, query, vault)


@router.get(
    "/employees/{nip}",
    summary="One employee with the history of posts and units",
    dependencies=[Depends(consistent_read("employees", employee_stream, param="nip"))],
)
async def get_employee(
    nip: NipPath,
    pool: asyncpg.Pool = Depends(pool),
    vault: PersonalDataVault = Depends(personal_data_vault),
    access: Access = Depends(authorize),
) -> dict[str, Any]:
    """One employee with the history of their posts and units (read your writes:
    `min_version`, the `version` a command on the employee answered)."""
    found = await read_models.employee(pool, nip, vault)
    if found is None:
        raise NotFound(f"no employee with NIP {nip} (or not projected yet)")
    access.require_unit([found.get("unit_id")])
    return found


@router.get("/units", summary="Units of the province (the organisation tree, flat)")
async def list_units(
    kind: UnitKind | None = None,
    region: SearchQuery = None,
    parent_unit_id: IdQuery = None,
    pool: asyncpg.Pool = Depends(pool),
) -> list[dict[str, Any]]:
    """Every unit, flat, filtered by kind, region or parent."""
    return await read_models.units(pool, kind=kind, region=region, parent_unit_id=parent_unit_id)


@router.get("/units/tree", summary="The organisation tree: agencies and the units under them")
async def units_tree(
    include_closed: bool = False, pool: asyncpg.Pool = Depends(pool)
) -> list[dict[str, Any]]:
    """The organisation tree: each agency with the units under it (closed ones on
    request)."""
    units = await read_models.units(pool)
    return build_tree([u for u in units if include_closed or not u["closed"]])


def build_tree(units: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Nest units under their parents; a unit whose parent is absent becomes a root."""
    nodes = {
        u["unit_id"]: {k: u[k] for k in ("unit_id", "name", "kind", "region")} | {"children": []}
        for u in units
    }
    roots = []
    for u in units:
        parent = nodes.get(u["parent_unit_id"] or "")
        (parent["children"] if parent else roots).append(nodes[u["unit_id"]])
    return roots


@router.get(
    "/units/{unit_id}",
    summary="One unit with its posts and the units under it",
    dependencies=[Depends(consistent_read("organisation", unit_stream, param="unit_id"))],
)
async def get_unit(unit_id: IdPath, pool: asyncpg.Pool = Depends(pool)) -> dict[str, Any]:
    """One unit with its posts and the units under it (read your writes: `min_version`)."""
    found = await read_models.unit(pool, unit_id)
    if found is None:
        raise NotFound(f"no unit {unit_id} (or not projected yet)")
    return found


@router.get("/staffing", summary="Formasi, bezetting and gap per unit and post")
async def staffing(
    unit_id: IdQuery = None,
    agency_id: IdQuery = None,
    region: SearchQuery = None,
    kind: UnitKind | None = None,
    title: str | None = Query(
        None, min_length=1, max_length=200, description="part of the post title, e.g. Matematika"
    ),
    only_gaps: bool = Query(False, description="only posts with a shortage or surplus"),
    pool: asyncpg.Pool = Depends(pool),
) -> list[dict[str, Any]]:
    """Formasi, bezetting and gap per unit and post, filtered; `only_gaps` for the
    posts short or over."""
    return await read_models.staffing(
        pool,
        unit_id=unit_id,
        agency_id=agency_id,
        region=region,
        kind=kind,
        title=title,
        only_gaps=only_gaps,
    )


@router.get("/staffing/summary", summary="Staffing rolled up by agency or by region")
async def staffing_summary(
    by: Literal["agency", "region"] = "agency", pool: asyncpg.Pool = Depends(pool)
) -> list[dict[str, Any]]:
    """Formasi, bezetting and gap rolled up by agency or by region."""
    return await read_models.staffing_rollup(pool, by=by)
