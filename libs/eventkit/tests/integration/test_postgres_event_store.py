from collections.abc import AsyncIterator

import asyncpg
import pytest

from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.store import PostgresEventStore, StreamWrite
from rangkui_eventkit.testing.store_contract import CAUSE, EventStoreContract, unit_event

pytestmark = pytest.mark.integration


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, max_size=20)
    async with pool.acquire() as conn:
        await migrate(conn)
    yield pool
    await pool.close()


class TestPostgresEventStore(EventStoreContract):
    @pytest.fixture
    def store(self, pool: asyncpg.Pool) -> PostgresEventStore:
        return PostgresEventStore(pool, "/rangkui/test")


async def test_every_appended_event_gets_an_outbox_row_in_the_same_transaction(
    pool: asyncpg.Pool,
) -> None:
    store = PostgresEventStore(pool, "/rangkui/test", topic_prefix="x.")
    recorded = await store.append([StreamWrite("s-1", 0, [unit_event(), unit_event()])], CAUSE)
    rows = await pool.fetch("SELECT position, topic FROM outbox ORDER BY position")
    assert [r["position"] for r in rows] == [r.position for r in recorded]
    assert {r["topic"] for r in rows} == {"x.rangkui.personnel.events"}


async def test_an_append_rolled_back_with_its_transaction_leaves_no_outbox_row(
    pool: asyncpg.Pool,
) -> None:
    store = PostgresEventStore(pool, "/rangkui/test")
    async with pool.acquire() as conn:
        tx = conn.transaction()
        await tx.start()
        await store.append([StreamWrite("s-2", 0, [unit_event()])], CAUSE, conn=conn)
        await tx.rollback()
    assert await pool.fetchval("SELECT count(*) FROM outbox") == 0
    assert await store.load("s-2") == []
