"""Notification's command handlers on the in-memory pipeline: Given the registry and the
preference streams, When an operator's or a person's command, Then new events or an error."""

from __future__ import annotations

import pytest

from rangkui_contracts.events.notification import (
    ChannelPreferencesSet,
    WebhookSubscribed,
    WebhookUnsubscribed,
)
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import NotFound
from rangkui_eventkit.pipeline import InMemoryPipeline
from rangkui_notification.adapters.preferences import opted_out_of_email
from rangkui_notification.domain.notice import preferences_stream_id
from rangkui_notification.domain.webhooks import REGISTRY_STREAM
from rangkui_notification.service_layer.operations import (
    set_preferences,
    subscribe_webhook,
    unsubscribe_webhook,
)

pytestmark = pytest.mark.unit

NIP = "198609262015051001"
SIMPEG = Cause.new("client.simpeg")
SIASN = Cause.new("client.siasn")


async def subscribe(pipeline: InMemoryPipeline, cause: Cause = SIMPEG) -> tuple[str, int]:
    return await subscribe_webhook(
        pipeline,
        url="https://simpeg.rangkuiprov.go.id/hooks",
        event_types=["rangkui.mutation.*"],
        description="SIMPEG provinsi",
        cause=cause,
    )


async def test_a_persons_choice_is_the_last_event_of_their_preference_stream() -> None:
    pipeline = InMemoryPipeline()
    assert await set_preferences(pipeline, NIP, email=False, cause=Cause.new(NIP)) == 1
    assert await set_preferences(pipeline, NIP, email=True, cause=Cause.new(NIP)) == 2
    assert await set_preferences(pipeline, NIP, email=False, cause=Cause.new(NIP)) == 3
    events = [r.event for r in await pipeline.store.load(preferences_stream_id(NIP))]
    assert [e.email for e in events if isinstance(e, ChannelPreferencesSet)] == [False, True, False]
    assert await opted_out_of_email(pipeline.store, [NIP, "199001012015011001"]) == {NIP}


async def test_subscriptions_are_recorded_in_the_registry_with_who_made_them() -> None:
    pipeline = InMemoryPipeline()
    first, v1 = await subscribe(pipeline)
    second, v2 = await subscribe(pipeline, SIASN)
    assert (v1, v2) == (1, 2)
    registry = [r.event for r in await pipeline.store.load(REGISTRY_STREAM)]
    assert [(e.subscription_id, e.subscribed_by) for e in registry] == [  # type: ignore[attr-defined]
        (first, "client.simpeg"),
        (second, "client.siasn"),
    ]


async def test_a_client_ends_its_own_subscription_once_and_cannot_see_anothers() -> None:
    pipeline = InMemoryPipeline()
    mine, _ = await subscribe(pipeline)
    theirs, _ = await subscribe(pipeline, SIASN)
    with pytest.raises(NotFound):
        await unsubscribe_webhook(pipeline, theirs, SIMPEG, owner="client.simpeg")
    assert await unsubscribe_webhook(pipeline, mine, SIMPEG, owner="client.simpeg") is True
    assert await unsubscribe_webhook(pipeline, mine, SIMPEG, owner="client.simpeg") is False
    ended = [r.event for r in await pipeline.store.load(REGISTRY_STREAM)]
    assert [type(e) for e in ended] == [WebhookSubscribed, WebhookSubscribed, WebhookUnsubscribed]


async def test_an_operator_may_end_any_subscription() -> None:
    pipeline = InMemoryPipeline()
    theirs, _ = await subscribe(pipeline, SIASN)
    assert await unsubscribe_webhook(pipeline, theirs, Cause.new("operator.bkd")) is True
