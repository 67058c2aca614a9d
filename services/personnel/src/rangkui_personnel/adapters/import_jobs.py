"""PostgreSQL storage of import jobs and their rows (tables of `0002_import_jobs.sql`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import asyncpg

_OUTCOMES = ("APPLIED", "UNCHANGED", "REJECTED")


@dataclass(frozen=True)
class StoredRow:
    seq: int
    section: str
    row_number: int
    data: dict[str, Any]
    outcome: str | None


@dataclass(frozen=True)
class RowOutcome:
    seq: int
    outcome: str  # APPLIED, UNCHANGED, REJECTED
    events: int
    problems: list[dict[str, str]]


async def create_job(
    conn: asyncpg.Connection,
    *,
    job_id: str,
    source_name: str,
    fmt: str,
    actor: str,
    correlation_id: str,
    rows: list[tuple[str, int, dict[str, Any], list[dict[str, str]] | None]],
) -> None:
    """Store a job and all its rows (section, row number, data, problems found up front)."""
    async with conn.transaction():
        await conn.execute(
            """INSERT INTO import_jobs (job_id, source_name, format, status, total_rows, actor,
                 correlation_id, rejected_rows) VALUES ($1, $2, $3, 'RUNNING', $4, $5, $6, $7)""",
            job_id,
            source_name,
            fmt,
            len(rows),
            actor,
            correlation_id,
            sum(1 for r in rows if r[3]),
        )
        await conn.execute(
            """INSERT INTO import_rows (job_id, seq, section, row_number, data, outcome, events,
                 problems)
               SELECT $1, s, sec, n, d::jsonb,
                      CASE WHEN p IS NULL THEN NULL ELSE 'REJECTED' END,
                      CASE WHEN p IS NULL THEN NULL ELSE 0 END, p::jsonb
               FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[])
                 AS u(s, sec, n, d, p)""",
            job_id,
            list(range(len(rows))),
            [r[0] for r in rows],
            [r[1] for r in rows],
            [json.dumps(r[2], default=str) for r in rows],
            [json.dumps(r[3]) if r[3] else None for r in rows],
        )


async def job(conn: asyncpg.Connection | asyncpg.Pool, job_id: str) -> dict[str, Any] | None:
    row = await conn.fetchrow("SELECT * FROM import_jobs WHERE job_id = $1", job_id)
    return dict(row) if row else None


async def jobs(pool: asyncpg.Pool, limit: int = 50) -> list[dict[str, Any]]:
    rows = await pool.fetch("SELECT * FROM import_jobs ORDER BY created_at DESC LIMIT $1", limit)
    return [dict(r) for r in rows]


async def unfinished(pool: asyncpg.Pool) -> list[str]:
    rows = await pool.fetch("SELECT job_id FROM import_jobs WHERE status = 'RUNNING'")
    return [r["job_id"] for r in rows]


async def rows(
    conn: asyncpg.Connection | asyncpg.Pool, job_id: str, from_seq: int, limit: int
) -> list[StoredRow]:
    records = await conn.fetch(
        """SELECT seq, section, row_number, data, outcome FROM import_rows
           WHERE job_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3""",
        job_id,
        from_seq,
        limit,
    )
    return [
        StoredRow(r["seq"], r["section"], r["row_number"], r["data"], r["outcome"]) for r in records
    ]


async def lock_progress(conn: asyncpg.Connection, job_id: str) -> int:
    """The job's progress, locked until the end of the transaction (one runner at a time)."""
    return await conn.fetchval(  # type: ignore[no-any-return]
        "SELECT processed_rows FROM import_jobs WHERE job_id = $1 FOR UPDATE", job_id
    )


async def record_chunk(
    conn: asyncpg.Connection, job_id: str, outcomes: list[RowOutcome], processed: int, events: int
) -> None:
    await conn.execute(
        """UPDATE import_rows r SET outcome = u.o, events = u.e, problems = u.p::jsonb
           FROM unnest($2::int[], $3::text[], $4::int[], $5::text[]) AS u(s, o, e, p)
           WHERE r.job_id = $1 AND r.seq = u.s""",
        job_id,
        [o.seq for o in outcomes],
        [o.outcome for o in outcomes],
        [o.events for o in outcomes],
        [json.dumps(o.problems) if o.problems else None for o in outcomes],
    )
    # A processed row is never read again (a resumed job starts after it): its data goes,
    # what stays is the report (section, row number, outcome, problems).
    await conn.execute(
        """UPDATE import_rows SET data = '{}'::jsonb
           WHERE job_id = $1 AND seq < $2 AND data <> '{}'::jsonb""",
        job_id,
        processed,
    )
    count = {k: sum(1 for o in outcomes if o.outcome == k) for k in _OUTCOMES}
    await conn.execute(
        """UPDATE import_jobs SET processed_rows = $2, events_written = events_written + $3,
             applied_rows = applied_rows + $4, unchanged_rows = unchanged_rows + $5,
             rejected_rows = rejected_rows + $6, updated_at = now(),
             status = CASE WHEN $2 >= total_rows THEN 'DONE' ELSE status END
           WHERE job_id = $1""",
        job_id,
        processed,
        events,
        count["APPLIED"],
        count["UNCHANGED"],
        count["REJECTED"],
    )


async def finish(pool: asyncpg.Pool, job_id: str) -> None:
    """Mark the job done and drop whatever row data is left (rows refused up front)."""
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute(
            "UPDATE import_jobs SET status = 'DONE', updated_at = now() "
            "WHERE job_id = $1 AND status = 'RUNNING'",
            job_id,
        )
        await drop_row_data(conn, job_id)


async def drop_row_data(conn: asyncpg.Connection | asyncpg.Pool, job_id: str) -> None:
    """Keep a finished job's report, not the file's contents."""
    await conn.execute(
        "UPDATE import_rows SET data = '{}'::jsonb WHERE job_id = $1 AND data <> '{}'::jsonb",
        job_id,
    )


async def fail(pool: asyncpg.Pool, job_id: str, error: str) -> None:
    await pool.execute(
        "UPDATE import_jobs SET status = 'FAILED', error = $2, updated_at = now() "
        "WHERE job_id = $1",
        job_id,
        error[:2000],
    )


async def reopen(pool: asyncpg.Pool, job_id: str) -> None:
    await pool.execute(
        "UPDATE import_jobs SET status = 'RUNNING', error = NULL, updated_at = now() "
        "WHERE job_id = $1 AND status = 'FAILED'",
        job_id,
    )


async def problems(
    pool: asyncpg.Pool, job_id: str, limit: int = 1000, offset: int = 0
) -> list[dict[str, Any]]:
    """The per-row report: one entry per (row, field, reason) of every refused row."""
    records = await pool.fetch(
        """SELECT r.section, r.row_number AS row, p->>'field' AS field, p->>'reason' AS reason
           FROM import_rows r, jsonb_array_elements(r.problems) p
           WHERE r.job_id = $1 AND r.outcome = 'REJECTED'
           ORDER BY r.seq LIMIT $2 OFFSET $3""",
        job_id,
        limit,
        offset,
    )
    return [dict(r) for r in records]
