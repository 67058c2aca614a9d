"""The key ring against real Kafka and PostgreSQL: keys arrive from rangkui.personnel.keys,
open sealed data, and stay gone after an erasure, across a rebuild too."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from rangkui_contracts import DomainEvent, Envelope
from rangkui_contracts.events.keys import PersonalDataKeyErased, PersonalDataKeyIssued
from rangkui_contracts.topics import PERSONNEL_KEYS
from rangkui_eventkit.consumer import ConsumerRunner, reset_consumer
from rangkui_eventkit.kafka import make_producer
from rangkui_eventkit.personal_data import (
    KeyRing,
    b64u_encode,
    new_data_key,
    open_for,
    seal,
    wrap_key,
)
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import publish_envelopes
from rangkui_eventkit.testing.plugin import eventually

pytestmark = pytest.mark.integration

TRANSPORT = b"T" * 32
KEPT, ERASED = "199003152015032001", "198609262015051001"


def message(event: DomainEvent, nip: str) -> Envelope:
    return Envelope.wrap(
        event, source="/rangkui/personnel", subject=nip, correlationid="c", actor="personnel"
    )


def issued(nip: str, key_id: str, key: bytes) -> Envelope:
    wrapped = wrap_key(TRANSPORT, key, nip=nip, key_id=key_id)
    return message(
        PersonalDataKeyIssued(nip=nip, key_id=key_id, wrapped_key=b64u_encode(wrapped)), nip
    )


async def run_until(runner: ConsumerRunner, done: object) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(runner.run(stop))
    try:
        await eventually(done, timeout=30)
    finally:
        stop.set()
        await task


async def test_keys_open_sealed_data_until_erased_and_stay_erased_after_a_rebuild(
    infra: Infra, topic_prefix: str, pool: asyncpg.Pool
) -> None:
    keys = {KEPT: new_data_key(), ERASED: new_data_key()}
    sealed = {nip: seal(key, f"dk-{nip[:4]}", nip, {"gender": "F"}) for nip, key in keys.items()}
    await publish_envelopes(
        infra.kafka_bootstrap,
        [
            issued(KEPT, f"dk-{KEPT[:4]}", keys[KEPT]),
            issued(ERASED, f"dk-{ERASED[:4]}", keys[ERASED]),
            message(PersonalDataKeyErased(nip=ERASED, key_id=f"dk-{ERASED[:4]}"), ERASED),
            # A replay delivering the issue again after the erasure must not bring it back.
            issued(ERASED, f"dk-{ERASED[:4]}", keys[ERASED]),
        ],
        topic=PERSONNEL_KEYS.qualified(topic_prefix),
    )
    ring = KeyRing(TRANSPORT)

    def consuming() -> ConsumerRunner:
        return ConsumerRunner(
            pool=pool,
            handler=ring,
            bootstrap_servers=infra.kafka_bootstrap,
            service="test",
            producer_factory=lambda: make_producer(infra.kafka_bootstrap),
            topic_prefix=topic_prefix,
        )

    runner = consuming()

    async def caught_up() -> bool:
        return runner.applied >= 4

    await run_until(runner, caught_up)

    assert await ring.open_for(pool, sealed[KEPT], KEPT) == {"gender": "F"}
    assert await ring.open_for(pool, sealed[ERASED], ERASED) is None
    assert await open_for(pool, sealed[KEPT], KEPT, transport_key=TRANSPORT) == {"gender": "F"}
    assert await ring.open_for(pool, None, KEPT) is None
    row = await pool.fetchrow("SELECT * FROM personal_data_keyring WHERE nip = $1", ERASED)
    assert row["wrapped_key"] is None
    assert row["erased_at"] is not None
    stored = await pool.fetchval(
        "SELECT wrapped_key FROM personal_data_keyring WHERE nip = $1", KEPT
    )
    assert keys[KEPT] not in bytes(stored)  # kept wrapped at rest

    await reset_consumer(pool, ring)
    rebuilt = consuming()

    async def rebuilt_all() -> bool:
        return rebuilt.applied >= 4

    await run_until(rebuilt, rebuilt_all)

    assert await ring.open_for(pool, sealed[KEPT], KEPT) == {"gender": "F"}
    assert await ring.open_for(pool, sealed[ERASED], ERASED) is None
