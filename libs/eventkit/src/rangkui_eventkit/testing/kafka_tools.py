"""Small helpers for tests that look at topics directly, as an outside consumer would."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from rangkui_contracts import Envelope, topic_for
from rangkui_eventkit.kafka import make_producer


async def read_topic(
    bootstrap: str, topic: str, *, expect: int, timeout: float = 20.0
) -> list[Any]:
    """Read a topic from the beginning until `expect` records arrived (or the deadline)."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"reader-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    records: list[Any] = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout
        while len(records) < expect and asyncio.get_running_loop().time() < deadline:
            polled = await consumer.getmany(timeout_ms=200)
            for recs in polled.values():
                records.extend(recs)
    finally:
        await consumer.stop()
    return records


async def produce_raw(
    bootstrap: str,
    topic: str,
    *,
    key: bytes | None,
    value: bytes | None,
    headers: list[tuple[str, bytes]] | None = None,
) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(topic, key=key, value=value, headers=headers or [])
    finally:
        await producer.stop()


def header(record: Any, name: str) -> str | None:
    for k, v in record.headers or ():
        if k == name:
            return v.decode()
    return None


async def publish_envelopes(
    bootstrap: str,
    envelopes: Sequence[Envelope],
    *,
    prefix: str = "",
    topic: str | None = None,
) -> None:
    """Publish events as the outbox relay of their context does (binary CloudEvents, key =
    stream id, idempotent producer), to `topic` or else to each event's context topic."""
    producer = make_producer(bootstrap)
    await producer.start()
    try:
        futures = [
            await producer.send(
                topic or topic_for(e.type.split(".")[1]).qualified(prefix),
                key=e.kafka_key(),
                value=e.kafka_value(),
                headers=e.kafka_headers(),
            )
            for e in envelopes
        ]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
