"""Registrations as personnel publishes them now (v2, personal data sealed) and as it did
before (v1, plaintext), read from the real topic: both employees can be transferred, and
nothing personal of the old one is kept."""

import asyncpg
import pytest

from rangkui_eventkit.clock import FixedClock as Clock
from rangkui_eventkit.testing.auth import acting
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_eventkit.testing.scan import tables_holding
from rangkui_mutation.bootstrap import create_app
from rangkui_mutation.settings import MutationSettings

from .conftest import Publish, employee, post, unit

pytestmark = pytest.mark.integration

SEALED = "199003152015032001"
LEGACY = "197708172005011002"  # born 1977-08-17: v1 carries that date in plaintext
READER = acting("operator.bkd", "bkd_operator")


async def test_employees_registered_before_and_after_sealing_are_known_without_personal_data(
    settings: MutationSettings, publish_personnel: Publish, clock: Clock
) -> None:
    await publish_personnel(
        [
            unit("sma-1", "SMA Negeri 1 Rangkui"),
            post("guru-mat-1", "sma-1", 2),
            employee(SEALED, "sma-1", "guru-mat-1"),
            employee(LEGACY, "sma-1", "guru-mat-1", legacy=True),
        ]
    )
    app = create_app(settings, clock=clock)
    async with serve_in_process(app) as client:

        async def known(nip: str) -> bool:
            r = await client.get(f"/employees/{nip}", headers=READER)
            return r.status_code == 200 and r.json()["unit_id"] == "sma-1"

        await eventually(lambda: known(SEALED))
        await eventually(lambda: known(LEGACY))

    db = await asyncpg.connect(settings.database_url)
    try:
        holding = await tables_holding(db, "1977-08-17")
    finally:
        await db.close()
    assert holding == {}
