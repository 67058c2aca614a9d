"""Composing notices: one event's facts, rendered per recipient, as the first event of each
notice stream on each channel (inbox always; e-mail queued, or skipped with the reason)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rangkui_contracts import DomainEvent, Envelope
from rangkui_contracts.events.notification import (
    NotificationDispatched,
    NotificationQueuedV2,
    NotificationSkipped,
    SkipReason,
)
from rangkui_notification.adapters.templates import TemplateRenderer
from rangkui_notification.domain.catalogue import Notice
from rangkui_notification.domain.channels import ChannelPolicy, plan_email
from rangkui_notification.domain.directory import Directory
from rangkui_notification.domain.notice import notice_stream_id, notification_id_for


@dataclass(frozen=True)
class PlannedNotice:
    stream_id: str
    event: DomainEvent


@dataclass(frozen=True)
class Channels:
    """How the reaction reaches people besides the inbox (from settings)."""

    policy: ChannelPolicy = field(default_factory=ChannelPolicy)
    message_id_domain: str = "notifikasi.rangkui.go.id"


@dataclass(frozen=True)
class Source:
    """The event a notice is about; `variant` when one event gives several notices."""

    id: str
    type: str
    variant: str | None = None

    @classmethod
    def of(cls, envelope: Envelope) -> Source:
        return cls(envelope.id, envelope.type)


def compose(
    event: Any,
    source: Source,
    notices: Sequence[Notice],
    directory: Directory,
    renderer: TemplateRenderer,
    channels: Channels = Channels(),
    opted_out: frozenset[str] = frozenset(),
) -> list[PlannedNotice]:
    """The first event of each notice, on every channel (rendered from `event`'s facts)."""
    planned: list[PlannedNotice] = []
    for notice in notices:
        recipient = notice.recipient
        rendered = renderer.render(notice.template, event, recipient, directory)
        inbox_stream = notice_stream_id(source.id, recipient.id, "INBOX", source.variant)
        common = {
            "source_event_id": source.id,
            "source_event_type": source.type,
            "recipient": recipient.id,
            "template": notice.template,
        }
        planned.append(
            PlannedNotice(
                inbox_stream,
                NotificationDispatched(
                    notification_id=notification_id_for(inbox_stream),
                    channel="INBOX",
                    subject=rendered.subject,
                    body=rendered.body,
                    **common,
                ),
            )
        )
        email = plan_email(
            recipient, directory, channels.policy, wants_email=recipient.id not in opted_out
        )
        if email is None:
            continue
        email_stream = notice_stream_id(source.id, recipient.id, "EMAIL", source.variant)
        notification_id = notification_id_for(email_stream)
        first: DomainEvent
        if email.outcome == "SEND":
            # A person's address is not carried (the worker opens it when it sends); a role
            # mailbox's is.
            first = NotificationQueuedV2(
                notification_id=notification_id,
                channel="EMAIL",
                address=email.address,
                subject=rendered.subject,
                body=rendered.body,
                message_id=f"<{notification_id}@{channels.message_id_domain}>",
                **common,
            )
        else:
            reason: SkipReason = email.outcome
            first = NotificationSkipped(
                notification_id=notification_id, channel="EMAIL", reason=reason, **common
            )
        planned.append(PlannedNotice(email_stream, first))
    return planned
