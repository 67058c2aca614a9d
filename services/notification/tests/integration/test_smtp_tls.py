"""Outside development mode a notice is sent only over STARTTLS: a relay that offers none
(or whose offer was stripped on the way) fails the delivery rather than sending in clear."""

import pytest

from rangkui_contracts.events.notification import NotificationQueued
from rangkui_eventkit.testing.smtp import smtp_server
from rangkui_notification.adapters.delivery import DeliveryError
from rangkui_notification.adapters.email import SmtpSender
from rangkui_notification.settings import NotificationSettings

pytestmark = pytest.mark.integration


def _queued() -> NotificationQueued:
    return NotificationQueued.model_construct(
        notification_id="n-1",
        source_event_id="e-1",
        source_event_type="rangkui.mutation.MutationDecreed.v1",
        recipient="199107292015032001",
        channel="EMAIL",
        template="decreed",
        address="ratna@example.org",
        subject="Pemberitahuan mutasi",
        body="Isi pemberitahuan",
        message_id=None,
    )


def test_starttls_is_required_outside_development_mode_whatever_the_setting() -> None:
    production = NotificationSettings(webhook_signing_key="k" * 32, smtp_require_starttls=False)
    assert production.smtp_tls_required
    assert not NotificationSettings(development_mode=True).smtp_tls_required
    assert NotificationSettings(development_mode=True, smtp_require_starttls=True).smtp_tls_required


async def test_a_relay_without_starttls_gets_nothing_when_tls_is_required() -> None:
    async with smtp_server() as (box, port):
        strict = SmtpSender(
            host="127.0.0.1", port=port, sender="n@rangkui.go.id", timeout_s=5, require_tls=True
        )
        with pytest.raises(DeliveryError, match=r"(?i)tls"):
            await strict.send(_queued())
        assert box.to("ratna@example.org") == []
        relaxed = SmtpSender(
            host="127.0.0.1", port=port, sender="n@rangkui.go.id", timeout_s=5, require_tls=False
        )
        await relaxed.send(_queued())
        assert len(box.to("ratna@example.org")) == 1
