"""An employee reaches their own transfers only (issue 9): the access table lets the
employee role in, the handler holds it to the caller's NIP."""

from __future__ import annotations

from collections.abc import Awaitable

import httpx
import pytest

from rangkui_eventkit.clock import FixedClock as Clock
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_mutation.bootstrap import create_app
from rangkui_mutation.settings import MutationSettings

from .conftest import Publish
from .test_transfer_lifecycle import NIP, OTHER_NIP, propose, seed

pytestmark = pytest.mark.integration


async def _found(request: Awaitable[httpx.Response]) -> httpx.Response | None:
    response = await request
    return None if response.status_code == 404 else response


async def test_an_employee_sees_their_own_transfer_and_not_a_colleagues(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        mutation_id = await propose(client)
        mine = await eventually(
            lambda: _found(client.get(f"/mutations/{mutation_id}", headers=acting(NIP, "employee")))
        )
        theirs = await client.get(
            f"/mutations/{mutation_id}", headers=acting(OTHER_NIP, "employee")
        )
        history = await client.get(
            f"/employees/{NIP}/mutations", headers=acting(OTHER_NIP, "employee")
        )
    assert mine.status_code == 200, mine.text
    assert mine.json()["nip"] == NIP
    assert theirs.status_code == 403
    assert theirs.json()["error"] == "forbidden"
    assert history.status_code == 403


async def test_an_employee_may_ask_for_their_own_transfer_but_not_propose_a_colleagues(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await seed(publish_personnel)
    body = {
        "to_unit_id": "sma-2",
        "to_position_id": "guru-mat-2",
        "kind": "OWN_REQUEST",
        "reason": "mengikuti suami",
    }
    async with serve_in_process(create_app(settings, clock=clock)) as client:
        await propose(client, OTHER_NIP)  # the read model has both employees now
        other = await client.post(
            "/mutations", json={**body, "nip": OTHER_NIP}, headers=acting(NIP, "employee")
        )
        own = await client.post(
            "/mutations", json={**body, "nip": NIP}, headers=acting(NIP, "employee")
        )
    assert other.status_code == 403, other.text
    assert own.status_code == 201, own.text
