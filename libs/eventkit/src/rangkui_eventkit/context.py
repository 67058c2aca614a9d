"""The causal context of the work at hand: who acts, in which flow, because of what.

It travels HTTP request -> command -> events (CloudEvents extensions) -> Kafka headers ->
the events caused downstream, and is bound into every log line on the way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import structlog

from rangkui_contracts import Envelope


@dataclass(frozen=True)
class Cause:
    """Why new events are being written: the actor, the flow and the direct cause."""

    actor: str
    correlation_id: str
    causation_id: str | None = None

    @classmethod
    def new(cls, actor: str, correlation_id: str | None = None) -> Cause:
        return cls(actor=actor, correlation_id=correlation_id or str(uuid.uuid4()))

    @classmethod
    def following(cls, envelope: Envelope, actor: str | None = None) -> Cause:
        """The cause of events written in reaction to `envelope` (same flow, caused by it)."""
        return cls(
            actor=actor or envelope.actor,
            correlation_id=envelope.correlationid,
            causation_id=envelope.id,
        )

    def bind_logs(self) -> None:
        structlog.contextvars.bind_contextvars(
            correlation_id=self.correlation_id, actor=self.actor, causation_id=self.causation_id
        )
