"""Request limits: a hostile or broken client cannot make a service buffer without bound, nor
turn a value no table can hold into a server error.

`RequestLimits` is a pure ASGI middleware (no `BaseHTTPMiddleware`, so the body is never
buffered or copied to be measured). It refuses, before the app reads anything:
- a URL (path plus query) longer than `max_url_bytes` with 414,
- more than `max_headers` headers, or headers larger than `max_header_bytes` in all, with 431,
- a `Content-Length` over the limit of the path with 413, and an unreadable one with 400,
- a NUL character in the path or query (`%00`) with 400: PostgreSQL cannot store it, so it
  would otherwise fail deep in a query as a 500;
and while the app reads the body it counts the bytes (a chunked upload has no length): at the
limit it stops passing chunks on and answers 413 instead of whatever the app was about to say;
a JSON body holding a NUL (`\\u0000`) is refused the same way, with 400.
The limit of a path is the one of its longest matching prefix in `path_limits` (an upload
endpoint takes large files), else `max_bytes`. Answers are the services' problem details
(`rangkui_eventkit.problems`).

`StrictBody` bounds what a request body may hold once it is in: the base of the services'
request models (unknown fields, endless text and lists, dates in year 9999, numbers no
column holds, NUL characters are refused with 422 before they reach a decision, an event,
a date sum or a query).
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from datetime import date, datetime
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from rangkui_eventkit.problems import PROBLEM_MEDIA_TYPE, problem_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MiB = 1024 * 1024
DEFAULT_MAX_BODY_BYTES = 1 * MiB
DEFAULT_MAX_URL_BYTES = 8 * 1024
DEFAULT_MAX_HEADERS = 100
DEFAULT_MAX_HEADER_BYTES = 32 * 1024

FREE_TEXT_MAX_LENGTH = 2000  # characters of any one text field of a request body
LIST_MAX_ITEMS = 200  # items of any one list (or object) field of a request body
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)
INT_MAX = 2**31 - 1  # what the read models' integer columns hold


_YEAR_1900_TO_2199 = r"^(19\d{2}|2[01]\d{2})-"


def _document_bounds(schema: dict[str, Any]) -> None:
    """Write StrictBody's bounds into a model's JSON Schema, so that the OpenAPI document
    says what the validator refuses (a client generated from it cannot send it)."""
    for prop in schema.get("properties", {}).values():
        _bound(prop)


def _bound(prop: dict[str, Any]) -> None:
    for key in ("anyOf", "oneOf", "allOf"):
        for alternative in prop.get(key, []):
            _bound(alternative)
    kind = prop.get("type")
    if kind == "string":
        if prop.get("format") == "date" and "pattern" not in prop:
            prop["pattern"] = _YEAR_1900_TO_2199 + r"\d{2}-\d{2}$"
        elif prop.get("format") == "date-time" and "pattern" not in prop:
            prop["pattern"] = _YEAR_1900_TO_2199
        elif "enum" not in prop and "const" not in prop:
            prop.setdefault("maxLength", FREE_TEXT_MAX_LENGTH)
    elif kind == "integer":
        prop.setdefault("maximum", INT_MAX)
        prop.setdefault("minimum", -INT_MAX)
    elif kind == "array":
        prop.setdefault("maxItems", LIST_MAX_ITEMS)
        if isinstance(prop.get("items"), dict):
            _bound(prop["items"])
    elif kind == "object" and "additionalProperties" in prop:
        prop.setdefault("maxProperties", LIST_MAX_ITEMS)


class StrictBody(BaseModel):
    """Base of HTTP request bodies: unknown fields, text over `FREE_TEXT_MAX_LENGTH`
    characters, lists over `LIST_MAX_ITEMS` items, dates outside 1900-2199, integers beyond
    a PostgreSQL `integer` and NUL characters anywhere are refused (422, by the services'
    validation handler), so that no such value becomes an event that a projection then
    cannot store, nor a query that fails as a 500. A field may set a tighter bound itself.
    The bounds are written into the model's JSON Schema too (`_document_bounds`)."""

    model_config = ConfigDict(
        extra="forbid",
        str_max_length=FREE_TEXT_MAX_LENGTH,
        json_schema_extra=_document_bounds,
    )

    @field_validator("*", mode="before")
    @classmethod
    def _not_coerced(cls, value: Any, info: ValidationInfo) -> Any:
        """A JSON number is not a date nor a yes/no, and text is not a number: `0` is refused,
        not read as 1970-01-01 or false, nor `"3"` as 3 (pydantic's lax mode would), so that a
        value of the wrong type is never accepted."""
        field = cls.model_fields.get(info.field_name or "")
        kinds = _types_in(field.annotation) if field is not None else set()
        if isinstance(value, int | float) and not isinstance(value, bool):
            if kinds & {date, datetime}:
                raise ValueError("a date is written as text, YYYY-MM-DD")
            if bool in kinds and not kinds & {int, float}:
                raise ValueError("true or false is expected")
        if isinstance(value, str) and bool in kinds and not kinds & {str}:
            raise ValueError("true or false is expected")
        numeric = kinds & {int, float} and kinds <= {int, float, type(None)}
        if numeric and isinstance(value, str | bool):
            raise ValueError("a number is expected")
        return value

    @field_validator("*")
    @classmethod
    def _bounded(cls, value: Any) -> Any:
        day = value.date() if isinstance(value, datetime) else value
        if isinstance(day, date) and not EARLIEST_DATE <= day <= LATEST_DATE:
            raise ValueError(f"a date between {EARLIEST_DATE} and {LATEST_DATE} is expected")
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > INT_MAX:
            raise ValueError(f"a number between -{INT_MAX} and {INT_MAX} is expected")
        if isinstance(value, list | tuple | set | frozenset | dict) and len(value) > LIST_MAX_ITEMS:
            raise ValueError(f"at most {LIST_MAX_ITEMS} items are accepted")
        if _nul_in(value):
            raise ValueError("a NUL character (\\u0000) is not accepted: no record can store it")
        return value


def _types_in(annotation: Any) -> set[Any]:
    """The plain types an annotation admits (through Optional, unions and Annotated)."""
    args = get_args(annotation)
    if not args:
        return {annotation}
    found: set[Any] = set()
    for arg in args:
        found |= _types_in(arg)
    return found


def _nul_in(value: Any) -> bool:
    """Whether a NUL character hides anywhere in `value` (PostgreSQL text and jsonb refuse it)."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, BaseModel):
        return any(_nul_in(v) for v in value.__dict__.values())
    if isinstance(value, dict):
        return any(_nul_in(k) or _nul_in(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return any(_nul_in(v) for v in value)
    return False


class _Refused(Exception):
    """Raised from `receive` to the app once the body is refused (too large, NUL)."""


class RequestLimits:
    """Refuse requests whose URL, headers or body exceed their limits (see module docstring)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int = DEFAULT_MAX_BODY_BYTES,
        path_limits: Mapping[str, int] | None = None,
        max_url_bytes: int = DEFAULT_MAX_URL_BYTES,
        max_headers: int = DEFAULT_MAX_HEADERS,
        max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # Longest prefix first, so "/imports/x" finds "/imports" before "/". A `{param}`
        # segment matches any one segment ("/decrees/{decree_id}/verify").
        self.path_limits = sorted(
            (
                (_prefix_pattern(prefix.rstrip("/")), len(prefix), limit)
                for prefix, limit in (path_limits or {}).items()
            ),
            key=lambda item: item[1],
            reverse=True,
        )
        self.max_url_bytes = max_url_bytes
        self.max_headers = max_headers
        self.max_header_bytes = max_header_bytes

    def limit_for(self, path: str) -> int:
        """The body limit of `path`: its longest matching prefix's, else the default."""
        for pattern, _, limit in self.path_limits:
            if pattern.match(path):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refuse_up_front(scope)
        if refusal is not None:
            await _answer(scope, send, *refusal)
            return
        await self._guard_body(scope, receive, send, self.limit_for(scope["path"]))

    def _refuse_up_front(self, scope: Scope) -> tuple[int, str, str] | None:
        """What the request line and headers alone tell: (status, error, message) or None."""
        url_bytes = len(scope.get("raw_path") or scope["path"].encode()) + len(
            scope.get("query_string", b"")
        )
        if url_bytes > self.max_url_bytes:
            return (
                414,
                "uri_too_long",
                f"the URL has {url_bytes} bytes; at most {self.max_url_bytes} are accepted",
            )
        query: bytes = scope.get("query_string", b"")
        if "\x00" in scope["path"] or b"%00" in query or b"\x00" in query:
            return 400, "invalid_characters", _NUL_MESSAGE.replace("body", "URL")
        headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
        header_bytes = sum(len(k) + len(v) for k, v in headers)
        if len(headers) > self.max_headers or header_bytes > self.max_header_bytes:
            return (
                431,
                "request_header_fields_too_large",
                f"{len(headers)} headers of {header_bytes} bytes; at most {self.max_headers} "
                f"headers of {self.max_header_bytes} bytes in all are accepted",
            )
        lengths = [v for k, v in headers if k.lower() == b"content-length"]
        if lengths:
            raw = lengths[0].strip()
            if len(set(lengths)) > 1 or not raw.isdigit():
                return 400, "invalid_content_length", "the Content-Length header is not a number"
            limit = self.limit_for(scope["path"])
            if int(raw) > limit:
                return 413, "request_too_large", _too_large(limit)
        return None

    async def _guard_body(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        refusal: tuple[int, str, str] | None = None
        received = 0
        started = False
        scan_nul = _is_json(scope)
        tail = b""  # the end of the previous chunk: an escape may straddle two chunks

        async def counting_receive() -> Message:
            nonlocal received, refusal, tail
            if refusal is not None:  # the app asks again after the refusal: it gets no more
                raise _Refused()
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                received += len(chunk)
                if received > limit:
                    refusal = (413, "request_too_large", _too_large(limit))
                    raise _Refused()
                if scan_nul and _holds_nul(tail + chunk):
                    refusal = (400, "invalid_characters", _NUL_MESSAGE)
                    raise _Refused()
                tail = chunk[-5:]
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refusal is not None:  # the app turned the refusal into an answer of its own
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await _answer(scope, send, *refusal)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if refusal is None:
                raise
            if not started:  # a failure caused by the cut-off body: the answer is the refusal
                await _answer(scope, send, *refusal)


_NUL_MESSAGE = "the body holds a NUL character (\\u0000), which no record can store"


def _is_json(scope: Scope) -> bool:
    types = [v for k, v in scope.get("headers", []) if k.lower() == b"content-type"]
    return bool(types) and b"json" in types[0].lower()


def _holds_nul(data: bytes) -> bool:
    r"""A raw NUL byte or the JSON escape `\u0000`; a false alarm only for the text `\\u0000`
    (a backslash, then `u0000`), which is refused too, with the same message."""
    return b"\x00" in data or b"\\u0000" in data


def _too_large(limit: int) -> str:
    return f"the request body exceeds {limit} bytes, the limit of this endpoint"


async def _answer(scope: Scope, send: Send, status: int, error: str, message: str) -> None:
    correlation_id = (scope.get("state") or {}).get("correlation_id")
    body = json.dumps(
        problem_body(status, error, message, instance=scope["path"], correlation_id=correlation_id)
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),  # the rest of the body is left unread
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _prefix_pattern(prefix: str) -> re.Pattern[str]:
    """`prefix` itself or anything below it; `{param}` stands for one path segment."""
    parts = re.split(r"\{[^/{}]+\}", prefix)
    body = "[^/]+".join(re.escape(p) for p in parts)
    return re.compile(rf"^{body}(/.*)?$")
