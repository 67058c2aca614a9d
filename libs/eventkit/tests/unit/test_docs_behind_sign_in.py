"""In production the API description is for signed-in callers only (a setting)."""

import httpx
import pytest

from rangkui_eventkit.auth import AccessTable
from rangkui_eventkit.runtime import Service
from rangkui_eventkit.settings import ServiceSettings
from rangkui_eventkit.testing.auth import bearer

pytestmark = pytest.mark.unit


def _client(**settings: object) -> httpx.AsyncClient:
    app = Service(
        ServiceSettings(service_name="docs-test", development_mode=True, **settings),  # type: ignore[arg-type]
        migrations=None,
    ).create_app([], title="docs", access=AccessTable({}))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://svc")


async def test_with_the_setting_the_description_needs_a_token_and_there_is_no_docs_page() -> None:
    async with _client(http_docs_require_sign_in=True) as client:
        anonymous = await client.get("/openapi.json")
        signed_in = await client.get("/openapi.json", headers=bearer(roles=["employee"]))
        docs = await client.get("/docs", headers=bearer(roles=["employee"]))
        redoc = await client.get("/redoc")
    assert anonymous.status_code == 401
    assert signed_in.status_code == 200
    assert signed_in.json()["info"]["title"] == "docs"
    assert "/openapi.json" not in signed_in.json()["paths"]
    assert (docs.status_code, redoc.status_code) == (404, 404)


async def test_without_it_the_description_is_public() -> None:
    async with _client() as client:
        assert (await client.get("/openapi.json")).status_code == 200
        assert (await client.get("/docs")).status_code == 200
