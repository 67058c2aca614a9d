"""HTTP chassis shared by the services: errors as RFC 9457 problem details (503 with
`Retry-After` while a dependency is down), correlation ids, the acting user (from the
verified bearer token), health and readiness, metrics."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Literal, Protocol

import asyncpg
import structlog
from aiokafka.errors import KafkaError
from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.routing import APIRoute
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from rangkui_eventkit.api_types import PATTERN_MESSAGES
from rangkui_eventkit.auth.dependencies import current_principal
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import DomainError, RuleViolated, http_status
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.problems import (
    PROBLEM_MEDIA_TYPE,
    RETRY_AFTER_SECONDS,
    X_ERRORS,
    add_problem_responses,
    documented_statuses,
    problem_body,
)

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


OUTAGES: tuple[type[BaseException], ...] = (
    OSError,  # refused or timed-out connections (TimeoutError is one), to PostgreSQL or Kafka
    asyncpg.PostgresConnectionError,  # the connection broke mid-request
    asyncpg.exceptions.OperatorInterventionError,  # the server is shutting down or starting
    asyncpg.exceptions.InsufficientResourcesError,  # too many connections, disk full
    asyncpg.InterfaceError,  # "connection is closed", "pool is closing"
    KafkaError,
)
"""Exceptions that say a dependency is unreachable: answered 503 with `Retry-After`."""


def correlation_id_of(request: Request) -> str | None:
    return getattr(request.state, "correlation_id", None)


def problem_response(
    request: Request,
    status: int,
    error: str,
    detail: str,
    *,
    headers: Mapping[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    """An `application/problem+json` answer for `request` (see `rangkui_eventkit.problems`)."""
    correlation_id = correlation_id_of(request)
    body = problem_body(
        status,
        error,
        detail,
        instance=request.url.path,
        correlation_id=correlation_id,
        **extensions,
    )
    _check_documented(request, status)
    out = dict(headers or {})
    if status == 503:
        out.setdefault("Retry-After", str(RETRY_AFTER_SECONDS))
    if correlation_id:
        out[CORRELATION_HEADER] = correlation_id
    return JSONResponse(
        status_code=status, content=body, headers=out, media_type=PROBLEM_MEDIA_TYPE
    )


def _check_documented(request: Request, status: int) -> None:
    """Log (as an error: a defect to fix) an answer its operation does not document; the
    answer still goes out, but a generated client would have no type for it."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or status == 500:
        return
    app = request.app
    documented = getattr(app.state, "documented_statuses", None)
    if documented is None:
        documented = {
            (method.upper(), path): set(operation.get("responses", {}))
            for path, operations in app.openapi().get("paths", {}).items()
            for method, operation in operations.items()
        }
        app.state.documented_statuses = documented
    statuses = documented.get((request.method, route.path))
    if statuses is not None and str(status) not in statuses:
        log.error("http.undocumented_status", method=request.method, path=route.path, status=status)


def install_error_handlers(app: FastAPI) -> None:
    """Map typed errors to HTTP once, as problem details whose text is for a person; an
    unreachable dependency is a 503 with `Retry-After`, anything unforeseen a 500 problem
    (never a bare text answer). The app's OpenAPI document lists each operation's errors
    (`rangkui_eventkit.problems.documented_statuses`)."""

    @app.exception_handler(DomainError)
    async def _domain_error(request: Request, exc: DomainError) -> JSONResponse:
        extensions: dict[str, Any] = {"details": exc.details or None}
        message = exc.message
        if isinstance(exc, RuleViolated):
            extensions |= {
                "rule": exc.rule,
                "message_en": exc.message_en if exc.pesan else None,
                "legal_basis": exc.legal_basis,
                "violations": [v.as_dict() for v in exc.violations],
            }
        elif exc.pesan:  # another error with a text for a person: Indonesian, English beside
            extensions |= {"rule": exc.rule, "message_en": exc.message}
            message = exc.pesan
        return problem_response(
            request, http_status(exc), exc.code, message, headers=exc.headers, **extensions
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {
                "field": ".".join(str(p) for p in err.get("loc", ()) if p != "body"),
                "message": _readable(err),
            }
            for err in exc.errors()
        ]
        summary = "; ".join(f"{p['field'] or 'body'}: {p['message']}" for p in problems[:5])
        return problem_response(request, 422, "invalid_request", summary, problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        error = {404: "no_such_route", 405: "method_not_allowed"}.get(exc.status_code, "http")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # every method of the path, not only the first route's
            headers["Allow"] = ", ".join(_methods_of(app, request.url.path))
        return problem_response(request, exc.status_code, error, str(exc.detail), headers=headers)

    async def _outage(request: Request, exc: Exception) -> JSONResponse:
        if isinstance(exc, asyncpg.InterfaceError) and not _connection_lost(exc):
            return await _unforeseen(request, exc)
        log.warning("http.dependency_unavailable", path=request.url.path, error=repr(exc))
        return problem_response(
            request,
            503,
            "dependency_unavailable",
            "Layanan sementara tidak dapat menjangkau basis data atau broker pesan; "
            f"coba lagi dalam {RETRY_AFTER_SECONDS} detik.",
            message_en=f"a dependency is unreachable: {type(exc).__name__}",
        )

    async def _unforeseen(request: Request, exc: Exception) -> JSONResponse:
        log.error("http.unhandled_error", path=request.url.path, error=repr(exc), exc_info=exc)
        return problem_response(
            request,
            500,
            "internal_error",
            "Terjadi kesalahan internal; sebutkan correlation_id ini kepada petugas.",
            message_en="an unforeseen error; the log holds it under this correlation id",
        )

    for outage in OUTAGES:
        app.add_exception_handler(outage, _outage)
    app.add_exception_handler(Exception, _unforeseen)
    app.openapi = lambda: _openapi_with_problems(app)  # type: ignore[method-assign]


def _methods_of(app: FastAPI, path: str) -> list[str]:
    """The methods the routes matching `path` answer (for the `Allow` header of a 405)."""
    methods: set[str] = set()
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path_regex.match(path):
            methods |= set(route.methods or ())
    return sorted(methods)


def _readable(error: Mapping[str, Any]) -> str:
    """Pydantic's message, or for a known pattern what it means ("a NIP is 18 digits")."""
    if error.get("type") == "string_pattern_mismatch":
        known = PATTERN_MESSAGES.get(str((error.get("ctx") or {}).get("pattern")))
        if known:
            return known
    return str(error.get("msg", "invalid"))


def _connection_lost(exc: asyncpg.InterfaceError) -> bool:
    text = str(exc).lower()
    return "closed" in text or "closing" in text or "connection" in text


def _openapi_with_problems(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with every operation's error answers (derived from its shape,
    plus what it declares with `problems.errors(...)`) and the shared `Problem` schema."""
    if app.openapi_schema:
        return app.openapi_schema
    document = get_openapi(
        title=app.title,
        version=app.version,
        openapi_version=app.openapi_version,
        summary=app.summary,
        description=app.description,
        routes=app.routes,
    )
    statuses: dict[tuple[str, str], list[int]] = {}
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            parameters = operation.get("parameters", [])
            statuses[(method.upper(), path)] = documented_statuses(
                method,
                secured=bool(operation.get("security")),
                has_path_params=any(p.get("in") == "path" for p in parameters),
                has_input=bool(parameters or operation.get("requestBody")),
                has_body="requestBody" in operation,
                extra=operation.get(X_ERRORS, ()),
            )
    app.openapi_schema = add_problem_responses(document, statuses)
    return app.openapi_schema


ReadinessCheck = Callable[[], Awaitable[None]]


class Readiness(BaseModel):
    """What `/readyz` answers: ready or not, each dependency's check (a short category,
    never an error's text) and each background loop's state."""

    status: Literal["ready", "not_ready"]
    checks: dict[str, str]
    workers: dict[str, str] = {}


class WorkerHealth(Protocol):
    """What readiness needs of a service's supervised loops (`supervision.Supervisor`)."""

    def states(self) -> dict[str, str]: ...

    def down(self) -> dict[str, str]: ...


def failure_category(exc: BaseException) -> str:
    """A short, fixed word for a failed check: `/readyz` is public, so it never shows an
    exception's text (addresses, user names, SQL) — the logs have that."""
    if isinstance(exc, TimeoutError):
        return "timeout"
    if isinstance(exc, OSError):  # ConnectionRefusedError, ConnectionError, …
        return "unreachable"
    return "error"


def health_router(
    checks: dict[str, ReadinessCheck], *, workers: WorkerHealth | None = None
) -> APIRouter:
    """`/healthz`: the process answers. `/readyz`: every dependency answers and no background
    loop has been down past its grace period (503 if not, naming what fails)."""
    router = APIRouter(tags=["operations"])

    unauthenticated = {"security": []}  # probes: no token, by design

    @router.get("/healthz", operation_id="healthz", openapi_extra=unauthenticated)
    async def healthz() -> dict[str, str]:
        """Liveness: the process answers (needs no dependency)."""
        return {"status": "ok"}

    @router.get(
        "/readyz",
        operation_id="readyz",
        openapi_extra=unauthenticated,
        response_model=Readiness,
        responses={503: {"model": Readiness, "description": "a dependency does not answer"}},
    )
    async def readyz() -> JSONResponse:
        """Readiness: every dependency (PostgreSQL, Kafka) answers, each check's result."""
        results: dict[str, str] = {}
        ok = True
        for name, check in checks.items():
            try:
                await asyncio.wait_for(check(), timeout=2.0)
                results[name] = "ok"
            except Exception as exc:
                ok = False
                results[name] = f"unavailable: {failure_category(exc)}"
                log.warning("readiness.check_failed", check=name, error=repr(exc))
        content: dict[str, Any] = {"checks": results}
        if workers is not None:
            content["workers"] = workers.states()
            ok = ok and not workers.down()
        return JSONResponse(
            status_code=200 if ok else 503,
            content={"status": "ready" if ok else "not_ready", **content},
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
