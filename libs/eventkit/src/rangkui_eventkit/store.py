"""The event store port and its PostgreSQL and in-memory implementations.

Appends are atomic across all the streams of one call and guarded by optimistic
concurrency: each `StreamWrite` names the version it was decided on, and if any stream
has moved on the whole append fails with `ConcurrencyConflict` and writes nothing.

The PostgreSQL store writes, in the same statement, one outbox row per event: publishing
cannot be forgotten, and nothing is published that was not committed (see `outbox`).
"""

from __future__ import annotations

import json
import uuid
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import asyncpg

from rangkui_contracts import DomainEvent, Envelope, parse_event, topic_for, upcast
from rangkui_contracts.envelope import CONTENT_TYPE, SPECVERSION
from rangkui_eventkit.bounds import check_event_size
from rangkui_eventkit.clock import SYSTEM_CLOCK
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import ConcurrencyConflict


@dataclass(frozen=True)
class StreamWrite:
    """New events for one stream, decided on the stream at `expected_version` (0: new)."""

    stream_id: str
    expected_version: int
    events: Sequence[DomainEvent]


@dataclass(frozen=True)
class Recorded:
    """An event as stored: the payload model, its envelope and its positions."""

    envelope: Envelope
    event: DomainEvent
    version: int
    position: int

    @property
    def stream_id(self) -> str:
        return self.envelope.subject


@dataclass
class _Row:
    stream_id: str
    version: int
    event: DomainEvent
    envelope: Envelope
    data_json: str


def _envelopes(writes: Sequence[StreamWrite], cause: Cause, source: str) -> list[_Row]:
    """Envelopes for new events. Built with `model_construct`: every field is made here from
    values that are valid by construction, and appends are a hot path."""
    now = SYSTEM_CLOCK.now()
    rows: list[_Row] = []
    for w in writes:
        for i, event in enumerate(w.events, start=1):
            version = w.expected_version + i
            data_json = event.model_dump_json()
            check_event_size(w.stream_id, event.ce_type(), data_json)
            env = Envelope.model_construct(
                id=str(uuid.uuid4()),
                source=source,
                type=event.ce_type(),
                specversion=SPECVERSION,
                time=now,
                subject=w.stream_id,
                datacontenttype=CONTENT_TYPE,
                data=json.loads(data_json),
                correlationid=cause.correlation_id,
                causationid=cause.causation_id,
                actor=cause.actor,
                streamversion=version,
            )
            rows.append(_Row(w.stream_id, version, event, env, data_json))
    return rows


class EventStore(ABC):
    """Port: append and load event streams."""

    def __init__(self, source: str) -> None:
        self.source = source

    @abstractmethod
    async def append(
        self, writes: Sequence[StreamWrite], cause: Cause, *, conn: Any = None
    ) -> list[Recorded]:
        """Append atomically; `ConcurrencyConflict` if any stream is not at its expected version."""

    @abstractmethod
    async def load(self, stream_id: str, *, conn: Any = None) -> list[Recorded]:
        """All events of one stream in version order (empty if the stream does not exist)."""

    @abstractmethod
    async def load_many(
        self, stream_ids: Sequence[str], *, conn: Any = None
    ) -> dict[str, list[Recorded]]:
        """Several streams in one read; streams that do not exist are absent from the result."""

    @abstractmethod
    async def read_all(self, after_position: int = 0, limit: int = 1000) -> list[Recorded]:
        """Events of every stream after a global position, in position order."""

    @abstractmethod
    async def existing(self, stream_ids: Sequence[str], *, conn: Any = None) -> set[str]:
        """Which of these streams have any event ("has this been appended already")."""

    @abstractmethod
    async def load_last(
        self, stream_ids: Sequence[str], *, conn: Any = None
    ) -> dict[str, Recorded]:
        """The last event of each stream that exists, in one read."""

    @abstractmethod
    async def find_streams(
        self, event_type: str, field: str, value: str, *, conn: Any = None
    ) -> list[str]:
        """Ids of the streams holding an event of `event_type` whose payload has `field`
        equal to `value` (as text), in the order of their first such event. Reads the write
        side, so a rule sees every decision already committed (unlike a read model)."""

    @abstractmethod
    async def stream_ids(
        self, prefix: str, *, after: str = "", limit: int = 1000, conn: Any = None
    ) -> list[str]:
        """Ids of the streams starting with `prefix`, after `after`, in id order: pages of at
        most `limit` (pass the last id of a page as `after` for the next)."""


class PostgresEventStore(EventStore):
    """Event store in the service's own PostgreSQL database (tables from `sql/0001`).

    One append is a single SQL statement: it checks every stream's current version, inserts
    the events and their outbox rows, so outside a transaction it is
    one round trip. Two appends racing on one stream both pass the version check, but the
    unique (stream_id, version) index lets only the first commit; the second gets
    `ConcurrencyConflict`.
    """

    def __init__(
        self,
        pool: asyncpg.Pool,
        source: str,
        topic_prefix: str = "",
        on_appended: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(source)
        self.pool = pool
        self.topic_prefix = topic_prefix
        # Called after every successful append (the relay's wake-up). Inside a caller's
        # transaction it fires before the commit; the relay then simply finds nothing yet
        # and the next poll picks the rows up.
        self.on_appended = on_appended

    _APPEND = """
    WITH expected AS (
        SELECT * FROM unnest($1::text[], $2::int[]) AS x(stream_id, expected)
    ), actual AS (
        SELECT x.stream_id, x.expected,
               coalesce((SELECT max(e.version) FROM events e WHERE e.stream_id = x.stream_id), 0)
                   AS current
        FROM expected x
    ), bad AS (
        SELECT stream_id, expected, current FROM actual WHERE current <> expected
    ), ins AS (
        INSERT INTO events (stream_id, version, event_id, event_type, data, metadata, recorded_at)
        SELECT s, v, i, t, d::jsonb, m::jsonb, r
        FROM unnest($3::text[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                    $9::timestamptz[]) AS u(s, v, i, t, d, m, r)
        WHERE NOT EXISTS (SELECT 1 FROM bad)
        ORDER BY s, v
        RETURNING global_position, event_id, event_type
    ), ob AS (
        INSERT INTO outbox (position, topic)
        SELECT ins.global_position, tp.topic
        FROM ins JOIN unnest($10::text[], $11::text[]) AS tp(event_type, topic)
          ON tp.event_type = ins.event_type
        RETURNING position
    )
    SELECT (SELECT coalesce(json_agg(json_build_object(
                'stream_id', stream_id, 'expected', expected, 'current', current)), '[]')
            FROM bad) AS conflicts,
           (SELECT coalesce(json_agg(json_build_array(event_id, global_position)), '[]')
            FROM ins) AS positions,
           (SELECT count(*) FROM ob) AS outboxed
    """

    async def append(
        self, writes: Sequence[StreamWrite], cause: Cause, *, conn: Any = None
    ) -> list[Recorded]:
        writes = [w for w in writes if w.events]
        if not writes:
            return []
        if len({w.stream_id for w in writes}) != len(writes):
            raise ValueError("one append may name each stream once")
        rows = _envelopes(writes, cause, self.source)
        types = sorted({r.envelope.type for r in rows})
        topics = [topic_for(_context_of(t)).qualified(self.topic_prefix) for t in types]
        args = (
            [w.stream_id for w in writes],
            [w.expected_version for w in writes],
            [r.stream_id for r in rows],
            [r.version for r in rows],
            [r.envelope.id for r in rows],
            [r.envelope.type for r in rows],
            [r.data_json for r in rows],
            [_metadata_json(rows[0].envelope)] * len(rows),  # one cause per append
            [r.envelope.time for r in rows],
            types,
            topics,
        )
        try:
            if conn is None:
                async with self.pool.acquire() as c:
                    result = await c.fetchrow(self._APPEND, *args)
            else:
                result = await conn.fetchrow(self._APPEND, *args)
        except asyncpg.UniqueViolationError as exc:
            raise ConcurrencyConflict(
                "another change to the same record was saved first; reload and try again",
                details={"streams": [w.stream_id for w in writes]},
            ) from exc
        conflicts = result["conflicts"]
        if conflicts:
            first = conflicts[0]
            raise ConcurrencyConflict(
                f"stream {first['stream_id']} is at version {first['current']}, "
                f"not {first['expected']} as expected; reload and try again",
                details={"conflicts": conflicts},
            )
        if self.on_appended is not None:
            self.on_appended()
        position = dict(result["positions"])  # event id (canonical text) -> position
        return [
            Recorded(
                envelope=r.envelope,
                event=r.event,
                version=r.version,
                position=position[r.envelope.id],
            )
            for r in rows
        ]

    _SELECT = """SELECT global_position, stream_id, version, event_id, event_type, data,
                        metadata, recorded_at FROM events"""

    async def load(self, stream_id: str, *, conn: Any = None) -> list[Recorded]:
        sql = f"{self._SELECT} WHERE stream_id = $1 ORDER BY version"
        rows = await (conn or self.pool).fetch(sql, stream_id)
        return [_recorded(r) for r in rows]

    async def load_many(
        self, stream_ids: Sequence[str], *, conn: Any = None
    ) -> dict[str, list[Recorded]]:
        sql = f"{self._SELECT} WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, version"
        out: dict[str, list[Recorded]] = defaultdict(list)
        for r in await (conn or self.pool).fetch(sql, list(stream_ids)):
            out[r["stream_id"]].append(_recorded(r))
        return dict(out)

    async def read_all(self, after_position: int = 0, limit: int = 1000) -> list[Recorded]:
        sql = f"{self._SELECT} WHERE global_position > $1 ORDER BY global_position LIMIT $2"
        return [_recorded(r) for r in await self.pool.fetch(sql, after_position, limit)]

    async def existing(self, stream_ids: Sequence[str], *, conn: Any = None) -> set[str]:
        rows = await (conn or self.pool).fetch(
            "SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1::text[])",
            list(stream_ids),
        )
        return {r["stream_id"] for r in rows}

    async def load_last(
        self, stream_ids: Sequence[str], *, conn: Any = None
    ) -> dict[str, Recorded]:
        sql = f"""{self._SELECT} WHERE (stream_id, version) IN (
                     SELECT stream_id, max(version) FROM events
                     WHERE stream_id = ANY($1::text[]) GROUP BY stream_id)"""
        rows = await (conn or self.pool).fetch(sql, list(stream_ids))
        return {r["stream_id"]: _recorded(r) for r in rows}

    async def find_streams(
        self, event_type: str, field: str, value: str, *, conn: Any = None
    ) -> list[str]:
        rows = await (conn or self.pool).fetch(
            """SELECT stream_id FROM events WHERE event_type = $1 AND data ->> $2 = $3
               GROUP BY stream_id ORDER BY min(global_position)""",
            event_type,
            field,
            value,
        )
        return [r["stream_id"] for r in rows]

    async def stream_ids(
        self, prefix: str, *, after: str = "", limit: int = 1000, conn: Any = None
    ) -> list[str]:
        # Version 1 exists once per stream: one pass over the (stream_id, version) index.
        rows = await (conn or self.pool).fetch(
            """SELECT stream_id FROM events
               WHERE stream_id > $1 AND starts_with(stream_id, $2) AND version = 1
               ORDER BY stream_id LIMIT $3""",
            max(after, prefix),
            prefix,
            limit,
        )
        return [r["stream_id"] for r in rows]


def _context_of(ce_type: str) -> str:
    return ce_type.split(".")[1]


def _metadata_json(env: Envelope) -> str:
    return json.dumps(
        {
            "source": env.source,
            "correlationid": env.correlationid,
            "causationid": env.causationid,
            "actor": env.actor,
        },
        separators=(",", ":"),
    )


def envelope_from_row(row: Any) -> Envelope:
    meta = row["metadata"]
    return Envelope(
        id=str(row["event_id"]),
        source=meta["source"],
        type=row["event_type"],
        time=row["recorded_at"],
        subject=row["stream_id"],
        data=row["data"],
        correlationid=meta["correlationid"],
        causationid=meta.get("causationid"),
        actor=meta["actor"],
        streamversion=row["version"],
    )


def _recorded(row: Any) -> Recorded:
    env = envelope_from_row(row)
    return Recorded(
        envelope=env,
        event=parse_event(env.type, env.data),
        version=row["version"],
        position=row["global_position"],
    )


@dataclass
class InMemoryEventStore(EventStore):
    """The same contract in memory, for unit tests of handlers (no I/O)."""

    source: str = "/rangkui/test"
    _streams: dict[str, list[Recorded]] = field(default_factory=dict)
    _all: list[Recorded] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.source)

    async def append(
        self, writes: Sequence[StreamWrite], cause: Cause, *, conn: Any = None
    ) -> list[Recorded]:
        writes = [w for w in writes if w.events]
        if len({w.stream_id for w in writes}) != len(writes):
            raise ValueError("one append may name each stream once")
        for w in writes:
            current = len(self._streams.get(w.stream_id, []))
            if current != w.expected_version:
                raise ConcurrencyConflict(
                    f"stream {w.stream_id} is at version {current}, "
                    f"not {w.expected_version} as expected; reload and try again"
                )
        rows = _envelopes(writes, cause, self.source)
        out: list[Recorded] = []
        for r in rows:
            rec = Recorded(
                envelope=r.envelope, event=r.event, version=r.version, position=len(self._all) + 1
            )
            # Read back as PostgreSQL's store reads it: older versions upcast.
            stored = replace(rec, event=upcast(r.event))
            self._streams.setdefault(r.stream_id, []).append(stored)
            self._all.append(stored)
            out.append(rec)
        return out

    async def load(self, stream_id: str, *, conn: Any = None) -> list[Recorded]:
        return list(self._streams.get(stream_id, []))

    async def load_many(
        self, stream_ids: Sequence[str], *, conn: Any = None
    ) -> dict[str, list[Recorded]]:
        return {s: list(self._streams[s]) for s in stream_ids if s in self._streams}

    async def read_all(self, after_position: int = 0, limit: int = 1000) -> list[Recorded]:
        return self._all[after_position : after_position + limit]

    async def existing(self, stream_ids: Sequence[str], *, conn: Any = None) -> set[str]:
        return {s for s in stream_ids if self._streams.get(s)}

    async def load_last(
        self, stream_ids: Sequence[str], *, conn: Any = None
    ) -> dict[str, Recorded]:
        return {s: self._streams[s][-1] for s in stream_ids if self._streams.get(s)}

    async def find_streams(
        self, event_type: str, field: str, value: str, *, conn: Any = None
    ) -> list[str]:
        found: list[str] = []
        for r in self._all:
            if r.envelope.type != event_type or r.stream_id in found:
                continue
            held = r.envelope.data.get(field) if isinstance(r.envelope.data, dict) else None
            if held is not None and _as_text(held) == value:
                found.append(r.stream_id)
        return found

    async def stream_ids(
        self, prefix: str, *, after: str = "", limit: int = 1000, conn: Any = None
    ) -> list[str]:
        return sorted(s for s in self._streams if s.startswith(prefix) and s > after)[:limit]


def _as_text(value: Any) -> str:
    """A JSON value as PostgreSQL's `->>` gives it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)
