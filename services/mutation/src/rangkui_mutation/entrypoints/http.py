"""HTTP API of the mutation service: one command per lifecycle step (the acting user is the
caller of the verified bearer token), and queries on the read models."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from rangkui_contracts.events.common import Nip
from rangkui_contracts.events.mutation import (
    DocumentItem,
    MutationKind,
    PolicyApplied,
    PolicyValues,
)
from rangkui_eventkit.api_types import DateQuery, IdPath, IdQuery, NipPath
from rangkui_eventkit.auth import Access, Role, authorize
from rangkui_eventkit.consistency import answer_written, consistent_read
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.limits import StrictBody
from rangkui_eventkit.problems import errors
from rangkui_eventkit.store import Recorded
from rangkui_mutation.adapters import read_models
from rangkui_mutation.domain.mutation import (
    STATUS_AFTER,
    AcknowledgeMutation,
    CancelMutation,
    CheckDocuments,
    RejectMutation,
    ResolveObjection,
    ReviewMutation,
    SocializeMutation,
    stream_id,
)
from rangkui_mutation.domain.policy import POLICY_STREAM, in_force, policy_decider, process_policy
from rangkui_mutation.domain.rules import rule_error
from rangkui_mutation.entrypoints.access import DECIDERS, EMPLOYEE
from rangkui_mutation.service_layer import commands, objections, policy
from rangkui_mutation.service_layer.commands import Deps

router = APIRouter(tags=["transfers"])


def deps(request: Request) -> Deps:
    return request.app.state.service.deps


class Body(StrictBody):
    """Unknown fields, endless text and lists, implausible dates: 422 (see StrictBody)."""


class ProposeBody(Body):
    nip: Nip
    to_unit_id: str = Field(min_length=1)
    to_position_id: str = Field(min_length=1)
    kind: MutationKind
    reason: str = Field(min_length=1)
    need_id: str | None = None
    related_persons: list[str] = Field(
        default_factory=list, description="users related to the employee (may not decide)"
    )
    minister_approval_ref: str | None = Field(
        default=None, description="number of the Minister's approval letter inside a blackout"
    )
    minister_approval_date: date | None = Field(
        default=None, description="date of the Minister's approval letter (with its number)"
    )


class ApproveBody(Body):
    reasons: str = ""
    min_years_exception: str | None = Field(
        default=None, description="PPK's justification for waiving the minimum years in post"
    )
    minister_approval_ref: str | None = Field(
        default=None, description="number of the Minister's approval letter inside a blackout"
    )
    minister_approval_date: date | None = Field(
        default=None, description="date of the Minister's approval letter (with its number)"
    )
    fit_override: str | None = Field(
        default=None,
        description="the PPK's written reasons to approve although the employee's education "
        "does not meet the post's requirement (recorded on the decision)",
    )


class ReasonsBody(Body):
    reasons: str = Field(min_length=1)


class ReasonBody(Body):
    reason: str = Field(min_length=1)


class DecreeBody(Body):
    sk_number: str = Field(min_length=1, description="unique in the province")
    sk_date: date = Field(description="the day the SK was signed; not in the future")
    tmt: date = Field(description="on or after sk_date, unless policy allows a retroactive TMT")
    retroactive_reason: str | None = Field(
        default=None, description="why the TMT precedes the SK date (within the policy's cap)"
    )
    minister_approval_ref: str | None = Field(
        default=None, description="the Minister's approval when the SK date is in a blackout"
    )
    minister_approval_date: date | None = Field(
        default=None, description="date of the Minister's approval letter (with its number)"
    )


class CancelBody(Body):
    reason: str = Field(min_length=1)
    cancelling_sk_number: str | None = Field(
        default=None, description="the cancelling decree (required once the transfer is decreed)"
    )
    cancelling_sk_date: date | None = None


class DocumentsBody(Body):
    items: list[DocumentItem]


class ReviewBody(Body):
    recommended: bool
    notes: str = ""
    members_present: list[str] = Field(
        default_factory=list,
        description="TPK members present at the meeting (user ids; the caller counts as one)",
    )
    berita_acara_ref: str = Field(
        default="", description="reference of the meeting's minutes (berita acara); required"
    )


class SocializeBody(Body):
    message: str = Field(min_length=1, description="why the employee is being transferred")


class ResolveBody(Body):
    upheld: bool
    reasons: str = Field(min_length=1)


class CommandResult(BaseModel):
    mutation_id: str
    status: str
    version: int
    events: list[str]


class TimelineStep(BaseModel):
    version: int
    step: str
    event_type: str
    actor: str
    at: datetime
    reason: str | None
    details: dict[str, Any]


class MutationView(BaseModel):
    mutation_id: str
    nip: str
    from_unit_id: str
    from_position_id: str
    to_unit_id: str
    to_position_id: str
    kind: str
    reason: str
    need_id: str | None
    status: str
    proposed_by: str
    proposed_at: datetime
    status_since: datetime
    sk_number: str | None
    sk_date: date | None
    tmt: date | None
    decree_id: str | None = Field(default=None, description="the decree listing it, if any")
    version: int
    timeline: list[TimelineStep] = Field(default_factory=list)


class MutationPage(BaseModel):
    """One page of transfers (newest proposal first), and how many match in all."""

    items: list[MutationView]
    total: int
    limit: int
    offset: int


def _result(response: Response, mutation_id: str, recorded: list[Recorded]) -> CommandResult:
    """The answer to a step: the version it produced is also the `ETag`, what
    `GET /mutations/{mutation_id}?min_version=` waits for."""
    last = recorded[-1]
    answer_written(response, last.version)
    return CommandResult(
        mutation_id=mutation_id,
        status=STATUS_AFTER[type(last.event)].value,
        version=last.version,
        events=[type(r.event).event_name() for r in recorded],
    )


@router.post("/mutations", status_code=201, response_model=CommandResult, openapi_extra=errors(404))
async def propose(
    response: Response,
    body: ProposeBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
    access: Access = Depends(authorize),
) -> CommandResult:
    """Propose a transfer (MutationProposed); the origin post is the employee's current one.
    An employee may propose only their own (as an OWN_REQUEST; the domain checks the kind)."""
    access.require_person(body.nip)
    mutation_id = await commands.propose_mutation(
        d,
        nip=body.nip,
        to_unit_id=body.to_unit_id,
        to_position_id=body.to_position_id,
        kind=body.kind,
        reason=body.reason,
        need_id=body.need_id,
        related_persons=tuple(body.related_persons),
        minister_approval_ref=body.minister_approval_ref,
        minister_approval_date=body.minister_approval_date,
        cause=cause,
    )
    answer_written(response, 1, f"/mutations/{mutation_id}")
    return CommandResult(
        mutation_id=mutation_id, status="PROPOSED", version=1, events=["MutationProposed"]
    )


@router.post("/mutations/{mutation_id}/documents", response_model=CommandResult)
async def check_documents(
    response: Response,
    mutation_id: IdPath,
    body: DocumentsBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> CommandResult:
    """Record the document checklist (MutationDocumentsChecked)."""
    command = CheckDocuments(items=tuple(body.items), actor=cause.actor)
    return _result(
        response, mutation_id, await commands.run_command(d, mutation_id, command, cause)
    )


@router.post("/mutations/{mutation_id}/review", response_model=CommandResult)
async def review(
    response: Response,
    mutation_id: IdPath,
    body: ReviewBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> CommandResult:
    """Record the TPK's recommendation (MutationReviewed)."""
    command = ReviewMutation(
        recommended=body.recommended,
        notes=body.notes,
        actor=cause.actor,
        members_present=tuple(body.members_present),
        berita_acara_ref=body.berita_acara_ref,
        policy=d.settings.process_policy(),
    )
    return _result(
        response, mutation_id, await commands.run_command(d, mutation_id, command, cause)
    )


@router.post("/mutations/{mutation_id}/approve", response_model=CommandResult)
async def approve(
    response: Response,
    mutation_id: IdPath,
    body: ApproveBody | None = None,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> CommandResult:
    """The PPK approves (MutationApproved), if the target post has a free place and the
    rules allow it."""
    body = body or ApproveBody()
    recorded = await commands.approve_mutation(
        d,
        mutation_id,
        cause=cause,
        reasons=body.reasons,
        min_years_exception=body.min_years_exception,
        minister_approval_ref=body.minister_approval_ref,
        minister_approval_date=body.minister_approval_date,
        fit_override=body.fit_override,
    )
    return _result(response, mutation_id, recorded)


@router.post("/mutations/{mutation_id}/reject", response_model=CommandResult)
async def reject(
    response: Response,
    mutation_id: IdPath,
    body: ReasonsBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> CommandResult:
    """The PPK rejects, with reasons (MutationRejected)."""
    command = RejectMutation(
        actor=cause.actor, reasons=body.reasons, policy=d.settings.process_policy()
    )
    return _result(
        response, mutation_id, await commands.run_command(d, mutation_id, command, cause)
    )


@router.post("/mutations/{mutation_id}/socialize", response_model=CommandResult)
async def socialize(
    response: Response,
    mutation_id: IdPath,
    body: SocializeBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> CommandResult:
    """The employee is told why (MutationSocialized)."""
    command = SocializeMutation(
        actor=cause.actor,
        message=body.message,
        today=d.clock.today(),
        policy=d.settings.process_policy(),
    )
    return _result(
        response, mutation_id, await commands.run_command(d, mutation_id, command, cause)
    )


def _own_nip(access: Access) -> str:
    """Who acts on their own transfer: the NIP the identity provider vouches for (the token's
    `nip` claim), never a user name that merely looks like one."""
    if not access.principal.nip:
        raise rule_error("token_without_nip")
    return access.principal.nip


@router.post("/mutations/{mutation_id}/acknowledge", response_model=CommandResult)
async def acknowledge(
    response: Response,
    mutation_id: IdPath,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
    access: Access = Depends(authorize),
) -> CommandResult:
    """The employee (the caller's NIP) acknowledges (MutationAcknowledged)."""
    command = AcknowledgeMutation(actor=_own_nip(access))
    return _result(
        response, mutation_id, await commands.run_command(d, mutation_id, command, cause)
    )


@router.post("/mutations/{mutation_id}/object", response_model=CommandResult)
async def object_to(
    response: Response,
    mutation_id: IdPath,
    body: ReasonBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
    access: Access = Depends(authorize),
) -> CommandResult:
    """The employee (the caller's NIP) objects, with a reason (MutationObjected), which is
    recorded sealed with their data key (409 while this service does not hold it)."""
    recorded = await objections.object_to_mutation(
        d, mutation_id, actor=_own_nip(access), reason=body.reason, cause=cause
    )
    return _result(response, mutation_id, recorded)


@router.post("/mutations/{mutation_id}/objection/resolve", response_model=CommandResult)
async def resolve_objection(
    response: Response,
    mutation_id: IdPath,
    body: ResolveBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
    access: Access = Depends(authorize),
) -> CommandResult:
    """The PPK upholds the objection (the transfer is cancelled) or dismisses it; the BKD
    may not decide it."""
    command = ResolveObjection(
        actor=cause.actor,
        upheld=body.upheld,
        reasons=body.reasons,
        by_ppk=Role.PPK in access.roles,
    )
    return _result(
        response, mutation_id, await commands.run_command(d, mutation_id, command, cause)
    )


@router.post("/mutations/{mutation_id}/decree", response_model=CommandResult)
async def decree(
    response: Response,
    mutation_id: IdPath,
    body: DecreeBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> CommandResult:
    """The decree (SK) is issued (MutationDecreed) once the employee acknowledged, their
    objection was dismissed or the objection window closed; the scheduler makes the transfer
    effective on its TMT."""
    recorded = await commands.decree_mutation(
        d,
        mutation_id,
        cause=cause,
        sk_number=body.sk_number,
        sk_date=body.sk_date,
        tmt=body.tmt,
        retroactive_reason=body.retroactive_reason,
        minister_approval_ref=body.minister_approval_ref,
        minister_approval_date=body.minister_approval_date,
    )
    return _result(response, mutation_id, recorded)


@router.post("/mutations/{mutation_id}/cancel", response_model=CommandResult)
async def cancel(
    response: Response,
    mutation_id: IdPath,
    body: CancelBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
    access: Access = Depends(authorize),
) -> CommandResult:
    """Cancel, with a reason, at any step before effective (MutationCancelled); a decreed
    transfer only by the PPK, with the cancelling decree."""
    command = CancelMutation(
        actor=cause.actor,
        reason=body.reason,
        by_ppk=Role.PPK in access.roles,
        cancelling_sk_number=body.cancelling_sk_number,
        cancelling_sk_date=body.cancelling_sk_date,
    )
    return _result(
        response, mutation_id, await commands.run_command(d, mutation_id, command, cause)
    )


@router.post("/mutations/{mutation_id}/release", response_model=CommandResult)
async def release(
    response: Response,
    mutation_id: IdPath,
    body: ReasonBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> CommandResult:
    """Release a transfer held on its TMT (MutationReleased) once its guards pass again;
    it then takes effect on the scheduler's next tick."""
    recorded = await commands.release_hold(d, mutation_id, cause=cause, reason=body.reason)
    return _result(response, mutation_id, recorded)


@router.get(
    "/mutations/{mutation_id}",
    response_model=MutationView,
    dependencies=[Depends(consistent_read("mutation_board", stream_id, param="mutation_id"))],
)
async def get_mutation(
    mutation_id: IdPath, d: Deps = Depends(deps), access: Access = Depends(authorize)
) -> dict[str, Any]:
    """One transfer with its step and full timeline (who, when, why)."""
    found = await read_models.mutation(d.pool, mutation_id)
    if found is None:
        raise NotFound(f"unknown transfer {mutation_id} (or not yet in the read model)")
    access.require_person(found.get("nip"))
    if not access.principal.has_any(_OPENS_PERSONAL_DATA):
        return objections.sealed_reasons(found)  # an integration client: sealed only
    return await objections.open_reasons(d, found)


# Who reads an objection's reason opened: the officials who decide on it, the auditor, and
# the employee it is about (their own only, by the access table). A provincial system that
# integrates over the API is no party to it: it gets the reason sealed, as on the topic.
_OPENS_PERSONAL_DATA = frozenset({*DECIDERS, EMPLOYEE})


class EmployeeView(BaseModel):
    nip: str
    name: str
    status: str
    grade: str
    unit_id: str
    position_id: str
    tmt_position: date
    years_in_post: float
    education: list[dict[str, Any]]
    competencies: list[str]


@router.get("/employees/{nip}", response_model=EmployeeView)
async def get_employee(nip: NipPath, d: Deps = Depends(deps)) -> dict[str, Any]:
    """The employee as this service knows them (from personnel's events: eventually
    consistent with personnel, see docs/api.md)."""
    found = await read_models.employee(d.pool, nip)
    if found is None:
        raise NotFound(f"unknown employee {nip} (or not yet in the read model)")
    years = round((d.clock.today() - found["tmt_position"]).days / 365.25, 2)
    return {**found, "years_in_post": years}


@router.get("/employees/{nip}/mutations", response_model=list[MutationView])
async def employee_history(nip: NipPath, d: Deps = Depends(deps)) -> list[dict[str, Any]]:
    """An employee's transfers, oldest first."""
    return await read_models.transfer_history(d.pool, nip)


@router.get("/pipeline")
async def pipeline(
    unit_id: IdQuery = None, kind: MutationKind | None = None, d: Deps = Depends(deps)
) -> list[dict[str, Any]]:
    """The pipeline board: transfers per step, by target unit and kind, with age in step."""
    return await read_models.pipeline(d.pool, unit_id=unit_id, kind=kind)


@router.get("/mutations", response_model=MutationPage)
async def list_mutations(
    status: Annotated[str | None, Query(max_length=40, description="a step, e.g. DECREED")] = None,
    unit_id: IdQuery = None,
    decree_id: IdQuery = None,
    kind: MutationKind | None = None,
    nip: Annotated[str | None, Query(pattern=r"^\d{18}$", description="the employee")] = None,
    proposed_from: DateQuery = None,
    proposed_to: DateQuery = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    d: Deps = Depends(deps),
) -> MutationPage:
    """Transfers page by page, newest proposal first: by step, by unit (origin or target),
    by decree, kind, employee and the days proposed (inclusive). Each as the board shows it
    (the timeline comes with the single transfer)."""
    total, rows = await read_models.mutations_page(
        d.pool,
        status=status,
        unit_id=unit_id,
        decree_id=decree_id,
        kind=kind,
        nip=nip,
        proposed_from=proposed_from,
        proposed_to=proposed_to,
        limit=limit,
        offset=offset,
        timezone=d.settings.timezone,
    )
    items = [MutationView.model_validate(r) for r in rows]
    return MutationPage(items=items, total=total, limit=limit, offset=offset)


class PolicyChangeBody(Body):
    values: PolicyValues
    effective_from: date = Field(description="the first decision day it applies to; not past")
    basis: str = Field(min_length=1, max_length=500, description="the regulation behind it")


class PolicyChangeView(BaseModel):
    number: int
    effective_from: date
    basis: str
    values: PolicyValues


class PolicyView(BaseModel):
    in_force: PolicyApplied = Field(description="the policy a decision taken today applies")
    changes: list[PolicyChangeView] = Field(description="every change recorded, oldest first")


@router.post("/policy", status_code=201, response_model=PolicyView)
async def change_policy(
    response: Response,
    body: PolicyChangeBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> PolicyView:
    """Change the transfer policy from a date on (MutationPolicyChanged), without a restart:
    decisions on or after `effective_from` apply these values and record them."""
    recorded = await policy.change_policy(d, body.values, body.effective_from, body.basis, cause)
    answer_written(response, recorded[-1].version, "/policy")
    return await show_policy(d)


@router.get("/policy", response_model=PolicyView)
async def show_policy(d: Deps = Depends(deps)) -> PolicyView:
    """The policy in force today and every recorded change (scheduled ones included)."""
    records = await d.pipeline.store.load(POLICY_STREAM)
    history = policy_decider.fold([r.event for r in records])
    change = in_force(history, d.clock.today())
    applied = (
        d.settings.process_policy().applied
        if change is None
        else process_policy(change.values, change).applied
    )
    assert applied is not None
    return PolicyView(
        in_force=applied,
        changes=[
            PolicyChangeView(
                number=c.number, effective_from=c.effective_from, basis=c.basis, values=c.values
            )
            for c in history.changes
        ],
    )
