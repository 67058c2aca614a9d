"""A personnel service per test, on its own database and topic namespace, served in process
against the real PostgreSQL and Kafka."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import asyncpg
import httpx
import pytest

from rangkui_contracts import Envelope
from rangkui_eventkit.db import create_pool
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.kafka_tools import publish_envelopes
from rangkui_eventkit.testing.plugin import eventually, serve_in_process
from rangkui_personnel.bootstrap import MIGRATIONS, create_app
from rangkui_personnel.settings import PersonnelSettings


@pytest.fixture
def settings(database_url: str, infra: Infra, topic_prefix: str) -> PersonnelSettings:
    return PersonnelSettings(
        database_url=database_url,
        development_mode=True,
        kafka_bootstrap_servers=infra.kafka_bootstrap,
        topic_prefix=topic_prefix,
        relay_poll_interval_s=0.05,
        database_pool_max=5,
    )


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """A migrated database without the service running (the vault's own tests)."""
    pool = await create_pool(database_url, max_size=4)
    async with pool.acquire() as conn:
        await migrate(conn, MIGRATIONS)
    yield pool
    await pool.close()


@pytest.fixture
async def client(settings: PersonnelSettings) -> AsyncIterator[httpx.AsyncClient]:
    async with serve_in_process(create_app(settings)) as c:
        yield c


Publish = Callable[[str, list[Envelope]], Awaitable[None]]
Poll = Callable[..., Awaitable[Any]]


@pytest.fixture
def publish(infra: Infra) -> Publish:
    """Publish events as another service's relay would (real producer, real broker)."""
    return lambda topic, envelopes: publish_envelopes(infra.kafka_bootstrap, envelopes, topic=topic)


@pytest.fixture
def poll(client: httpx.AsyncClient) -> Poll:
    """`await poll(url, check)`: GET until 200 with a body satisfying `check`; the body."""
    return lambda url, check=bool, timeout=60.0: _get_when(client, url, check, timeout)


async def _get_when(client: httpx.AsyncClient, url: str, check: Any, timeout: float) -> Any:

    async def attempt() -> Any:
        r = await client.get(url)
        if r.status_code != 200:
            return None
        body = r.json()
        return body if check(body) else None

    return await eventually(attempt, timeout=timeout)
