"""Benchmark 2, outbox relay: commit-to-acknowledgement throughput and lag.

1. Backlog: N events are committed first (batched multi-stream appends, which write their
   outbox rows as any append does), then `OutboxRelay.drain_once` is called until the
   outbox is empty: events/s from committed to acknowledged by the broker (and deleted).
2. Reference: a bare aiokafka producer with the settings of `make_producer` sending the
   same records (key, value and headers built beforehand from the same rows).
3. Lag: `OutboxRelay.run` (woken by NOTIFY, as in a service) under a steady offered load
   (`--rate` events/s for `--seconds`, committed as one multi-stream append per tick); the
   lag of an event is from its append having returned (committed) to the relay reporting
   its batch published (acknowledged and its outbox rows deleted), so it slightly
   overstates the broker-ack time.

    .venv/bin/python -m bench.relay [--smoke] [--events N] [--rate R] [--seconds S]
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

import asyncpg
from aiokafka.partitioner import DefaultPartitioner

from bench.common import (
    Report,
    Stopwatch,
    bench_env,
    employee,
    machine_info,
    maybe_profile,
    parser,
    percentile,
    quiet_logs,
)
from rangkui_contracts.events.personnel import EmployeeRegistered
from rangkui_eventkit.context import Cause
from rangkui_eventkit.kafka import make_producer
from rangkui_eventkit.outbox import OutboxRelay
from rangkui_eventkit.store import PostgresEventStore, StreamWrite, envelope_from_row

TARGET_EVENTS_PER_S = 20_000
TARGET_VS_BARE = 0.5
FILL_BATCH = 1000
SAMPLES = 500  # distinct payloads, cycled over the streams

Record = tuple[str, bytes, bytes, list[tuple[str, bytes]]]


async def fill(
    store: PostgresEventStore, events: list[EmployeeRegistered], count: int, tag: str
) -> None:
    """Commit `count` new single-event streams, FILL_BATCH streams per append."""
    cause = Cause.new("bench")
    for start in range(0, count, FILL_BATCH):
        writes = [
            StreamWrite(f"employee-{tag}-{i}", 0, [events[i % len(events)]])
            for i in range(start, min(start + FILL_BATCH, count))
        ]
        await store.append(writes, cause)


async def outbox_records(pool: asyncpg.Pool) -> list[Record]:
    """The backlog as Kafka records (key, value, headers), built before any timing starts
    through the contracts' public `Envelope` (independent of how the relay builds them)."""
    rows = await pool.fetch(
        """SELECT o.topic, e.* FROM outbox o JOIN events e ON e.global_position = o.position
           ORDER BY o.position"""
    )
    out: list[Record] = []
    for row in rows:
        env = envelope_from_row(row)
        out.append((row["topic"], env.kafka_key(), env.kafka_value(), env.kafka_headers()))
    return out


async def drain(relay: OutboxRelay) -> tuple[int, float]:
    """Call drain_once until the outbox is empty; (events sent, seconds)."""
    watch = Stopwatch()
    sent = 0
    while n := await relay.drain_once():
        sent += n
    return sent, watch.elapsed


async def bare_producer(bootstrap: str, records: list[Record]) -> float:
    """Seconds for a bare producer (make_producer's settings) to get every record acked."""
    producer = make_producer(bootstrap, client_id="bench-bare")
    await producer.start()
    try:
        await producer.send_and_wait(*_warm(records[0]))
        watch = Stopwatch()
        futures = [
            await producer.send(topic, value=value, key=key, headers=headers)
            for topic, key, value, headers in records
        ]
        await asyncio.gather(*futures)
        return watch.elapsed
    finally:
        await producer.stop()


async def bare_producer_batches(bootstrap: str, records: list[Record]) -> float:
    """The same with aiokafka's batch API (`create_batch`/`send_batch`, partitions chosen
    with the producer's own murmur2 partitioner): what the client can do without the
    per-record `send()` coroutine. Not the reference; it shows the room left."""
    producer = make_producer(bootstrap, client_id="bench-bare-batches")
    await producer.start()
    try:
        await producer.send_and_wait(*_warm(records[0]))
        watch = Stopwatch()
        partitions: dict[str, list[int]] = {}
        open_batches: dict[tuple[str, int], Any] = {}
        futures = []
        for topic, key, value, headers in records:
            if topic not in partitions:
                partitions[topic] = sorted(await producer.partitions_for(topic))
            part = DefaultPartitioner()(key, partitions[topic], partitions[topic])
            batch = open_batches.get((topic, part))
            if batch is None:
                batch = open_batches[(topic, part)] = producer.create_batch()
            if batch.append(key=key, value=value, timestamp=None, headers=headers) is None:
                futures.append(await producer.send_batch(batch, topic, partition=part))
                batch = open_batches[(topic, part)] = producer.create_batch()
                batch.append(key=key, value=value, timestamp=None, headers=headers)
        for (topic, part), batch in open_batches.items():
            if batch.record_count():
                futures.append(await producer.send_batch(batch, topic, partition=part))
        await asyncio.gather(*futures)
        return watch.elapsed
    finally:
        await producer.stop()


def _warm(record: Record) -> tuple[str, bytes]:
    topic, _, value, _ = record
    return topic, value


async def steady_load(
    store: PostgresEventStore,
    relay: OutboxRelay,
    events: list[EmployeeRegistered],
    *,
    rate: int,
    seconds: float,
    tick_s: float,
) -> dict[str, Any]:
    """Offer `rate` events/s for `seconds` while the relay runs; lag per event."""
    published: list[tuple[float, int]] = []  # (time, cumulative count)
    total = 0
    expected = float("inf")
    caught_up = asyncio.Event()

    def on_published(count: int) -> None:
        nonlocal total
        total += count
        published.append((time.perf_counter(), total))
        if total >= expected:
            caught_up.set()

    relay.on_published = on_published
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))
    committed: list[tuple[float, int]] = []  # (time the append returned, events in it)
    cause = Cause.new("bench")
    per_tick = max(1, round(rate * tick_s))
    ticks = round(seconds / tick_s)
    start = time.perf_counter()
    serial = 0
    for k in range(ticks):
        delay = start + k * tick_s - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        writes = [
            StreamWrite(f"steady-{serial + i}", 0, [events[(serial + i) % len(events)]])
            for i in range(per_tick)
        ]
        serial += per_tick
        await store.append(writes, cause)
        committed.append((time.perf_counter(), per_tick))
    offered_s = time.perf_counter() - start
    expected = serial
    if total >= expected:
        caught_up.set()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(caught_up.wait(), timeout=60)
    stop.set()
    await task
    relay.on_published = None
    if total < serial:
        raise RuntimeError(f"relay published {total} of {serial} events within the deadline")
    # Single writer: positions follow commit order, and the relay sends in position order,
    # so the k-th committed event is the k-th published one.
    lags: list[float] = []
    p = 0
    seen = 0
    for at, count in committed:
        for _ in range(count):
            seen += 1
            while published[p][1] < seen:
                p += 1
            lags.append(published[p][0] - at)
    return {
        "offered_per_s": serial / offered_s,
        "events": serial,
        "p50_ms": percentile(lags, 50) * 1000,
        "p99_ms": percentile(lags, 99) * 1000,
        "max_ms": max(lags) * 1000,
    }


async def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=100_000, help="backlog size")
    p.add_argument("--batch-size", type=int, default=2000, help="OutboxRelay batch_size")
    p.add_argument("--rate", type=int, default=2000, help="offered load, events/s")
    p.add_argument("--seconds", type=float, default=10.0, help="offered load duration")
    p.add_argument("--tick-ms", type=float, default=50.0, help="one append per tick")
    args = p.parse_args(argv)
    if args.smoke:
        args.events, args.rate, args.seconds = 2000, 500, 1.0
    quiet_logs()
    report = Report("relay", {k: v for k, v in vars(args).items() if k not in ("json", "profile")})
    events = [employee(i) for i in range(SAMPLES)]
    async with bench_env() as env:
        bootstrap = env.infra.kafka_bootstrap
        pool = await env.kit_pool("relay", size=4)
        try:
            store = PostgresEventStore(pool, "/rangkui/bench", env.prefix)
            relay = OutboxRelay(pool, lambda: make_producer(bootstrap), batch_size=args.batch_size)
            await fill(store, events, 1, "warmup")
            await relay.drain_once()  # producer connected, metadata known: not timed
            await fill(store, events, args.events, "backlog")
            records = await outbox_records(pool)
            with maybe_profile(args.profile and f"{args.profile}.drain.txt"):
                sent, elapsed = await drain(relay)
            if sent != args.events:
                raise RuntimeError(f"relay sent {sent} of {args.events} events")
            bare_s = await bare_producer(bootstrap, records)
            batches_s = await bare_producer_batches(bootstrap, records)
            ours = sent / elapsed
            bare = len(records) / bare_s
            report.figure("backlog.relay.events_per_s", ours, "events/s")
            report.figure("backlog.bare_producer.events_per_s", bare, "events/s")
            report.figure(
                "backlog.bare_producer_batch_api.events_per_s", len(records) / batches_s, "events/s"
            )
            report.absolute_target("backlog.relay_vs_target", ours, TARGET_EVENTS_PER_S, "events/s")
            report.ratio("backlog.relay_vs_bare_producer", ours, bare, TARGET_VS_BARE)
            lag = await steady_load(
                store,
                relay,
                events,
                rate=args.rate,
                seconds=args.seconds,
                tick_s=args.tick_ms / 1000,
            )
            report.figure("steady.offered.events_per_s", lag["offered_per_s"], "events/s")
            report.figure("steady.lag.p50_ms", lag["p50_ms"], "ms")
            report.figure("steady.lag.p99_ms", lag["p99_ms"], "ms")
            report.figure("steady.lag.max_ms", lag["max_ms"], "ms")
        finally:
            await pool.close()
        report.params["postgresql"] = env.pg_version
    report.write_json(args.json, machine_info())
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
