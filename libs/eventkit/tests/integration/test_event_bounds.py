"""Bounded events: the store refuses an event over the limit, and the relay moves a record
the broker will not take to quarantine and carries on publishing the rest."""

import asyncio
import dataclasses
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest
from aiokafka.admin import AIOKafkaAdminClient

from rangkui_contracts.events.personnel import UnitRegistered
from rangkui_contracts.topics import PERSONNEL
from rangkui_eventkit import bounds
from rangkui_eventkit.context import Cause
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.errors import ErrorKind, RuleViolated
from rangkui_eventkit.kafka import ensure_topics, make_producer
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.outbox import OutboxRelay
from rangkui_eventkit.store import PostgresEventStore, StreamWrite
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import read_topic
from rangkui_eventkit.testing.plugin import eventually, unique
from rangkui_eventkit.testing.store_contract import unit_event

pytestmark = pytest.mark.integration
CAUSE = Cause(actor="tester", correlation_id="c")


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, max_size=5)
    async with pool.acquire() as conn:
        await migrate(conn)
    yield pool
    await pool.close()


async def test_an_event_over_the_limit_is_refused_and_nothing_is_written(
    pool: asyncpg.Pool,
) -> None:
    store = PostgresEventStore(pool, "/rangkui/test")
    huge = UnitRegistered(
        unit_id=str(uuid.uuid4()), name="x" * (bounds.max_event_bytes() + 1), kind="OPD", region="r"
    )
    with pytest.raises(RuleViolated) as refused:
        await store.append([StreamWrite("big", 0, [unit_event("small"), huge])], CAUSE)
    assert refused.value.kind == ErrorKind.TOO_LARGE
    assert refused.value.rule == "event_size_limit"
    assert "terlalu besar" in str(refused.value.pesan)
    assert await pool.fetchval("SELECT count(*) FROM events") == 0


async def insert_raw_event(pool: asyncpg.Pool, stream: str, name_bytes: int, topic: str) -> int:
    """An event as another writer (or an older version without the bound) could store it."""
    data = {"unit_id": str(uuid.uuid4()), "name": "y" * name_bytes, "kind": "OPD", "region": "r"}
    meta = {"source": "/rangkui/test", "correlationid": "c", "actor": "tester"}
    position = await pool.fetchval(
        """INSERT INTO events (stream_id, version, event_id, event_type, data, metadata,
                               recorded_at)
           VALUES ($1, 1, $2, 'rangkui.personnel.UnitRegistered.v1', $3::jsonb, $4::jsonb, now())
           RETURNING global_position""",
        stream,
        uuid.uuid4(),
        data,  # the pool's jsonb codec encodes them
        meta,
    )
    await pool.execute("INSERT INTO outbox (position, topic) VALUES ($1, $2)", position, topic)
    return int(position)


async def relay_until_empty(pool: asyncpg.Pool, relay: OutboxRelay) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))
    try:
        await eventually(lambda: pool.fetchval("SELECT count(*) = 0 FROM outbox"), timeout=60)
    finally:
        stop.set()
        await task


async def test_a_record_over_the_brokers_limit_is_quarantined_and_the_rest_published(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    topic = PERSONNEL.qualified(topic_prefix)
    store = PostgresEventStore(pool, "/rangkui/test", topic_prefix)
    await store.append([StreamWrite("before", 0, [unit_event("b")])], CAUSE)
    giant = await insert_raw_event(pool, "giant", 1_200_000, topic)
    await store.append([StreamWrite("after", 0, [unit_event("a")])], CAUSE)
    alerts: list[int] = []
    relay = OutboxRelay(
        pool, lambda: make_producer(infra.kafka_bootstrap), on_quarantined=alerts.append
    )
    await relay_until_empty(pool, relay)
    records = await read_topic(infra.kafka_bootstrap, topic, expect=2)
    quarantined = await pool.fetch("SELECT position, reason FROM outbox_quarantine")
    assert sorted(r.key.decode() for r in records) == ["after", "before"]
    assert [(q["position"], "message limit" in q["reason"]) for q in quarantined] == [(giant, True)]
    assert alerts == [1]


async def test_a_record_a_topic_refuses_is_found_by_sending_one_by_one(
    pool: asyncpg.Pool, infra: Infra
) -> None:
    """A topic whose limit is below the relay's own: the broker refuses the batch, and only
    the record it refuses on its own is quarantined."""
    # A namespace of its own, whose personnel topic is created with the low limit (a limit
    # altered on a live topic takes effect on the broker a moment later: no race here).
    topic_prefix = f"{unique('small')}."
    low = dataclasses.replace(PERSONNEL, config={**PERSONNEL.config, "max.message.bytes": "20000"})
    await ensure_topics(infra.kafka_bootstrap, topic_prefix, [low], partitions=1)
    topic = PERSONNEL.qualified(topic_prefix)
    store = PostgresEventStore(pool, "/rangkui/test", topic_prefix)
    await store.append([StreamWrite("small-1", 0, [unit_event("s1")])], CAUSE)
    big = await insert_raw_event(pool, "fifty-kb", 50_000, topic)
    await store.append([StreamWrite("small-2", 0, [unit_event("s2")])], CAUSE)
    relay = OutboxRelay(pool, lambda: make_producer(infra.kafka_bootstrap))
    await relay_until_empty(pool, relay)
    records = await read_topic(infra.kafka_bootstrap, topic, expect=2)
    quarantined = await pool.fetch("SELECT position, reason FROM outbox_quarantine")
    assert {r.key.decode() for r in records} == {"small-1", "small-2"}
    assert [(q["position"], q["reason"]) for q in quarantined] == [
        (big, "the broker refused the record as too large")
    ]
    assert relay.quarantined == 1
    admin = AIOKafkaAdminClient(bootstrap_servers=infra.kafka_bootstrap)
    await admin.start()
    try:
        await admin.delete_topics([topic])
    finally:
        await admin.close()
