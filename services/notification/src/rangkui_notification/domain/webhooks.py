"""Webhook subscriptions: which events a subscription takes, and how deliveries are signed.

Signature (documented for receivers in the README): with the subscription's secret,
`X-Rangkui-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>." + body)>`, where
`<timestamp>` is the `X-Rangkui-Timestamp` header (Unix seconds) and `body` the exact bytes
received. Signing the timestamp with the body lets a receiver refuse replays of old requests.

Secrets are derived, not stored: `HMAC-SHA256(service signing key, subscription id)`. So no
secret ever travels in an event (events are published to Kafka), and the service can sign
after a restart without a secret store. Rotating the signing key rotates every secret.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from rangkui_contracts import DomainEvent
from rangkui_contracts.events.notification import WebhookSubscribed, WebhookUnsubscribed
from rangkui_eventkit.errors import ErrorKind, RuleViolated

SIGNATURE_HEADER = "X-Rangkui-Signature"
TIMESTAMP_HEADER = "X-Rangkui-Timestamp"
DELIVERY_HEADER = "X-Rangkui-Delivery"

# All subscriptions live in one stream: the fan-out reads it from the event store in its own
# transaction, so a subscription counts from the moment it is recorded, never from a
# (possibly lagging or rebuilding) projection.
REGISTRY_STREAM = "webhook-subscriptions"


@dataclass(frozen=True)
class Subscription:
    subscription_id: str
    url: str
    event_types: tuple[str, ...]
    subscribed_by: str = ""


# Evaluations carry NIPs with their ratings: an integration client (actor `client:<id>`) is
# no party to them, whatever its subscription's pattern says. Only subscriptions that BKD
# made receive them.
_RESTRICTED_PREFIX = "rangkui.evaluation."
_CLIENT_ACTOR = "client:"


def entitled(subscription: Subscription, ce_type: str) -> bool:
    """Whether this subscription may receive events of `ce_type`."""
    if not ce_type.startswith(_RESTRICTED_PREFIX):
        return True
    return not subscription.subscribed_by.startswith(_CLIENT_ACTOR)


def refuse_unentitled_patterns(patterns: Iterable[str], ce_types: Iterable[str]) -> None:
    """An integration client may not subscribe to what it is not entitled to (403)."""
    restricted = [t for t in ce_types if t.startswith(_RESTRICTED_PREFIX)]
    asked = sorted({p for p in patterns if any(matches([p], t) for t in restricted)})
    if asked:
        raise RuleViolated(
            "webhook_events_not_entitled",
            f"an integration client may not subscribe to evaluation events: {asked}",
            kind=ErrorKind.FORBIDDEN,
            pesan=(
                "Sistem integrasi tidak berhak menerima peristiwa penilaian (berisi NIP dan "
                f"predikat pegawai): {', '.join(asked)}. Pilih peristiwa mutasi saja."
            ),
            details={"event_types": asked},
        )


def active_subscriptions(events: Iterable[DomainEvent]) -> dict[str, Subscription]:
    """Fold the registry stream: the subscriptions not ended, in order of creation."""
    active: dict[str, Subscription] = {}
    for e in events:
        if isinstance(e, WebhookSubscribed):
            active[e.subscription_id] = Subscription(
                e.subscription_id, e.url, tuple(e.event_types), e.subscribed_by
            )
        elif isinstance(e, WebhookUnsubscribed):
            active.pop(e.subscription_id, None)
    return active


def matches(patterns: Iterable[str], ce_type: str) -> bool:
    """`rangkui.mutation.MutationEffective.v1` exactly, or a prefix ending in `*`."""
    for p in patterns:
        if p == "*" or p == ce_type or (p.endswith("*") and ce_type.startswith(p[:-1])):
            return True
    return False


def subscription_secret(signing_key: str, subscription_id: str) -> str:
    return hmac.new(signing_key.encode(), subscription_id.encode(), hashlib.sha256).hexdigest()


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def verify(
    secret: str, timestamp: int, body: bytes, header: str, *, now: int, tolerance: int = 300
) -> bool:
    """What a receiver does: same HMAC, compared in constant time, and a fresh timestamp."""
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), header)


# IPv6 ranges that carry an IPv4 address inside and that a gateway may translate back to it:
# NAT64 (RFC 6052, RFC 8215), 6to4 (RFC 3056) and the deprecated IPv4-compatible form.
# Python counts them as global whatever IPv4 address they embed (127.0.0.1 included).
_EMBEDDING_IPV4 = tuple(
    ipaddress.ip_network(n) for n in ("64:ff9b::/96", "64:ff9b:1::/48", "2002::/16", "::/96")
)


def is_public_address(address: str) -> bool:
    """A globally routable address that embeds no IPv4 address a gateway could reach."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if not ip.is_global:
        return False
    return not (ip.version == 6 and any(ip in net for net in _EMBEDDING_IPV4))


def refuse_private_target(url: str) -> None:
    """A subscription may not point inside the platform's network (loopback, private,
    link-local or reserved addresses, `localhost`): otherwise whoever may subscribe could make
    the service call internal endpoints (server-side request forgery). A host name's
    addresses are checked at delivery time, by the connection itself (adapters/egress.py);
    the production NetworkPolicy limits egress as a further line."""
    host = (urlsplit(url).hostname or "").strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost") or host.endswith(".local"):
        raise RuleViolated("public_webhook_target", f"{host} is not a public address")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return  # a host name
    if not is_public_address(str(address)):
        raise RuleViolated(
            "public_webhook_target",
            f"{host} is a loopback, private or reserved address, or embeds an IPv4 one "
            "(NAT64, 6to4); webhooks go to public ones",
        )


def refuse_plain_http(url: str) -> None:
    """Deliveries carry transfers and their signatures: only over TLS (422 otherwise)."""
    if urlsplit(url).scheme.lower() != "https":
        raise RuleViolated(
            "https_webhook_target",
            f"{url} is not an https URL; webhooks are delivered over TLS only",
            pesan="Alamat webhook harus memakai https: pengiriman hanya lewat koneksi aman.",
        )
