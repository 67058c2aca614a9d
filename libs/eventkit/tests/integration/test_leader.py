"""Leader election on PostgreSQL (`rangkui_eventkit.leader`) with the kit's pools, which do
not reset a session on release: one leader at a time, the lock gone with the leadership,
and a leader whose session is lost finds out."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from rangkui_eventkit.db import create_pool
from rangkui_eventkit.leader import LostLeadership, leadership, release_session_lock
from rangkui_eventkit.testing.plugin import eventually

pytestmark = pytest.mark.integration
KEY = 991_000_001


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, max_size=3)
    yield pool
    await pool.close()


async def advisory_locks_held(pool: asyncpg.Pool) -> int:
    return await pool.fetchval(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1::oid", KEY
    )


async def test_one_leader_at_a_time_and_none_left_holding_the_lock_after(
    pool: asyncpg.Pool,
) -> None:
    stop = asyncio.Event()
    async with leadership(pool, KEY, stop, retry_s=0.05) as first:
        assert first is not None
        await first.check()
        standby_stop = asyncio.Event()

        async def standby() -> bool:
            async with leadership(pool, KEY, standby_stop, retry_s=0.05) as second:
                return second is not None

        waiting = asyncio.create_task(standby())
        await asyncio.sleep(0)  # let it try at least once
        assert await advisory_locks_held(pool) == 1
        standby_stop.set()
        assert await waiting is False  # stopped while waiting: never led
    # The pool keeps sessions as they are: the leader released its lock itself.
    assert await advisory_locks_held(pool) == 0
    async with leadership(pool, KEY, stop, retry_s=0.05) as again:
        assert again is not None


async def test_a_leader_whose_session_ended_finds_out_on_its_next_check(
    pool: asyncpg.Pool,
) -> None:
    async with leadership(pool, KEY, asyncio.Event()) as lead:
        assert lead is not None
        pid = await lead.conn.fetchval("SELECT pg_backend_pid()")
        await pool.execute("SELECT pg_terminate_backend($1)", pid)
        with pytest.raises(LostLeadership):
            await lead.check()
    assert await advisory_locks_held(pool) == 0


async def test_a_connection_that_cannot_release_its_lock_is_closed_not_pooled(
    pool: asyncpg.Pool,
) -> None:
    async with pool.acquire() as conn:
        pid = await conn.fetchval("SELECT pg_backend_pid()")
        assert await conn.fetchval("SELECT pg_try_advisory_lock($1)", KEY)
        await release_session_lock(conn, "SELECT pg_advisory_unlock($1)", KEY + 1)  # not held

    async def session_gone() -> bool:
        return not await pool.fetchval("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", pid)

    await eventually(session_gone, timeout=10)
    assert await advisory_locks_held(pool) == 0  # the session ended, and its lock with it
