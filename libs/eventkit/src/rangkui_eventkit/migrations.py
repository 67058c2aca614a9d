"""Ordered SQL migrations, recorded in `schema_migrations`.

The kit's own files (event store, outbox, consumer positions) run first, then the
service's `migrations/NNNN_name.sql` files in name order. Each file runs once, in a
transaction together with its record; an advisory lock keeps two replicas that start at
the same time from migrating concurrently.

Two roles, so that the running service cannot rewrite its own audit trail: migrations run as
the database's *owner* role, which the running service never holds; `grant_runtime` then
gives the *runtime* role exactly what it needs - SELECT and INSERT on `events` (no UPDATE,
DELETE or TRUNCATE, and it owns no trigger or function it could disable or replace), read on
`schema_migrations`, and full data access to the tables it maintains (outbox, offsets, read
models). `ensure_migrated` is what a service started without the owner's credentials does:
it refuses to run against a schema that is behind its code.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg

from rangkui_eventkit.leader import release_session_lock
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
    """Apply what has not been applied yet; return the names applied now.

    A schema already up to date is left alone without any DDL, so the runtime role (which
    may not create anything) can call this too; behind, it needs the owner."""
    if not await _pending(conn, service_folder):
        return []
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
        await release_session_lock(conn, "SELECT pg_advisory_unlock($1)", _LOCK_KEY)
    return applied_now


# Tables the runtime role may read and append to but never change: the audit trail and the
# record of what was migrated.
APPEND_ONLY = frozenset({"events"})
READ_ONLY = frozenset({"schema_migrations"})
_RUNTIME_DATA = "SELECT, INSERT, UPDATE, DELETE, TRUNCATE"


async def grant_runtime(conn: asyncpg.Connection, role: str) -> None:
    """Give `role` (the running service) what it needs on every table of the public schema,
    and nothing more; run as the owner after every migration, so new tables are covered."""
    who = await conn.fetchval("SELECT quote_ident($1)", role)
    tables = [
        r["tablename"]
        for r in await conn.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    async with conn.transaction():
        await conn.execute(f"GRANT USAGE ON SCHEMA public TO {who}")
        for table in tables:
            name = await conn.fetchval("SELECT quote_ident($1)", table)
            if table in APPEND_ONLY:
                rights = "SELECT, INSERT"
            elif table in READ_ONLY:
                rights = "SELECT"
            else:
                rights = _RUNTIME_DATA
            await conn.execute(f"REVOKE ALL ON TABLE public.{name} FROM {who}")
            await conn.execute(f"GRANT {rights} ON TABLE public.{name} TO {who}")
        await conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {who}")
    log.info("migration.runtime_granted", role=role, tables=len(tables))


def role_of(database_url: str) -> str:
    """The user name in a PostgreSQL URL (the role a service connects as)."""
    user = urlsplit(database_url).username
    if not user:
        raise ValueError("the database URL names no user")
    return user


async def migrate_as_owner(
    database_url: str, owner_url: str | None, service_folder: Path | None = None
) -> list[str]:
    """Migrate as the owner (`owner_url`) and grant the runtime role of `database_url`; with
    no owner URL (a throwaway test database), migrate as the runtime role itself."""
    from rangkui_eventkit.db import connect

    if owner_url is not None and _database_of(owner_url) != _database_of(database_url):
        raise ValueError(
            "the runtime and the owner URL name different databases: "
            f"{_database_of(database_url)} and {_database_of(owner_url)}"
        )
    conn = await connect(owner_url or database_url)
    try:
        applied = await migrate(conn, service_folder)
        if owner_url is not None:
            runtime = role_of(database_url)
            if runtime == role_of(owner_url):
                raise ValueError("the runtime and the owner URL name the same role")
            await grant_runtime(conn, runtime)
        return applied
    finally:
        await conn.close()


def _database_of(url: str) -> tuple[str | None, int | None, str]:
    parts = urlsplit(url)
    return parts.hostname, parts.port, parts.path.lstrip("/")


class SchemaBehind(RuntimeError):
    """The database lacks migrations this code needs; the owner must run `migrate` first."""


async def _pending(conn: asyncpg.Connection, service_folder: Path | None) -> list[str]:
    wanted = [name for name, _ in _kit_migrations() + _service_migrations(service_folder)]
    if await conn.fetchval("SELECT to_regclass('public.schema_migrations')") is None:
        return wanted
    done = {r["name"] for r in await conn.fetch("SELECT name FROM public.schema_migrations")}
    return [name for name in wanted if name not in done]


async def ensure_migrated(conn: asyncpg.Connection, service_folder: Path | None = None) -> None:
    """Refuse to run against a schema behind the code (run as the runtime role at start)."""
    missing = await _pending(conn, service_folder)
    if missing:
        raise SchemaBehind(
            f"the database is not migrated ({', '.join(missing)} missing): run the service's "
            "`migrate` command with the owner's credentials (DATABASE_OWNER_URL) first"
        )
