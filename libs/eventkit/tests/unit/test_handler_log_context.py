"""What log context a handler's lines carry: a reaction's, each event's causal context (the
events it writes follow from it); a projection's, its batch's, bound once per batch."""

from __future__ import annotations

from typing import Any

import pytest
import structlog

from rangkui_contracts.events.personnel import UnitRegistered
from rangkui_contracts.topics import PERSONNEL
from rangkui_eventkit.handlers import BatchContext, Projection, Reaction, Received, handles
from rangkui_eventkit.store import InMemoryEventStore
from rangkui_eventkit.testing.memory import memory_batch, received

pytestmark = pytest.mark.unit


def unit(i: int) -> Received:
    return received(
        UnitRegistered(unit_id=f"u{i}", name="n", kind="OPD", region="r"),
        stream_id=f"unit-{i}",
        version=1,
    )


class Seen:
    contexts: list[dict[str, Any]]

    def note(self) -> None:
        self.contexts.append(dict(structlog.contextvars.get_contextvars()))


class Counting(Projection, Seen):
    name = "counting"
    topics = (PERSONNEL,)
    tables = ("x",)

    @handles(UnitRegistered)
    async def on_unit(self, ctx: BatchContext, e: UnitRegistered, r: Received) -> None:
        self.note()


class Reacting(Reaction, Seen):
    name = "reacting"
    topics = (PERSONNEL,)

    @handles(UnitRegistered)
    async def on_unit(self, ctx: BatchContext, e: UnitRegistered, r: Received) -> None:
        self.note()


async def test_a_reaction_logs_with_each_events_causal_context() -> None:
    handler = Reacting()
    handler.contexts = []
    batch = [unit(1), unit(2)]
    await handler.handle(memory_batch(InMemoryEventStore()), batch)
    assert [c["causation_id"] for c in handler.contexts] == [b.envelope.id for b in batch]
    assert [c["stream_id"] for c in handler.contexts] == ["unit-1", "unit-2"]
    assert "causation_id" not in structlog.contextvars.get_contextvars()


async def test_a_projection_binds_its_batch_once_not_each_event() -> None:
    handler = Counting()
    handler.contexts = []
    batch = [unit(1), unit(2), unit(3)]
    await handler.handle(memory_batch(InMemoryEventStore()), batch)
    assert len(handler.contexts) == 3
    assert all(c["batch_size"] == 3 for c in handler.contexts)
    assert all("causation_id" not in c for c in handler.contexts)
    assert handler.contexts[0]["batch_first"] == handler.contexts[2]["batch_first"]
    assert "batch_size" not in structlog.contextvars.get_contextvars()
