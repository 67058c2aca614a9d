"""Channel preferences as the reactions read them: from the event store itself."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rangkui_contracts.events.notification import ChannelPreferencesSet
from rangkui_eventkit.store import EventStore
from rangkui_notification.domain.notice import preferences_stream_id


async def opted_out_of_email(
    store: EventStore, recipients: Sequence[str], *, conn: Any = None
) -> frozenset[str]:
    """Who chose no e-mail, from the last event of their preference streams in the event
    store itself, so that a choice counts from the moment it is recorded (and during a
    projection rebuild)."""
    last = await store.load_last([preferences_stream_id(r) for r in recipients], conn=conn)
    return frozenset(
        r.event.recipient
        for r in last.values()
        if isinstance(r.event, ChannelPreferencesSet) and not r.event.email
    )
