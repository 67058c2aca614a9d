"""Events of the notification context (topic `rangkui.notification.events`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from rangkui_contracts.base import DomainEvent

Channel = Literal["INBOX", "EMAIL", "WEBHOOK"]


class _Notification(DomainEvent):
    context = "notification"


class NotificationDispatched(_Notification):
    """A notification about another event was handed over for delivery to a recipient on a
    channel (inbox, e-mail or webhook)."""

    notification_id: str
    source_event_id: str
    source_event_type: str
    recipient: str = Field(description="NIP of a person, or a role mailbox such as 'BKD'")
    channel: Channel
    template: str
    subject: str
    body: str


class NotificationFailed(_Notification):
    """A notification could not be delivered after `attempts` tries; `last_error` says why."""

    notification_id: str
    source_event_id: str
    source_event_type: str
    recipient: str
    channel: Channel
    template: str
    attempts: int = Field(ge=1)
    last_error: str


class NotificationRead(_Notification):
    """The recipient marked an in-app (inbox) notification as read."""

    notification_id: str
    recipient: str


EVENTS: tuple[type[DomainEvent], ...] = (
    NotificationDispatched,
    NotificationFailed,
    NotificationRead,
)
