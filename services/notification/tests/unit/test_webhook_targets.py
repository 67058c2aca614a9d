"""Webhook targets must be public addresses (no server-side request forgery)."""

import pytest

from rangkui_eventkit.errors import RuleViolated
from rangkui_notification.domain.webhooks import refuse_private_target
from rangkui_notification.settings import NotificationSettings

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8101/admin/projections/x/rebuild",
        "http://localhost/hook",
        "http://10.0.0.7/hook",
        "http://192.168.1.1/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]:8080/hook",
        "http://pg-personnel-rw.local/hook",
    ],
)
def test_an_internal_target_is_refused(url: str) -> None:
    with pytest.raises(RuleViolated) as refused:
        refuse_private_target(url)
    assert refused.value.rule == "public_webhook_target"


@pytest.mark.parametrize(
    "url", ["https://simpeg.rangkui.go.id/hooks/mutasi", "https://1.1.1.1/hook"]
)
def test_a_public_target_is_accepted(url: str) -> None:
    refuse_private_target(url)


def test_the_public_default_signing_key_is_refused_outside_development() -> None:
    with pytest.raises(ValueError, match="NOTIFICATION_WEBHOOK_SIGNING_KEY is not set"):
        NotificationSettings().require_production_secrets()
    NotificationSettings(development_mode=True).require_production_secrets()
    NotificationSettings(webhook_signing_key="s3cret-from-a-secret").require_production_secrets()
