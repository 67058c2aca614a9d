"""Fixtures shared by the kit's integration tests."""

from collections.abc import AsyncIterator

import asyncpg
import pytest

from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """A pool on this test's database, with the kit's tables (event store, outbox, audit
    chain, key ring). Tests that need more connections or tables define their own."""
    pool = await create_pool(database_url, max_size=5)
    async with pool.acquire() as conn:
        await migrate(conn)
    yield pool
    await pool.close()
