"""The webhook reaction: every mutation and evaluation event -> one queued delivery per
matching subscription, exactly once, chained per subscription and transfer for ordering.

The body is the source event as a CloudEvent in structured JSON mode, exactly as received
(same `id`, which receivers use to deduplicate). Subscriptions are read from their registry
stream in the event store, in the reaction's transaction: one recorded a moment ago applies
to every event handled after that.
Personnel events are not offered: they carry personal data (contacts) that stays inside.
"""

from __future__ import annotations

import json

from rangkui_contracts import DomainEvent, is_current
from rangkui_contracts.events import evaluation, mutation
from rangkui_contracts.events.notification import NotificationQueuedV2
from rangkui_contracts.topics import EVALUATION, MUTATION
from rangkui_eventkit.handlers import BatchContext, Reaction, Received, handles
from rangkui_notification.domain.notice import notice_stream_id, notification_id_for
from rangkui_notification.domain.webhooks import (
    REGISTRY_STREAM,
    active_subscriptions,
    entitled,
    matches,
)
from rangkui_notification.service_layer.compose import PlannedNotice
from rangkui_notification.service_layer.once import append_once

# Current versions: an older one reaches the same handler (upcast); the body forwarded is the
# record as received, in the version it was written.
WEBHOOK_EVENTS: tuple[type[DomainEvent], ...] = tuple(
    cls for cls in (*mutation.EVENTS, *evaluation.EVENTS) if is_current(cls)
)


class WebhookFanout(Reaction):
    name = "webhooks"
    topics = (EVALUATION, MUTATION)

    @handles(*WEBHOOK_EVENTS)
    async def on_event(self, ctx: BatchContext, event: DomainEvent, r: Received) -> None:
        source = r.envelope
        registry = active_subscriptions(rec.event for rec in await ctx.load(REGISTRY_STREAM))
        subscriptions = [
            s
            for s in registry.values()
            if matches(s.event_types, source.type) and entitled(s, source.type)
        ]
        if not subscriptions:
            return
        body = json.dumps(source.to_structured(), ensure_ascii=False, separators=(",", ":"))
        planned: list[tuple[str, PlannedNotice]] = []
        for s in subscriptions:
            sub_id = s.subscription_id
            order_key = f"{sub_id}|{source.source}|{source.subject}"
            previous = await ctx.fetchrow(
                "SELECT last_stream_id, last_notification_id FROM webhook_chain "
                "WHERE order_key = $1",
                order_key,
            )
            stream_id = notice_stream_id(source.id, sub_id, "WEBHOOK")
            queued = NotificationQueuedV2(
                notification_id=notification_id_for(stream_id),
                source_event_id=source.id,
                source_event_type=source.type,
                recipient=sub_id,
                channel="WEBHOOK",
                template="cloudevent",
                address=s.url,
                subject=source.type,
                body=body,
                subscription_id=sub_id,
                order_key=order_key,
                previous_notification_id=previous["last_notification_id"] if previous else None,
                previous_stream_id=previous["last_stream_id"] if previous else None,
            )
            planned.append((order_key, PlannedNotice(stream_id, queued)))
        written = await append_once(ctx, [p for _, p in planned], r)
        for order_key, p in planned:
            if p.stream_id in written:
                ctx.sql.add(
                    """INSERT INTO webhook_chain (order_key, last_stream_id, last_notification_id)
                       VALUES ($1, $2, $3) ON CONFLICT (order_key) DO UPDATE
                       SET last_stream_id = EXCLUDED.last_stream_id,
                           last_notification_id = EXCLUDED.last_notification_id""",
                    order_key,
                    p.stream_id,
                    notification_id_for(p.stream_id),
                )
