"""Events of the notification context (topic `rangkui.notification.events`)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from rangkui_contracts.base import DomainEvent

Channel = Literal["INBOX", "EMAIL", "WEBHOOK"]
DeliveryChannel = Literal["EMAIL", "WEBHOOK"]
SkipReason = Literal["NO_EMAIL_ADDRESS", "OPTED_OUT", "PERSONAL_DATA_ERASED"]


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
    attempts: int | None = Field(default=None, description="delivery attempts it took")


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


class NotificationQueued(_Notification):
    """A notification was rendered and queued for delivery over e-mail or a webhook; attempts
    follow. `previous_notification_id` chains the webhook deliveries of one subscription and
    one source stream (one transfer), which are delivered in that order.

    Version 1 carries a person's e-mail address in plaintext; it stays readable for the
    events already recorded, but the service queues only version 2 now, which does not."""

    notification_id: str
    source_event_id: str
    source_event_type: str
    recipient: str = Field(description="NIP, role mailbox, or webhook subscription id")
    channel: DeliveryChannel
    template: str
    address: str = Field(description="e-mail address or webhook URL")
    subject: str
    body: str = Field(description="plain text (e-mail) or CloudEvents structured JSON (webhook)")
    message_id: str | None = Field(default=None, description="e-mail Message-ID, fixed per notice")
    subscription_id: str | None = None
    order_key: str | None = Field(default=None, description="deliveries are ordered per key")
    previous_notification_id: str | None = None
    previous_stream_id: str | None = None


class NotificationQueuedV2(_Notification):
    """A notification was rendered and queued for delivery over e-mail or a webhook; attempts
    follow. `previous_notification_id` chains the webhook deliveries of one subscription and
    one source stream (one transfer), which are delivered in that order.

    A person's e-mail address is not carried: the delivery worker opens it from the person's
    sealed contact when it sends, so it travels in no event and disappears with their key."""

    version = 2
    wire_name = "NotificationQueued"

    notification_id: str
    source_event_id: str
    source_event_type: str
    recipient: str = Field(description="NIP, role mailbox, or webhook subscription id")
    channel: DeliveryChannel
    template: str
    address: str | None = Field(
        default=None,
        description="webhook URL, or the e-mail address of a role mailbox (BKD, PPK); None "
        "for a person, whose address is opened from their sealed contact when sending",
    )
    subject: str
    body: str = Field(description="plain text (e-mail) or CloudEvents structured JSON (webhook)")
    message_id: str | None = Field(default=None, description="e-mail Message-ID, fixed per notice")
    subscription_id: str | None = None
    order_key: str | None = Field(default=None, description="deliveries are ordered per key")
    previous_notification_id: str | None = None
    previous_stream_id: str | None = None


class DeliveryAttemptStarted(_Notification):
    """Delivery attempt number `attempt` of a queued notification began (recorded before
    anything is sent, so that a crash mid-attempt leaves a trace)."""

    notification_id: str
    channel: DeliveryChannel
    attempt: int = Field(ge=1)


class DeliveryAttemptFailed(_Notification):
    """A delivery attempt failed with `error`; it is retried at `retry_at`, or not at all
    (None) when the retry budget is spent."""

    notification_id: str
    channel: DeliveryChannel
    attempt: int = Field(ge=1)
    error: str
    retry_at: datetime | None = None


class DeliveryInDoubt(_Notification):
    """An attempt was started but its outcome never recorded (the process died between
    sending and recording): it may or may not have been delivered, so it is not resent
    automatically; an operator decides."""

    notification_id: str
    channel: DeliveryChannel
    attempt: int = Field(ge=1)


class DeliveryRetryRequested(_Notification):
    """An operator asked to deliver a failed or in-doubt notification again (a new budget)."""

    notification_id: str
    channel: DeliveryChannel
    requested_by: str


class NotificationSkipped(_Notification):
    """A notification was not sent on a channel, on purpose: the person has no e-mail
    address, opted out of the channel, or their personal data was erased (their address
    can no longer be opened). The inbox copy is unaffected."""

    notification_id: str
    source_event_id: str
    source_event_type: str
    recipient: str
    channel: Channel
    template: str
    reason: SkipReason


class ChannelPreferencesSet(_Notification):
    """A person chose the channels they are notified on besides the inbox (always on)."""

    recipient: str
    email: bool = True


class WebhookSubscribed(_Notification):
    """A provincial system subscribed a URL to events of the given types (CloudEvents types;
    a trailing `*` matches a prefix, e.g. `rangkui.mutation.*`)."""

    subscription_id: str
    url: str
    event_types: list[str] = Field(min_length=1)
    description: str = ""
    subscribed_by: str


class WebhookUnsubscribed(_Notification):
    """A webhook subscription was ended; nothing new is queued for it."""

    subscription_id: str
    unsubscribed_by: str


EVENTS: tuple[type[DomainEvent], ...] = (
    NotificationDispatched,
    NotificationFailed,
    NotificationRead,
    NotificationQueued,
    DeliveryAttemptStarted,
    DeliveryAttemptFailed,
    DeliveryInDoubt,
    DeliveryRetryRequested,
    NotificationSkipped,
    ChannelPreferencesSet,
    WebhookSubscribed,
    WebhookUnsubscribed,
    NotificationQueuedV2,
)
