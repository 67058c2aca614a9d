"""Read-model queries used by the HTTP layer and the command handlers."""

from __future__ import annotations

from datetime import date
from typing import Any

import asyncpg

Conn = asyncpg.Connection | asyncpg.Pool


async def employee(conn: Conn, nip: str) -> dict[str, Any] | None:
    row = await conn.fetchrow("SELECT * FROM employees WHERE nip = $1", nip)
    return dict(row) if row else None


async def position(conn: Conn, position_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow("SELECT * FROM positions WHERE position_id = $1", position_id)
    return dict(row) if row else None


async def unit_closed_on(conn: Conn, unit_id: str) -> date | None:
    return await conn.fetchval("SELECT closed_on FROM units WHERE unit_id = $1", unit_id)


async def mutation(conn: Conn, mutation_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow("SELECT * FROM mutations WHERE mutation_id = $1", mutation_id)
    if row is None:
        return None
    timeline = await conn.fetch(
        """SELECT version, step, event_type, actor, at, reason, details
           FROM mutation_timeline WHERE mutation_id = $1 ORDER BY version""",
        mutation_id,
    )
    return {**dict(row), "timeline": [dict(t) for t in timeline]}


async def transfer_history(conn: Conn, nip: str) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        "SELECT * FROM mutations WHERE nip = $1 ORDER BY proposed_at, mutation_id", nip
    )
    return [dict(r) for r in rows]


async def pipeline(
    conn: Conn, *, unit_id: str | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    """Transfers per step, by target unit and kind, with the oldest and mean age in step."""
    rows = await conn.fetch(
        """SELECT status, to_unit_id, kind, count(*) AS count,
                  round(extract(epoch FROM max(now() - status_since)) / 86400.0, 2)
                      AS oldest_days_in_step,
                  round(extract(epoch FROM avg(now() - status_since)) / 86400.0, 2)
                      AS mean_days_in_step,
                  array_agg(mutation_id ORDER BY status_since) AS mutation_ids
           FROM mutations
           WHERE ($1::text IS NULL OR to_unit_id = $1 OR from_unit_id = $1)
             AND ($2::text IS NULL OR kind = $2)
           GROUP BY status, to_unit_id, kind
           ORDER BY status, to_unit_id, kind""",
        unit_id,
        kind,
    )
    return [dict(r) for r in rows]


async def recent_annual_predikat(conn: Conn, nip: str, since: date) -> tuple[str, ...]:
    """The employee's annual ratings whose period ended on or after `since` (the last two
    years before the decision, by calendar dates), corrections honoured, most recent first."""
    rows = await conn.fetch(
        """SELECT predikat FROM performance
           WHERE nip = $1 AND kind = 'ANNUAL' AND superseded_by IS NULL AND period_end >= $2
           ORDER BY period_end DESC LIMIT 2""",
        nip,
        since,
    )
    return tuple(r["predikat"] for r in rows)


async def decrees_page(conn: Conn, *, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """Decrees, newest SK date first, and how many there are."""
    total = await conn.fetchval("SELECT count(*) FROM decrees")
    rows = await conn.fetch(
        "SELECT * FROM decrees ORDER BY sk_date DESC, issued_at DESC, decree_id LIMIT $1 OFFSET $2",
        limit,
        offset,
    )
    return int(total), [dict(r) for r in rows]


async def mutations_page(
    conn: Conn,
    *,
    status: str | None,
    unit_id: str | None,
    decree_id: str | None,
    limit: int,
    offset: int,
    kind: str | None = None,
    nip: str | None = None,
    proposed_from: date | None = None,
    proposed_to: date | None = None,
    timezone: str = "Asia/Jakarta",
) -> tuple[int, list[dict[str, Any]]]:
    """Transfers, newest proposal first, filtered by step, unit (origin or target), decree,
    kind, employee and the days proposed (inclusive, as the province's calendar counts
    them), and how many match."""
    where = """WHERE ($1::text IS NULL OR status = $1)
                 AND ($2::text IS NULL OR to_unit_id = $2 OR from_unit_id = $2)
                 AND ($3::text IS NULL OR decree_id = $3)
                 AND ($4::text IS NULL OR kind = $4)
                 AND ($5::text IS NULL OR nip = $5)
                 AND ($6::date IS NULL OR (proposed_at AT TIME ZONE $8)::date >= $6)
                 AND ($7::date IS NULL OR (proposed_at AT TIME ZONE $8)::date <= $7)"""
    args = (status, unit_id, decree_id, kind, nip, proposed_from, proposed_to, timezone)
    total = await conn.fetchval(f"SELECT count(*) FROM mutations {where}", *args)
    rows = await conn.fetch(
        f"""SELECT * FROM mutations {where}
            ORDER BY proposed_at DESC, mutation_id LIMIT $9 OFFSET $10""",
        *args,
        limit,
        offset,
    )
    return int(total), [dict(r) for r in rows]
