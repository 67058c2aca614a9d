"""Webhook delivery over HTTP (httpx): a CloudEvent in structured JSON mode, signed.

A 2xx answer is a delivery; anything else (or no answer within the timeout) is a failed
attempt, retried with backoff. Receivers must be idempotent on the CloudEvents `id` (or the
`X-Rangkui-Delivery` header): after a crash between their 2xx and our record, the same
delivery is not resent automatically (it is marked in doubt), but an operator may resend it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from rangkui_contracts.events.notification import NotificationQueuedV2
from rangkui_notification.adapters.delivery import DeliveryError
from rangkui_notification.adapters.egress import PublicOnlyTransport
from rangkui_notification.domain.webhooks import (
    DELIVERY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    signature,
    subscription_secret,
)


class WebhookSender:
    def __init__(
        self,
        *,
        signing_key: str,
        timeout_s: float,
        clock: Callable[[], float] = time.time,
        public_only: bool = True,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.signing_key = signing_key
        self.timeout_s = timeout_s
        self.clock = clock
        self.public_only = public_only  # off only where private targets are allowed (labs)
        self.transport = transport

    def headers(self, q: NotificationQueuedV2, body: bytes) -> dict[str, str]:
        secret = subscription_secret(self.signing_key, q.recipient)
        timestamp = int(self.clock())
        return {
            "Content-Type": "application/cloudevents+json; charset=utf-8",
            TIMESTAMP_HEADER: str(timestamp),
            SIGNATURE_HEADER: signature(secret, timestamp, body),
            DELIVERY_HEADER: q.notification_id,
        }

    async def send(self, q: NotificationQueuedV2) -> None:
        body = q.body.encode()
        try:
            transport = self.transport or (PublicOnlyTransport() if self.public_only else None)
            async with httpx.AsyncClient(timeout=self.timeout_s, transport=transport) as c:
                response = await c.post(q.address, content=body, headers=self.headers(q, body))
        except httpx.HTTPError as exc:
            raise DeliveryError(f"POST {q.address}: {type(exc).__name__}: {exc}") from exc
        if not response.is_success:
            raise DeliveryError(
                f"POST {q.address}: HTTP {response.status_code} {response.text[:200]}"
            )
