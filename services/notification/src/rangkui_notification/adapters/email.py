"""E-mail over SMTP (aiosmtplib): one notice, one message, with a Message-ID fixed per notice.

The Message-ID is derived from the notification id, so every attempt for one notice, and an
operator's resend, carries the same Message-ID: mail stores and clients that deduplicate by
Message-ID show the message once (see the README for what this does and does not promise).
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate

import aiosmtplib

from rangkui_contracts.events.notification import NotificationQueuedV2
from rangkui_notification.adapters.delivery import DeliveryError


class SmtpSender:
    """Sends queued e-mail notices to one SMTP relay."""

    def __init__(
        self, *, host: str, port: int, sender: str, timeout_s: float, require_tls: bool = True
    ) -> None:
        self.host = host
        self.port = port
        self.sender = sender
        self.timeout_s = timeout_s
        # Notices name people, transfers and e-mail addresses: in production they never
        # cross the network in clear. A relay that offers no STARTTLS (or one stripped by
        # whoever sits in between) fails the delivery, which is retried and then reported.
        self.require_tls = require_tls

    def message(self, q: NotificationQueuedV2) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = q.address
        msg["Subject"] = q.subject
        msg["Date"] = formatdate(usegmt=True)
        if q.message_id:
            msg["Message-ID"] = q.message_id
        msg["X-Rangkui-Notification-Id"] = q.notification_id
        msg["X-Rangkui-Source-Event-Id"] = q.source_event_id
        msg.set_content(q.body, charset="utf-8")
        return msg

    async def send(self, q: NotificationQueuedV2) -> None:
        try:
            await aiosmtplib.send(
                self.message(q),
                hostname=self.host,
                port=self.port,
                timeout=self.timeout_s,
                # Required: STARTTLS with a verified certificate, or no delivery; else
                # (development mode) whenever the relay offers it.
                start_tls=True if self.require_tls else None,
            )
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise DeliveryError(
                f"SMTP {self.host}:{self.port}: {type(exc).__name__}: {exc}"
            ) from exc
