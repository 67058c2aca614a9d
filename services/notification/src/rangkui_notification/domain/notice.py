"""One notice = one event stream, named after what makes it unique.

The stream id `notice-<source event id>-<recipient>-<channel>` is deterministic, and the
first event of a notice is appended at expected version 0: a redelivered source event, a
second replica or a replay after a crash computes the same stream id and cannot write the
notice again. This is the whole exactly-once argument for the inbox channel.

After its first event a notice lives on (mark read, delivery attempts) through the decider
below, which is pure.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.notification import (
    Channel,
    NotificationDispatched,
    NotificationRead,
)
from rangkui_eventkit.decider import Decider
from rangkui_eventkit.errors import NotFound, RuleViolated

_NAMESPACE = uuid.UUID("5b0c1f6e-4a57-4d1e-9a55-6e6f74696365")


def notice_stream_id(
    source_event_id: str, recipient: str, channel: Channel, variant: str | None = None
) -> str:
    """`variant` tells apart several notices about one event (e.g. one reminder per
    checkpoint of a monitoring plan)."""
    source = f"{source_event_id}.{variant}" if variant else source_event_id
    return f"notice-{source}-{recipient}-{channel}"


def preferences_stream_id(recipient: str) -> str:
    """A person's channel choices, one `ChannelPreferencesSet` per change."""
    return f"preferences-{recipient}"


def notification_id_for(stream_id: str) -> str:
    """A stable, URL-safe id derived from the stream id (same notice, same id, every time)."""
    return str(uuid.uuid5(_NAMESPACE, stream_id))


@dataclass(frozen=True)
class NoticeState:
    notification_id: str | None = None
    recipient: str | None = None
    channel: Channel | None = None
    dispatched: bool = False
    read: bool = False


@dataclass(frozen=True)
class MarkRead:
    """The recipient has read an inbox notice."""

    notification_id: str
    recipient: str


def evolve(state: NoticeState, event: DomainEvent) -> NoticeState:
    if isinstance(event, NotificationDispatched):
        return replace(
            state,
            notification_id=event.notification_id,
            recipient=event.recipient,
            channel=event.channel,
            dispatched=True,
        )
    if isinstance(event, NotificationRead):
        return replace(state, read=True)
    return state


def decide(command: MarkRead, state: NoticeState) -> list[DomainEvent]:
    """Marking read is idempotent: a second request changes nothing and writes nothing."""
    if not state.dispatched or state.recipient != command.recipient:
        raise NotFound(
            f"no notification {command.notification_id} in the inbox of {command.recipient}"
        )
    if state.channel != "INBOX":
        raise RuleViolated(
            "inbox_only", f"notification {command.notification_id} is not an inbox notice"
        )
    if state.read:
        return []
    return [NotificationRead(notification_id=command.notification_id, recipient=command.recipient)]


NOTICE: Decider[MarkRead, NoticeState] = Decider(NoticeState(), evolve, decide)
