"""Commands from people over HTTP: an operator's retry, a person's channel preferences,
webhook subscriptions."""

from __future__ import annotations

import uuid
from typing import Any

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.notification import (
    ChannelPreferencesSet,
    WebhookSubscribed,
    WebhookUnsubscribed,
)
from rangkui_eventkit.context import Cause
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import ConcurrencyConflict, NotFound
from rangkui_eventkit.pipeline import execute
from rangkui_eventkit.store import EventStore, StreamWrite
from rangkui_notification.adapters import deliveries as delivery_queries
from rangkui_notification.domain.delivery import Command, DeliveryState, RequestRetry
from rangkui_notification.domain.notice import preferences_stream_id
from rangkui_notification.domain.webhooks import REGISTRY_STREAM, active_subscriptions


async def retry_delivery(
    store: EventStore,
    db: Any,
    deciders: dict[str, Decider[Command, DeliveryState]],
    notification_id: str,
    cause: Cause,
) -> None:
    """Give a failed or in-doubt delivery a new retry budget; the worker picks it up."""
    row = await delivery_queries.get(db, notification_id)
    if row is None or row["channel"] not in deciders:
        raise NotFound(f"no e-mail or webhook delivery {notification_id}")
    decider = deciders[row["channel"]]
    await execute(store, row["stream_id"], decider, RequestRetry(cause.actor), cause)


async def set_preferences(store: EventStore, recipient: str, *, email: bool, cause: Cause) -> None:
    """Record a person's choice; every change is an event in their preferences stream."""
    stream_id = preferences_stream_id(recipient)
    version = len(await store.load(stream_id))
    event = ChannelPreferencesSet(recipient=recipient, email=email)
    await store.append([StreamWrite(stream_id, version, [event])], cause)


async def subscribe_webhook(
    store: EventStore,
    *,
    url: str,
    event_types: list[str],
    description: str,
    cause: Cause,
) -> str:
    """Register a subscription in the registry stream; its id derives its secret."""
    subscription_id = str(uuid.uuid4())
    event = WebhookSubscribed(
        subscription_id=subscription_id,
        url=url,
        event_types=event_types,
        description=description,
        subscribed_by=cause.actor,
    )
    await _append_to_registry(store, event, cause)
    return subscription_id


async def unsubscribe_webhook(
    store: EventStore, subscription_id: str, cause: Cause, *, owner: str | None = None
) -> bool:
    """End a subscription (idempotent); False if it had already ended. With `owner` (an
    integration client), only one it created: another's is not found, as if it did not
    exist, so a client learns nothing of other systems' subscriptions."""
    history = await store.load(REGISTRY_STREAM)
    known = {
        r.event.subscription_id
        for r in history
        if isinstance(r.event, WebhookSubscribed)
        and (owner is None or r.event.subscribed_by == owner)
    }
    if subscription_id not in known:
        raise NotFound(f"no webhook subscription {subscription_id}")
    if subscription_id not in active_subscriptions(r.event for r in history):
        return False
    event = WebhookUnsubscribed(subscription_id=subscription_id, unsubscribed_by=cause.actor)
    await _append_to_registry(store, event, cause)
    return True


async def _append_to_registry(store: EventStore, event: DomainEvent, cause: Cause) -> None:
    """Append at the version read; two operators racing retry on the fresh registry."""
    for _ in range(5):
        version = len(await store.load(REGISTRY_STREAM))
        try:
            await store.append([StreamWrite(REGISTRY_STREAM, version, [event])], cause)
            return
        except ConcurrencyConflict:
            continue
    raise ConcurrencyConflict("the webhook registry kept changing; try again")
