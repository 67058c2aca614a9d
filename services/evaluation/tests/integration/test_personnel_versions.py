"""Registrations as personnel publishes them now (v2, personal data sealed) and as it did
before (v1, plaintext), read from the real topic: both employees are known, and nothing
personal of the old one is kept."""

from typing import Any

import asyncpg
import pytest

from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.plugin import eventually, serve_in_process, unique
from rangkui_eventkit.testing.scan import tables_holding

pytestmark = pytest.mark.integration


async def test_employees_registered_before_and_after_sealing_are_known_without_personal_data(
    settings: EvaluationSettings, publisher: Any, make: Any
) -> None:
    unit, post = unique("sma-"), unique("guru-")
    sealed, legacy = make.nip(seq=1), make.nip(birth="19770817", seq=2)
    app = create_app(settings)
    async with serve_in_process(app) as _:
        pool: asyncpg.Pool = app.state.service.pool
        await publisher.publish(
            make.unit(unit),
            make.position(post, unit),
            make.employee(sealed, unit, post),
            make.employee(legacy, unit, post, legacy=True),  # birth date 1977-08-17, plaintext
        )

        async def both() -> list[Any]:
            rows = await pool.fetch(
                "SELECT nip FROM personnel_employees WHERE nip = ANY($1::text[]) ORDER BY nip",
                [sealed, legacy],
            )
            return rows if len(rows) == 2 else []

        await eventually(both, timeout=30)
        assert await tables_holding(pool, "1977-08-17") == {}
