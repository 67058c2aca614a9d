"""Webhook targets must be public addresses (no server-side request forgery)."""

import pytest

from rangkui_eventkit.errors import RuleViolated
from rangkui_notification.domain.webhooks import refuse_plain_http, refuse_private_target
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
        "https://[64:ff9b::7f00:1]/hook",  # NAT64 of 127.0.0.1
        "https://[64:ff9b:1::a00:7]/hook",  # local-use NAT64 of 10.0.0.7
        "https://[2002:a00:7::1]/hook",  # 6to4 of 10.0.0.7
        "https://[::7f00:1]/hook",  # IPv4-compatible 127.0.0.1
        "https://[::ffff:169.254.169.254]/hook",  # IPv4-mapped metadata service
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
    NotificationSettings(webhook_signing_key="k" * 32).require_production_secrets()


def test_a_signing_key_shorter_than_32_bytes_is_refused_outside_development() -> None:
    with pytest.raises(ValueError, match="at least 32 bytes"):
        NotificationSettings(webhook_signing_key="x").require_production_secrets()
    with pytest.raises(ValueError, match="at least 32 bytes"):
        NotificationSettings(
            webhook_signing_key="s3cret-from-a-secret"
        ).require_production_secrets()


@pytest.mark.parametrize("url", ["http://simpeg.rangkui.go.id/hook", "ftp://1.1.1.1/hook"])
def test_a_target_without_tls_is_refused(url: str) -> None:
    with pytest.raises(RuleViolated) as refused:
        refuse_plain_http(url)
    assert refused.value.rule == "https_webhook_target"
    refuse_plain_http("https://simpeg.rangkui.go.id/hook")
