"""The command pipeline on PostgreSQL: racing commands are decided again, not lost; inside a
consumer batch a lost race rolls back only its savepoint."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest

from rangkui_contracts.events.personnel import UnitRegistered
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.pipeline import BatchPipeline, PoolPipeline, RetryPolicy, UnitOfWork
from rangkui_eventkit.store import PostgresEventStore, StreamWrite
from rangkui_eventkit.testing.store_contract import CAUSE

pytestmark = pytest.mark.integration


def named(name: str) -> UnitRegistered:
    return UnitRegistered(unit_id="u", name=name, kind="OPD", region="Kota Rangkui")


# State: how many events; a command "add <n>" appends one event named after the count.
COUNTER: Decider[str, int] = Decider(
    initial_state=0, evolve=lambda n, _: n + 1, decide=lambda who, n: [named(f"{who}@{n}")]
)


async def test_racing_commands_on_one_stream_all_take_effect_once(pool: asyncpg.Pool) -> None:
    store = PostgresEventStore(pool, "/rangkui/test")
    pipeline = PoolPipeline(pool, store, retry=RetryPolicy(attempts=20, max_pause_s=0.01))
    sid = f"s-{uuid.uuid4()}"
    writers = [f"w{i}" for i in range(4)]
    await asyncio.gather(*(pipeline.execute(COUNTER, sid, w, CAUSE) for w in writers))
    history = await store.load(sid)
    assert [r.version for r in history] == [1, 2, 3, 4]
    assert sorted(r.event.name.split("@")[0] for r in history) == writers  # type: ignore[attr-defined]


async def test_a_failed_handler_leaves_no_trace(pool: asyncpg.Pool) -> None:
    store = PostgresEventStore(pool, "/rangkui/test")
    pipeline = PoolPipeline(pool, store)
    sid = f"s-{uuid.uuid4()}"

    async def handler(uow: UnitOfWork) -> None:
        await uow.decide(COUNTER, sid, "me")
        await uow.conn.execute("CREATE TEMP TABLE trace (x int)")
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        await pipeline.run(handler, CAUSE)
    assert await store.load(sid) == []
    assert await pool.fetchval("SELECT count(*) FROM outbox") == 0


async def test_inside_a_batch_a_lost_race_rolls_back_only_its_savepoint(
    pool: asyncpg.Pool,
) -> None:
    store = PostgresEventStore(pool, "/rangkui/test")
    sid, other = f"s-{uuid.uuid4()}", f"o-{uuid.uuid4()}"
    attempts = 0
    async with pool.acquire() as conn, conn.transaction():
        await store.append([StreamWrite(other, 0, [named("before")])], CAUSE, conn=conn)
        pipeline = BatchPipeline(conn, store)

        async def handler(uow: UnitOfWork) -> None:
            nonlocal attempts
            attempts += 1
            folded = await uow.state(COUNTER, sid)
            if attempts == 1:  # a rival commits first, on its own connection
                await store.append([StreamWrite(sid, 0, [named("rival")])], CAUSE)
            uow.stage(sid, COUNTER.decide("me", folded.state))

        outcome = await pipeline.run(handler, CAUSE)
    assert attempts == 2
    assert [r.version for r in outcome.recorded] == [2]
    assert [r.event.name for r in await store.load(other)] == ["before"]  # type: ignore[attr-defined]
    assert [r.event.name for r in await store.load(sid)] == ["rival", "me@1"]  # type: ignore[attr-defined]
