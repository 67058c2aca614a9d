"""What a consumer runs: projections (events -> read model) and reactions (events ->
commands -> new events), both declared with `@handles` per event class.

A handler receives a batch inside one PostgreSQL transaction (`BatchContext`). Writes go
through `ctx.sql` (batched) or straight to `ctx.conn`; reads through `ctx.fetch*`, which
first flush the pending writes so that a handler always reads its own writes. Reactions
decide through the kit's command pipeline (`ctx.run`, `ctx.execute`), whose unit of work is
a savepoint of the batch's transaction: the events they write commit with the consumer's
position, so each reaction happens exactly once, and a lost race is decided again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

import asyncpg
import structlog

from rangkui_contracts import DomainEvent, Envelope, TopicSpec, is_current
from rangkui_contracts.upcasting import versions_read_as
from rangkui_eventkit.context import Cause
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.pipeline import (
    BatchPipeline,
    CommandHandler,
    EventCodec,
    InlineProjection,
    InMemoryPipeline,
    Outcome,
    Pipeline,
    UnitOfWork,
)
from rangkui_eventkit.sqlbatch import SqlBatch
from rangkui_eventkit.store import EventStore, Recorded


@dataclass(frozen=True)
class Received:
    """An event read from Kafka, with its coordinates."""

    envelope: Envelope
    event: DomainEvent
    topic: str
    partition: int
    offset: int


class BatchContext:
    def __init__(
        self,
        conn: asyncpg.Connection,
        store: EventStore | None,
        service: str,
        codec: EventCodec | None = None,
        inline: Sequence[InlineProjection] = (),
    ) -> None:
        self.conn = conn
        self.codec = codec
        self.inline = inline
        self.sql = SqlBatch()
        self.store = store
        self.service = service
        self.appended = False  # whether this batch wrote events (the relay is woken after commit)

    async def flush(self) -> None:
        if self.conn is not None or len(self.sql):
            await self.sql.flush(self.conn)

    async def fetch(self, query: str, *args: Any) -> list[asyncpg.Record]:
        await self.flush()
        return await self.conn.fetch(query, *args)

    async def fetchrow(self, query: str, *args: Any) -> asyncpg.Record | None:
        await self.flush()
        return await self.conn.fetchrow(query, *args)

    async def fetchval(self, query: str, *args: Any) -> Any:
        await self.flush()
        return await self.conn.fetchval(query, *args)

    async def run(
        self, handler: CommandHandler[T], because_of: Received, actor: str | None = None
    ) -> Outcome[T]:
        """Run a command handler in this batch's transaction (a savepoint per attempt, a
        lost race decided again), its events caused by `because_of`."""
        if self.store is None:
            raise RuntimeError("this consumer was built without an event store")
        await self.flush()  # earlier writes must not ride on a savepoint that may roll back
        pipeline: Pipeline
        if self.conn is None:  # a unit test's batch, on the in-memory store
            pipeline = InMemoryPipeline(self.store, codec=self.codec, inline=self.inline)  # type: ignore[arg-type]
        else:
            pipeline = BatchPipeline(self.conn, self.store, codec=self.codec, inline=self.inline)
        outcome = await pipeline.run(handler, Cause.following(because_of.envelope, actor=actor))
        self.appended = self.appended or bool(outcome.recorded)
        return outcome

    async def execute(
        self,
        decider: Decider[C, Any],
        stream_id: str,
        command: C,
        because_of: Received,
        actor: str | None = None,
    ) -> list[Recorded]:
        """The common case: one command on one stream, caused by `because_of`."""

        async def handler(uow: UnitOfWork) -> None:
            await uow.decide(decider, stream_id, command)

        return (await self.run(handler, because_of, actor)).recorded

    async def load(self, stream_id: str) -> list[Recorded]:
        if self.store is None:
            raise RuntimeError("this consumer was built without an event store")
        await self.flush()
        return await self.store.load(stream_id, conn=self.conn)


E = TypeVar("E", bound=DomainEvent)
C = TypeVar("C")
T = TypeVar("T")
HandlerFn = Callable[[Any, BatchContext, Any, Received], Awaitable[None]]


def handles(*event_classes: type[DomainEvent]) -> Callable[[HandlerFn], HandlerFn]:
    """Mark a method `async def on_x(self, ctx, event, received)` as the handler of events."""

    older = [ec.__name__ for ec in event_classes if not is_current(ec)]
    if older:
        raise TypeError(
            f"handle the current version of {', '.join(older)}: older versions are upcast to "
            "it as they are read (rangkui_contracts.upcasting)"
        )

    def mark(fn: HandlerFn) -> HandlerFn:
        fn.__rangkui_handles__ = event_classes  # type: ignore[attr-defined]
        return fn

    return mark


class Handler:
    """Base of projections and reactions.

    Subclasses set `name` (unique within the service: it names the consumer group and the
    stored positions) and `topics`, and mark methods with `@handles`. Events of types no
    method handles are skipped (their offsets still advance).
    """

    name: ClassVar[str]
    topics: ClassVar[tuple[TopicSpec, ...]]
    # Tables that `reset` empties for a rebuild; empty for reactions, which are not rebuilt.
    tables: ClassVar[tuple[str, ...]] = ()
    _dispatch: ClassVar[dict[str, str]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dispatch: dict[str, str] = {}
        for klass in reversed(cls.__mro__):
            for attr, value in vars(klass).items():
                for ec in getattr(value, "__rangkui_handles__", ()):
                    # Older versions of `ec` reach the same method, upcast.
                    for ce_type in versions_read_as(ec):
                        dispatch[ce_type] = attr
        cls._dispatch = dispatch

    @property
    def rebuildable(self) -> bool:
        return bool(self.tables)

    def accepts(self, ce_type: str) -> bool:
        return ce_type in self._dispatch

    async def handle(self, ctx: BatchContext, batch: Sequence[Received]) -> None:
        try:
            for item in batch:
                env = item.envelope
                # Every log line written while handling carries the event's causal context.
                structlog.contextvars.bind_contextvars(
                    correlation_id=env.correlationid,
                    causation_id=env.id,
                    stream_id=env.subject,
                    stream_version=env.streamversion,
                )
                method = getattr(self, self._dispatch[env.type])
                await method(ctx, item.event, item)
        finally:
            structlog.contextvars.unbind_contextvars(
                "correlation_id", "causation_id", "stream_id", "stream_version"
            )

    async def reset(self, conn: asyncpg.Connection) -> None:
        """Empty the read model before a replay from the beginning."""
        if self.tables:
            await conn.execute(f"TRUNCATE {', '.join(self.tables)}")


class Projection(Handler):
    """Events -> read model. Must be deterministic: a rebuild gives the same tables."""


class Reaction(Handler):
    """Events -> commands -> new events in this service's store (a policy)."""
