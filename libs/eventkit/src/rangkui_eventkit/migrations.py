"""Ordered SQL migrations, recorded in `schema_migrations`.

The kit's own files (event store, outbox, consumer positions) run first, then the
service's `migrations/NNNN_name.sql` files in name order. Each file runs once, in a
transaction together with its record; an advisory lock keeps two replicas that start at
the same time from migrating concurrently.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import asyncpg

from rangkui_eventkit.logging import get_logger

_LOCK_KEY = 7_245_001  # arbitrary, constant: "migrations of this database"
log = get_logger(__name__)


def _kit_migrations() -> list[tuple[str, str]]:
    folder = resources.files("rangkui_eventkit") / "sql"
    return sorted(
        (f"kit/{p.name}", p.read_text()) for p in folder.iterdir() if p.name.endswith(".sql")
    )


def _service_migrations(folder: Path | None) -> list[tuple[str, str]]:
    if folder is None:
        return []
    return sorted((p.name, p.read_text()) for p in folder.glob("*.sql"))


async def migrate(conn: asyncpg.Connection, service_folder: Path | None = None) -> list[str]:
    """Apply what has not been applied yet; return the names applied now."""
    applied_now: list[str] = []
    await conn.execute("SELECT pg_advisory_lock($1)", _LOCK_KEY)
    try:
        await conn.execute(
            """CREATE TABLE IF NOT EXISTS schema_migrations (
                   name text PRIMARY KEY,
                   checksum text NOT NULL,
                   applied_at timestamptz NOT NULL DEFAULT now())"""
        )
        done = {
            r["name"]: r["checksum"] for r in await conn.fetch("SELECT * FROM schema_migrations")
        }
        for name, sql in _kit_migrations() + _service_migrations(service_folder):
            checksum = hashlib.sha256(sql.encode()).hexdigest()
            if name in done:
                if done[name] != checksum:
                    log.warning("migration.changed_after_apply", migration=name)
                continue
            async with conn.transaction():
                await conn.execute(sql)
                await conn.execute(
                    "INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)", name, checksum
                )
            applied_now.append(name)
            log.info("migration.applied", migration=name)
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)
    return applied_now
