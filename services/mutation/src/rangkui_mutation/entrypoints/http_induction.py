"""HTTP API for the induction after a decree: the swearing-in (pelantikan) and the SPMT, and
where a transfer's induction stands against its working-day deadline."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from rangkui_eventkit.api_types import IdPath
from rangkui_eventkit.context import Cause
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.limits import StrictBody
from rangkui_eventkit.problems import errors
from rangkui_mutation.domain.induction import (
    InductionState,
    RecordDutyTaken,
    RecordSwearingIn,
    induction_decider,
    induction_stream_id,
)
from rangkui_mutation.domain.rules import rule_error
from rangkui_mutation.entrypoints.http import deps
from rangkui_mutation.service_layer.commands import Deps
from rangkui_mutation.service_layer.induction import record_induction_step

router = APIRouter(prefix="/mutations/{mutation_id}", tags=["induction"])


class SwearingInBody(StrictBody):
    sworn_in_on: date
    place: str = Field(min_length=1, max_length=300)
    official_name: str = Field(min_length=1, max_length=200)
    official_post: str = Field(min_length=1, max_length=300)


class SpmtBody(StrictBody):
    spmt_number: str = Field(min_length=1, max_length=100)
    duty_from: date


class InductionView(BaseModel):
    mutation_id: str
    status: str = Field(description="DUE, OVERDUE, DONE or CANCELLED")
    due_by: date
    swearing_in_required: bool
    sworn_in_on: date | None
    duty_from: date | None
    spmt_number: str | None
    missing: list[str]
    basis: str


def _view(mutation_id: str, state: InductionState) -> InductionView:
    s = state.scheduled
    if s is None:
        raise rule_error("unknown_induction")
    return InductionView(
        mutation_id=mutation_id,
        status=state.status,
        due_by=s.due_by,
        swearing_in_required=s.swearing_in_required,
        sworn_in_on=state.sworn_in.sworn_in_on if state.sworn_in else None,
        duty_from=state.duty_taken.duty_from if state.duty_taken else None,
        spmt_number=state.duty_taken.spmt_number if state.duty_taken else None,
        missing=state.missing,
        basis=s.basis,
    )


async def _state(d: Deps, mutation_id: str) -> InductionState:
    return (await d.pipeline.state(induction_decider, induction_stream_id(mutation_id))).state


@router.get("/induction", response_model=InductionView, openapi_extra=errors(404))
async def get_induction(mutation_id: IdPath, d: Deps = Depends(deps)) -> InductionView:
    """The transfer's swearing-in and SPMT against their deadline (from its own stream)."""
    return _view(mutation_id, await _state(d, mutation_id))


@router.post("/swearing-in", response_model=InductionView, openapi_extra=errors(404, 409))
async def swearing_in(
    mutation_id: IdPath,
    body: SwearingInBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> InductionView:
    """Record the swearing-in to the new post (MutationSwornIn)."""
    command = RecordSwearingIn(
        cause.actor, body.sworn_in_on, body.place, body.official_name, body.official_post,
        d.clock.today(),
    )  # fmt: skip
    await record_induction_step(d, mutation_id, command, cause=cause)
    return _view(mutation_id, await _state(d, mutation_id))


@router.post("/spmt", response_model=InductionView, openapi_extra=errors(404, 409))
async def spmt(
    mutation_id: IdPath,
    body: SpmtBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> InductionView:
    """Record that the person took up the duty (MutationDutyTaken, the SPMT)."""
    command = RecordDutyTaken(cause.actor, body.spmt_number, body.duty_from, d.clock.today())
    await record_induction_step(d, mutation_id, command, cause=cause)
    return _view(mutation_id, await _state(d, mutation_id))
