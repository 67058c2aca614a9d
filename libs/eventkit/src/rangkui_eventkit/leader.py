"""Leader election for a worker that must run once per database however many replicas run
(the outbox relay, mutation's TMT scheduler): a PostgreSQL session advisory lock held on a
connection of its own for as long as the worker leads.

A replica that cannot take the lock waits and tries again; a leader whose connection is lost
loses the lock with it (PostgreSQL releases session locks when the session ends), so
`Leadership.check` raises and the worker goes back to waiting while another replica takes over.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from rangkui_eventkit.logging import get_logger

log = get_logger(__name__)


class Leadership:
    """Held while the worker leads; `check` confirms the lock's session is still alive."""

    def __init__(self, conn: Any, key: int) -> None:
        self.conn = conn
        self.key = key

    async def check(self) -> None:
        """Raise `LostLeadership` unless this session still holds the lock. A connection
        that broke (the server ended the session, the network went) raises it too, whatever
        the driver reports while the breakage reaches it (asyncpg may report a protocol
        state error rather than a closed connection): either way the lock is gone."""
        try:
            held = await self.conn.fetchval(
                """SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory'
                   AND pid = pg_backend_pid() AND granted AND objsubid = 1
                   AND classid = ($1::bigint >> 32)::oid
                   AND objid = ($1::bigint & 4294967295)::oid""",
                self.key,
            )
        except Exception as exc:
            raise LostLeadership(f"the session holding lock {self.key} is gone: {exc!r}") from exc
        if not held:
            raise LostLeadership(f"advisory lock {self.key} is no longer held")


class LostLeadership(RuntimeError):
    pass


@contextlib.asynccontextmanager
async def leadership(
    pool: Any, key: int, stop: asyncio.Event, *, retry_s: float = 2.0, name: str = "worker"
) -> AsyncIterator[Leadership | None]:
    """Wait until this replica holds `key` (or `stop` is set: yields None) and keep it until
    the block ends."""
    async with pool.acquire() as conn:
        while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", key):
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=retry_s)
            if stop.is_set():
                yield None
                return
        log.info("leader.elected", worker=name, lock=key)
        try:
            yield Leadership(conn, key)
        finally:
            await release_session_lock(conn, "SELECT pg_advisory_unlock($1)", key)
            log.info("leader.resigned", worker=name, lock=key)


async def release_session_lock(conn: Any, unlock_sql: str, *args: Any) -> None:
    """Release a session-level advisory lock before the connection goes back to the pool.

    The kit's pools do not reset a session on release (`rangkui_eventkit.db`: that would be
    a round trip per command), so a lock left behind would stay with the pooled connection:
    a connection on which the unlock fails, or finds nothing to unlock, is closed instead."""
    with contextlib.suppress(Exception):
        if await conn.fetchval(unlock_sql, *args):
            return
    with contextlib.suppress(Exception):  # already closed (and given back) by the driver
        conn.terminate()
