"""`/audit`: the audit query API and the chain check of one stream, over the service's own
event store (`request.app.state.service.pool`).

The service mounts this router and restricts it to the `auditor` role; the router itself
does not authorise. Invalid filters are refused with 422 and a message that names the field.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

import asyncpg
from fastapi import APIRouter, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field

from rangkui_eventkit.api_types import DATETIME_PATTERN, NIP_PATTERN, IsoDateTime
from rangkui_eventkit.audit.chain import verify_stream
from rangkui_eventkit.audit.query import MAX_LIMIT, AuditFilter, audit_events
from rangkui_eventkit.errors import NotFound

_NIP = re.compile(r"[0-9]{18}")
_MAX_POSITION = 2**63 - 1
_TEXT = 200  # longest identifier accepted in a filter


class AuditEvent(BaseModel):
    position: int
    stream_id: str
    version: int
    event_id: str
    type: str
    recorded_at: datetime
    source: str | None
    actor: str | None
    correlation_id: str | None
    causation_id: str | None
    data: dict[str, Any]
    masked: list[str] = Field(
        default_factory=list,
        description="dotted paths of personal fields this (older) event holds in plaintext, "
        "shown as null: an audit follows decisions, not personal data",
    )
    hash: str
    prev_hash: str | None


class AuditEventsPage(BaseModel):
    events: list[AuditEvent]
    next_after: int | None


class ChainProblem(BaseModel):
    kind: str
    stream_id: str
    version: int | None
    position: int | None
    detail: str


class StreamVerification(BaseModel):
    stream_id: str
    ok: bool
    events: int
    problems: list[ChainProblem]


def _invalid(field: str, message: str, where: str = "query") -> RequestValidationError:
    return RequestValidationError(
        [{"loc": (where, field), "msg": message, "type": "value_error", "input": None}]
    )


def _text(field: str, value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise _invalid(field, "must not contain a NUL character")
    return value


def _utc(field: str, value: datetime | None) -> datetime | None:
    """In UTC; a time without offset is read as UTC."""
    if value is None:
        return None
    try:
        return value.astimezone(UTC) if value.tzinfo is not None else value.replace(tzinfo=UTC)
    except OverflowError:
        raise _invalid(field, "is outside the supported range of dates") from None


def _pool(request: Request) -> asyncpg.Pool:
    pool: asyncpg.Pool | None = request.app.state.service.pool
    if pool is None:
        raise RuntimeError("the service has no database pool (not started)")
    return pool


Text = Annotated[str | None, Query(max_length=_TEXT)]


def audit_router() -> APIRouter:
    """`GET /audit/events` and `GET /audit/streams/{stream_id}/verify`."""
    router = APIRouter(prefix="/audit", tags=["audit"])

    @router.get("/events", response_model=AuditEventsPage)
    async def events(
        request: Request,
        nip: Annotated[
            str | None,
            Query(pattern=NIP_PATTERN, description="every event of every stream naming this NIP"),
        ] = None,
        mutation_id: Annotated[
            str | None,
            Query(max_length=_TEXT, description="every event of this transfer"),
        ] = None,
        stream_id: Text = None,
        actor: Annotated[
            str | None, Query(max_length=_TEXT, description="who took the decision")
        ] = None,
        recorded_from: Annotated[
            datetime | None,
            IsoDateTime,
            Query(
                alias="from",
                json_schema_extra={"pattern": DATETIME_PATTERN},
                description="recorded at or after (no offset: UTC)",
            ),
        ] = None,
        recorded_to: Annotated[
            datetime | None,
            IsoDateTime,
            Query(
                alias="to",
                json_schema_extra={"pattern": DATETIME_PATTERN},
                description="recorded before (no offset: UTC)",
            ),
        ] = None,
        event_type: Annotated[
            str | None,
            Query(max_length=_TEXT, description="CloudEvents type, e.g. rangkui.x.Y.v1"),
        ] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        after: Annotated[
            int, Query(ge=0, le=_MAX_POSITION, description="the previous page's next_after")
        ] = 0,
    ) -> AuditEventsPage:
        """Events in position order, a page at a time; filters combine."""
        if nip is not None and not _NIP.fullmatch(nip):
            raise _invalid("nip", "a NIP is exactly 18 digits")
        start, end = _utc("from", recorded_from), _utc("to", recorded_to)
        if start is not None and end is not None and start > end:
            raise _invalid("from", "the period's start ('from') is after its end ('to')")
        f = AuditFilter(
            nip=nip,
            mutation_id=_text("mutation_id", mutation_id),
            stream_id=_text("stream_id", stream_id),
            actor=_text("actor", actor),
            event_type=_text("event_type", event_type),
            recorded_from=start,
            recorded_to=end,
            after=after,
            limit=limit,
        )
        page = await audit_events(_pool(request), f)
        return AuditEventsPage.model_validate(
            {"events": page.events, "next_after": page.next_after}
        )

    @router.get("/streams/{stream_id}/verify", response_model=StreamVerification)
    async def verify_one(
        request: Request, stream_id: Annotated[str, Path(max_length=_TEXT)]
    ) -> StreamVerification:
        """The hash-chain check of one stream (see `rangkui-audit verify` for all of them)."""
        if "\x00" in stream_id:
            raise _invalid("stream_id", "must not contain a NUL character", "path")
        async with _pool(request).acquire() as conn:
            report = await verify_stream(conn, stream_id)
        if report.events == 0:
            raise NotFound(f"stream {stream_id} has no events")
        return StreamVerification(
            stream_id=stream_id,
            ok=report.ok,
            events=report.events,
            problems=[
                ChainProblem.model_validate(p, from_attributes=True) for p in report.problems
            ],
        )

    return router
