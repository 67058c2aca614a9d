"""A read by id waits, bounded, for the read model to apply the version a command produced
(`rangkui_eventkit.consistency`), on what the consumer recorded in `consumer_streams`."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable

import asyncpg
import pytest

from rangkui_eventkit.consistency import ReadModelBehind, wait_until_applied
from rangkui_eventkit.context import Cause
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.store import PostgresEventStore, StreamWrite
from rangkui_eventkit.testing.plugin import eventually
from rangkui_eventkit.testing.store_contract import unit_event

pytestmark = pytest.mark.integration

SOURCE = "/rangkui/test"
CAUSE = Cause(actor="tester", correlation_id="c")


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, max_size=5)
    async with pool.acquire() as conn:
        await migrate(conn)
    yield pool
    await pool.close()


def frozen() -> Callable[[], float]:
    """A clock that never reaches the deadline: the wait ends only when the version is there."""
    return lambda: 0.0


def racing() -> Callable[[], float]:
    """A clock 10 s further on every reading: the deadline passes at once."""
    ticks = itertools.count(step=10)
    return lambda: float(next(ticks))


async def _written(pool: asyncpg.Pool, stream_id: str, versions: int) -> None:
    store = PostgresEventStore(pool, SOURCE, "t.")
    for v in range(versions):
        await store.append([StreamWrite(stream_id, v, [unit_event()])], CAUSE)


async def _applied(pool: asyncpg.Pool, stream_id: str, version: int) -> None:
    await pool.execute(
        """INSERT INTO consumer_streams (consumer, stream_id, version) VALUES ('board', $1, $2)
           ON CONFLICT (consumer, stream_id) DO UPDATE SET version = EXCLUDED.version""",
        f"{SOURCE}|{stream_id}",
        version,
    )


async def test_a_read_waits_until_the_consumer_applied_the_asked_version(
    pool: asyncpg.Pool,
) -> None:
    await _written(pool, "unit-a", 2)
    await _applied(pool, "unit-a", 1)
    readings: list[float] = []

    def counted() -> float:  # frozen, counting its readings: one per look at the read model
        readings.append(0.0)
        return 0.0

    waiting = asyncio.create_task(
        wait_until_applied(
            pool,
            consumer="board",
            source=SOURCE,
            stream_id="unit-a",
            min_version=2,
            clock=counted,
        )
    )
    await eventually(lambda: len(readings) >= 3)  # it has looked, more than once
    assert not waiting.done()  # version 1 applied, 2 asked: still waiting
    await _applied(pool, "unit-a", 2)
    await asyncio.wait_for(waiting, timeout=30)


async def test_a_version_the_read_model_does_not_reach_in_time_is_a_503_problem(
    pool: asyncpg.Pool,
) -> None:
    await _written(pool, "unit-b", 1)
    with pytest.raises(ReadModelBehind) as refused:
        await wait_until_applied(
            pool, consumer="board", source=SOURCE, stream_id="unit-b", min_version=1,
            clock=racing(),
        )  # fmt: skip
    assert refused.value.headers == {"Retry-After": "2"}
    assert refused.value.details == {"min_version": 1, "applied_version": 0}


async def test_without_min_version_a_read_waits_briefly_then_answers_what_there_is(
    pool: asyncpg.Pool,
) -> None:
    await _written(pool, "unit-c", 1)
    await wait_until_applied(
        pool,
        consumer="board",
        source=SOURCE,
        stream_id="unit-c",
        min_version=None,
        clock=racing(),
    )  # fmt: skip  (no error: the read answers what the read model holds)


async def test_a_version_the_store_does_not_hold_is_not_waited_for(pool: asyncpg.Pool) -> None:
    await wait_until_applied(  # nothing written: at once, whatever the clock
        pool, consumer="board", source=SOURCE, stream_id="unit-d", min_version=7,
        clock=frozen(),
    )  # fmt: skip
    await _written(pool, "unit-e", 1)
    await _applied(pool, "unit-e", 1)
    await wait_until_applied(  # version 9 asked, 1 stored and applied: answered
        pool, consumer="board", source=SOURCE, stream_id="unit-e", min_version=9,
        clock=frozen(),
    )  # fmt: skip
