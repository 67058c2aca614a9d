"""Commands from people over HTTP: an operator's retry, a person's channel preferences,
webhook subscriptions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from rangkui_contracts.events.notification import (
    ChannelPreferencesSet,
    WebhookSubscribed,
    WebhookUnsubscribed,
)
from rangkui_eventkit.clock import Clock
from rangkui_eventkit.context import Cause
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.pipeline import Pipeline, UnitOfWork
from rangkui_notification.adapters import deliveries as delivery_queries
from rangkui_notification.domain.delivery import Command, DeliveryState, RequestRetry
from rangkui_notification.domain.notice import preferences_stream_id
from rangkui_notification.domain.webhooks import REGISTRY_STREAM, active_subscriptions
from rangkui_notification.tools import Tools


@dataclass(frozen=True)
class Deps:
    """What the routes need; built by the bootstrap from the running service."""

    pipeline: Pipeline
    tools: Tools
    clock: Clock
    pool: Any = None  # read models for the HTTP layer's queries


async def retry_delivery(
    pipeline: Pipeline,
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
    await pipeline.execute(decider, row["stream_id"], RequestRetry(cause.actor), cause)


async def set_preferences(pipeline: Pipeline, recipient: str, *, email: bool, cause: Cause) -> int:
    """Record a person's choice; every change is an event in their preferences stream.
    Returns the stream's version after it."""
    stream_id = preferences_stream_id(recipient)

    async def handler(uow: UnitOfWork) -> None:
        await uow.load([stream_id])
        uow.stage(stream_id, [ChannelPreferencesSet(recipient=recipient, email=email)])

    return (await pipeline.run(handler, cause)).recorded[-1].version


async def subscribe_webhook(
    pipeline: Pipeline,
    *,
    url: str,
    event_types: list[str],
    description: str,
    cause: Cause,
) -> tuple[str, int]:
    """Register a subscription in the registry stream; its id derives its secret. Returns
    the id and the registry's version after it."""
    subscription_id = str(uuid.uuid4())
    event = WebhookSubscribed(
        subscription_id=subscription_id,
        url=url,
        event_types=event_types,
        description=description,
        subscribed_by=cause.actor,
    )

    async def handler(uow: UnitOfWork) -> None:
        await uow.load([REGISTRY_STREAM])
        uow.stage(REGISTRY_STREAM, [event])

    recorded = (await pipeline.run(handler, cause)).recorded
    return subscription_id, recorded[-1].version


async def unsubscribe_webhook(
    pipeline: Pipeline, subscription_id: str, cause: Cause, *, owner: str | None = None
) -> bool:
    """End a subscription (idempotent); False if it had already ended. With `owner` (an
    integration client), only one it created: another's is not found, as if it did not
    exist, so a client learns nothing of other systems' subscriptions."""

    async def handler(uow: UnitOfWork) -> bool:
        history = (await uow.load([REGISTRY_STREAM]))[REGISTRY_STREAM]
        known = {
            e.subscription_id
            for e in history
            if isinstance(e, WebhookSubscribed) and (owner is None or e.subscribed_by == owner)
        }
        if subscription_id not in known:
            raise NotFound(f"no webhook subscription {subscription_id}")
        if subscription_id not in active_subscriptions(history):
            return False
        event = WebhookUnsubscribed(subscription_id=subscription_id, unsubscribed_by=cause.actor)
        uow.stage(REGISTRY_STREAM, [event])
        return True

    return (await pipeline.run(handler, cause)).value
