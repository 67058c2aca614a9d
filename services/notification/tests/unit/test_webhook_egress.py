"""Webhook deliveries connect to public addresses only, whatever a host name resolves to.

A receiver on loopback stands for an internal endpoint: a delivery that reaches it is the
server-side request forgery the egress check exists to stop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from rangkui_contracts.events.notification import NotificationQueuedV2
from rangkui_notification.adapters.delivery import DeliveryError
from rangkui_notification.adapters.egress import PublicOnlyTransport
from rangkui_notification.adapters.webhook import WebhookSender

pytestmark = pytest.mark.unit


@dataclass
class InternalEndpoint:
    """A loopback HTTP server that answers 204 and counts who reached it."""

    port: int = 0
    connections: list[bytes] = field(default_factory=list)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections.append(await reader.readuntil(b"\r\n"))
        writer.write(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()


@pytest.fixture
async def internal() -> AsyncIterator[InternalEndpoint]:
    endpoint = InternalEndpoint()
    server = await asyncio.start_server(endpoint.handle, "127.0.0.1", 0)
    endpoint.port = server.sockets[0].getsockname()[1]
    async with server:
        yield endpoint


def queued(url: str) -> NotificationQueuedV2:
    return NotificationQueuedV2(
        notification_id="n-1",
        source_event_id="e-1",
        source_event_type="rangkui.mutation.MutationEffective.v1",
        recipient="sub-1",
        channel="WEBHOOK",
        template="webhook",
        address=url,
        subject="MutationEffective",
        body='{"id":"e-1"}',
    )


def resolving_to(*addresses: str):
    async def resolve(host: str, port: int) -> list[str]:
        return list(addresses)

    return resolve


def sender(**kwargs: object) -> WebhookSender:
    return WebhookSender(signing_key="key", timeout_s=1.0, **kwargs)  # type: ignore[arg-type]


async def test_a_name_that_resolves_inside_the_network_is_not_called(
    internal: InternalEndpoint,
) -> None:
    transport = PublicOnlyTransport(resolve=resolving_to("127.0.0.1", "10.1.2.3"))
    with pytest.raises(DeliveryError, match="resolves only to loopback, private or reserved"):
        await sender(transport=transport).send(
            queued(f"http://hooks.example.org:{internal.port}/in")
        )
    assert internal.connections == []


async def test_a_mixed_answer_is_cut_to_its_public_addresses(internal: InternalEndpoint) -> None:
    # 192.0.2.0/24 is reserved for documentation (not public): dropped with the loopback;
    # 1.1.1.1 is public but unreachable from this sandbox, so the delivery fails there.
    transport = PublicOnlyTransport(resolve=resolving_to("127.0.0.1", "192.0.2.7", "1.1.1.1"))
    with pytest.raises(DeliveryError):
        await sender(transport=transport).send(
            queued(f"http://hooks.example.org:{internal.port}/in")
        )
    assert internal.connections == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
async def test_by_default_the_system_resolver_answer_is_checked(
    internal: InternalEndpoint, host: str
) -> None:
    with pytest.raises(DeliveryError, match="resolves only to loopback"):
        await sender().send(queued(f"http://{host}:{internal.port}/in"))
    assert internal.connections == []


async def test_where_private_targets_are_allowed_the_same_delivery_arrives(
    internal: InternalEndpoint,
) -> None:
    await sender(public_only=False).send(queued(f"http://localhost:{internal.port}/in"))
    assert internal.connections == [b"POST /in HTTP/1.1\r\n"]
