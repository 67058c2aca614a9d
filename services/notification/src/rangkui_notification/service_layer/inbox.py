"""Projection of the service's own events into the in-app inbox, and the mark-read command."""

from __future__ import annotations

from rangkui_contracts.events.notification import NotificationDispatched, NotificationRead
from rangkui_contracts.topics import NOTIFICATION
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles
from rangkui_eventkit.pipeline import Pipeline
from rangkui_notification.adapters import inbox as inbox_queries
from rangkui_notification.domain.notice import NOTICE, MarkRead


class Inbox(Projection):
    """One row per inbox notice, with its read time."""

    name = "inbox"
    topics = (NOTIFICATION,)
    tables = ("inbox",)

    @handles(NotificationDispatched)
    async def on_dispatched(
        self, ctx: BatchContext, e: NotificationDispatched, r: Received
    ) -> None:
        if e.channel != "INBOX":
            return
        ctx.sql.add(
            """INSERT INTO inbox (notification_id, stream_id, recipient, source_event_id,
                   source_event_type, template, subject, body, dispatched_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
               ON CONFLICT (notification_id) DO NOTHING""",
            e.notification_id,
            r.envelope.subject,
            e.recipient,
            e.source_event_id,
            e.source_event_type,
            e.template,
            e.subject,
            e.body,
            r.envelope.time,
        )

    @handles(NotificationRead)
    async def on_read(self, ctx: BatchContext, e: NotificationRead, r: Received) -> None:
        ctx.sql.add(
            "UPDATE inbox SET read_at = $2 WHERE notification_id = $1 AND read_at IS NULL",
            e.notification_id,
            r.envelope.time,
        )


async def mark_read(pipeline: Pipeline, pool: object, command: MarkRead, cause: Cause) -> bool:
    """Record that the recipient read the notice; False if it was already read."""
    stream_id = await inbox_queries.stream_of(pool, command.recipient, command.notification_id)
    if stream_id is None:
        raise NotFound(
            f"no notification {command.notification_id} in the inbox of {command.recipient}"
        )
    return bool(await pipeline.execute(NOTICE, stream_id, command, cause))
