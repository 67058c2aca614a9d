"""The consumer runner against real Kafka and PostgreSQL: exactly-once effects across
crashes at every step, dead letters, duplicate re-publication and rebuilds."""

import asyncio
import hashlib
import json
from collections.abc import AsyncIterator

import asyncpg
import pytest

from rangkui_contracts import Envelope
from rangkui_contracts.events.personnel import EmployeeStatusChanged, UnitRegistered
from rangkui_contracts.topics import DEAD_LETTER, PERSONNEL
from rangkui_eventkit.consumer import ConsumerRunner, reset_consumer
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles
from rangkui_eventkit.kafka import make_producer
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import (
    header,
    produce_raw,
    publish_envelopes,
    read_topic,
)
from rangkui_eventkit.testing.plugin import eventually

pytestmark = pytest.mark.integration


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the runner catches it."""


class UnitCounts(Projection):
    """Counts events per stream; a doubled or lost event changes the numbers."""

    name = "unit_counts"
    topics = (PERSONNEL,)
    tables = ("unit_counts",)

    @handles(UnitRegistered)
    async def on_registered(self, ctx: BatchContext, e: UnitRegistered, r: Received) -> None:
        if e.name == "poison":
            raise ValueError("this unit cannot be projected")
        ctx.sql.add(
            """INSERT INTO unit_counts (stream_id, events, names) VALUES ($1, 1, $2)
               ON CONFLICT (stream_id) DO UPDATE
               SET events = unit_counts.events + 1, names = unit_counts.names || ',' || $2""",
            r.envelope.subject,
            e.name,
        )


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(database_url, max_size=10)
    async with pool.acquire() as conn:
        await migrate(conn)
        await conn.execute(
            "CREATE TABLE unit_counts (stream_id text PRIMARY KEY, events int, names text)"
        )
    yield pool
    await pool.close()


def envelope(stream: str, version: int, name: str) -> Envelope:
    event = UnitRegistered(unit_id=stream, name=name, kind="OPD", region="Kota Rangkui")
    return Envelope.wrap(
        event,
        source="/rangkui/personnel",
        subject=stream,
        correlationid="c",
        actor="tester",
        streamversion=version,
    )


async def publish(infra: Infra, topic: str, envelopes: list[Envelope]) -> None:
    await publish_envelopes(infra.kafka_bootstrap, envelopes, topic=topic)


def runner(pool: asyncpg.Pool, infra: Infra, prefix: str, **kw: object) -> ConsumerRunner:
    return ConsumerRunner(
        pool=pool,
        handler=UnitCounts(),
        bootstrap_servers=infra.kafka_bootstrap,
        service="test",
        producer_factory=lambda: make_producer(infra.kafka_bootstrap),
        topic_prefix=prefix,
        batch_size=25,
        **kw,  # type: ignore[arg-type]
    )


async def counts(pool: asyncpg.Pool) -> dict[str, int]:
    return {r["stream_id"]: r["events"] for r in await pool.fetch("SELECT * FROM unit_counts")}


async def run_until(r: ConsumerRunner, done: object, timeout: float = 30) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(r.run(stop))
    try:
        await eventually(done, timeout=timeout)
    finally:
        stop.set()
        await task


@pytest.mark.parametrize("point", ["after_apply", "before_commit", "after_commit"])
async def test_a_crash_at_any_step_neither_loses_nor_doubles_an_event(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str, point: str
) -> None:
    topic = PERSONNEL.qualified(topic_prefix)
    await publish(infra, topic, [envelope(f"u{i % 20}", i // 20 + 1, f"n{i}") for i in range(200)])

    crashes = {"left": 2}

    def crash_twice(at: str) -> None:
        if at == point and crashes["left"] > 0:
            crashes["left"] -= 1
            raise Crash(at)

    crashed = runner(pool, infra, topic_prefix, fault_hook=crash_twice)
    stop = asyncio.Event()
    with pytest.raises(Crash):
        await crashed.run(stop)  # dies at its first batch
    await crashed._close()
    with pytest.raises(Crash):
        await runner(pool, infra, topic_prefix, fault_hook=crash_twice).run(stop)

    async def all_applied() -> bool:
        return sum((await counts(pool)).values()) >= 200

    await run_until(runner(pool, infra, topic_prefix), all_applied)
    assert await counts(pool) == {f"u{i}": 10 for i in range(20)}


async def test_a_malformed_message_goes_to_the_dead_letter_topic_and_the_next_is_processed(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    topic = PERSONNEL.qualified(topic_prefix)
    await produce_raw(
        infra.kafka_bootstrap, topic, key=b"bad", value=b"{not json", headers=[("ce_id", b"1")]
    )
    good = envelope("good", 1, "Dinas Kesehatan")
    await publish(infra, topic, [good])

    async def good_applied() -> bool:
        return (await counts(pool)).get("good") == 1

    await run_until(runner(pool, infra, topic_prefix), good_applied)
    dead = await read_topic(infra.kafka_bootstrap, DEAD_LETTER.qualified(topic_prefix), expect=1)
    assert len(dead) == 1
    # An unreadable value could hold anything: the dead letter keeps its hash, not a copy.
    assert json.loads(dead[0].value) == {
        "redacted": "not copied: it may hold personal data (see the original offset)",
        "bytes": 9,
        "sha256": hashlib.sha256(b"{not json").hexdigest(),
    }
    assert header(dead[0], "dlq_value_redacted") == "true"
    assert "missing CloudEvents header" in (header(dead[0], "dlq_reason") or "")
    assert header(dead[0], "dlq_original_topic") == topic


async def test_an_event_whose_handler_fails_is_dead_lettered_and_its_batch_is_still_applied(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    topic = PERSONNEL.qualified(topic_prefix)
    await publish(
        infra,
        topic,
        [envelope("a", 1, "x"), envelope("p", 1, "poison"), envelope("b", 1, "y")],
    )

    async def others_applied() -> bool:
        return set(await counts(pool)) == {"a", "b"}

    await run_until(runner(pool, infra, topic_prefix), others_applied)
    dead = await read_topic(infra.kafka_bootstrap, DEAD_LETTER.qualified(topic_prefix), expect=1)
    assert [d.key for d in dead] == [b"p"]
    assert "this unit cannot be projected" in (header(dead[0], "dlq_reason") or "")


async def test_an_event_published_twice_is_applied_once(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    topic = PERSONNEL.qualified(topic_prefix)
    first, second = envelope("s", 1, "one"), envelope("s", 2, "two")
    # The relay re-sends after a crash between the broker's ack and its DELETE.
    await publish(infra, topic, [first, second, first, second, envelope("s", 3, "three")])

    async def third_applied() -> bool:
        return (await counts(pool)).get("s") == 3

    await run_until(runner(pool, infra, topic_prefix), third_applied)
    assert await pool.fetchval("SELECT names FROM unit_counts WHERE stream_id='s'") == (
        "one,two,three"
    )


async def test_a_record_whose_stream_version_jumps_is_dead_lettered_and_the_stream_goes_on(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    """One injected record with a huge version must not make the consumer skip the rest of
    the stream as duplicates (issue 19): it is a dead letter, and versions 2 and 3 apply."""
    topic = PERSONNEL.qualified(topic_prefix)
    await publish(
        infra,
        topic,
        [
            envelope("j", 1, "one"),
            envelope("j", 1_000_000, "forged"),
            envelope("j", 2, "two"),
            envelope("j", 4, "four"),  # version 3 never came: not applied over the hole
            envelope("j", 3, "three"),
        ],
    )

    async def three_applied() -> bool:
        return (await counts(pool)).get("j") == 3

    await run_until(runner(pool, infra, topic_prefix), three_applied)
    assert await pool.fetchval("SELECT names FROM unit_counts WHERE stream_id='j'") == (
        "one,two,three"
    )
    dead = await read_topic(infra.kafka_bootstrap, DEAD_LETTER.qualified(topic_prefix), expect=2)
    assert [header(d, "ce_streamversion") for d in dead] == ["1000000", "4"]
    reasons = [header(d, "dlq_reason") or "" for d in dead]
    assert all("stream version jump" in r for r in reasons), reasons
    assert "is at version 1" in reasons[0]
    assert "is at version 2" in reasons[1]
    assert (
        await pool.fetchval("SELECT version FROM consumer_streams WHERE consumer = 'unit_counts'")
        == 3
    )


async def test_a_record_of_a_type_the_handler_ignores_is_passed_over_without_reading_its_body(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    """A type no handler method wants is not decoded (an unreadable body does not matter),
    yet its version counts: the stream's next record follows it, not a jump."""
    topic = PERSONNEL.qualified(topic_prefix)
    await publish(infra, topic, [envelope("t", 1, "one")])
    ignored = [
        ("ce_id", b"ignored-1"),
        ("ce_source", b"/rangkui/personnel"),
        ("ce_specversion", b"1.0"),
        ("ce_type", EmployeeStatusChanged.ce_type().encode()),
        ("ce_subject", b"t"),
        ("ce_streamversion", b"2"),
        ("content-type", b"application/json"),
    ]
    await produce_raw(infra.kafka_bootstrap, topic, key=b"t", value=b"{not json", headers=ignored)
    await publish(infra, topic, [envelope("t", 3, "three")])

    async def both_applied() -> bool:
        return (await counts(pool)).get("t") == 2

    await run_until(runner(pool, infra, topic_prefix), both_applied)
    assert await pool.fetchval("SELECT names FROM unit_counts WHERE stream_id='t'") == ("one,three")
    assert (
        await pool.fetchval("SELECT version FROM consumer_streams WHERE consumer = 'unit_counts'")
        == 3
    )
    # Dead letters are acknowledged before their batch commits: had there been one, it is there.
    dead = await read_topic(
        infra.kafka_bootstrap, DEAD_LETTER.qualified(topic_prefix), expect=1, timeout=3
    )
    assert dead == []


async def test_a_rebuild_yields_a_read_model_identical_to_the_live_one(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    topic = PERSONNEL.qualified(topic_prefix)
    await publish(infra, topic, [envelope(f"r{i % 7}", i // 7 + 1, f"n{i}") for i in range(70)])
    live = runner(pool, infra, topic_prefix)
    stop = asyncio.Event()
    task = asyncio.create_task(live.run(stop))
    try:

        async def all_applied() -> bool:
            return sum((await counts(pool)).values()) == 70

        await eventually(all_applied)
        before = await pool.fetch("SELECT * FROM unit_counts ORDER BY stream_id")
        await reset_consumer(pool, UnitCounts())  # while the runner keeps running
        assert await counts(pool) == {}
        await eventually(all_applied)
        after = await pool.fetch("SELECT * FROM unit_counts ORDER BY stream_id")
    finally:
        stop.set()
        await task
    assert [dict(r) for r in after] == [dict(r) for r in before]
    assert len(before) == 7


class RacingReaction(UnitCounts):
    """Loses a race on its stream twice before it succeeds, as a reaction does when an HTTP
    command writes the same stream at the same moment."""

    name = "racing"
    losses = 0

    @handles(UnitRegistered)
    async def on_registered(self, ctx: BatchContext, e: UnitRegistered, r: Received) -> None:
        if RacingReaction.losses < 2:
            RacingReaction.losses += 1
            raise ConcurrencyConflict("stream moved on")
        await super().on_registered(ctx, e, r)


async def test_a_reaction_that_loses_a_race_decides_again_instead_of_dead_lettering(
    pool: asyncpg.Pool, infra: Infra, topic_prefix: str
) -> None:
    await publish(infra, PERSONNEL.qualified(topic_prefix), [envelope("race", 1, "x")])
    racing = ConsumerRunner(
        pool=pool,
        handler=RacingReaction(),
        bootstrap_servers=infra.kafka_bootstrap,
        service="test",
        producer_factory=lambda: make_producer(infra.kafka_bootstrap),
        topic_prefix=topic_prefix,
    )

    async def applied() -> bool:
        return (await counts(pool)).get("race") == 1

    await run_until(racing, applied)
    assert RacingReaction.losses == 2
    dead = await read_topic(
        infra.kafka_bootstrap, DEAD_LETTER.qualified(topic_prefix), expect=1, timeout=2
    )
    assert dead == []
