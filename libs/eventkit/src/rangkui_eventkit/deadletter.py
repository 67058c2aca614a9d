"""Dead letters: a message that cannot be read or handled is set aside, never dropped.

The record goes to the dead-letter topic with its original key, value and headers, plus
headers that say why and where it came from, so an operator can inspect it and re-inject it
once the cause is fixed (docs/operations.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaProducer

from rangkui_eventkit.clock import SYSTEM_CLOCK

REASON_HEADER = "dlq_reason"


@dataclass(frozen=True)
class DeadLetter:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]
    reason: str

    @classmethod
    def of(cls, record: Any, reason: str) -> DeadLetter:
        return cls(
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            key=record.key,
            value=record.value,
            headers=tuple(record.headers or ()),
            reason=reason,
        )

    def headers_for(self, consumer: str) -> list[tuple[str, bytes]]:
        return [
            *[(k, v) for k, v in self.headers if not k.startswith("dlq_")],
            (REASON_HEADER, self.reason[:4000].encode()),
            ("dlq_consumer", consumer.encode()),
            ("dlq_original_topic", self.topic.encode()),
            ("dlq_original_partition", str(self.partition).encode()),
            ("dlq_original_offset", str(self.offset).encode()),
            ("dlq_time", SYSTEM_CLOCK.now().isoformat().encode()),
        ]


async def publish_dead_letters(
    producer: AIOKafkaProducer, topic: str, consumer: str, letters: list[DeadLetter]
) -> None:
    """Send and wait for the broker's acknowledgement of every letter."""
    futures = [
        await producer.send(
            topic, key=dl.key, value=dl.value or b"", headers=dl.headers_for(consumer)
        )
        for dl in letters
    ]
    for f in futures:
        await f
