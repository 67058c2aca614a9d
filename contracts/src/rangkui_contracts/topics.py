"""Kafka topics of the platform, in one place: names, partitions and retention.

Event topics keep everything (`retention.ms=-1`): consumers rebuild their read models by
replaying them from the beginning. Each context publishes to exactly one topic, so the order
of a stream (the message key) is kept within its partition.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EVENT_PARTITIONS = 6


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

    def qualified(self, prefix: str = "") -> str:
        """The topic name under a namespace prefix (tests use one per run)."""
        return f"{prefix}{self.name}"


def _events(context: str) -> TopicSpec:
    return TopicSpec(
        name=f"rangkui.{context}.events",
        partitions=EVENT_PARTITIONS,
        config={"retention.ms": "-1", "cleanup.policy": "delete"},
        context=context,
    )


PERSONNEL = _events("personnel")
MUTATION = _events("mutation")
EVALUATION = _events("evaluation")
NOTIFICATION = _events("notification")
DEAD_LETTER = TopicSpec(
    name="rangkui.deadletter",
    partitions=3,
    config={"retention.ms": "-1", "cleanup.policy": "delete"},
)

TOPICS: tuple[TopicSpec, ...] = (PERSONNEL, MUTATION, EVALUATION, NOTIFICATION, DEAD_LETTER)
_BY_CONTEXT = {t.context: t for t in TOPICS if t.context}


def topic_for(context: str) -> TopicSpec:
    """The topic that the events of `context` are published to."""
    return _BY_CONTEXT[context]
