"""The outbox relay: publishes committed events to Kafka, in order per stream, in batches.

Guarantees
- Nothing is published that was not committed, and nothing committed is lost: an event's
  outbox row is written in the same transaction as the event, and deleted only after the
  broker acknowledged the record (idempotent producer, `acks=all`).
- With Kafka down the rows simply stay: the backlog waits in PostgreSQL and drains, in the
  same order, when the broker returns.
- Order per stream: rows are read in global-position order. Two events of one stream are
  always committed in version order (the second append had to read the first), so the later
  event also has the larger position and is sent after it, to the same partition (key =
  stream id).
- No event is skipped when transactions commit out of sequence order. The relay does not
  remember "the last position sent"; it sends whatever outbox rows are visible and deletes
  exactly those. A row whose transaction commits late (with a smaller position than rows
  already sent) is simply found by the next read. The cost: a DELETE per batch and a
  table that must stay small (it holds only the unsent backlog).
- Delivery is at least once: a crash between the broker's acknowledgement and the DELETE
  re-sends those records. Consumers skip them by stream version (`consumer`).

- A record the broker will not take (over its message size limit) does not stop the relay:
  it is moved, with its reason, from `outbox` to `outbox_quarantine` (`on_quarantined`, the
  `rangkui_outbox_quarantined_total` alert) and the rest are published. Records over
  `max_record_bytes` are quarantined before sending; a batch the broker refuses as too
  large is retried record by record, so only the records it refuses are quarantined.

One relay per database is active at a time (a PostgreSQL advisory lock held on its own
connection), so several replicas of a service never interleave their sends.

Wake-up: an append in the same process wakes the relay at once (`wake`, wired by the
service); appends from other processes are found by polling (`poll_interval_s`). There is
deliberately no NOTIFY in the append: PostgreSQL serialises the commits of notifying
transactions on one cluster-wide lock (docs/benchmarks.md, F1).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import asyncpg
from aiokafka import AIOKafkaProducer
from aiokafka.errors import MessageSizeTooLargeError, RecordTooLargeError
from aiokafka.partitioner import DefaultPartitioner

from rangkui_contracts.envelope import binary_headers
from rangkui_eventkit.bounds import RECORD_LIMIT
from rangkui_eventkit.kafka import LazyProducer
from rangkui_eventkit.leader import release_session_lock
from rangkui_eventkit.logging import get_logger

log = get_logger(__name__)
_LEADER_LOCK = 7_245_002
_RECHECK_S = 0.02


class OutboxRelay:
    def __init__(
        self,
        pool: asyncpg.Pool,
        producer_factory: Callable[[], AIOKafkaProducer],
        *,
        batch_size: int = 2000,
        poll_interval_s: float = 0.1,
        on_published: Callable[[int], None] | None = None,
        on_quarantined: Callable[[int], None] | None = None,
        max_record_bytes: int = RECORD_LIMIT,
    ) -> None:
        self.pool = pool
        self.on_quarantined = on_quarantined
        self.max_record_bytes = max_record_bytes
        self.quarantined = 0
        self.batch_size = batch_size
        self.poll_interval_s = poll_interval_s
        self.on_published = on_published
        self.published = 0
        self._wake = asyncio.Event()
        self._producer = LazyProducer(producer_factory)
        self._partitioner = DefaultPartitioner()

    _FETCH = """
        SELECT o.position, o.topic, e.stream_id, e.version, e.event_id::text AS event_id,
               e.event_type, e.data::text AS data_text, e.metadata, e.recorded_at
        FROM outbox o JOIN events e ON e.global_position = o.position
        ORDER BY o.position
        LIMIT $1
    """

    async def backlog(self) -> int:
        return await self.pool.fetchval("SELECT count(*) FROM outbox")

    async def run(self, stop: asyncio.Event) -> None:
        """Relay until `stop` is set; waits for leadership, reconnects after faults."""
        while not stop.is_set():
            try:
                await self._run_as_leader(stop)
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning("outbox.database_unavailable", error=str(exc))
                await _sleep_or_stop(stop, 1.0)
        await self._producer.close()

    async def _run_as_leader(self, stop: asyncio.Event) -> None:
        async with self.pool.acquire() as leader_conn:
            while not await leader_conn.fetchval("SELECT pg_try_advisory_lock($1)", _LEADER_LOCK):
                if await _sleep_or_stop(stop, 2.0):
                    return
            log.info("outbox.leader")
            try:
                await self._loop(stop)
            finally:
                await release_session_lock(
                    leader_conn, "SELECT pg_advisory_unlock($1)", _LEADER_LOCK
                )

    async def _loop(self, stop: asyncio.Event) -> None:
        backoff = 0.5
        while not stop.is_set():
            woken = self._wake.is_set()
            self._wake.clear()
            try:
                sent = await self.drain_once()
                backoff = 0.5
            except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError):
                raise
            except Exception as exc:  # broker faults: keep the backlog, retry with backoff
                log.warning("outbox.publish_failed", error=repr(exc), retry_in_s=backoff)
                await self._producer.close()
                if await _sleep_or_stop(stop, backoff):
                    return
                backoff = min(backoff * 2, 5.0)
                continue
            if sent < self.batch_size:
                # Woken for an append made inside a transaction that had not committed yet:
                # look again very soon rather than at the next poll.
                pause = _RECHECK_S if woken and sent == 0 else self.poll_interval_s
                await _wait_any(stop, self._wake, pause)

    def wake(self) -> None:
        """Publish now rather than at the next poll (called after an append in-process)."""
        self._wake.set()

    async def drain_once(self) -> int:
        """Publish one batch of the backlog; return how many records were acknowledged.

        Records go through the client's batch API, one batch per partition, chosen by the
        same murmur2 partitioner that `send()` uses: every stream keeps its partition and,
        since batches of one partition are handed over in position order, its order.
        """
        rows = await self.pool.fetch(self._FETCH, self.batch_size)
        if not rows:
            return 0
        records = [_record(row) for row in rows]
        fitting = [r for r in records if r.size <= self.max_record_bytes]
        await self._quarantine(
            [r for r in records if r.size > self.max_record_bytes],
            f"record larger than the broker's message limit ({self.max_record_bytes} bytes)",
        )
        if fitting:
            try:
                await self._send_batches(fitting)
            except (MessageSizeTooLargeError, RecordTooLargeError):
                # The broker (or one topic) has a lower limit than ours: find which records
                # it refuses, one by one, with a fresh producer.
                await self._producer.close()
                refused = await self._send_one_by_one(fitting)
                await self._quarantine(refused, "the broker refused the record as too large")
                fitting = [r for r in fitting if r not in refused]
        await self.pool.execute(
            "DELETE FROM outbox WHERE position = ANY($1::bigint[])", [r.position for r in fitting]
        )
        self.published += len(fitting)
        if self.on_published and fitting:
            self.on_published(len(fitting))
        log.debug("outbox.published", count=len(fitting), last_position=rows[-1]["position"])
        return len(rows)

    async def _send_batches(self, records: list[_Record]) -> None:
        producer = await self._producer.get()
        partitions: dict[str, list[int]] = {}
        batches: dict[tuple[str, int], Any] = {}
        futures = []
        for r in records:
            if r.topic not in partitions:
                partitions[r.topic] = sorted(await producer.partitions_for(r.topic))
            partition = self._partitioner(r.key, partitions[r.topic], partitions[r.topic])
            batch = batches.get((r.topic, partition))
            if batch is None:
                batch = batches[(r.topic, partition)] = producer.create_batch()
            if batch.append(key=r.key, value=r.value, timestamp=None, headers=r.headers) is None:
                futures.append(await producer.send_batch(batch, r.topic, partition=partition))
                batch = batches[(r.topic, partition)] = producer.create_batch()
                if (
                    batch.append(key=r.key, value=r.value, timestamp=None, headers=r.headers)
                    is None
                ):
                    raise RecordTooLargeError(f"position {r.position} fits no batch")
        for (topic, partition), batch in batches.items():
            futures.append(await producer.send_batch(batch, topic, partition=partition))
        await asyncio.gather(*futures)

    async def _send_one_by_one(self, records: list[_Record]) -> list[_Record]:
        """Send each record on its own, in order; return those refused as too large."""
        refused = []
        producer = await self._producer.get()
        for r in records:
            try:
                await producer.send_and_wait(r.topic, key=r.key, value=r.value, headers=r.headers)
            except (MessageSizeTooLargeError, RecordTooLargeError):
                refused.append(r)
                await self._producer.close()
                producer = await self._producer.get()
        return refused

    async def _quarantine(self, records: list[_Record], reason: str) -> None:
        if not records:
            return
        async with self.pool.acquire() as conn, conn.transaction():
            await conn.executemany(
                """INSERT INTO outbox_quarantine (position, topic, record_bytes, reason)
                   VALUES ($1, $2, $3, $4) ON CONFLICT (position) DO NOTHING""",
                [(r.position, r.topic, r.size, reason) for r in records],
            )
            await conn.execute(
                "DELETE FROM outbox WHERE position = ANY($1::bigint[])",
                [r.position for r in records],
            )
        self.quarantined += len(records)
        if self.on_quarantined:
            self.on_quarantined(len(records))
        for r in records:
            log.error(
                "outbox.quarantined",
                position=r.position,
                topic=r.topic,
                record_bytes=r.size,
                reason=reason,
            )


@dataclass(frozen=True, eq=False)
class _Record:
    position: int
    topic: str
    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]]

    @property
    def size(self) -> int:
        """What the record weighs on the wire, near enough: key, value and headers."""
        return len(self.key) + len(self.value) + sum(len(k) + len(v) + 2 for k, v in self.headers)


def _append(batch: Any, r: _Record) -> bool:
    return batch.append(key=r.key, value=r.value, timestamp=None, headers=r.headers) is not None


def _record(row: Any) -> _Record:
    meta = row["metadata"]
    # Straight from the stored row to the wire: no envelope model on this hot path.
    headers = binary_headers(
        id=row["event_id"],
        source=meta["source"],
        type=row["event_type"],
        time=row["recorded_at"],
        subject=row["stream_id"],
        correlationid=meta["correlationid"],
        causationid=meta.get("causationid"),
        actor=meta["actor"],
        streamversion=row["version"],
    )
    return _Record(
        row["position"], row["topic"], row["stream_id"].encode(), row["data_text"].encode(), headers
    )


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep, waking early when stopping; True if stopping."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    return stop.is_set()


async def _wait_any(stop: asyncio.Event, wake: asyncio.Event, seconds: float) -> None:
    waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())]
    try:
        await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waiters:
            w.cancel()
