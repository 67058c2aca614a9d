"""Published event contracts of Rangkui Mutasi.

Outside consumers (provincial systems) and the four services share exactly these models:
the event payloads (`events`), the CloudEvents envelope and its Kafka binding (`envelope`),
and the topics (`topics`). Wire names are stable: a class may move, its CloudEvents type
`rangkui.<context>.<EventName>.v<N>` may not.
"""

from rangkui_contracts.base import DomainEvent
from rangkui_contracts.envelope import Envelope, MalformedEvent
from rangkui_contracts.registry import (
    INTERNAL_REGISTRY,
    REGISTRY,
    event_class,
    parse_as_written,
    parse_event,
)
from rangkui_contracts.topics import (
    AUDIT_SEALS,
    MAX_MESSAGE_BYTES,
    TOPICS,
    TopicSpec,
    topic_for,
    topic_of,
)
from rangkui_contracts.upcasting import current_class, is_current, upcast

__all__ = [
    "AUDIT_SEALS",
    "INTERNAL_REGISTRY",
    "MAX_MESSAGE_BYTES",
    "REGISTRY",
    "TOPICS",
    "DomainEvent",
    "Envelope",
    "MalformedEvent",
    "TopicSpec",
    "current_class",
    "event_class",
    "is_current",
    "parse_as_written",
    "parse_event",
    "topic_for",
    "topic_of",
    "upcast",
]
