"""pytest fixtures for tests against the real Kafka and PostgreSQL (see `infra`).

Every test gets its own database and its own topic namespace, so tests never see each
other's data and can run against a long-lived broker.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import asyncpg
import pytest

from rangkui_eventkit.testing.infra import Infra, resolve


@pytest.fixture(scope="session")
def infra() -> Iterator[Infra]:
    stack: list[Any] = []
    try:
        yield resolve(stack)
    finally:
        for container in reversed(stack):
            container.stop()


def unique(prefix: str = "t") -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


@pytest.fixture
async def database_url(infra: Infra) -> AsyncIterator[str]:
    """A fresh, empty database for this test, dropped afterwards."""
    name = unique("test_")
    admin = await asyncpg.connect(infra.pg_admin_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    yield infra.database_url(name)
    admin = await asyncpg.connect(infra.pg_admin_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
async def topic_prefix(infra: Infra) -> str:
    """A topic namespace of this test's own, with every contract topic created in it."""
    from rangkui_eventkit.kafka import ensure_topics

    prefix = f"{unique('t')}."
    # Two partitions: enough to exercise keying and rebalancing, light on a shared broker.
    await ensure_topics(infra.kafka_bootstrap, prefix, partitions=2)
    return prefix


async def eventually(check: Any, *, timeout: float = 15.0, interval: float = 0.05) -> Any:
    """Poll `check` (sync or async) until it returns a truthy value or the deadline passes."""
    deadline = asyncio.get_running_loop().time() + timeout
    last: Any = None
    while True:
        try:
            result = check()
            if asyncio.iscoroutine(result):
                result = await result
            if result:
                return result
            last = result
        except AssertionError as exc:
            last = exc
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s (last: {last!r})")
        await asyncio.sleep(interval)


@contextlib.asynccontextmanager
async def serve_in_process(app: Any) -> AsyncIterator[Any]:
    """Run a service app's lifespan (pool, relay, consumers) and give an HTTP client to it."""
    import httpx

    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://service"
        ) as client,
    ):
        yield client
