"""Facts the rules need, read from this service's own event store (the write side).

The read models follow Kafka and lag by a moment; a rule such as "one open transfer per
employee" or "a free place in the target post" must see every decision already committed,
so these queries read the `events` table inside the deciding transaction, serialised per
employee or per post by a transaction-scoped advisory lock.
"""

from __future__ import annotations

from datetime import date

import asyncpg

from rangkui_contracts.events.mutation import (
    MutationApproved,
    MutationDecreed,
    MutationProposed,
    MutationReleased,
    MutationSocialized,
)
from rangkui_eventkit.store import EventStore
from rangkui_mutation.domain.mutation import HOLDS_PLACE, Status, mutation_decider


async def lock(conn: asyncpg.Connection, key: str) -> None:
    """Serialise deciders on `key` until the transaction ends."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", key)


async def open_transfer_of(conn: asyncpg.Connection, store: EventStore, nip: str) -> str | None:
    """The id of the employee's open transfer (not rejected, effective or cancelled), if any."""
    streams = await conn.fetch(
        "SELECT stream_id FROM events WHERE event_type = $1 AND data ->> 'nip' = $2",
        MutationProposed.ce_type(),
        nip,
    )
    loaded = await store.load_many([r["stream_id"] for r in streams], conn=conn)
    for history in loaded.values():
        state = mutation_decider.fold(r.event for r in history)
        if state.is_open:
            return state.mutation_id
    return None


async def places_held(
    conn: asyncpg.Connection, store: EventStore, position_id: str, *, exclude: str
) -> int:
    """Transfers approved into the post that still hold a place the occupancy does not show:
    approved but not yet effective, or effective but not yet reassigned in personnel."""
    streams = await conn.fetch(
        "SELECT DISTINCT stream_id FROM events WHERE event_type = $1 "
        "AND data ->> 'to_position_id' = $2",
        MutationApproved.ce_type(),
        position_id,
    )
    loaded = await store.load_many([r["stream_id"] for r in streams], conn=conn)
    held = 0
    for history in loaded.values():
        state = mutation_decider.fold(r.event for r in history)
        if state.mutation_id == exclude:
            continue
        if state.status in HOLDS_PLACE:
            held += 1
        elif state.status == Status.EFFECTIVE:
            shown = await conn.fetchval(
                "SELECT position_id = $2 FROM employees WHERE nip = $1",
                state.nip,
                position_id,
            )
            held += 0 if shown else 1
    return held


async def sk_number_used_by(
    conn: asyncpg.Connection, sk_number: str, *, exclude: str
) -> str | None:
    """The transfer that already carries this SK number (case and spacing aside), if any;
    numbers of decrees that were revoked stay used: a number names one decree for ever."""
    return await conn.fetchval(
        "SELECT data ->> 'mutation_id' FROM events WHERE event_type = $1 "
        "AND upper(btrim(data ->> 'sk_number')) = upper(btrim($2)) "
        "AND data ->> 'mutation_id' <> $3 LIMIT 1",
        MutationDecreed.ce_type(),
        sk_number,
        exclude,
    )


async def due_for_deemed_acknowledgement(
    conn: asyncpg.Connection | asyncpg.Pool, today: date
) -> list[str]:
    """Streams whose last event is a socialisation whose objection window closed before
    `today`: the employee stayed silent. A candidate list: the decider decides again."""
    rows = await conn.fetch(
        """SELECT s.stream_id FROM events s
           WHERE s.event_type = $1 AND (s.data ->> 'objection_deadline')::date < $2
             AND NOT EXISTS (SELECT 1 FROM events x WHERE x.stream_id = s.stream_id
                             AND x.version > s.version)
           ORDER BY s.global_position""",
        MutationSocialized.ce_type(),
        today,
    )
    return [r["stream_id"] for r in rows]


async def occupancy(conn: asyncpg.Connection, position_id: str) -> int:
    """Holders of the post (bezetting), from the personnel read model."""
    return await conn.fetchval(
        "SELECT count(*) FROM employees WHERE position_id = $1 AND status <> 'RETIRED'",
        position_id,
    )


async def due_for_effect(conn: asyncpg.Connection | asyncpg.Pool, today: date) -> list[str]:
    """Streams of decreed transfers whose TMT has come and whose last event is the decree
    (or the release of a hold): not effective, cancelled or held. A candidate list only:
    the decider decides again under concurrency control."""
    rows = await conn.fetch(
        """SELECT d.stream_id FROM events d
           WHERE d.event_type = $1 AND (d.data ->> 'tmt')::date <= $2
             AND (SELECT x.event_type FROM events x WHERE x.stream_id = d.stream_id
                  ORDER BY x.version DESC LIMIT 1) = ANY($3::text[])
           ORDER BY d.global_position""",
        MutationDecreed.ce_type(),
        today,
        [MutationDecreed.ce_type(), MutationReleased.ce_type()],
    )
    return [r["stream_id"] for r in rows]
