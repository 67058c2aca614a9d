"""pytest fixtures for tests against the real Kafka and PostgreSQL (see `infra`).

Every test gets its own database and its own topic namespace, so tests never see each
other's data and can run against a long-lived broker.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any, NoReturn

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


def _security_missing(infra: Infra, what: str) -> NoReturn:
    """Fail, except where the infrastructure demonstrably lacks `what` (testcontainers' Kafka
    and PostgreSQL are bare): a security test must never pass or vanish unnoticed."""
    if infra.origin == "testcontainers":
        pytest.skip(f"testcontainers provides no {what}; deploy/local/infra.sh's does")
    pytest.fail(
        f"the infrastructure ({infra.origin}) has no {what}. Locally: "
        "`deploy/local/infra.sh start` (it adds the SCRAM users to a storage formatted "
        "without them); from the environment: export what `deploy/local/infra.sh env` prints.",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def kafka_sasl_bootstrap(infra: Infra) -> str:
    """The broker's SASL_PLAINTEXT listener (SCRAM-SHA-512 users, ACLs enforced)."""
    if not infra.kafka_sasl_bootstrap:
        _security_missing(infra, "Kafka SASL listener with SCRAM users and ACLs")
    return infra.kafka_sasl_bootstrap


@pytest.fixture(scope="session")
def service_database_urls(infra: Infra) -> dict[str, str]:
    """Each service's own database, reached with its own least-privileged role."""
    if not infra.service_database_urls:
        _security_missing(infra, "per-service PostgreSQL roles and databases")
    return dict(infra.service_database_urls)


@pytest.fixture(scope="session")
def service_owner_urls(infra: Infra) -> dict[str, str]:
    """Each service's database owner role (what migrations run as), as infra.sh makes it."""
    if not infra.service_owner_urls:
        _security_missing(infra, "per-service PostgreSQL owner roles")
    return dict(infra.service_owner_urls)


def unique(prefix: str = "t") -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


@contextlib.asynccontextmanager
async def scratch_database(infra: Infra, *, owner: str | None = None) -> AsyncIterator[str]:
    """A fresh, empty database (its name), dropped when the block ends. With `owner`, it
    belongs to that role and nobody else may connect, as infra.sh sets up a service's own."""
    name = unique("test_")
    admin = await asyncpg.connect(infra.pg_admin_url)
    try:
        if owner is None:
            await admin.execute(f'CREATE DATABASE "{name}"')
        else:
            await admin.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
            await admin.execute(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC')
    finally:
        await admin.close()
    try:
        yield name
    finally:
        admin = await asyncpg.connect(infra.pg_admin_url)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@pytest.fixture
async def database_url(infra: Infra) -> AsyncIterator[str]:
    """A fresh, empty database for this test, dropped afterwards."""
    async with scratch_database(infra) as name:
        yield infra.database_url(name)


@pytest.fixture
async def topic_prefix(infra: Infra) -> AsyncIterator[str]:
    """A topic namespace of this test's own, with every contract topic created in it, and
    deleted afterwards: a long-lived local broker would otherwise collect tens of thousands
    of partitions over a day of test runs (each holds open files and memory maps)."""
    from aiokafka.admin import AIOKafkaAdminClient

    from rangkui_eventkit.kafka import ensure_topics

    prefix = f"{unique('t')}."
    # Two partitions: enough to exercise keying and rebalancing, light on a shared broker.
    created = await ensure_topics(infra.kafka_bootstrap, prefix, partitions=2)
    yield prefix
    admin = AIOKafkaAdminClient(bootstrap_servers=infra.kafka_bootstrap)
    try:
        await admin.start()
        names = [t for t in await admin.list_topics() if t.startswith(prefix)]
        await admin.delete_topics(sorted({*created, *names}), timeout_ms=10_000)
    except Exception as exc:  # best effort: a leftover topic harms no other test
        print(f"[topic_prefix] could not delete the topics of {prefix}: {exc!r}")
    finally:
        await admin.close()


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
async def serve_in_process(app: Any, *, token: str | None = "") -> AsyncIterator[Any]:
    """Run a service app's lifespan (pool, relay, consumers) and give an HTTP client to it.

    The client sends a development token with every role unless given another `token`
    (`None`: no token at all); the app's settings must be in development mode to trust it.
    """
    import httpx

    from rangkui_eventkit.testing.auth import bearer

    headers = {} if token is None else bearer(token or None)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://service", headers=headers
        ) as client,
    ):
        yield client
