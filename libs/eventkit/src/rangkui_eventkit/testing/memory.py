"""Helpers for unit tests of handlers, reactions and projections: no Kafka, no PostgreSQL.

`received(event, stream_id=...)` wraps an event as a consumer receives it; `memory_batch(store)`
is a consumer batch on the in-memory event store, so a reaction's `ctx.run`/`ctx.execute`
goes through the kit's pipeline exactly as in production, minus the I/O.
"""

from __future__ import annotations

import itertools
import uuid

from rangkui_contracts import DomainEvent, Envelope
from rangkui_eventkit.handlers import BatchContext, Received
from rangkui_eventkit.store import InMemoryEventStore

_offsets = itertools.count()


def received(
    event: DomainEvent,
    *,
    stream_id: str,
    version: int = 1,
    actor: str = "operator.bkd",
    correlation_id: str | None = None,
) -> Received:
    """`event` as a consumer receives it from its context's topic."""
    envelope = Envelope.wrap(
        event,
        source=f"/rangkui/{event.context}",
        subject=stream_id,
        correlationid=correlation_id or str(uuid.uuid4()),
        actor=actor,
        streamversion=version,
    )
    return Received(envelope, event, f"rangkui.{event.context}.events", 0, next(_offsets))


def memory_batch(store: InMemoryEventStore, service: str = "test") -> BatchContext:
    """A consumer batch without a database: reactions append to `store`."""
    return BatchContext(None, store, service)  # type: ignore[arg-type]
