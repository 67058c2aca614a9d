"""Queries of the delivery log and preferences, for HTTP."""

from __future__ import annotations

from typing import Any

_COLUMNS = """notification_id, stream_id, source_event_id, source_event_type, recipient, channel,
    template, address, subscription_id, status, attempts, last_error, next_attempt_at,
    created_at, updated_at"""


async def get(db: Any, notification_id: str) -> dict[str, Any] | None:
    row = await db.fetchrow(
        f"SELECT {_COLUMNS} FROM deliveries WHERE notification_id = $1", notification_id
    )
    return dict(row) if row else None


async def attempts(db: Any, notification_id: str) -> list[dict[str, Any]]:
    rows = await db.fetch(
        """SELECT attempt, started_at, finished_at, outcome, error FROM delivery_attempts
           WHERE notification_id = $1 ORDER BY attempt""",
        notification_id,
    )
    return [dict(r) for r in rows]


async def search(
    db: Any,
    *,
    recipient: str | None = None,
    channel: str | None = None,
    status: str | None = None,
    source_event_id: str | None = None,
    subscription_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    rows = await db.fetch(
        f"""SELECT {_COLUMNS} FROM deliveries
            WHERE ($1::text IS NULL OR recipient = $1) AND ($2::text IS NULL OR channel = $2)
              AND ($3::text IS NULL OR status = $3)
              AND ($4::text IS NULL OR source_event_id = $4)
              AND ($5::text IS NULL OR subscription_id = $5)
            ORDER BY created_at DESC, notification_id LIMIT $6 OFFSET $7""",
        recipient,
        channel,
        status,
        source_event_id,
        subscription_id,
        limit,
        offset,
    )
    return [dict(r) for r in rows]


async def email_preference(db: Any, recipient: str) -> bool | None:
    return await db.fetchval("SELECT email FROM preferences WHERE recipient = $1", recipient)


async def subscriptions(
    db: Any, subscription_id: str | None = None, *, owner: str | None = None
) -> list[dict[str, Any]]:
    """Subscriptions (one, or all), only those `owner` created when one is given."""
    rows = await db.fetch(
        """SELECT subscription_id, url, event_types, description, active, created_at,
                  last_success_at, last_failure_at, failures_in_row, last_error
           FROM webhook_subscriptions
           WHERE ($1::text IS NULL OR subscription_id = $1)
             AND ($2::text IS NULL OR subscribed_by = $2)
           ORDER BY created_at, subscription_id""",
        subscription_id,
        owner,
    )
    return [dict(r) for r in rows]
