"""RFC 9457 problem details: the one shape of every error answer, and the one place that says
which errors an operation can answer, so that the answer and its documentation are one code.

A problem is `application/problem+json` with the standard members `type`, `title`, `status`,
`detail` and `instance`, and as extensions the members clients read before (`error`,
`message`, `rule`, `message_en`, `legal_basis`, `violations`, `problems`, `details`) plus the
request's `correlation_id`. `title` and `detail` are for a person, in Bahasa Indonesia where
the error has a text in it (`pesan`); `message_en` keeps the English text for operators.

`documented_statuses` derives an operation's error statuses from its shape (authenticated,
names a resource, takes input, a command); an operation adds to them with `errors(...)`.
`openapi_with_problems` writes them, each with the shared `Problem` schema, into the
document; `rangkui_eventkit.http` answers with the same shape. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "urn:rangkui:problem:"
"""A problem's `type` is `urn:rangkui:problem:<error>`: stable, and listed in docs/api.md."""

TITLES: Mapping[int, str] = {
    400: "Permintaan tidak dapat dibaca",
    401: "Perlu autentikasi",
    403: "Akses ditolak",
    404: "Tidak ditemukan",
    409: "Bertentangan dengan keadaan saat ini",
    413: "Permintaan terlalu besar",
    414: "Alamat permintaan terlalu panjang",
    422: "Permintaan tidak valid",
    431: "Header permintaan terlalu besar",
    500: "Kesalahan internal",
    503: "Layanan sementara tidak tersedia",
}
"""The `title` of each status, for a person (Bahasa Indonesia)."""

DESCRIPTIONS: Mapping[int, str] = {
    400: "The request cannot be read: an unreadable Content-Length, or a NUL character.",
    401: "No valid bearer token: authenticate with the identity provider.",
    403: "The caller's roles or scope do not allow this request.",
    404: "It names something that does not exist (or is not yet in the read model).",
    409: "The current state does not allow it: it exists already, moved on, or changed "
    "since it was read (retry on fresh state).",
    413: "The request body exceeds the limit of this endpoint.",
    422: "The request is malformed, or a rule refuses it; `violations` lists every rule.",
    503: "A dependency (PostgreSQL, Kafka) is unreachable, or the read model has not yet "
    "reached the asked version: retry after `Retry-After` seconds.",
}

RETRY_AFTER_SECONDS = 2
"""What a 503 tells the caller to wait before retrying."""


class ViolationBody(BaseModel):
    """One rule that refuses the request."""

    rule: str = Field(description="stable rule id, e.g. min_years_in_post")
    message: str = Field(description="for a person (Bahasa Indonesia where available)")
    message_en: str | None = Field(default=None, description="the English text, for operators")
    legal_basis: str | None = Field(default=None, examples=["PP 11/2017 Pasal 190"])
    details: dict[str, Any] | None = Field(default=None, description="the figures behind it")


class FieldProblem(BaseModel):
    """One invalid field of a request that failed validation."""

    field: str = Field(description="where: a dotted path, e.g. query.nip or items.0.name")
    message: str


class Problem(BaseModel):
    """An error answer (RFC 9457 problem details, `application/problem+json`)."""

    model_config = ConfigDict(extra="allow", title="Problem")

    type: str = Field(
        description="the kind of problem, a URI", examples=["urn:rangkui:problem:not_found"]
    )
    title: str = Field(description="a short summary of the kind of problem, for a person")
    status: int = Field(ge=400, le=599, description="the HTTP status code")
    detail: str = Field(description="what went wrong here, for a person")
    instance: str = Field(description="the request path this problem occurred on")
    error: str = Field(description="stable error code, e.g. rule_violated, not_found")
    message: str = Field(description="same as detail (kept for existing clients)")
    correlation_id: str | None = Field(
        default=None, description="the X-Correlation-ID of the request, for support"
    )
    rule: str | None = Field(default=None, description="the first rule that refused it")
    message_en: str | None = Field(default=None, description="the English text, for operators")
    legal_basis: str | None = None
    violations: list[ViolationBody] | None = Field(
        default=None, description="every rule that refused the request"
    )
    problems: list[FieldProblem] | None = Field(
        default=None, description="every invalid field (validation errors)"
    )
    details: dict[str, Any] | None = None


def problem_body(
    status: int,
    error: str,
    detail: str,
    *,
    instance: str,
    correlation_id: str | None = None,
    **extensions: Any,
) -> dict[str, Any]:
    """The JSON of one problem; extensions that are None are left out."""
    body: dict[str, Any] = {
        "type": f"{PROBLEM_TYPE_BASE}{error}",
        "title": TITLES.get(status, "Kesalahan"),
        "status": status,
        "detail": detail,
        "instance": instance,
        "error": error,
        "message": detail,
    }
    if correlation_id:
        body["correlation_id"] = correlation_id
    body.update({k: v for k, v in extensions.items() if v is not None})
    return body


# ------------------------------------------------------------------ documentation

RESPONSE_NAMES: Mapping[int, str] = {
    400: "BadRequest",
    401: "Unauthenticated",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    413: "TooLarge",
    422: "Invalid",
    503: "Unavailable",
}
"""Each documented error status is one shared response under `components/responses`."""

X_ERRORS = "x-rangkui-errors"
"""Where `errors(...)` records an operation's extra statuses (in `openapi_extra`)."""


def errors(*statuses: int) -> dict[str, Any]:
    """`@router.get(..., openapi_extra=errors(409))`: statuses this operation answers besides
    those its shape implies (see `documented_statuses`)."""
    unknown = [s for s in statuses if s not in DESCRIPTIONS]
    if unknown:
        raise ValueError(f"no description for statuses {unknown}")
    return {X_ERRORS: sorted(statuses)}


def documented_statuses(
    method: str,
    *,
    secured: bool,
    has_path_params: bool,
    has_input: bool,
    has_body: bool,
    extra: Iterable[int] = (),
) -> list[int]:
    """The error statuses an operation can answer, from its shape:
    every operation needs PostgreSQL (503); an authenticated one refuses without a valid token
    (401) or the role or scope (403); one that names a resource by its path may not find it
    (404); one with input may find it malformed (400, 422), with a body too large (413); a
    command may find the state moved on or the resource there already (409), or a rule may
    refuse it (422)."""
    found = {503, *extra}
    if secured:
        found |= {401, 403}
    if has_path_params:
        found.add(404)
    if has_input:
        found |= {400, 422}
    if has_body:
        found.add(413)
    if method.upper() in {"POST", "PUT", "PATCH", "DELETE"}:
        found |= {409, 422}
    return sorted(found)


def add_problem_responses(
    document: dict[str, Any], statuses: Mapping[tuple[str, str], list[int]]
) -> dict[str, Any]:
    """Write each operation's error statuses into `document` (an OpenAPI 3.1 dict), each
    answering the shared `Problem` schema as `application/problem+json`, unless the operation
    documents that status itself; FastAPI's own validation-error schemas are replaced.
    `statuses` is keyed (METHOD, path)."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, schema in problem_schema.pop("$defs", {}).items():
        schemas[name] = schema
    schemas["Problem"] = problem_schema
    ref = {"$ref": "#/components/schemas/Problem"}
    shared = document["components"].setdefault("responses", {})
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            wanted = statuses.get((method.upper(), path))
            if wanted is None:
                continue
            operation.pop(X_ERRORS, None)
            responses = operation.setdefault("responses", {})
            for status in wanted:
                declared = responses.get(str(status))
                if declared and "HTTPValidationError" not in str(declared):
                    continue  # the operation documents this answer itself (e.g. /readyz)
                name = RESPONSE_NAMES[status]
                shared.setdefault(name, _problem_response(status, ref))
                responses[str(status)] = {"$ref": f"#/components/responses/{name}"}
    for unused in ("HTTPValidationError", "ValidationError"):
        if unused in schemas and unused not in str(document.get("paths")):
            del schemas[unused]
    return document


def _problem_response(status: int, ref: dict[str, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "description": DESCRIPTIONS[status],
        "content": {PROBLEM_MEDIA_TYPE: {"schema": ref}},
    }
    if status == 503:
        entry["headers"] = {
            "Retry-After": {
                "description": "seconds to wait before retrying",
                "schema": {"type": "integer", "minimum": 0},
            }
        }
    if status == 401:
        entry["headers"] = {
            "WWW-Authenticate": {
                "description": "the Bearer challenge (RFC 6750)",
                "schema": {"type": "string"},
            }
        }
    return entry
