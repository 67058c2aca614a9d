"""Where a value is stored: every table of a database, each row compared as its text.

The personal-data tests use it to show that a value (an e-mail address, a birth date) is
in no table, event store included, and, as the control, that a public one is found."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


async def tables_holding(db: Any, needles: str | Iterable[str]) -> dict[str, list[str]]:
    """`{table: [needles found in it]}` over every table of `db`'s public schema, found
    case-insensitively in any row's text; tables without a hit are left out."""
    wanted = [needles] if isinstance(needles, str) else list(needles)
    tables = await db.fetch(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
    )
    found: dict[str, list[str]] = {}
    for t in tables:
        name = t["table_name"]
        hits = [
            n
            for n in wanted
            if await db.fetchval(
                f'SELECT EXISTS (SELECT 1 FROM "{name}" r WHERE r::text ILIKE $1)', f"%{n}%"
            )
        ]
        if hits:
            found[name] = hits
    return found
