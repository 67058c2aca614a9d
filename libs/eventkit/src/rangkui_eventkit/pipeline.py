"""The command pipeline: load the streams a command touches, fold, decide, append with the
versions loaded, so a concurrent change surfaces as `ConcurrencyConflict` instead of a lost
update."""

from __future__ import annotations

from typing import Any, TypeVar

from rangkui_eventkit.context import Cause
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.store import EventStore, Recorded, StreamWrite

S = TypeVar("S")
C = TypeVar("C")


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
