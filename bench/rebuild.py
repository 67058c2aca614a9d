"""Benchmark 3, projection rebuild: replay a topic of M events into an empty read model.

A fast raw producer writes M personnel events (a quarter `EmployeeRegistered`, then three
rounds of `EmployeeReassigned`, as valid binary-mode CloudEvents, versions in order per
employee) to the run's own personnel topic. Then, timed from start to caught up:

- ours: a `ConsumerRunner` with a simple realistic projection (one upsert per event into an
  employee directory table through `ctx.sql.add`), exactly-once positions and all;
- reference: a bare `AIOKafkaConsumer` with the runner's fetch settings reading the same
  topic and doing nothing with the records (the consumer's limit).

    .venv/bin/python -m bench.rebuild [--smoke] [--events M] [--batch-size B]
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from pydantic import Field, ValidationError

import rangkui_eventkit.consumer as consumer_module
from bench.common import (
    Report,
    Stopwatch,
    bench_env,
    employee,
    machine_info,
    maybe_profile,
    nip,
    parser,
    quiet_logs,
)
from rangkui_contracts import DomainEvent, Envelope, MalformedEvent, parse_event
from rangkui_contracts.events.common import Value
from rangkui_contracts.events.personnel import (
    EmployeeReassigned,
    EmployeeRegistered,
    EmployeeRegisteredV2,
)
from rangkui_contracts.topics import PERSONNEL
from rangkui_eventkit.consumer import ConsumerRunner
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles
from rangkui_eventkit.kafka import make_producer

TARGET_EVENTS_PER_S = 30_000
TARGET_VS_BARE = 0.5
ROUNDS = 4  # events per employee: registered, then three moves

_DIRECTORY = """
CREATE TABLE {table} (
    nip         text PRIMARY KEY,
    name        text NOT NULL,
    grade       text NOT NULL,
    unit_id     text NOT NULL,
    position_id text NOT NULL,
    version     integer NOT NULL
)"""


class EmployeeDirectory(Projection):
    """Where every employee works now: one upsert per event."""

    name = "bench_employee_directory"
    topics = (PERSONNEL,)
    tables: ClassVar[tuple[str, ...]] = ("bench_employees",)

    @property
    def table(self) -> str:
        return self.tables[0]

    @handles(EmployeeRegisteredV2)  # the version-1 records produced here are upcast
    async def on_registered(
        self, ctx: BatchContext, event: EmployeeRegisteredV2, received: Received
    ) -> None:
        ctx.sql.add(
            f"""INSERT INTO {self.table} (nip, name, grade, unit_id, position_id, version)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (nip) DO UPDATE SET name = EXCLUDED.name, grade = EXCLUDED.grade,
                   unit_id = EXCLUDED.unit_id, position_id = EXCLUDED.position_id,
                   version = EXCLUDED.version""",
            event.nip,
            event.name,
            event.grade,
            event.unit_id,
            event.position_id,
            received.envelope.streamversion or 0,
        )

    @handles(EmployeeReassigned)
    async def on_reassigned(
        self, ctx: BatchContext, event: EmployeeReassigned, received: Received
    ) -> None:
        ctx.sql.add(
            f"""INSERT INTO {self.table} (nip, name, grade, unit_id, position_id, version)
               VALUES ($1, '', '', $2, $3, $4)
               ON CONFLICT (nip) DO UPDATE SET unit_id = EXCLUDED.unit_id,
                   position_id = EXCLUDED.position_id, version = EXCLUDED.version""",
            event.nip,
            event.to_unit_id,
            event.to_position_id,
            received.envelope.streamversion or 0,
        )


class ProposedDirectory(EmployeeDirectory):
    """The same projection under another name and table, for `--compare-proposed`."""

    name = "bench_employee_directory_proposed"
    tables: ClassVar[tuple[str, ...]] = ("bench_employees_proposed",)


# ------------------------------------------------------- proposed decoding (prototype)
class _ContactReader(Value):
    """`Contact` with the e-mail checked by a pattern (in pydantic-core) instead of
    `EmailStr` (the email-validator package, in Python): the proposed contract change."""

    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str | None = None


class _EmployeeRegisteredReader(EmployeeRegistered):
    wire_name = "EmployeeRegistered"
    contact: _ContactReader = Field(default_factory=_ContactReader)  # type: ignore[assignment]


_READERS: dict[str, type[DomainEvent]] = {EmployeeRegistered.ce_type(): _EmployeeRegisteredReader}


def _fast_parse_event(ce_type: str, data: dict[str, Any]) -> DomainEvent:
    reader = _READERS.get(ce_type)
    if reader is None:
        return parse_event(ce_type, data)
    try:
        return reader.model_validate(data, extra="ignore")
    except ValidationError as exc:
        raise MalformedEvent(f"{ce_type} does not match its schema: {exc}") from exc


@contextlib.contextmanager
def proposed_decoding() -> Iterator[None]:
    """Swap the consumer module's `parse_event` for the prototype above, in this process only."""
    saved = consumer_module.parse_event
    consumer_module.parse_event = _fast_parse_event
    try:
        yield
    finally:
        consumer_module.parse_event = saved


# ------------------------------------------------------------------------- producing
class _Template:
    """A valid event's bytes, with its NIP swapped per record (cheap, so M can be large)."""

    def __init__(self, event: EmployeeRegistered | EmployeeReassigned) -> None:
        env = Envelope.wrap(
            event, source="/rangkui/personnel", subject="x", correlationid="c", actor="bench"
        )
        self.nip = event.nip.encode()
        self.value = env.kafka_value()
        self.type = env.type.encode()

    def value_for(self, employee_nip: bytes) -> bytes:
        return self.value.replace(self.nip, employee_nip)


def _moved(i: int, round_: int) -> EmployeeReassigned:
    return EmployeeReassigned(
        nip=nip(i),
        from_unit_id=f"sma-{round_}-kota",
        from_position_id=f"guru-{round_}",
        to_unit_id=f"sma-{round_ + 1}-kota",
        to_position_id=f"guru-{round_ + 1}",
        tmt=date(2026, 1, 2),
        mutation_id=f"mut-{round_}",
    )


async def produce(bootstrap: str, topic: str, count: int) -> float:
    """Write `count` events as fast as a raw producer can; return the seconds it took."""
    templates = [_Template(employee(0))] + [_Template(_moved(0, r)) for r in range(1, ROUNDS)]
    employees = max(1, count // ROUNDS)
    time_header = datetime.now(UTC).isoformat().replace("+00:00", "Z").encode()
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks=1,
        linger_ms=20,
        max_batch_size=1024 * 1024,
        enable_idempotence=False,
    )
    await producer.start()
    watch = Stopwatch()
    try:
        futures = []
        sent = 0
        for round_ in range(ROUNDS):
            template = templates[round_]
            for i in range(employees):
                if sent == count:
                    break
                employee_nip = nip(i).encode()
                subject = b"employee-" + employee_nip
                headers = [
                    ("ce_id", str(uuid.uuid4()).encode()),
                    ("ce_source", b"/rangkui/personnel"),
                    ("ce_specversion", b"1.0"),
                    ("ce_type", template.type),
                    ("ce_time", time_header),
                    ("ce_subject", subject),
                    ("content-type", b"application/json"),
                    ("ce_correlationid", b"bench-import"),
                    ("ce_actor", b"bench"),
                    ("ce_streamversion", str(round_ + 1).encode()),
                ]
                futures.append(
                    await producer.send(
                        topic, value=template.value_for(employee_nip), key=subject, headers=headers
                    )
                )
                sent += 1
                if len(futures) >= 50_000:
                    await asyncio.gather(*futures)
                    futures.clear()
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    if sent != count:
        raise ValueError(f"--events must be a multiple of {ROUNDS} (sent {sent} of {count})")
    return watch.elapsed


# ------------------------------------------------------------------------- consuming
async def bare_consumer(bootstrap: str, topic: str, count: int, batch_size: int) -> float:
    """Seconds for a bare consumer (the runner's fetch settings) to read `count` records."""
    watch = Stopwatch()
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"bench-bare-{uuid.uuid4().hex[:8]}",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_poll_records=batch_size,
        fetch_max_bytes=64 * 1024 * 1024,
        max_partition_fetch_bytes=8 * 1024 * 1024,
    )
    await consumer.start()
    try:
        seen = 0
        deadline = time.perf_counter() + 600
        while seen < count:
            polled = await consumer.getmany(timeout_ms=100, max_records=batch_size)
            seen += sum(len(records) for records in polled.values())
            if time.perf_counter() > deadline:
                raise TimeoutError(f"bare consumer read {seen} of {count} records")
        return watch.elapsed
    finally:
        await consumer.stop()


async def runner_rebuild(
    pool: Any,
    bootstrap: str,
    prefix: str,
    count: int,
    batch_size: int,
    handler: EmployeeDirectory | None = None,
) -> float:
    """Seconds for a ConsumerRunner to apply `count` events to the empty read model."""
    runner = ConsumerRunner(
        pool=pool,
        handler=handler or EmployeeDirectory(),
        bootstrap_servers=bootstrap,
        service="bench",
        producer_factory=lambda: make_producer(bootstrap),
        topic_prefix=prefix,
        batch_size=batch_size,
    )
    stop = asyncio.Event()
    watch = Stopwatch()
    task = asyncio.create_task(runner.run(stop))
    try:
        deadline = time.perf_counter() + 1800
        while True:
            if runner.applied >= count:
                break
            if task.done() or time.perf_counter() > deadline:
                raise TimeoutError(f"runner applied {runner.applied} of {count} events")
            await asyncio.sleep(0.02)
        return watch.elapsed
    finally:
        stop.set()
        await task


async def _check_read_model(pool: Any, table: str, events: int) -> None:
    """Every employee is in the read model, at its last version: the rebuild was real."""
    employees = await pool.fetchval(f"SELECT count(*) FROM {table}")
    current = await pool.fetchval(f"SELECT count(*) FROM {table} WHERE version = $1", ROUNDS)
    if employees != events // ROUNDS or current != employees:
        raise RuntimeError(f"{table} is wrong: {employees} employees, {current} up to date")


async def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=1_000_000, help="events in the topic")
    p.add_argument("--batch-size", type=int, default=2000, help="ConsumerRunner batch_size")
    p.add_argument(
        "--compare-proposed",
        action="store_true",
        help="also rebuild with the proposed event contract (prototype, patched in-process)",
    )
    args = p.parse_args(argv)
    if args.smoke:
        args.events = 5000
    quiet_logs()
    report = Report(
        "rebuild", {k: v for k, v in vars(args).items() if k not in ("json", "profile")}
    )
    async with bench_env() as env:
        bootstrap = env.infra.kafka_bootstrap
        topic = PERSONNEL.qualified(env.prefix)
        produce_s = await produce(bootstrap, topic, args.events)
        report.figure("produce.raw_producer.events_per_s", args.events / produce_s, "events/s")
        pool = await env.kit_pool("rebuild", size=2)
        try:
            async with pool.acquire() as conn:
                await conn.execute(_DIRECTORY.format(table=EmployeeDirectory.tables[0]))
                await conn.execute(_DIRECTORY.format(table=ProposedDirectory.tables[0]))
            bare_s = await bare_consumer(bootstrap, topic, args.events, args.batch_size)
            with maybe_profile(args.profile and f"{args.profile}.runner.txt"):
                ours_s = await runner_rebuild(
                    pool, bootstrap, env.prefix, args.events, args.batch_size
                )
            await _check_read_model(pool, EmployeeDirectory.tables[0], args.events)
            proposed_s = None
            if args.compare_proposed:
                with (
                    proposed_decoding(),
                    maybe_profile(args.profile and f"{args.profile}.proposed.txt"),
                ):
                    proposed_s = await runner_rebuild(
                        pool,
                        bootstrap,
                        env.prefix,
                        args.events,
                        args.batch_size,
                        ProposedDirectory(),
                    )
                await _check_read_model(pool, ProposedDirectory.tables[0], args.events)
        finally:
            await pool.close()
        ours = args.events / ours_s
        bare = args.events / bare_s
        report.figure("rebuild.runner.events_per_s", ours, "events/s")
        report.figure("rebuild.bare_consumer.events_per_s", bare, "events/s")
        report.figure("rebuild.runner.seconds", ours_s, "s")
        report.absolute_target("rebuild.runner_vs_target", ours, TARGET_EVENTS_PER_S, "events/s")
        report.ratio("rebuild.runner_vs_bare_consumer", ours, bare, TARGET_VS_BARE)
        if proposed_s is not None:
            proposed = args.events / proposed_s
            report.figure("rebuild.proposed_decoding.events_per_s", proposed, "events/s")
            report.ratio("rebuild.proposed_vs_runner", proposed, ours)
        report.params["postgresql"] = env.pg_version
    report.write_json(args.json, machine_info())
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
