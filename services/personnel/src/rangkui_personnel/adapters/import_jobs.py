"""PostgreSQL storage of import jobs and their rows (tables of `0002_import_jobs.sql`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg

from rangkui_eventkit.errors import RuleViolated

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


Planned = tuple[str, int, dict[str, Any], str | None]
"""A row to store: section, row number in the file, the known columns, the stream it is about."""


async def create_job(
    conn: asyncpg.Connection,
    *,
    job_id: str,
    source_name: str,
    fmt: str,
    actor: str,
    correlation_id: str,
    chunks: AsyncIterable[Sequence[Planned]],
    key_columns: Mapping[str, str],
) -> None:
    """Store a job and its rows, one COPY per chunk of rows, then refuse up front the rows
    that repeat a key given earlier in the file, all in one transaction: all of the job or
    none of it. `key_columns`: the column that names each section's key, for the report."""
    async with conn.transaction():
        await conn.execute(
            """INSERT INTO import_jobs (job_id, source_name, format, status, total_rows, actor,
                 correlation_id) VALUES ($1, $2, $3, 'RUNNING', 0, $4, $5)""",
            job_id,
            source_name,
            fmt,
            actor,
            correlation_id,
        )
        total = 0
        async for chunk in chunks:
            buffer = _copy_text(job_id, total, chunk)
            await conn.copy_to_table(
                "import_rows",
                source=buffer,
                columns=["job_id", "seq", "section", "row_number", "data", "key"],
                format="csv",
            )
            total += len(chunk)
        rejected = await refuse_repeated_keys(conn, job_id, key_columns)
        await conn.execute(
            "UPDATE import_jobs SET total_rows = $2, rejected_rows = $3 WHERE job_id = $1",
            job_id,
            total,
            rejected,
        )


def _copy_text(job_id: str, first_seq: int, chunk: Sequence[Planned]) -> io.BytesIO:
    """A chunk of rows as COPY's CSV (an empty unquoted field is NULL, a key is never empty)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    for seq, (section, number, data, key) in enumerate(chunk, start=first_seq):
        data_text = json.dumps(data, default=str, ensure_ascii=False)
        writer.writerow((job_id, seq, section, number, data_text, key or ""))
    try:
        return io.BytesIO(text.getvalue().encode())
    except UnicodeEncodeError:  # a JSON escape of half a surrogate pair ("\ud800")
        raise RuleViolated(
            "readable_file", "the file holds an unpaired UTF-16 surrogate escape (\\ud800-\\udfff)"
        ) from None


async def refuse_repeated_keys(
    conn: asyncpg.Connection, job_id: str, key_columns: Mapping[str, str]
) -> int:
    """Refuse each staged row whose key an earlier row (in processing order) of its section
    already gave; the job's refused rows so far. One query: PostgreSQL sorts the keys, on
    disk if they are many, instead of the importing process keeping them all."""
    await conn.execute(
        """WITH repeated AS (
             SELECT seq, section,
                    first_value(row_number) OVER w AS first_row,
                    row_number() OVER w AS nth
             FROM import_rows WHERE job_id = $1 AND key IS NOT NULL
             WINDOW w AS (PARTITION BY section, key ORDER BY seq)
           )
           UPDATE import_rows r SET outcome = 'REJECTED', events = 0,
             problems = jsonb_build_array(jsonb_build_object(
               'field', $2::jsonb ->> r.section,
               'reason', 'duplicate of row ' || d.first_row || ' of ' || r.section
                         || ' in this file'))
           FROM repeated d
           WHERE r.job_id = $1 AND r.seq = d.seq AND d.nth > 1""",
        job_id,
        dict(key_columns),
    )
    return await conn.fetchval(  # type: ignore[no-any-return]
        "SELECT count(*) FROM import_rows WHERE job_id = $1 AND outcome = 'REJECTED'", job_id
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
    conn: asyncpg.Connection,
    job_id: str,
    outcomes: list[RowOutcome],
    processed: int,
    events: int,
    *,
    start: int = 0,
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
    # what stays is the report (section, row number, outcome, problems). Only this chunk's
    # rows (from `start`): the earlier ones went with their own chunk.
    await conn.execute(
        """UPDATE import_rows SET data = '{}'::jsonb
           WHERE job_id = $1 AND seq >= $3 AND seq < $2 AND data <> '{}'::jsonb""",
        job_id,
        processed,
        start,
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
