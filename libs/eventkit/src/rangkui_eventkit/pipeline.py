"""The one way to run a command: a unit of work over the event store.

A command handler is an `async def handler(uow) -> T` that reads what it needs through the
unit of work (`uow.state(decider, stream)`, `uow.states(...)`, named query ports bound to
`uow.conn`), lets pure deciders decide (`uow.decide(...)` or `uow.stage(...)`), and returns
its answer. It never appends itself: the pipeline does, once, for every stream the handler
staged, with the versions the handler loaded, so a concurrent change to any of them
surfaces as `ConcurrencyConflict` instead of a lost update.

The guarantee: a handler's writes are committed all together or not at all, and a
conflict re-runs the whole handler on fresh state (the decision is made again, never
replayed blindly) at most `RetryPolicy.attempts` times before the conflict reaches the
caller (HTTP 409). Three flavours, one interface (`Pipeline.run`):

- `PoolPipeline`: HTTP commands and workers; each attempt is one PostgreSQL transaction on
  a connection of its own, so query ports and advisory locks share it.
- `BatchPipeline`: reactions inside a consumer batch; each attempt is a savepoint of the
  batch's transaction, so the new events commit with the consumer's offsets (exactly once).
- `InMemoryPipeline`: unit tests, on `InMemoryEventStore`; no I/O.

An `EventCodec` (personnel's personal-data vault) may open sealed payloads after loading
and seal new ones before appending, inside the same transaction.
"""

from __future__ import annotations

import asyncio
import random
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from rangkui_contracts import DomainEvent
from rangkui_eventkit.context import Cause
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.store import EventStore, InMemoryEventStore, Recorded, StreamWrite

S = TypeVar("S")
C = TypeVar("C")
T = TypeVar("T")

log = get_logger(__name__)


class EventCodec(Protocol):
    """Opens sealed payloads for folding and seals new ones before the append (in the unit of
    work's transaction: `conn` is None in memory)."""

    async def open(
        self, conn: Any, histories: dict[str, list[Recorded]]
    ) -> dict[str, list[DomainEvent]]: ...

    async def seal(self, conn: Any, writes: list[StreamWrite]) -> list[StreamWrite]: ...

    def committed(self) -> None:
        """Called after a unit of work that appended has committed (e.g. to publish keys)."""


class InlineProjection(Protocol):
    """A write-side index kept in the same transaction as the events it follows (for
    example the transfers due on a TMT): unlike a read model it never lags behind a
    decision. `apply` is called with what each unit of work appended, on its connection."""

    async def apply(self, conn: Any, recorded: list[Recorded]) -> None: ...


@dataclass(frozen=True)
class Folded(Generic[S]):
    """A stream's state as folded, and the version it was folded at (0: no such stream)."""

    state: S
    version: int

    @property
    def exists(self) -> bool:
        return self.version > 0


@dataclass(frozen=True)
class RetryPolicy:
    """How often a command that lost a race is decided again: `attempts` in all, with a short
    random pause (up to `max_pause_s`) between tries so racing writers spread out."""

    attempts: int = 3
    max_pause_s: float = 0.02


DEFAULT_RETRY = RetryPolicy()


class UnitOfWork:
    """What a handler sees: loads (cached, many streams in one round trip), staged decisions,
    the transaction's connection for query ports (None in memory), and locks."""

    def __init__(
        self,
        store: EventStore,
        conn: Any = None,
        codec: EventCodec | None = None,
        inline: Sequence[InlineProjection] = (),
    ):
        self.store = store
        self.conn = conn
        self.codec = codec
        self.inline = inline
        self.cause: Cause | None = None  # set by a handler whose writes follow what it read
        self._histories: dict[str, list[Recorded]] = {}
        self._events: dict[str, list[DomainEvent]] = {}
        self._staged: dict[str, StreamWrite] = {}

    async def load(self, stream_ids: Iterable[str]) -> dict[str, list[DomainEvent]]:
        """The events of each stream (opened by the codec), loading the ones not yet loaded
        in one read; a stream that does not exist maps to []."""
        wanted = list(dict.fromkeys(stream_ids))
        missing = [s for s in wanted if s not in self._histories]
        if missing:
            loaded = await self.store.load_many(missing, conn=self.conn)
            histories = {s: loaded.get(s, []) for s in missing}
            if self.codec is not None:
                opened = await self.codec.open(self.conn, histories)
            else:
                opened = {s: [r.event for r in h] for s, h in histories.items()}
            self._histories.update(histories)
            self._events.update(opened)
        return {s: self._events[s] for s in wanted}

    def history(self, stream_id: str) -> list[Recorded]:
        """The recorded events of a stream loaded earlier in this unit of work."""
        return self._histories[stream_id]

    async def states(
        self, decider: Decider[Any, S], stream_ids: Iterable[str]
    ) -> dict[str, Folded[S]]:
        """Several streams folded by one decider, loaded in one read."""
        events = await self.load(stream_ids)
        return {s: Folded(decider.fold(evs), len(self._histories[s])) for s, evs in events.items()}

    async def state(self, decider: Decider[Any, S], stream_id: str) -> Folded[S]:
        return (await self.states(decider, [stream_id]))[stream_id]

    def stage(self, stream_id: str, events: Sequence[DomainEvent]) -> list[DomainEvent]:
        """Stage new events for a stream, decided on the version this unit of work loaded (or
        after the events already staged for it)."""
        if stream_id not in self._histories:
            raise RuntimeError(f"stage {stream_id!r} only after loading it in this unit of work")
        events = list(events)
        if not events:
            return events
        prior = self._staged.get(stream_id)
        if prior is None:
            self._staged[stream_id] = StreamWrite(
                stream_id, len(self._histories[stream_id]), events
            )
        else:
            self._staged[stream_id] = StreamWrite(
                stream_id, prior.expected_version, [*prior.events, *events]
            )
        self._events[stream_id] = [*self._events[stream_id], *events]
        return events

    def create(self, stream_id: str, events: Sequence[DomainEvent]) -> list[DomainEvent]:
        """Stage the first events of a stream that must not exist yet (deterministic ids made
        exactly once): if it does by the commit, the append conflicts and the handler runs
        again, seeing it (`uow.store.existing`)."""
        if stream_id in self._staged or self._histories.get(stream_id):
            raise RuntimeError(f"{stream_id!r} exists or is staged already in this unit of work")
        self._histories[stream_id] = []
        self._events[stream_id] = []
        return self.stage(stream_id, events)

    async def decide(
        self, decider: Decider[C, Any], stream_id: str, command: C
    ) -> list[DomainEvent]:
        """Load -> fold -> decide -> stage, for one stream; returns the staged events."""
        events = (await self.load([stream_id]))[stream_id]
        return self.stage(stream_id, decider.decide(command, decider.fold(events)))

    async def lock(self, key: str) -> None:
        """Serialise units of work on `key` until this one ends (a transaction-scoped advisory
        lock; in memory the event loop already serialises)."""
        if self.conn is not None:
            await self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", key)

    @property
    def staged(self) -> list[StreamWrite]:
        return list(self._staged.values())

    async def commit(self, cause: Cause) -> list[Recorded]:
        """Append every staged write in one atomic append (nothing staged: nothing written)."""
        writes = self.staged
        if not writes:
            return []
        if self.codec is not None:
            writes = await self.codec.seal(self.conn, writes)
        recorded = await self.store.append(writes, self.cause or cause, conn=self.conn)
        for projection in self.inline:
            await projection.apply(self.conn, recorded)
        return recorded


CommandHandler = Callable[[UnitOfWork], Awaitable[T]]


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a handler returned and what the pipeline appended for it."""

    value: T
    recorded: list[Recorded] = field(default_factory=list)


class Pipeline(ABC):
    """Runs a handler in a unit of work and commits its decisions, retrying conflicts."""

    def __init__(
        self,
        store: EventStore,
        *,
        codec: EventCodec | None = None,
        inline: Sequence[InlineProjection] = (),
        retry: RetryPolicy = DEFAULT_RETRY,
        on_committed: Callable[[list[Recorded]], None] | None = None,
    ) -> None:
        self.store = store
        self.codec = codec
        self.inline = tuple(inline)
        self.retry = retry
        self.on_committed = on_committed

    async def run(self, handler: CommandHandler[T], cause: Cause) -> Outcome[T]:
        for attempt in range(1, self.retry.attempts + 1):
            try:
                value, recorded = await self._attempt(handler, cause)
            except ConcurrencyConflict:
                if attempt == self.retry.attempts:
                    raise
                log.info("command.conflict_retrying", attempt=attempt)
                await asyncio.sleep(random.uniform(0, self.retry.max_pause_s))
                continue
            if recorded and self.codec is not None:
                self.codec.committed()
            if recorded and self.on_committed is not None:
                self.on_committed(recorded)
            return Outcome(value, recorded)
        raise AssertionError("RetryPolicy.attempts must be at least 1")

    async def execute(
        self, decider: Decider[C, Any], stream_id: str, command: C, cause: Cause
    ) -> list[Recorded]:
        """The common case: one command on one stream."""

        async def handler(uow: UnitOfWork) -> None:
            await uow.decide(decider, stream_id, command)

        return (await self.run(handler, cause)).recorded

    async def state(self, decider: Decider[Any, S], stream_id: str) -> Folded[S]:
        """Read a stream's folded state outside any command (nothing is written)."""

        async def handler(uow: UnitOfWork) -> Folded[S]:
            return await uow.state(decider, stream_id)

        return await self._read(handler)

    def _uow(self, conn: Any) -> UnitOfWork:
        return UnitOfWork(self.store, conn, self.codec, self.inline)

    @abstractmethod
    async def _attempt(
        self, handler: CommandHandler[T], cause: Cause
    ) -> tuple[T, list[Recorded]]: ...

    @abstractmethod
    async def _read(self, handler: CommandHandler[T]) -> T: ...


class PoolPipeline(Pipeline):
    """Each attempt: a connection from the pool and one transaction (HTTP and workers)."""

    def __init__(self, pool: Any, store: EventStore, **kwargs: Any) -> None:
        super().__init__(store, **kwargs)
        self.pool = pool

    def with_pool(self, pool: Any) -> PoolPipeline:
        """The same pipeline (store, codec, inline projections, retry, hooks) on another
        pool: a worker with a connection budget of its own, apart from HTTP's."""
        return PoolPipeline(
            pool,
            self.store,
            codec=self.codec,
            inline=self.inline,
            retry=self.retry,
            on_committed=self.on_committed,
        )

    async def _attempt(self, handler: CommandHandler[T], cause: Cause) -> tuple[T, list[Recorded]]:
        async with self.pool.acquire() as conn, conn.transaction():
            uow = self._uow(conn)
            value = await handler(uow)
            return value, await uow.commit(cause)

    async def _read(self, handler: CommandHandler[T]) -> T:
        async with self.pool.acquire() as conn:
            return await handler(self._uow(conn))


class BatchPipeline(Pipeline):
    """Each attempt: a savepoint of a consumer batch's transaction (reactions), so that the
    events a reaction writes commit with the consumer's offsets; a lost race rolls back only
    the savepoint and the reaction is decided again."""

    def __init__(self, conn: Any, store: EventStore, **kwargs: Any) -> None:
        super().__init__(store, **kwargs)
        self.conn = conn

    async def _attempt(self, handler: CommandHandler[T], cause: Cause) -> tuple[T, list[Recorded]]:
        async with self.conn.transaction():
            uow = self._uow(self.conn)
            value = await handler(uow)
            return value, await uow.commit(cause)

    async def _read(self, handler: CommandHandler[T]) -> T:
        return await handler(self._uow(self.conn))


class InMemoryPipeline(Pipeline):
    """The same contract on `InMemoryEventStore`, for unit tests of handlers (no I/O)."""

    def __init__(self, store: InMemoryEventStore | None = None, **kwargs: Any) -> None:
        super().__init__(store or InMemoryEventStore(), **kwargs)

    async def _attempt(self, handler: CommandHandler[T], cause: Cause) -> tuple[T, list[Recorded]]:
        uow = self._uow(None)
        value = await handler(uow)
        return value, await uow.commit(cause)

    async def _read(self, handler: CommandHandler[T]) -> T:
        return await handler(self._uow(None))
