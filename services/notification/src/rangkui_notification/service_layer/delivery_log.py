"""Projection of the service's own events into the delivery log, attempts and preferences.

The log answers operators (what was sent to whom, what failed and why) and hints the delivery
worker at what is due; the worker itself decides on the notice's event stream, never on
this possibly lagging table.

The log holds no personal address: a person's e-mail address is not in the events since
version 2 of `NotificationQueued`, and of version 1 events (which carried it) only the
addresses of role mailboxes and webhooks are kept.
"""

from __future__ import annotations

import re

from rangkui_contracts.events.notification import (
    ChannelPreferencesSet,
    DeliveryAttemptFailed,
    DeliveryAttemptStarted,
    DeliveryInDoubt,
    DeliveryRetryRequested,
    NotificationDispatched,
    NotificationFailed,
    NotificationQueuedV2,
    NotificationSkipped,
    WebhookSubscribed,
    WebhookUnsubscribed,
)
from rangkui_contracts.topics import NOTIFICATION
from rangkui_eventkit.handlers import BatchContext, Projection, Received, handles

_UPSERT = """
INSERT INTO deliveries (notification_id, stream_id, source_event_id, source_event_type,
    recipient, channel, template, address, subscription_id, status, attempts, last_error,
    next_attempt_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL, $13, $13)
ON CONFLICT (notification_id) DO UPDATE SET status = EXCLUDED.status,
    attempts = GREATEST(deliveries.attempts, EXCLUDED.attempts),
    last_error = coalesce(EXCLUDED.last_error, deliveries.last_error),
    next_attempt_at = NULL, updated_at = EXCLUDED.updated_at
"""
_STATUS = """
UPDATE deliveries SET status = $2, next_attempt_at = $3, updated_at = $4,
    last_error = coalesce($5, last_error), attempts = GREATEST(attempts, $6)
WHERE notification_id = $1
"""
_ATTEMPT = """
INSERT INTO delivery_attempts (notification_id, attempt, started_at, finished_at, outcome, error)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (notification_id, attempt) DO UPDATE SET finished_at = EXCLUDED.finished_at,
    outcome = EXCLUDED.outcome, error = EXCLUDED.error
"""


_NIP = re.compile(r"^\d{18}$")  # a person, as opposed to a role mailbox or a subscription


class DeliveryLog(Projection):
    """Deliveries with their status and attempts, channel preferences, and webhook
    subscriptions with their health (last success, failures in a row)."""

    name = "delivery_log"
    topics = (NOTIFICATION,)
    tables = ("deliveries", "delivery_attempts", "preferences", "webhook_subscriptions")

    @handles(NotificationQueuedV2)
    async def on_queued(self, ctx: BatchContext, e: NotificationQueuedV2, r: Received) -> None:
        address = None if _NIP.match(e.recipient) else e.address
        ctx.sql.add(
            _UPSERT, e.notification_id, r.envelope.subject, e.source_event_id,
            e.source_event_type, e.recipient, e.channel, e.template, address,
            e.subscription_id, "PENDING", 0, None, r.envelope.time,
        )  # fmt: skip

    @handles(NotificationSkipped)
    async def on_skipped(self, ctx: BatchContext, e: NotificationSkipped, r: Received) -> None:
        ctx.sql.add(
            _UPSERT, e.notification_id, r.envelope.subject, e.source_event_id,
            e.source_event_type, e.recipient, e.channel, e.template, None, None, "SKIPPED", 0,
            e.reason, r.envelope.time,
        )  # fmt: skip

    @handles(NotificationDispatched)
    async def on_dispatched(
        self, ctx: BatchContext, e: NotificationDispatched, r: Received
    ) -> None:
        if e.channel == "INBOX":
            ctx.sql.add(
                _UPSERT, e.notification_id, r.envelope.subject, e.source_event_id,
                e.source_event_type, e.recipient, e.channel, e.template, None, None,
                "DISPATCHED", 0, None, r.envelope.time,
            )  # fmt: skip
            return
        ctx.sql.add(
            _STATUS, e.notification_id, "DISPATCHED", None, r.envelope.time, None, e.attempts or 0
        )
        if e.channel == "WEBHOOK":
            ctx.sql.add(
                "UPDATE webhook_subscriptions SET last_success_at = $2, failures_in_row = 0 "
                "WHERE subscription_id = $1",
                e.recipient,
                r.envelope.time,
            )
        ctx.sql.add(
            "UPDATE delivery_attempts SET finished_at = $3, outcome = 'SUCCEEDED' "
            "WHERE notification_id = $1 AND attempt = $2",
            e.notification_id,
            e.attempts or 0,
            r.envelope.time,
        )

    @handles(DeliveryAttemptStarted)
    async def on_started(self, ctx: BatchContext, e: DeliveryAttemptStarted, r: Received) -> None:
        ctx.sql.add(_STATUS, e.notification_id, "IN_FLIGHT", None, r.envelope.time, None, e.attempt)
        ctx.sql.add(_ATTEMPT, e.notification_id, e.attempt, r.envelope.time, None, "STARTED", None)

    @handles(DeliveryAttemptFailed)
    async def on_failed_attempt(
        self, ctx: BatchContext, e: DeliveryAttemptFailed, r: Received
    ) -> None:
        status = "RETRY_WAIT" if e.retry_at else "FAILED"
        ctx.sql.add(
            _STATUS, e.notification_id, status, e.retry_at, r.envelope.time, e.error, e.attempt
        )
        ctx.sql.add(
            _ATTEMPT, e.notification_id, e.attempt, r.envelope.time, r.envelope.time, "FAILED",
            e.error,
        )  # fmt: skip
        if e.channel == "WEBHOOK":
            ctx.sql.add(
                """UPDATE webhook_subscriptions s SET failures_in_row = s.failures_in_row + 1,
                       last_failure_at = $2, last_error = $3
                   FROM deliveries d
                   WHERE d.notification_id = $1 AND s.subscription_id = d.subscription_id""",
                e.notification_id,
                r.envelope.time,
                e.error,
            )

    @handles(NotificationFailed)
    async def on_failed(self, ctx: BatchContext, e: NotificationFailed, r: Received) -> None:
        ctx.sql.add(
            _STATUS, e.notification_id, "FAILED", None, r.envelope.time, e.last_error, e.attempts
        )

    @handles(DeliveryInDoubt)
    async def on_in_doubt(self, ctx: BatchContext, e: DeliveryInDoubt, r: Received) -> None:
        ctx.sql.add(
            _STATUS, e.notification_id, "IN_DOUBT", None, r.envelope.time,
            "attempt started but its outcome was never recorded (process died)", e.attempt,
        )  # fmt: skip
        ctx.sql.add(
            "UPDATE delivery_attempts SET outcome = 'IN_DOUBT' "
            "WHERE notification_id = $1 AND attempt = $2",
            e.notification_id,
            e.attempt,
        )

    @handles(DeliveryRetryRequested)
    async def on_retry(self, ctx: BatchContext, e: DeliveryRetryRequested, r: Received) -> None:
        ctx.sql.add(_STATUS, e.notification_id, "PENDING", None, r.envelope.time, None, 0)

    @handles(ChannelPreferencesSet)
    async def on_preferences(
        self, ctx: BatchContext, e: ChannelPreferencesSet, r: Received
    ) -> None:
        ctx.sql.add(
            """INSERT INTO preferences (recipient, email, updated_at) VALUES ($1, $2, $3)
               ON CONFLICT (recipient) DO UPDATE SET email = EXCLUDED.email,
                   updated_at = EXCLUDED.updated_at""",
            e.recipient,
            e.email,
            r.envelope.time,
        )

    @handles(WebhookSubscribed)
    async def on_subscribed(self, ctx: BatchContext, e: WebhookSubscribed, r: Received) -> None:
        ctx.sql.add(
            """INSERT INTO webhook_subscriptions
                   (subscription_id, url, event_types, description, created_at, subscribed_by)
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (subscription_id) DO NOTHING""",
            e.subscription_id,
            e.url,
            e.event_types,
            e.description,
            r.envelope.time,
            e.subscribed_by,
        )

    @handles(WebhookUnsubscribed)
    async def on_unsubscribed(self, ctx: BatchContext, e: WebhookUnsubscribed, _: Received) -> None:
        ctx.sql.add(
            "UPDATE webhook_subscriptions SET active = false WHERE subscription_id = $1",
            e.subscription_id,
        )
