from collections.abc import AsyncIterator

import asyncpg
import pytest

from rangkui_eventkit.db import create_pool
from rangkui_eventkit.errors import ConcurrencyConflict
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


async def test_a_single_stream_append_is_not_planned_again_on_every_call(
    pool: asyncpg.Pool,
) -> None:
    """PostgreSQL plans a prepared statement five times for its parameters, then keeps a
    generic plan if that is not dearer: the single-stream append must get there (the
    multi-stream one, with its per-stream subquery, never did)."""
    store = PostgresEventStore(pool, "/rangkui/test")
    async with pool.acquire() as conn:
        for i in range(12):
            async with conn.transaction():
                await store.append([StreamWrite(f"plan-{i}", 0, [unit_event()])], CAUSE, conn=conn)
        # The session may hold other appends prepared by earlier users of the connection:
        # the one executed twelve times here is the one with the most executions.
        plans = await conn.fetchrow(
            """SELECT generic_plans, custom_plans FROM pg_prepared_statements
               WHERE statement LIKE '%INSERT INTO events%'
               ORDER BY generic_plans + custom_plans DESC LIMIT 1"""
        )
    assert plans is not None
    assert plans["generic_plans"] >= 12 - 5, dict(plans)


async def test_a_single_stream_append_on_a_stream_that_moved_conflicts_and_writes_nothing(
    pool: asyncpg.Pool,
) -> None:
    store = PostgresEventStore(pool, "/rangkui/test")
    await store.append([StreamWrite("moved-1", 0, [unit_event()])], CAUSE)
    with pytest.raises(ConcurrencyConflict) as conflict:
        await store.append([StreamWrite("moved-1", 0, [unit_event(), unit_event()])], CAUSE)
    assert conflict.value.details == {
        "conflicts": [{"stream_id": "moved-1", "expected": 0, "current": 1}]
    }
    assert len(await store.load("moved-1")) == 1
    assert await pool.fetchval("SELECT count(*) FROM outbox") == 1


async def test_many_events_of_one_stream_get_their_positions_in_version_order(
    pool: asyncpg.Pool,
) -> None:
    store = PostgresEventStore(pool, "/rangkui/test")
    recorded = await store.append(
        [StreamWrite("many-1", 0, [unit_event() for _ in range(5)])], CAUSE
    )
    loaded = await store.load("many-1")
    assert [(r.version, r.position) for r in recorded] == [(r.version, r.position) for r in loaded]
    assert [r.version for r in recorded] == [1, 2, 3, 4, 5]
