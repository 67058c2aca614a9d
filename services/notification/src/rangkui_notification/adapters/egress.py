"""Outbound HTTP that reaches public addresses only: webhooks go where subscribers say.

The subscription check refuses loopback, private and reserved IP literals, but a host name
is resolved at delivery time, and its DNS answer may point inside the platform's network
(by mistake, or by rebinding it after subscribing). So the delivery resolves the name
itself, drops every non-public address, and connects to a vetted address: the check and
the connection use the same answer, leaving no window to rebind in between. TLS still
verifies the certificate against the host name (httpcore sends the URL's host as SNI).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import httpcore
import httpx

from rangkui_notification.domain.webhooks import is_public_address

Resolver = Callable[[str, int], Awaitable[list[str]]]


async def resolve_addresses(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`, in its order."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: str) -> bool:
    """Globally routable and embedding no IPv4 address (NAT64, 6to4): the domain's rule."""
    return is_public_address(address)


class PublicAddressesOnly(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that connects only to globally routable addresses."""

    def __init__(self, resolve: Resolver = resolve_addresses) -> None:
        self.resolve = resolve
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self.resolve(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        public = [a for a in addresses if is_public(a)]
        if not public:
            raise httpcore.ConnectError(
                f"{host} resolves only to loopback, private or reserved addresses "
                f"({', '.join(addresses) or 'none'}); webhooks go to public ones"
            )
        *others, last = public  # tried in the resolver's order; the last one's error shows
        for address in others:
            try:
                return await self.inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue
        return await self.inner.connect_tcp(last, port, timeout, local_address, socket_options)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("webhooks are not delivered to Unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class PublicOnlyTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport (TLS verification, HTTP/1.1, no proxies from the environment)
    over `PublicAddressesOnly`. httpx takes no network backend as an argument, so its pool
    is replaced; `test_webhook_egress` fails if httpx stops using it."""

    def __init__(self, resolve: Resolver = resolve_addresses) -> None:
        super().__init__()
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=PublicAddressesOnly(resolve),
        )
