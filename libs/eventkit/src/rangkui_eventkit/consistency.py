"""Read your own writes: a command's answer names the stream version it produced (body
`version`, header `ETag`), and a read by id waits, bounded, until the read model applied it.

The read models are built from Kafka, so they trail the event store by the relay's and the
consumer's lag (docs/api.md has the measured figures). Every consumer records, per stream,
the last version it applied (`consumer_streams`, written in the same transaction as the
read model's rows), which is what a read waits for:
- with `min_version=N` (the `version` a command answered), until the read model's consumer
  applied version N of the stream, at most `MAX_WAIT_S`; if it has not by then, the answer is
  a 503 problem (`read_model_behind`) with `Retry-After`, never a stale or missing record;
- without it, until the consumer applied the stream's latest stored version, at most
  `IMPLICIT_WAIT_S`, and then it answers what the read model holds (so a record just
  created is found without the client knowing the protocol, yet a stalled consumer cannot
  hold every read for long).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated
from urllib.parse import quote

import asyncpg
from fastapi import Query, Request, Response

from rangkui_eventkit.errors import DomainError, ErrorKind
from rangkui_eventkit.limits import INT_MAX
from rangkui_eventkit.problems import RETRY_AFTER_SECONDS

MAX_WAIT_S = 5.0
IMPLICIT_WAIT_S = 1.0
POLL_INTERVAL_S = 0.02


class ReadModelBehind(DomainError):
    """The read model has not applied the version the caller asked for within the bound."""

    kind = ErrorKind.UNAVAILABLE
    code = "read_model_behind"

    def __init__(self, message: str, *, details: dict[str, object]) -> None:
        super().__init__(message, details=details)
        self.headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}


MinVersion = Annotated[
    int | None,
    Query(
        ge=1,
        le=INT_MAX,
        description=(
            "Read your own write: wait (at most 5 s) until the read model holds at least this "
            "version of the record, the `version` (or `ETag`) a command answered; 503 with "
            "Retry-After if it does not by then."
        ),
    ),
]


async def applied_version(
    conn: asyncpg.Pool | asyncpg.Connection, consumer: str, stream_key: str
) -> int:
    """The last version of a stream that a consumer applied (0 if none)."""
    version = await conn.fetchval(
        "SELECT version FROM consumer_streams WHERE consumer = $1 AND stream_id = $2",
        consumer,
        stream_key,
    )
    return int(version or 0)


async def stored_version(conn: asyncpg.Pool | asyncpg.Connection, stream_id: str) -> int:
    """The latest version of a stream in this service's event store (0 if none)."""
    version = await conn.fetchval("SELECT max(version) FROM events WHERE stream_id = $1", stream_id)
    return int(version or 0)


async def wait_until_applied(
    pool: asyncpg.Pool,
    *,
    consumer: str,
    source: str,
    stream_id: str,
    min_version: int | None,
    clock: Callable[[], float] | None = None,
) -> None:
    """Wait as the module docstring says; raises `ReadModelBehind` only for `min_version`.
    A version the event store does not hold is never waited for: the store is the truth,
    so `min_version` beyond it waits for the stored version (a record that was never written
    answers 404 at once)."""
    stored = await stored_version(pool, stream_id)
    target = stored if min_version is None else min(min_version, stored)
    if target == 0:
        return  # nothing written: the read answers what it has (likely 404)
    key = f"{source}|{stream_id}"
    now = clock or asyncio.get_running_loop().time
    deadline = now() + (MAX_WAIT_S if min_version is not None else IMPLICIT_WAIT_S)
    while True:
        applied = await applied_version(pool, consumer, key)
        if applied >= target:
            return
        if now() >= deadline:
            break
        await asyncio.sleep(POLL_INTERVAL_S)
    if min_version is not None:
        raise ReadModelBehind(
            f"Data belum mencapai versi {target} (baru versi {applied}); coba lagi sebentar.",
            details={"min_version": min_version, "applied_version": applied},
        )


Locate = Callable[[asyncpg.Pool, str], Awaitable[str | None]]
"""Finds the stream of a record whose id does not name its stream (None: not found)."""

RECENT_EVENTS = 10_000
"""How far back `recent_stream_with` looks: a record just written is among these."""


def recent_stream_with(field: str, type_prefix: str) -> Locate:
    """A `Locate` for records kept inside another stream (an evaluation in its plan's or the
    employee's appraisal stream): the stream of the latest of the last `RECENT_EVENTS` events
    whose type starts with `type_prefix` and whose payload's `field` is the id. Bounded by
    the primary key, so a read of an unknown id costs the same small scan every time."""

    async def locate(pool: asyncpg.Pool, value: str) -> str | None:
        stream: str | None = await pool.fetchval(
            """SELECT stream_id FROM events
               WHERE global_position > (SELECT coalesce(max(global_position), 0) FROM events) - $1
                 AND event_type LIKE $2 AND data ->> $3 = $4
               ORDER BY global_position DESC LIMIT 1""",
            RECENT_EVENTS,
            type_prefix.replace("%", r"\%") + "%",
            field,
            value,
        )
        return stream

    return locate


def consistent_read(
    consumer: str,
    stream: Callable[[str], str] | None = None,
    *,
    param: str,
    locate: Locate | None = None,
) -> Callable[[Request, int | None], Awaitable[None]]:
    """A FastAPI dependency for a read by id: the record named by path parameter `param`
    lives in stream `stream(value)` of this service's own event store (or the one `locate`
    finds), projected by `consumer`. Copies of another service's records (mutation's view of
    an employee) are eventually consistent only: see docs/api.md."""
    if (stream is None) == (locate is None):
        raise ValueError("consistent_read needs either stream or locate")

    async def dependency(request: Request, min_version: MinVersion = None) -> None:
        service = request.app.state.service
        value = request.path_params[param]
        stream_id = stream(value) if stream is not None else await locate(service.pool, value)  # type: ignore[misc]
        if stream_id is None:
            return
        await wait_until_applied(
            service.pool,
            consumer=consumer,
            source=service.source,
            stream_id=stream_id,
            min_version=min_version,
        )

    return dependency


def answer_written(response: Response, version: int | None, location: str | None = None) -> None:
    """Headers of a command's answer: the stream version it produced as a strong `ETag`
    (the value to pass as `min_version`), and for a creation the new record's `Location`
    (its path, percent-encoded: an id may hold any character)."""
    if version:  # a command that changed nothing has no new version
        response.headers["ETag"] = f'"{version}"'
    if location is not None:
        response.headers["Location"] = quote(location, safe="/")
