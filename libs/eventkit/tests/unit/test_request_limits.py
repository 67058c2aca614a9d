"""Request limits on a FastAPI app like the services': oversized bodies (declared or
streamed), long URLs and header floods are refused with the services' JSON error shape,
and requests within the limits pass untouched; `StrictBody` bounds what a body may hold."""

from collections.abc import AsyncIterator
from datetime import date, datetime

import httpx
import pytest
from fastapi import FastAPI, Request
from pydantic import BaseModel, Field, ValidationError

from rangkui_eventkit.http import CorrelationMiddleware, install_error_handlers
from rangkui_eventkit.limits import RequestLimits, StrictBody

pytestmark = pytest.mark.unit

KiB = 1024


class Note(BaseModel):
    text: str


def make_app(limits_outermost: bool = True) -> FastAPI:
    """An app with the limits outside or inside the correlation middleware (the last one
    added is the outermost): both orders must work."""
    app = FastAPI()
    if limits_outermost:
        app.add_middleware(CorrelationMiddleware)
    app.add_middleware(
        RequestLimits,
        max_bytes=1 * KiB,
        path_limits={"/imports": 64 * KiB},
        max_url_bytes=512,
        max_headers=30,
        max_header_bytes=4 * KiB,
    )
    if not limits_outermost:
        app.add_middleware(CorrelationMiddleware)
    install_error_handlers(app)

    @app.post("/notes")
    async def post_note(note: Note) -> dict[str, int]:
        return {"length": len(note.text)}

    @app.post("/imports")
    async def upload(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    @app.get("/search")
    async def search(q: str = "") -> dict[str, int]:
        return {"length": len(q)}

    return app


@pytest.fixture(params=[True, False], ids=["limits-outermost", "correlation-outermost"])
async def client(request: pytest.FixtureRequest) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=make_app(request.param))
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as c:
        yield c


async def chunks(total: int, size: int = 256) -> AsyncIterator[bytes]:
    """A body without Content-Length (chunked), as a streaming client sends it."""
    sent = 0
    while sent < total:
        n = min(size, total - sent)
        sent += n
        yield b"x" * n


def json_chunks(text_len: int) -> AsyncIterator[bytes]:
    async def gen() -> AsyncIterator[bytes]:
        yield b'{"text": "'
        async for c in chunks(text_len):
            yield c
        yield b'"}'

    return gen()


async def test_a_body_within_the_limit_reaches_the_handler(client: httpx.AsyncClient) -> None:
    r = await client.post("/notes", json={"text": "a" * 900})
    assert r.status_code == 200, r.text
    assert r.json() == {"length": 900}


async def test_a_declared_length_over_the_limit_is_refused_with_413(
    client: httpx.AsyncClient,
) -> None:
    r = await client.post("/notes", json={"text": "a" * 2 * KiB})
    assert r.status_code == 413
    assert r.json()["error"] == "request_too_large"
    assert "1024 bytes" in r.json()["message"]


async def test_a_streamed_body_without_length_is_cut_off_at_the_limit(
    client: httpx.AsyncClient,
) -> None:
    r = await client.post(
        "/notes", content=json_chunks(4 * KiB), headers={"content-type": "application/json"}
    )
    assert r.status_code == 413
    assert r.json()["error"] == "request_too_large"


async def test_a_streamed_body_within_the_limit_is_read_whole(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/notes", content=json_chunks(600), headers={"content-type": "application/json"}
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"length": 600}


async def test_the_upload_endpoint_takes_files_over_the_default_limit(
    client: httpx.AsyncClient,
) -> None:
    declared = await client.post("/imports", content=b"n" * 40 * KiB)
    streamed = await client.post("/imports", content=chunks(40 * KiB))
    assert declared.status_code == 200, declared.text
    assert declared.json() == {"bytes": 40 * KiB}
    assert streamed.json() == {"bytes": 40 * KiB}


async def test_the_upload_endpoint_still_has_a_limit_of_its_own(
    client: httpx.AsyncClient,
) -> None:
    declared = await client.post("/imports", content=b"n" * 65 * KiB)
    streamed = await client.post("/imports", content=chunks(65 * KiB))
    assert declared.status_code == 413
    assert streamed.status_code == 413
    assert streamed.json()["error"] == "request_too_large"
    assert "65536 bytes" in streamed.json()["message"]


async def test_a_url_over_the_limit_is_refused_with_414(client: httpx.AsyncClient) -> None:
    ok = await client.get("/search", params={"q": "a" * 300})
    refused = await client.get("/search", params={"q": "a" * 600})
    assert ok.status_code == 200
    assert refused.status_code == 414
    assert refused.json()["error"] == "uri_too_long"


async def test_too_many_or_too_large_headers_are_refused_with_431(
    client: httpx.AsyncClient,
) -> None:
    many = await client.get("/search", headers={f"x-h{i}": "1" for i in range(40)})
    large = await client.get("/search", headers={"x-big": "b" * 5 * KiB})
    assert many.status_code == 431
    assert large.status_code == 431
    assert many.json()["error"] == "request_header_fields_too_large"


async def test_an_unreadable_content_length_is_refused_with_400() -> None:
    app = make_app()
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/notes",
        "raw_path": b"/notes",
        "query_string": b"",
        "headers": [(b"content-length", b"-5"), (b"content-type", b"application/json")],
    }
    await app(scope, receive, send)
    assert sent[0]["status"] == 400
    assert b"invalid_content_length" in sent[1]["body"]  # type: ignore[operator]


def test_the_longest_matching_prefix_decides_the_limit() -> None:
    limits = RequestLimits(make_app(), max_bytes=10, path_limits={"/imports": 99, "/a/b": 5})
    assert limits.limit_for("/imports") == 99
    assert limits.limit_for("/imports/job-1/resume") == 99
    assert limits.limit_for("/importsx") == 10
    assert limits.limit_for("/a/b/c") == 5
    assert limits.limit_for("/a") == 10


def test_a_path_parameter_in_an_upload_path_matches_one_segment() -> None:
    limits = RequestLimits(make_app(), max_bytes=10, path_limits={"/decrees/{decree_id}/verify": 7})
    assert limits.limit_for("/decrees/d-1/verify") == 7
    assert limits.limit_for("/decrees") == 10
    assert limits.limit_for("/decrees/d-1") == 10
    assert limits.limit_for("/decrees/a/b/verify") == 10


class Proposal(StrictBody):
    reason: str
    code: str = Field(default="", max_length=10)
    related: list[str] = Field(default_factory=list)
    tmt: date | None = None
    at: datetime | None = None
    seats: int = 0


def problems(**data: object) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        Proposal.model_validate(data)
    return [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in caught.value.errors()]


def test_a_strict_body_accepts_what_is_within_its_bounds() -> None:
    body = Proposal.model_validate(
        {
            "reason": "r" * 2000,
            "related": ["x"] * 200,
            "tmt": "2199-12-31",
            "at": "1900-01-01T00:00",
        }
    )
    assert len(body.reason) == 2000
    assert body.tmt == date(2199, 12, 31)


def test_a_strict_body_refuses_unknown_fields() -> None:
    assert problems(reason="r", is_admin=True) == ["is_admin: Extra inputs are not permitted"]


def test_a_strict_body_refuses_endless_text_and_lists() -> None:
    assert problems(reason="r" * 2001) == ["reason: String should have at most 2000 characters"]
    assert problems(reason="r", related=["x"] * 201) == [
        "related: Value error, at most 200 items are accepted"
    ]
    assert problems(reason="r", code="c" * 11) == ["code: String should have at most 10 characters"]


def test_a_strict_body_refuses_dates_no_transfer_can_have() -> None:
    expected = "Value error, a date between 1900-01-01 and 2199-12-31 is expected"
    assert problems(reason="r", tmt="9999-12-31") == [f"tmt: {expected}"]
    assert problems(reason="r", tmt="0001-01-01") == [f"tmt: {expected}"]
    assert problems(reason="r", at="9999-12-31T23:59:59Z") == [f"at: {expected}"]


def test_a_strict_body_refuses_numbers_no_read_model_can_store() -> None:
    assert Proposal.model_validate({"reason": "r", "seats": 2**31 - 1}).seats == 2**31 - 1
    assert problems(reason="r", seats=2**31) == [
        "seats: Value error, a number between -2147483647 and 2147483647 is expected"
    ]


async def test_a_nul_character_in_the_url_is_refused_with_400(client: httpx.AsyncClient) -> None:
    in_path = await client.get("/search%00")
    in_query = await client.get("/search", params={"q": "a\x00b"})
    assert in_path.status_code == 400
    assert in_query.status_code == 400
    assert in_query.json()["error"] == "invalid_characters"


async def test_a_nul_character_in_a_json_body_is_refused_with_400(
    client: httpx.AsyncClient,
) -> None:
    escaped = await client.post("/notes", json={"text": "a\x00b"})  # sent as \u0000
    straddling = await client.post(
        "/notes",
        content=iter_bytes([b'{"text": "a\\u0', b'000b"}']),
        headers={"content-type": "application/json"},
    )
    assert escaped.status_code == 400
    assert escaped.json()["error"] == "invalid_characters"
    assert straddling.status_code == 400


async def iter_bytes(parts: list[bytes]) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


def test_a_strict_body_refuses_nul_characters_at_any_depth() -> None:
    expected = "Value error, a NUL character (\\u0000) is not accepted: no record can store it"
    assert problems(reason="a\x00") == [f"reason: {expected}"]
    assert problems(reason="r", related=["ok", "\x00"]) == [f"related: {expected}"]
