"""Kafka topics of the platform, in one place: names, partitions and retention.

Event topics keep everything (`retention.ms=-1`): consumers rebuild their read models by
replaying them from the beginning. Each context publishes its events to exactly one topic, so
the order of a stream (the message key) is kept within its partition.

One topic is internal (`internal=True`): `rangkui.personnel.keys`, where personnel hands the
per-employee data keys to the services that must open sealed personal data. It is compacted,
so that only the latest message per NIP stays: after an erasure, the wrapped key leaves Kafka
too. It is no contract for outside consumers. Another is `rangkui.audit.seals`, where the
sealing job anchors each service's signed audit seals outside its database
(`rangkui_eventkit.audit.anchor`): kept forever, never compacted, a history of seals.

Every topic caps a record at `MAX_MESSAGE_BYTES` (`max.message.bytes`), the broker's own
default written out so that the broker, the topics and the event store's limit
(`ServiceSettings.max_event_bytes`, well under it) are set in one place together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rangkui_contracts.base import DomainEvent

EVENT_PARTITIONS = 6
MAX_MESSAGE_BYTES = 1_048_588  # Kafka's default message.max.bytes, stated on every topic
# An erased employee's wrapped key must leave the keys topic within a day: compaction may
# clean a record at once (min lag 0) and must within this lag (max lag).
KEYS_MAX_COMPACTION_LAG_MS = 86_400_000


@dataclass(frozen=True)
class TopicSpec:
    """One Kafka topic as the platform creates it; `rangkui-contracts topics --json` prints these.

    Hashable (the `config` dict is left out of the hash, not out of equality) so specs can be
    kept in sets and used as keys.
    """

    name: str
    partitions: int
    config: dict[str, str] = field(default_factory=dict, hash=False)
    context: str | None = None  # the bounded context that publishes here (None: dead letters)
    internal: bool = False  # for the platform's own services only, not outside consumers

    def qualified(self, prefix: str = "") -> str:
        """The topic name under a namespace prefix (tests use one per run)."""
        return f"{prefix}{self.name}"


def _events(context: str) -> TopicSpec:
    return TopicSpec(
        name=f"rangkui.{context}.events",
        partitions=EVENT_PARTITIONS,
        config={
            "retention.ms": "-1",
            "cleanup.policy": "delete",
            "max.message.bytes": str(MAX_MESSAGE_BYTES),
        },
        context=context,
    )


PERSONNEL = _events("personnel")
MUTATION = _events("mutation")
EVALUATION = _events("evaluation")
NOTIFICATION = _events("notification")
DEAD_LETTER = TopicSpec(
    name="rangkui.deadletter",
    partitions=3,
    config={
        "retention.ms": "-1",
        "cleanup.policy": "delete",
        "max.message.bytes": str(MAX_MESSAGE_BYTES),
    },
)

PERSONNEL_KEYS = TopicSpec(
    name="rangkui.personnel.keys",
    partitions=EVENT_PARTITIONS,
    config={
        "cleanup.policy": "compact",
        "retention.ms": "-1",
        # Roll segments daily and clean eagerly: compaction never touches the active segment,
        # so this bounds how long an erased key's wrapped copy can stay on the broker.
        "segment.ms": "86400000",
        "min.cleanable.dirty.ratio": "0.1",
        # ... and compaction may clean a record at once and must within a day, however
        # little else is dirty: an erased key is gone from the broker within two days.
        "min.compaction.lag.ms": "0",
        "max.compaction.lag.ms": str(KEYS_MAX_COMPACTION_LAG_MS),
        "max.message.bytes": str(MAX_MESSAGE_BYTES),
    },
    context="personnel",
    internal=True,
)

AUDIT_SEALS = TopicSpec(
    name="rangkui.audit.seals",
    partitions=1,
    config={
        "retention.ms": "-1",
        "cleanup.policy": "delete",
        "max.message.bytes": str(MAX_MESSAGE_BYTES),
    },
    internal=True,
)

TOPICS: tuple[TopicSpec, ...] = (
    PERSONNEL,
    MUTATION,
    EVALUATION,
    NOTIFICATION,
    DEAD_LETTER,
    PERSONNEL_KEYS,
    AUDIT_SEALS,
)
_BY_CONTEXT = {t.context: t for t in TOPICS if t.context and not t.internal}


def topic_for(context: str) -> TopicSpec:
    """The (public) events topic of `context`."""
    return _BY_CONTEXT[context]


def topic_of(event: type[DomainEvent]) -> TopicSpec:
    """The topic an event class travels on: its context's events topic, unless the class
    names another (`topic: ClassVar[TopicSpec]`, the internal key messages)."""
    own: TopicSpec | None = getattr(event, "topic", None)
    return own if isinstance(own, TopicSpec) else topic_for(event.context)
