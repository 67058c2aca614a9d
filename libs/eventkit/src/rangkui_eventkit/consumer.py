"""The consumer runner: applies Kafka events to PostgreSQL with exactly-once effects.

For every batch polled from Kafka, in ONE PostgreSQL transaction: the handler's effects
(read-model rows, or new events plus their outbox rows), the next offset of every
partition in the batch (`consumer_offsets`) and the last stream version applied
(`consumer_streams`). On (re)assignment the runner seeks to the stored offsets, never to
Kafka's committed ones (those are committed too, best effort, only so that lag shows in
ordinary Kafka tooling). So a crash anywhere either keeps the whole batch or none of it, and
the batch is read again: nothing lost, nothing applied twice.

Records re-published by the outbox relay after a crash carry a stream version the consumer
has already applied and are skipped; a record whose stream version jumps past the next one
is a dead letter (and does not move the stream's position), so one forged record with a huge
version cannot make the consumer skip the rest of a stream it follows. Records of a type the handler
does not want are passed over from their headers, without reading the body (their versions
still count). A record that cannot be parsed (not a CloudEvent, an
unknown type, a payload off its schema), a forged one (an event of another context than its
topic's, or a `ce_source` other than its context's), or one whose handler raises, goes to
the dead-letter topic with the reason (the batch is retried event by event
in savepoints to find the culprits) and the others are applied; the dead letters are
acknowledged by the broker before the transaction commits. Infrastructure errors
(PostgreSQL gone) are not the message's fault: the batch is retried after a pause.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import KafkaError

from rangkui_contracts import DomainEvent, Envelope, MalformedEvent, event_class, parse_event
from rangkui_contracts.topics import DEAD_LETTER
from rangkui_eventkit.deadletter import DeadLetter, publish_dead_letters
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.handlers import BatchContext, Handler, Received
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.metrics import CONSUMER_LAG, DEAD_LETTERS, EVENTS_CONSUMED
from rangkui_eventkit.pipeline import InlineProjection
from rangkui_eventkit.store import EventStore

log = get_logger(__name__)

_INFRA_ERRORS = (
    OSError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,  # a broken connection released after PostgreSQL restarted
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.TooManyConnectionsError,
)


_CONFLICT_RETRIES = 3


class ForgedEvent(MalformedEvent):
    """A well-formed event that did not come from where it claims: never applied."""


def check_origin(env: Envelope, cls: type[DomainEvent], topic_context: str | None) -> None:
    """Raise `ForgedEvent` unless the event arrived on its own context's topic from its own
    context's service.

    Each context publishes only its own events, to its own topic, as `/rangkui/<context>`
    (the `Service.source` of the service that owns the context). A `MutationApproved` read
    from the personnel topic, or one whose `ce_source` names another service, was written by
    someone who may not decide transfers: it goes to the dead letters, not into a read model.
    """
    _check_origin(env.type, env.source, cls, topic_context)


def _check_origin(
    ce_type: str, source: str, cls: type[DomainEvent], topic_context: str | None
) -> None:
    if topic_context is not None and cls.context != topic_context:
        raise ForgedEvent(
            f"{ce_type} belongs to the {cls.context} context but arrived on the topic of "
            f"{topic_context}"
        )
    expected = f"/rangkui/{cls.context}"
    if source != expected:
        raise ForgedEvent(
            f"{ce_type} claims ce_source {source!r}; events of the {cls.context} "
            f"context come from {expected!r}"
        )


class _Reseek(Exception):
    """The stored positions changed under us (a rebuild): seek again from the database."""


class ConsumerRunner:
    def __init__(
        self,
        *,
        pool: asyncpg.Pool,
        handler: Handler,
        bootstrap_servers: str,
        service: str,
        producer_factory: Callable[[], AIOKafkaProducer],
        store: EventStore | None = None,
        topic_prefix: str = "",
        batch_size: int = 2000,
        poll_timeout_ms: int = 100,
        fault_hook: Callable[[str], None] | None = None,
        connection: dict[str, Any] | None = None,
        on_appended: Callable[[], None] | None = None,
        inline: Sequence[InlineProjection] = (),
    ) -> None:
        self.pool = pool
        self.inline = tuple(inline)  # write-side indexes kept with the events reactions write
        self.handler = handler
        self.bootstrap_servers = bootstrap_servers
        self.service = service
        self.producer_factory = producer_factory
        self.store = store
        self.topic_prefix = topic_prefix
        self.batch_size = batch_size
        self.poll_timeout_ms = poll_timeout_ms
        self.fault_hook = fault_hook
        self.connection = dict(connection or {})
        self.on_appended = on_appended  # after a batch whose reactions wrote events commits
        self.consumer_name = handler.name
        self.group_id = f"{topic_prefix}{service}.{handler.name}"
        self.topics = [t.qualified(topic_prefix) for t in handler.topics]
        self._topic_contexts = {t.qualified(topic_prefix): t.context for t in handler.topics}
        self.dead_letter_topic = DEAD_LETTER.qualified(topic_prefix)
        self.applied = 0
        self._generation: int | None = None
        self._consumer: AIOKafkaConsumer | None = None
        self._dlq: AIOKafkaProducer | None = None
        self._next: dict[tuple[str, int], int] = {}
        self._uncommitted: dict[tuple[str, int], int] = {}
        self._last_kafka_commit = 0.0

    # ---------------------------------------------------------------- lifecycle
    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self._run_once(stop)
            except _INFRA_ERRORS as exc:
                log.warning(
                    "consumer.infrastructure_error", consumer=self.consumer_name, error=repr(exc)
                )
                await _sleep_or_stop(stop, 1.0)
            except KafkaError as exc:
                log.warning("consumer.kafka_error", consumer=self.consumer_name, error=repr(exc))
                await _sleep_or_stop(stop, 1.0)
            finally:
                await self._close()

    async def _run_once(self, stop: asyncio.Event) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap_servers,
            group_id=self.group_id,
            client_id=f"{self.service}.{self.consumer_name}",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_records=self.batch_size,
            # Bounded prefetch: a rebuild of many consumers must fit a service's memory.
            fetch_max_bytes=8 * 1024 * 1024,
            max_partition_fetch_bytes=1024 * 1024,
            **self.connection,
        )
        self._consumer = consumer
        consumer.subscribe(self.topics, listener=_SeekFromDatabase(self))
        await consumer.start()
        log.info("consumer.started", consumer=self.consumer_name, topics=self.topics)
        idle_checks = 0.0
        while not stop.is_set():
            polled = await consumer.getmany(
                timeout_ms=self.poll_timeout_ms, max_records=self.batch_size
            )
            records = [r for recs in polled.values() for r in recs]
            try:
                if records:
                    await self._process(records)
                else:
                    await self._commit_to_kafka(force=True)
                    idle_checks += self.poll_timeout_ms / 1000
                    if idle_checks >= 1.0:  # notice a rebuild even when no events arrive
                        idle_checks = 0
                        await self._check_generation()
            except _Reseek:
                await self._seek(consumer.assignment())
                continue
            self._report_lag(consumer)

    async def _close(self) -> None:
        if self._consumer is not None:
            consumer, self._consumer = self._consumer, None
            with contextlib.suppress(Exception):
                await asyncio.wait_for(consumer.stop(), timeout=10)
        if self._dlq is not None:
            dlq, self._dlq = self._dlq, None
            with contextlib.suppress(Exception):
                await asyncio.wait_for(dlq.stop(), timeout=10)

    # -------------------------------------------------------------- positions
    async def _seek(self, partitions: set[TopicPartition] | frozenset[TopicPartition]) -> None:
        async with self.pool.acquire() as conn:
            self._generation = await _generation(conn, self.consumer_name)
            rows = await conn.fetch(
                "SELECT topic, partition, next_offset FROM consumer_offsets WHERE consumer = $1",
                self.consumer_name,
            )
        stored = {TopicPartition(r["topic"], r["partition"]): r["next_offset"] for r in rows}
        if not partitions or self._consumer is None:
            return
        to_beginning = []
        for tp in partitions:
            if tp in stored:
                self._consumer.seek(tp, stored[tp])
            else:
                to_beginning.append(tp)
        if to_beginning:
            await self._consumer.seek_to_beginning(*to_beginning)
        log.info(
            "consumer.positions_restored",
            consumer=self.consumer_name,
            partitions=len(partitions),
            from_beginning=len(to_beginning),
        )

    async def _check_generation(self) -> None:
        async with self.pool.acquire() as conn:
            if await _generation(conn, self.consumer_name) != self._generation:
                raise _Reseek()

    # ------------------------------------------------------------- the batch
    async def _process(self, records: list[Any]) -> None:
        dead: list[DeadLetter] = []
        # Every record with a stream version, in order, wanted or not (None): the versions a
        # stream has reached on this topic, so that a jump is seen whatever its type.
        versioned: list[_Versioned] = []
        for r in records:
            ce_type, source, subject, version = _peek(r.headers)
            try:
                if ce_type is not None and source is not None:
                    # Unknown types and forged origins are dead letters whoever reads them;
                    # the types this handler ignores are passed over before the body is read.
                    cls = event_class(ce_type)
                    _check_origin(ce_type, source, cls, self._topic_contexts.get(r.topic))
                    if not self.handler.accepts(ce_type):
                        if version is not None and subject:
                            versioned.append(_Versioned(f"{source}|{subject}", version, None, r))
                        continue
                    env = Envelope.from_kafka(r.key, r.value, r.headers)
                else:  # headers missing: `from_kafka` says which
                    env = Envelope.from_kafka(r.key, r.value, r.headers)
                    check_origin(env, event_class(env.type), self._topic_contexts.get(r.topic))
                    if not self.handler.accepts(env.type):
                        continue
                event = parse_event(env.type, env.data)
            except ForgedEvent as exc:
                dead.append(DeadLetter.of(r, f"forged: {exc}"))
                continue
            except MalformedEvent as exc:
                dead.append(DeadLetter.of(r, f"malformed: {exc}"))
                continue
            item = Received(env, event, r.topic, r.partition, r.offset)
            if env.streamversion is None:  # not from an event store (keys): in order, as is
                versioned.append(_Versioned(None, 0, item, r))
            else:
                versioned.append(_Versioned(_stream_key(env), env.streamversion, item, r))

        next_offsets: dict[tuple[str, int], int] = {}
        for r in records:
            next_offsets[(r.topic, r.partition)] = r.offset + 1

        async with self.pool.acquire() as conn, conn.transaction():
            generation = await conn.fetchval(
                "SELECT generation FROM consumers WHERE consumer = $1 FOR SHARE", self.consumer_name
            )
            if generation != self._generation:
                raise _Reseek()
            fresh, seen, jumped = await self._in_sequence(conn, versioned)
            dead.extend(jumped)
            ctx = BatchContext(conn, self.store, self.service, inline=self.inline)
            dead.extend(await self._apply(ctx, fresh))
            self._fault("after_apply")
            if dead:
                await self._dead_letter(dead)
            await conn.execute(
                """INSERT INTO consumer_offsets (consumer, topic, partition, next_offset)
                   SELECT $1, t, p, o FROM unnest($2::text[], $3::int[], $4::bigint[]) AS u(t, p, o)
                   ON CONFLICT (consumer, topic, partition)
                   DO UPDATE SET next_offset = EXCLUDED.next_offset""",
                self.consumer_name,
                [k[0] for k in next_offsets],
                [k[1] for k in next_offsets],
                list(next_offsets.values()),
            )
            if seen:
                await conn.execute(
                    """INSERT INTO consumer_streams (consumer, stream_id, version)
                       SELECT $1, s, v FROM unnest($2::text[], $3::int[]) AS u(s, v)
                       ON CONFLICT (consumer, stream_id)
                       DO UPDATE SET version =
                           GREATEST(consumer_streams.version, EXCLUDED.version)""",
                    self.consumer_name,
                    list(seen),
                    list(seen.values()),
                )
            self._fault("before_commit")
        self._fault("after_commit")
        if ctx.appended and self.on_appended is not None:
            self.on_appended()
        self._next.update(next_offsets)
        self.applied += len(fresh)
        EVENTS_CONSUMED.labels(self.service, self.consumer_name).inc(len(records))
        self._uncommitted.update(next_offsets)
        await self._commit_to_kafka()

    async def _commit_to_kafka(self, *, force: bool = False) -> None:
        """Tell Kafka the positions too, at most once a second: only so that lag shows in
        ordinary Kafka tooling. The positions that count are the ones in PostgreSQL."""
        now = asyncio.get_running_loop().time()
        if self._consumer is None or not self._uncommitted:
            return
        if not force and now - self._last_kafka_commit < 1.0:
            return
        offsets, self._uncommitted = self._uncommitted, {}
        self._last_kafka_commit = now
        with contextlib.suppress(Exception):
            await self._consumer.commit({TopicPartition(t, p): o for (t, p), o in offsets.items()})

    async def _in_sequence(
        self, conn: asyncpg.Connection, versioned: list[_Versioned]
    ) -> tuple[list[Received], dict[str, int], list[DeadLetter]]:
        """Per stream, what follows the last version this consumer has seen: the next one is
        applied (or passed over, if not wanted), an earlier one is a duplicate (the relay
        published it again after a crash) and is skipped, and one that jumps ahead is a dead
        letter, left out of the stream's position (a forged record with a huge version must
        not make the consumer skip the rest of the stream; a stream that really lost an event
        sends what follows to the dead letters too, never into a read model with a hole).

        A stream the consumer has no position for is taken up at whatever version comes
        first (a consumer's positions may have been bounded, and test fixtures and partial
        topics start streams late), so the check protects streams already followed."""
        last: dict[str, int] = {}
        if any(v.key is not None for v in versioned):
            rows = await conn.fetch(
                "SELECT stream_id, version FROM consumer_streams "
                "WHERE consumer = $1 AND stream_id = ANY($2::text[])",
                self.consumer_name,
                list({v.key for v in versioned if v.key is not None}),
            )
            last = {r["stream_id"]: r["version"] for r in rows}
        fresh: list[Received] = []
        seen: dict[str, int] = {}
        jumped: list[DeadLetter] = []
        for v in versioned:
            if v.key is None:
                if v.item is not None:
                    fresh.append(v.item)
                continue
            at = seen.get(v.key, last.get(v.key))
            if at is None:  # a stream this consumer has not seen: it starts where it starts
                at = v.version - 1
            if v.version <= at:
                if v.item is not None:
                    log.info(
                        "consumer.duplicate_skipped",
                        consumer=self.consumer_name,
                        stream_id=v.item.envelope.subject,
                        version=v.version,
                    )
                continue
            if v.version > at + 1:
                if v.item is not None:
                    jumped.append(
                        DeadLetter.of(
                            v.record,
                            f"stream version jump: {v.item.envelope.subject} is at version "
                            f"{at} for {self.consumer_name}, this record has {v.version}",
                        )
                    )
                else:
                    log.warning(
                        "consumer.version_jump_passed_over",
                        consumer=self.consumer_name,
                        stream=v.key,
                        at=at,
                        version=v.version,
                    )
                continue
            seen[v.key] = v.version
            if v.item is not None:
                fresh.append(v.item)
        return fresh, seen, jumped

    async def _apply(self, ctx: BatchContext, items: list[Received]) -> list[DeadLetter]:
        """Apply the batch in a savepoint; if it fails, find the culprits event by event."""
        if not items:
            return []
        try:
            await self._attempt(ctx, items)
            return []
        except _INFRA_ERRORS:
            raise
        except Exception as exc:
            log.warning(
                "consumer.batch_failed_isolating",
                consumer=self.consumer_name,
                error=repr(exc),
                size=len(items),
            )
        failed: list[DeadLetter] = []
        for item in items:
            try:
                await self._attempt(ctx, [item])
            except _INFRA_ERRORS:
                raise
            except Exception as exc:
                reason = f"handler {self.consumer_name} failed: {type(exc).__name__}: {exc}"
                log.error(
                    "consumer.event_dead_lettered",
                    consumer=self.consumer_name,
                    event_type=item.envelope.type,
                    stream_id=item.envelope.subject,
                    reason=reason,
                )
                failed.append(
                    DeadLetter(
                        topic=item.topic,
                        partition=item.partition,
                        offset=item.offset,
                        key=item.envelope.kafka_key(),
                        value=item.envelope.kafka_value(),
                        headers=tuple(item.envelope.kafka_headers()),
                        reason=reason,
                    )
                )
        return failed

    async def _attempt(self, ctx: BatchContext, items: list[Received]) -> None:
        """Run the handler in a savepoint. A `ConcurrencyConflict` (a reaction raced an HTTP
        command on the same stream) is not the event's fault: decide again on fresh state,
        a few times, before calling it a failure."""
        for attempt in range(1, _CONFLICT_RETRIES + 1):
            try:
                async with ctx.conn.transaction():
                    await self.handler.handle(ctx, items)
                    await ctx.flush()
                return
            except ConcurrencyConflict:
                ctx.sql.clear()
                if attempt == _CONFLICT_RETRIES:
                    raise
                log.info("consumer.conflict_retry", consumer=self.consumer_name, attempt=attempt)
            except BaseException:
                ctx.sql.clear()
                raise

    async def _dead_letter(self, letters: list[DeadLetter]) -> None:
        if self._dlq is None:
            producer = self.producer_factory()
            await producer.start()
            self._dlq = producer
        await publish_dead_letters(self._dlq, self.dead_letter_topic, self.group_id, letters)
        DEAD_LETTERS.labels(self.service, self.consumer_name).inc(len(letters))
        for dl in letters:
            log.warning(
                "consumer.dead_letter",
                consumer=self.consumer_name,
                topic=dl.topic,
                partition=dl.partition,
                offset=dl.offset,
                reason=dl.reason,
            )

    def _fault(self, point: str) -> None:
        if self.fault_hook is not None:
            self.fault_hook(point)

    def _report_lag(self, consumer: AIOKafkaConsumer) -> None:
        for tp in consumer.assignment():
            high = consumer.highwater(tp)
            position = self._next.get((tp.topic, tp.partition))
            if high is not None and position is not None:
                CONSUMER_LAG.labels(
                    self.service, self.consumer_name, tp.topic, str(tp.partition)
                ).set(max(high - position, 0))


@dataclass(slots=True)
class _Versioned:
    key: str | None  # source|subject; None: no stream version (not from an event store)
    version: int
    item: Received | None  # None: a type this handler does not want
    record: Any


def _peek(headers: Any) -> tuple[str | None, str | None, str | None, int | None]:
    """`ce_type`, `ce_source`, `ce_subject` and `ce_streamversion` from the headers alone
    (the body is read only for a record the handler wants; `Envelope.from_kafka` then checks
    everything)."""
    h = dict(headers or ())
    ce_type, source, subject, version = (
        h.get("ce_type"),
        h.get("ce_source"),
        h.get("ce_subject"),
        h.get("ce_streamversion"),
    )
    return (
        ce_type.decode(errors="replace") if ce_type else None,
        source.decode(errors="replace") if source else None,
        subject.decode(errors="replace") if subject else None,
        int(version) if version and version.isdigit() else None,
    )


class _SeekFromDatabase(ConsumerRebalanceListener):
    def __init__(self, runner: ConsumerRunner) -> None:
        self.runner = runner

    async def on_partitions_revoked(self, revoked: Any) -> None:
        return None

    async def on_partitions_assigned(self, assigned: Any) -> None:
        await self.runner._seek(set(assigned))


def _stream_key(env: Envelope) -> str:
    return f"{env.source}|{env.subject}"


async def _generation(conn: asyncpg.Connection, consumer: str) -> int:
    await conn.execute(
        "INSERT INTO consumers (consumer) VALUES ($1) ON CONFLICT DO NOTHING", consumer
    )
    return await conn.fetchval("SELECT generation FROM consumers WHERE consumer = $1", consumer)


async def reset_consumer(pool: asyncpg.Pool, handler: Handler) -> None:
    """Empty a projection's read model and positions; it then replays from the beginning.

    Safe while the service runs: the new generation tells every runner of this consumer to
    drop its in-memory positions and seek again (to the beginning, since none is stored).
    """
    if not handler.rebuildable:
        raise ValueError(f"{handler.name} is a reaction, not a projection: it is not rebuilt")
    async with pool.acquire() as conn, conn.transaction():
        await _generation(conn, handler.name)
        await conn.execute(
            "UPDATE consumers SET generation = generation + 1 WHERE consumer = $1", handler.name
        )
        await handler.reset(conn)
        await conn.execute("DELETE FROM consumer_offsets WHERE consumer = $1", handler.name)
        await conn.execute("DELETE FROM consumer_streams WHERE consumer = $1", handler.name)
    log.info("consumer.reset", consumer=handler.name)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)
