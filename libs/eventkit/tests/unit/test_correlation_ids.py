"""A client's correlation id goes into the audit trail: only a UUID is taken."""

import uuid

import httpx
import pytest
from fastapi import FastAPI, Request

from rangkui_eventkit.http import CORRELATION_HEADER, CorrelationMiddleware

pytestmark = pytest.mark.unit


def _app() -> FastAPI:
    app = FastAPI()
    app.add_middleware(CorrelationMiddleware)

    @app.get("/seen")
    async def seen(request: Request) -> dict[str, str]:
        return {"correlation_id": request.state.correlation_id}

    return app


async def _call(value: str | None) -> tuple[str, str]:
    headers = {CORRELATION_HEADER: value} if value is not None else {}
    transport = httpx.ASGITransport(app=_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://svc") as client:
        r = await client.get("/seen", headers=headers)
    return r.json()["correlation_id"], r.headers[CORRELATION_HEADER]


async def test_a_uuid_from_the_client_is_kept() -> None:
    given = str(uuid.uuid4())
    assert await _call(given) == (given, given)
    assert await _call(given.upper()) == (given, given)  # canonical form


@pytest.mark.parametrize(
    "value", ["corr-1", "Ratna Dewi 3273016907910002", "<script>alert(1)</script>", "x" * 5000]
)
async def test_anything_else_is_replaced_by_a_fresh_uuid(value: str) -> None:
    used, echoed = await _call(value)
    assert used == echoed
    assert used != value
    assert str(uuid.UUID(used)) == used
