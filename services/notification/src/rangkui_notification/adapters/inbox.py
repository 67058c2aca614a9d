"""Queries of the inbox read model, for HTTP."""

from __future__ import annotations

from typing import Any


async def stream_of(db: Any, recipient: str, notification_id: str) -> str | None:
    return await db.fetchval(
        "SELECT stream_id FROM inbox WHERE recipient = $1 AND notification_id = $2",
        recipient,
        notification_id,
    )


async def list_notices(
    db: Any, recipient: str, *, unread_only: bool = False, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    rows = await db.fetch(
        """SELECT notification_id, recipient, source_event_id, source_event_type, template,
                  subject, body, dispatched_at, read_at
           FROM inbox WHERE recipient = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
           ORDER BY dispatched_at DESC, notification_id LIMIT $3 OFFSET $4""",
        recipient,
        unread_only,
        limit,
        offset,
    )
    return [dict(r) | {"read": r["read_at"] is not None} for r in rows]


async def unread_count(db: Any, recipient: str) -> int:
    return await db.fetchval(
        "SELECT count(*) FROM inbox WHERE recipient = $1 AND read_at IS NULL", recipient
    )
