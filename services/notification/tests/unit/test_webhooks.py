"""Webhook filters and signatures, as the README documents them for receivers."""

import hashlib
import hmac

import pytest

from rangkui_notification.domain.webhooks import matches, signature, subscription_secret, verify

pytestmark = pytest.mark.unit

EFFECTIVE = "rangkui.mutation.MutationEffective.v1"


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        ([EFFECTIVE], True),
        (["rangkui.mutation.*"], True),
        (["rangkui.mutation.MutationEff*"], True),
        (["*"], True),
        (["rangkui.evaluation.*"], False),
        (["rangkui.mutation.MutationEffective.v2"], False),
        (["rangkui.evaluation.*", EFFECTIVE], True),
    ],
)
def test_a_subscription_takes_exact_types_or_prefixes(patterns: list[str], expected: bool) -> None:
    assert matches(patterns, EFFECTIVE) is expected


def test_the_signature_is_hmac_sha256_over_timestamp_dot_body() -> None:
    secret = subscription_secret("key", "sub-1")
    body = b'{"id":"e-1"}'
    expected = hmac.new(secret.encode(), b"1764576000." + body, hashlib.sha256).hexdigest()
    assert signature(secret, 1764576000, body) == f"sha256={expected}"


def test_secrets_differ_per_subscription_and_per_signing_key() -> None:
    assert subscription_secret("key", "sub-1") != subscription_secret("key", "sub-2")
    assert subscription_secret("key", "sub-1") != subscription_secret("other", "sub-1")


def test_a_receiver_refuses_a_changed_body_or_a_stale_timestamp() -> None:
    secret = subscription_secret("key", "sub-1")
    sig = signature(secret, 1000, b"{}")
    assert verify(secret, 1000, b"{}", sig, now=1010)
    assert not verify(secret, 1000, b"{ }", sig, now=1010)
    assert not verify(secret, 1000, b"{}", sig, now=1000 + 301)


def test_the_registry_folds_to_the_subscriptions_not_ended() -> None:
    from rangkui_contracts.events.notification import WebhookSubscribed, WebhookUnsubscribed
    from rangkui_notification.domain.webhooks import active_subscriptions

    def sub(i: str) -> WebhookSubscribed:
        return WebhookSubscribed(
            subscription_id=i, url=f"https://siasn.example/{i}", event_types=["*"],
            subscribed_by="admin",
        )  # fmt: skip

    events = [sub("a"), sub("b"), WebhookUnsubscribed(subscription_id="a", unsubscribed_by="x")]
    assert list(active_subscriptions(events)) == ["b"]
    assert active_subscriptions(events)["b"].url == "https://siasn.example/b"


def test_evaluation_events_reach_only_subscriptions_bkd_made() -> None:
    from rangkui_notification.domain.webhooks import Subscription, entitled

    by_client = Subscription("s-1", "https://simpeg.example/hook", ("*",), "client:simpeg")
    by_bkd = Subscription("s-2", "https://bkd.example/hook", ("*",), "admin.bkd")
    recorded = "rangkui.evaluation.EvaluationRecorded.v2"
    effective = "rangkui.mutation.MutationEffective.v1"
    assert not entitled(by_client, recorded)
    assert entitled(by_client, effective)
    assert entitled(by_bkd, recorded)


@pytest.mark.parametrize("pattern", ["*", "rangkui.*", "rangkui.evaluation.*"])
def test_an_integration_client_may_not_subscribe_to_evaluations(pattern: str) -> None:
    from rangkui_eventkit.errors import ErrorKind, RuleViolated
    from rangkui_notification.domain.webhooks import refuse_unentitled_patterns

    types = ["rangkui.evaluation.EvaluationRecorded.v2", "rangkui.mutation.MutationEffective.v1"]
    with pytest.raises(RuleViolated) as refused:
        refuse_unentitled_patterns([pattern, "rangkui.mutation.*"], types)
    assert refused.value.kind == ErrorKind.FORBIDDEN
    assert refused.value.details["event_types"] == [pattern]
    assert "tidak berhak" in str(refused.value.pesan)
    refuse_unentitled_patterns(["rangkui.mutation.*"], types)  # mutation events are fine
