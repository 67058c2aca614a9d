"""The decider pattern: pure `decide` and `evolve`, and the one impure loop around them.

A decider knows nothing of storage: `evolve(state, event) -> state` folds history, and
`decide(command, state) -> [events]` returns what happens (or raises a `DomainError`).
`execute` loads the stream, folds, decides and appends with the version it read, so a
concurrent change surfaces as `ConcurrencyConflict` instead of a lost update.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rangkui_contracts import DomainEvent
from rangkui_eventkit.context import Cause
from rangkui_eventkit.store import EventStore, Recorded, StreamWrite

S = TypeVar("S")
C = TypeVar("C")


@dataclass(frozen=True)
class Decider(Generic[C, S]):
    initial_state: S
    evolve: Callable[[S, DomainEvent], S]
    decide: Callable[[C, S], Sequence[DomainEvent]]

    def fold(self, events: Iterable[DomainEvent]) -> S:
        state = self.initial_state
        for event in events:
            state = self.evolve(state, event)
        return state


async def execute(
    store: EventStore,
    stream_id: str,
    decider: Decider[C, S],
    command: C,
    cause: Cause,
    *,
    conn: Any = None,
) -> list[Recorded]:
    """Load -> fold -> decide -> append (optimistic on the version loaded)."""
    history = await store.load(stream_id, conn=conn)
    state = decider.fold(r.event for r in history)
    events = decider.decide(command, state)
    return await store.append([StreamWrite(stream_id, len(history), events)], cause, conn=conn)


async def load_state(
    store: EventStore, stream_id: str, decider: Decider[Any, S], *, conn: Any = None
) -> tuple[S, int]:
    """The folded state of a stream and its version."""
    history = await store.load(stream_id, conn=conn)
    return decider.fold(r.event for r in history), len(history)
