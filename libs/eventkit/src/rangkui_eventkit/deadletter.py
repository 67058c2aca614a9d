"""Dead letters: a message that cannot be read or handled is set aside, never dropped.

The record goes to the dead-letter topic with its original key and headers, plus headers
that say why and where it came from, so an operator can inspect it and fix the cause
(docs/operations.md). Its value is copied only when it is an event of a known type whose
personal fields all travel sealed: any other value (unreadable, an unknown type, an event
that carries personal data in plaintext, a key message) is replaced by its size and
sha256 (`dlq_value_redacted`). The dead-letter topic is kept forever, and an erasure could
not reach a plaintext copy there; the original stays readable on its own topic, at
`dlq_original_topic`/`dlq_original_offset`, for as long as that topic keeps it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from aiokafka import AIOKafkaProducer

from rangkui_contracts import MalformedEvent, event_class, parse_as_written
from rangkui_contracts.classification import plaintext_personal
from rangkui_eventkit.clock import SYSTEM_CLOCK

REASON_HEADER = "dlq_reason"
REDACTED_HEADER = "dlq_value_redacted"


@dataclass(frozen=True)
class DeadLetter:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]
    reason: str

    redacted: bool = False

    @classmethod
    def of(cls, record: Any, reason: str) -> DeadLetter:
        headers = tuple(record.headers or ())
        value: bytes | None = record.value
        keep = _value_may_be_copied(headers, value)
        return cls(
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            key=record.key,
            value=value if keep else _redacted(value),
            headers=headers,
            reason=reason,
            redacted=not keep,
        )

    def headers_for(self, consumer: str) -> list[tuple[str, bytes]]:
        return [
            *[(k, v) for k, v in self.headers if not k.startswith("dlq_")],
            *([(REDACTED_HEADER, b"true")] if self.redacted else []),
            (REASON_HEADER, self.reason[:4000].encode()),
            ("dlq_consumer", consumer.encode()),
            ("dlq_original_topic", self.topic.encode()),
            ("dlq_original_partition", str(self.partition).encode()),
            ("dlq_original_offset", str(self.offset).encode()),
            ("dlq_time", SYSTEM_CLOCK.now().isoformat().encode()),
        ]


def _value_may_be_copied(headers: tuple[tuple[str, bytes], ...], value: bytes | None) -> bool:
    """Only a readable event of a known type without plaintext personal fields."""
    ce_type = next((v.decode(errors="replace") for k, v in headers if k == "ce_type"), None)
    if ce_type is None or value is None or not _sealed_only(ce_type):
        return False
    try:
        data = json.loads(value)
        event = parse_as_written(ce_type, data)
    except Exception:  # unreadable or off its schema: it could hold anything
        return False
    # Exactly the event, nothing beside it: a field the model ignores could hold anything.
    return bool(json.loads(event.model_dump_json(exclude_unset=True)) == data)


@cache
def _sealed_only(ce_type: str) -> bool:
    try:
        cls = event_class(ce_type)
    except MalformedEvent:
        return False
    return not plaintext_personal((cls,))


def _redacted(value: bytes | None) -> bytes:
    data = value or b""
    return json.dumps(
        {
            "redacted": "not copied: it may hold personal data (see the original offset)",
            "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        },
        separators=(",", ":"),
    ).encode()


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
