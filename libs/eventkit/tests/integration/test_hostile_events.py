"""Malformed and forged events on a real broker: each goes to the dead-letter topic with a
reason that says what was wrong, none is applied, none is lost, and the valid event
published after each one is still applied."""

import asyncio
from collections.abc import AsyncIterator, Callable

import asyncpg
import pytest
from aiokafka import AIOKafkaProducer

from rangkui_contracts import Envelope
from rangkui_contracts.events.mutation import MutationApproved
from rangkui_contracts.events.personnel import UnitRegistered
from rangkui_contracts.topics import DEAD_LETTER, PERSONNEL
from rangkui_eventkit.consumer import ConsumerRunner
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles
from rangkui_eventkit.kafka import make_producer
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import header, read_topic
from rangkui_eventkit.testing.plugin import eventually

pytestmark = pytest.mark.integration

Headers = list[tuple[str, bytes]]
Record = tuple[bytes, bytes, Headers]


class UnitNames(Projection):
    """Records every unit it is given; a forged or malformed event must never show up here."""

    name = "unit_names"
    topics = (PERSONNEL,)
    tables = ("unit_names",)

    @handles(UnitRegistered)
    async def on_registered(self, ctx: BatchContext, e: UnitRegistered, r: Received) -> None:
        ctx.sql.add(
            "INSERT INTO unit_names (stream_id, name) VALUES ($1, $2)",
            r.envelope.subject,
            e.name,
        )


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, max_size=5)
    async with pool.acquire() as conn:
        await migrate(conn)
        await conn.execute("CREATE TABLE unit_names (stream_id text PRIMARY KEY, name text)")
    yield pool
    await pool.close()


def unit(subject: str, *, source: str = "/rangkui/personnel") -> Envelope:
    event = UnitRegistered(unit_id=subject, name=f"unit {subject}", kind="OPD", region="Rangkui")
    return Envelope.wrap(
        event, source=source, subject=subject, correlationid="c", actor="t", streamversion=1
    )


def as_record(env: Envelope) -> Record:
    return env.kafka_key(), env.kafka_value(), env.kafka_headers()


def without(name: str) -> Callable[[str], Record]:
    def build(key: str) -> Record:
        k, v, h = as_record(unit(key))
        return k, v, [(n, b) for n, b in h if n != name]

    return build


def replaced(name: str, value: bytes) -> Callable[[str], Record]:
    def build(key: str) -> Record:
        k, v, h = as_record(unit(key))
        return k, v, [(n, value if n == name else b) for n, b in h]

    return build


def body(value: bytes) -> Callable[[str], Record]:
    def build(key: str) -> Record:
        k, _, h = as_record(unit(key))
        return k, value, h

    return build


def approval_on_the_personnel_topic(key: str) -> Record:
    event = MutationApproved(
        mutation_id="M-1",
        nip="199003152015032001",
        to_unit_id="U-1",
        to_position_id="P-1",
        approved_by="ppk",
    )
    env = Envelope.wrap(
        event, source="/rangkui/mutation", subject=key, correlationid="c", actor="x"
    )
    return as_record(env)


# case -> (how to build the record from its key, what the dead letter's reason must say)
CASES: dict[str, tuple[Callable[[str], Record], str]] = {
    "not-cloudevents": (
        lambda key: (key.encode(), b'{"unit_id": "x"}', []),
        "malformed: missing CloudEvents header(s): ce_id, ce_source, ce_specversion, ce_type",
    ),
    "no-id": (without("ce_id"), "malformed: missing CloudEvents header(s): ce_id"),
    "no-type": (without("ce_type"), "malformed: missing CloudEvents header(s): ce_type"),
    "no-source": (without("ce_source"), "malformed: missing CloudEvents header(s): ce_source"),
    "no-specversion": (
        without("ce_specversion"),
        "malformed: missing CloudEvents header(s): ce_specversion",
    ),
    "old-specversion": (
        replaced("ce_specversion", b"0.3"),
        "malformed: unsupported CloudEvents specversion '0.3'",
    ),
    "bad-time": (
        replaced("ce_time", b"yesterday"),
        "malformed: invalid CloudEvents attributes: time:",
    ),
    "bad-streamversion": (
        replaced("ce_streamversion", b"-1"),
        "malformed: invalid CloudEvents attributes: streamversion '-1' is not a number",
    ),
    "xml-content": (
        replaced("content-type", b"application/xml"),
        "malformed: unsupported content-type 'application/xml'",
    ),
    "unknown-type": (
        replaced("ce_type", b"rangkui.personnel.UnitExploded.v1"),
        "malformed: unknown event type 'rangkui.personnel.UnitExploded.v1'",
    ),
    "off-schema": (
        body(b'{"unit_id": "x", "kind": "OPD", "region": "Rangkui"}'),
        "rangkui.personnel.UnitRegistered.v1 does not match its schema: name: Field required",
    ),
    "not-json": (body(b"\x00\xffnot json"), "malformed: body is not valid JSON"),
    "other-context-topic": (
        approval_on_the_personnel_topic,
        "forged: rangkui.mutation.MutationApproved.v1 belongs to the mutation context but "
        "arrived on the topic of personnel",
    ),
    "other-service-source": (
        replaced("ce_source", b"/rangkui/mutation"),
        "forged: rangkui.personnel.UnitRegistered.v1 claims ce_source '/rangkui/mutation'; "
        "events of the personnel context come from '/rangkui/personnel'",
    ),
    "foreign-source": (
        replaced("ce_source", b"https://attacker.example/rangkui"),
        "forged: rangkui.personnel.UnitRegistered.v1 claims ce_source "
        "'https://attacker.example/rangkui'",
    ),
}


async def produce_in_order(bootstrap: str, topic: str, records: list[Record]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        for key, value, headers in records:
            await producer.send_and_wait(topic, key=key, value=value, headers=headers)
    finally:
        await producer.stop()


async def test_malformed_and_forged_events_are_dead_lettered_with_their_reason(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    topic = PERSONNEL.qualified(topic_prefix)
    records: list[Record] = []
    for case, (build, _) in CASES.items():
        records.append(build(case))
        records.append(as_record(unit(f"after-{case}")))  # a valid event right behind it
    await produce_in_order(infra.kafka_bootstrap, topic, records)

    runner = ConsumerRunner(
        pool=pool,
        handler=UnitNames(),
        bootstrap_servers=infra.kafka_bootstrap,
        service="test",
        producer_factory=lambda: make_producer(infra.kafka_bootstrap),
        topic_prefix=topic_prefix,
        batch_size=25,
    )
    expected_units = {f"after-{case}" for case in CASES}

    async def valid_ones_applied() -> bool:
        rows = await pool.fetch("SELECT stream_id FROM unit_names")
        return {r["stream_id"] for r in rows} >= expected_units

    stop = asyncio.Event()
    task = asyncio.create_task(runner.run(stop))
    try:
        await eventually(valid_ones_applied, timeout=30)
    finally:
        stop.set()
        await task

    applied = {r["stream_id"] for r in await pool.fetch("SELECT stream_id FROM unit_names")}
    assert applied == expected_units  # not one bad event was applied
    dead = await read_topic(
        infra.kafka_bootstrap, DEAD_LETTER.qualified(topic_prefix), expect=len(CASES)
    )
    reasons = {(d.key or b"").decode(): header(d, "dlq_reason") or "" for d in dead}
    assert sorted(reasons) == sorted(CASES)  # every bad one is there, once, and nothing else
    for case, (_, expected) in CASES.items():
        assert expected in reasons[case], f"{case}: {reasons[case]!r}"
    originals = {header(d, "dlq_original_topic") for d in dead}
    assert originals == {topic}
