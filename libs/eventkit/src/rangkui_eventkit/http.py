"""HTTP chassis shared by the services: errors as readable JSON, correlation ids, the
acting user (from the verified bearer token), health and readiness, metrics."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from rangkui_eventkit.auth.dependencies import current_principal
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import DomainError, RuleViolated, http_status
from rangkui_eventkit.logging import get_logger

CORRELATION_HEADER = "X-Correlation-ID"
log = get_logger(__name__)


class CorrelationMiddleware(BaseHTTPMiddleware):
    """Take the caller's correlation id (or make one), bind it to logs, echo it back.

    Only a UUID is taken: the id goes into every event the request writes, i.e. into the
    audit trail, so free text from a client (a name, a NIK, a script) must not; anything
    else is replaced by a fresh UUID, which the response names."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        correlation_id = _as_uuid(request.headers.get(CORRELATION_HEADER)) or str(uuid.uuid4())
        request.state.correlation_id = correlation_id
        structlog.contextvars.bind_contextvars(correlation_id=correlation_id)
        try:
            response = await call_next(request)
        finally:
            structlog.contextvars.unbind_contextvars("correlation_id")
        response.headers[CORRELATION_HEADER] = correlation_id
        return response


def _as_uuid(value: str | None) -> str | None:
    """The value as a canonical UUID string, or None when it is not one."""
    if not value or len(value) > 45:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


async def request_cause(request: Request) -> Cause:
    """FastAPI dependency: who acts (the verified caller) and in which flow, for the events a
    command writes."""
    actor = (await current_principal(request)).actor
    correlation_id = getattr(request.state, "correlation_id", None) or str(uuid.uuid4())
    return Cause(actor=actor, correlation_id=correlation_id, causation_id=correlation_id)


def install_error_handlers(app: FastAPI) -> None:
    """Map typed errors to HTTP once: the body always says what went wrong, for a person."""

    @app.exception_handler(DomainError)
    async def _domain_error(_: Request, exc: DomainError) -> JSONResponse:
        body: dict[str, Any] = {"error": exc.code, "message": exc.message}
        if isinstance(exc, RuleViolated):
            body["rule"] = exc.rule
            if exc.pesan:
                body["message_en"] = exc.message_en
            if exc.legal_basis:
                body["legal_basis"] = exc.legal_basis
            body["violations"] = [v.as_dict() for v in exc.violations]
        if exc.details:
            body["details"] = exc.details
        return JSONResponse(status_code=http_status(exc), content=body, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {
                "field": ".".join(str(p) for p in err.get("loc", ()) if p != "body"),
                "message": err.get("msg", "invalid"),
            }
            for err in exc.errors()
        ]
        summary = "; ".join(f"{p['field'] or 'body'}: {p['message']}" for p in problems[:5])
        return JSONResponse(
            status_code=422,
            content={"error": "invalid_request", "message": summary, "problems": problems},
        )


ReadinessCheck = Callable[[], Awaitable[None]]


def health_router(checks: dict[str, ReadinessCheck]) -> APIRouter:
    """`/healthz`: the process answers. `/readyz`: every dependency answers (503 if not)."""
    router = APIRouter(tags=["operations"])

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz")
    async def readyz() -> JSONResponse:
        results: dict[str, str] = {}
        ok = True
        for name, check in checks.items():
            try:
                await asyncio.wait_for(check(), timeout=2.0)
                results[name] = "ok"
            except Exception as exc:
                ok = False
                results[name] = f"unavailable: {type(exc).__name__}: {exc}"[:300]
        return JSONResponse(
            status_code=200 if ok else 503,
            content={"status": "ready" if ok else "not_ready", "checks": results},
        )

    @router.get("/metrics", include_in_schema=False)
    async def metrics() -> PlainTextResponse:
        return PlainTextResponse(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router


async def kafka_reachable(bootstrap_servers: str) -> None:
    """Open (and close) a TCP connection to the first bootstrap server that answers."""
    last: Exception | None = None
    for server in bootstrap_servers.split(","):
        host, _, port = server.strip().rpartition(":")
        try:
            _, writer = await asyncio.open_connection(host or "127.0.0.1", int(port))
            writer.close()
            await writer.wait_closed()
            return
        except OSError as exc:
            last = exc
    raise ConnectionError(f"no Kafka bootstrap server answers: {last}")
