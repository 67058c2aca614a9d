"""Audit queries over a service's own event store: by employee, by transfer, by actor, by period.

The event store is the record of every decision, with who took it (`metadata.actor`) and in
which flow (correlation and causation ids), so audit reads it directly rather than a read
model that a rebuild or a crypto-shredded key could change. Filters combine (AND); results
come in global position order, a page at a time (keyset on the position, so a page costs the
same at the millionth event as at the first).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from rangkui_eventkit.audit.masking import mask_personal

MAX_LIMIT = 1000


@dataclass(frozen=True)
class AuditFilter:
    """What to list. `nip`: every event of every stream in which any event names the employee
    (so a decision that does not repeat the NIP is still listed). `mutation_id`: every event
    naming the transfer, and every event of the streams the transfer started. `recorded_from`
    is inclusive, `recorded_to` exclusive."""

    nip: str | None = None
    mutation_id: str | None = None
    stream_id: str | None = None
    actor: str | None = None
    event_type: str | None = None
    recorded_from: datetime | None = None
    recorded_to: datetime | None = None
    after: int = 0
    limit: int = 100


@dataclass(frozen=True)
class AuditPage:
    events: list[dict[str, Any]]
    next_after: int | None  # pass as `after` for the next page; None: this was the last


def _where(f: AuditFilter) -> tuple[str, list[Any]]:
    conditions: list[str] = []
    args: list[Any] = []

    def arg(value: Any) -> str:
        args.append(value)
        return f"${len(args)}"

    conditions.append(f"e.global_position > {arg(f.after)}")
    if f.nip is not None:
        p = arg(f.nip)
        conditions.append(
            f"e.stream_id IN (SELECT n.stream_id FROM events n WHERE n.data ->> 'nip' = {p})"
        )
    if f.mutation_id is not None:
        p = arg(f.mutation_id)
        # A union of three indexed lookups (an OR of them would scan the table).
        conditions.append(
            "e.global_position IN ("
            f"SELECT m.global_position FROM events m WHERE m.data ->> 'mutation_id' = {p}"
            f" UNION SELECT m.global_position FROM events m WHERE m.data -> 'mutation_ids' ? {p}"
            " UNION SELECT s.global_position FROM events s WHERE s.stream_id IN ("
            f"SELECT m.stream_id FROM events m WHERE m.data ->> 'mutation_id' = {p}"
            " AND m.version = 1))"
        )
    if f.stream_id is not None:
        conditions.append(f"e.stream_id = {arg(f.stream_id)}")
    if f.actor is not None:
        conditions.append(f"e.metadata ->> 'actor' = {arg(f.actor)}")
    if f.event_type is not None:
        conditions.append(f"e.event_type = {arg(f.event_type)}")
    if f.recorded_from is not None:
        conditions.append(f"e.recorded_at >= {arg(f.recorded_from)}")
    if f.recorded_to is not None:
        conditions.append(f"e.recorded_at < {arg(f.recorded_to)}")
    return " AND ".join(conditions), args


async def audit_events(db: asyncpg.Pool | asyncpg.Connection, f: AuditFilter) -> AuditPage:
    """One page of the events matching `f`, in global position order."""
    if not 1 <= f.limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
    where, args = _where(f)
    sql = f"""
    SELECT e.global_position, e.stream_id, e.version, e.event_id, e.event_type, e.recorded_at,
           e.metadata, e.data, e.hash, e.prev_hash
    FROM events e WHERE {where}
    ORDER BY e.global_position LIMIT {int(f.limit)}
    """
    rows = await db.fetch(sql, *args)
    events = [_event(r) for r in rows]
    next_after = rows[-1]["global_position"] if len(rows) == f.limit else None
    return AuditPage(events, next_after)


def _event(r: Any) -> dict[str, Any]:
    meta = r["metadata"]
    if isinstance(meta, str):  # a connection without the kit's jsonb codec
        meta = json.loads(meta)
    data = r["data"]
    if isinstance(data, str):
        data = json.loads(data)
    data, masked = mask_personal(r["event_type"], data)
    return {
        "position": r["global_position"],
        "stream_id": r["stream_id"],
        "version": r["version"],
        "event_id": str(r["event_id"]),
        "type": r["event_type"],
        "recorded_at": r["recorded_at"],
        "source": meta.get("source"),
        "actor": meta.get("actor"),
        "correlation_id": meta.get("correlationid"),
        "causation_id": meta.get("causationid"),
        "data": data,
        "masked": masked,
        "hash": r["hash"].hex(),
        "prev_hash": r["prev_hash"].hex() if r["prev_hash"] is not None else None,
    }
