"""HTTP API for staffing needs: suggestions from shortages, confirmation, the dashboard,
closing, and the ranked, explained candidates of a need."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from rangkui_contracts.events.mutation import NeedPriority
from rangkui_eventkit.api_types import IdPath
from rangkui_eventkit.consistency import answer_written, consistent_read
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.limits import StrictBody
from rangkui_eventkit.problems import errors
from rangkui_mutation.adapters import candidates as candidate_queries
from rangkui_mutation.domain.need import need_stream_id
from rangkui_mutation.entrypoints.http import deps
from rangkui_mutation.service_layer import needs
from rangkui_mutation.service_layer.commands import Deps

router = APIRouter(prefix="/needs", tags=["staffing needs"])


class IdentifyBody(StrictBody):
    unit_id: str = Field(min_length=1)
    position_id: str = Field(min_length=1)
    count: int = Field(ge=1)
    reason: str = Field(min_length=1)
    priority: NeedPriority = "MEDIUM"
    required_competencies: list[str] = Field(default_factory=list)


class CloseBody(StrictBody):
    reason: str = Field(min_length=1)


class NeedView(BaseModel):
    need_id: str
    unit_id: str
    unit_name: str | None
    position_id: str
    title: str | None
    count: int
    filled: int
    share_fulfilled: float
    candidates_available: int | None
    reason: str
    priority: str
    status: str
    identified_by: str
    identified_at: datetime
    closed_reason: str | None


@router.get("/suggestions")
async def suggestions(
    title: str | None = Query(
        default=None, min_length=1, max_length=200, description="filter posts, e.g. 'Matematika'"
    ),
    d: Deps = Depends(deps),
) -> list[dict[str, Any]]:
    """Posts short of holders (formasi − bezetting − incoming transfers − open needs), the
    largest shortage first: what an operator confirms as needs."""
    return await candidate_queries.shortages(d.pool, title)


@router.post("", status_code=201, openapi_extra=errors(404))
async def identify(
    response: Response,
    body: IdentifyBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Confirm a need with a reason and priority (StaffingNeedIdentified)."""
    need_id = await needs.identify_need(
        d,
        unit_id=body.unit_id,
        position_id=body.position_id,
        count=body.count,
        reason=body.reason,
        priority=body.priority,
        required_competencies=tuple(body.required_competencies),
        cause=cause,
    )
    answer_written(response, 1, f"/needs/{need_id}")
    return {"need_id": need_id, "status": "OPEN", "version": 1}


@router.get("", response_model=list[NeedView])
async def dashboard(
    status: Literal["OPEN", "FULFILLED", "CLOSED", "ALL"] = "OPEN", d: Deps = Depends(deps)
) -> list[dict[str, Any]]:
    """The needs dashboard: open needs (or `status=` any), share fulfilled, candidates."""
    return await needs.dashboard(d, None if status == "ALL" else status)


@router.get(
    "/{need_id}",
    response_model=NeedView,
    dependencies=[Depends(consistent_read("need_board", need_stream_id, param="need_id"))],
)
async def get_need(need_id: IdPath, d: Deps = Depends(deps)) -> dict[str, Any]:
    """One staffing need with its progress (read your writes: `min_version`)."""
    found = await needs.dashboard(d, None, need_id)
    if not found:
        raise NotFound(f"unknown staffing need {need_id} (or not yet in the read model)")
    return found[0]


@router.post("/{need_id}/close")
async def close(
    response: Response,
    need_id: IdPath,
    body: CloseBody,
    d: Deps = Depends(deps),
    cause: Cause = Depends(request_cause),
) -> dict[str, Any]:
    """Close a need that will not be (fully) met, with the reason (StaffingNeedClosed).
    `version` is the need's version once closed (at least the one the close produced)."""
    version = await needs.close_need(d, need_id, reason=body.reason, cause=cause)
    answer_written(response, version)
    return {"need_id": need_id, "status": "CLOSED", "version": version}


@router.get("/{need_id}/candidates")
async def candidates(
    need_id: IdPath, limit: int = Query(default=20, ge=0, le=500), d: Deps = Depends(deps)
) -> dict[str, Any]:
    """Ranked candidates with each factor's points and explanation, and every excluded
    employee with the rule that excluded them."""
    found = await needs.rank_candidates(d, need_id, limit=limit)
    return {
        "need_id": need_id,
        "position_id": found.need.position_id,
        "eligible_count": found.result.eligible_count,
        "ranked": [asdict(r) for r in found.result.ranked],
        "excluded": [asdict(e) for e in found.result.excluded],
    }
