"""A resource created over HTTP is read back by its id at once, in the same client flow and
with no retry loop: the 201 names it (`Location`) and its version (`ETag`), and the read
waits for the read model (docs/api.md, "Consistency")."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable

import httpx
import pytest

from rangkui_eventkit.testing.auth import EVERY_ROLE, bearer, dev_token

pytestmark = pytest.mark.integration

StartService = Callable[[str, str], contextlib.AbstractAsyncContextManager[str]]
HEADERS = bearer(dev_token(EVERY_ROLE, sub="read-your-writes"))


async def test_a_unit_and_an_employee_just_created_are_read_back_at_once(
    database_url: str, start_service: StartService
) -> None:
    unit_id = f"dinas-{uuid.uuid4().hex[:8]}"
    async with (
        start_service("personnel", database_url) as url,
        httpx.AsyncClient(base_url=url, headers=HEADERS, timeout=30) as client,
    ):
        created = await client.post(
            "/units",
            json={"unit_id": unit_id, "name": "Dinas Uji", "kind": "OPD", "region": "Kota"},
        )
        assert created.status_code == 201, created.text
        assert created.headers["etag"] == '"1"'
        unit = await client.get(created.headers["location"])  # no min_version: still found
        assert unit.status_code == 200, unit.text
        assert unit.json()["unit_id"] == unit_id

        renamed = await client.post(f"/units/{unit_id}/rename", json={"name": "Dinas Baru"})
        assert renamed.headers["etag"] == '"2"'
        version = renamed.json()["version"]
        unit = await client.get(f"/units/{unit_id}", params={"min_version": version})
        assert unit.json()["name"] == "Dinas Baru"


async def test_a_webhook_subscription_just_made_is_read_back_at_once(
    database_url: str, start_service: StartService
) -> None:
    async with (
        start_service("notification", database_url) as url,
        httpx.AsyncClient(base_url=url, headers=HEADERS, timeout=30) as client,
    ):
        created = await client.post(
            "/webhooks/subscriptions",
            json={"url": "https://hooks.example.org/x", "event_types": ["rangkui.mutation.*"]},
        )
        assert created.status_code == 201, created.text
        read = await client.get(
            created.headers["location"], params={"min_version": created.headers["etag"][1:-1]}
        )
        assert read.status_code == 200, read.text
        assert read.json()["subscription_id"] == created.json()["subscription_id"]


async def test_a_percent_encoded_location_names_an_id_with_any_character(
    database_url: str, start_service: StartService
) -> None:
    unit_id = f"unit ø/{uuid.uuid4().hex[:4]}"
    async with (
        start_service("personnel", database_url) as url,
        httpx.AsyncClient(base_url=url, headers=HEADERS, timeout=30) as client,
    ):
        created = await client.post(
            "/units", json={"unit_id": unit_id, "name": "Uji", "kind": "OPD", "region": "Kota"}
        )
        assert created.status_code == 201, created.text
        assert created.headers["location"].isascii()
