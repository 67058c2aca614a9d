"""Each service built from its bootstrap on a fresh database and topic namespace, served by
uvicorn on a loopback port, so that a fuzzer drives it over real HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from rangkui_contracts.services import SERVICES
from rangkui_eventkit.settings import ServiceSettings
from rangkui_eventkit.testing.auth import EVERY_ROLE, bearer, dev_token
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.plugin import eventually


def _factory(service: str) -> tuple[type[ServiceSettings], Callable[..., FastAPI]]:
    """The settings class and app factory of `service` (imported here: only when used)."""
    if service == "personnel":
        from rangkui_personnel.bootstrap import create_app as personnel_app
        from rangkui_personnel.settings import PersonnelSettings

        return PersonnelSettings, personnel_app
    if service == "mutation":
        from rangkui_mutation.bootstrap import create_app as mutation_app
        from rangkui_mutation.settings import MutationSettings

        return MutationSettings, mutation_app
    if service == "evaluation":
        from rangkui_evaluation.bootstrap import create_app as evaluation_app
        from rangkui_evaluation.settings import EvaluationSettings

        return EvaluationSettings, evaluation_app
    from rangkui_notification.bootstrap import create_app as notification_app
    from rangkui_notification.settings import NotificationSettings

    return NotificationSettings, notification_app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def served(app: FastAPI, port: int) -> AsyncIterator[str]:
    """Run `app` (with its lifespan) under uvicorn until the block ends; its base URL."""
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, lifespan="on", log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        await eventually(lambda: server.started or task.done(), timeout=60)
        if task.done():
            task.result()  # the lifespan failed: show why
            raise RuntimeError("uvicorn stopped before it started serving")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture
def serve() -> Callable[[FastAPI], contextlib.AbstractAsyncContextManager[str]]:
    """`async with serve(app) as url`: any app over HTTP on a free loopback port."""
    return lambda app: served(app, _free_port())


@dataclass(frozen=True)
class Served:
    """A service under test: its name, base URL, the headers every request carries (a token
    with every role) and the path parameters of the records seeded in it."""

    name: str
    url: str
    headers: dict[str, str]
    known: dict[str, str] = field(default_factory=dict)


def every_role() -> dict[str, str]:
    """A token with every role, so that no request stops at 401/403 before a handler could
    fail (each service's access table is tested on its own)."""
    return bearer(dev_token(EVERY_ROLE, sub="fuzzer"))


async def seed(name: str, url: str, headers: dict[str, str]) -> dict[str, str]:
    """Create a few records, so that some requests reach handlers with something to act on;
    the path parameters that name them."""
    if name == "notification":
        return await _seed_notification(url, headers)
    if name != "personnel":
        return {}  # mutation and evaluation learn their records from events, not their API
    known = {"unit_id": "fuzz-unit", "position_id": "fuzz-post", "nip": "198609262015051001"}
    writes = [
        ("/units", {"unit_id": known["unit_id"], "name": "Dinas Uji", "kind": "OPD",
                    "region": "Kota Rangkui"}),
        ("/positions", {"position_id": known["position_id"], "unit_id": known["unit_id"],
                        "title": "Analis", "jabatan_type": "FUNGSIONAL", "formasi": 2}),
        ("/employees", {"nip": known["nip"], "name": "Siti Uji", "gender": "M",
                        "birth_date": "1986-09-26", "grade": "III/b",
                        "unit_id": known["unit_id"], "position_id": known["position_id"],
                        "tmt_position": "2019-01-02"}),
    ]  # fmt: skip
    async with httpx.AsyncClient(base_url=url, headers=headers) as client:
        for path, body in writes:
            r = await client.post(path, json=body)
            assert r.status_code == 201, f"seeding {path}: {r.status_code} {r.text}"
    return known


async def _seed_notification(url: str, headers: dict[str, str]) -> dict[str, str]:
    """A webhook subscription (to a port nothing listens on) and a recipient's preferences."""
    async with httpx.AsyncClient(base_url=url, headers=headers) as client:
        r = await client.post(
            "/webhooks/subscriptions",
            json={
                "url": "https://hooks.example.org/rangkui",
                "event_types": ["rangkui.mutation.*"],
            },
        )
        assert r.status_code == 201, f"seeding a subscription: {r.status_code} {r.text}"
        subscription_id = r.json()["subscription_id"]
        r = await client.put("/preferences/198609262015051001", json={"email": False})
        assert r.status_code == 200, f"seeding preferences: {r.status_code} {r.text}"
    return {"subscription_id": subscription_id, "recipient": "198609262015051001"}


def build_app(name: str, database_url: str, infra: Infra, topic_prefix: str) -> FastAPI:
    """Service `name` from its bootstrap, on its own database and the test's topics."""
    settings_class, create_app = _factory(name)
    options: dict[str, Any] = {
        "database_url": database_url,
        "kafka_bootstrap_servers": infra.kafka_bootstrap,
        "topic_prefix": topic_prefix,
        "development_mode": True,
        "database_pool_max": 5,
        "log_json": False,
        "log_level": "WARNING",
    }
    return create_app(settings_class(**options))


@pytest.fixture
def start_service(
    infra: Infra, topic_prefix: str
) -> Callable[[str, str], contextlib.AbstractAsyncContextManager[str]]:
    """`async with start_service("mutation", database_url) as url`: that service, served."""
    return lambda name, database_url: served(
        build_app(name, database_url, infra, topic_prefix), _free_port()
    )


@pytest.fixture(params=SERVICES)
async def service(
    request: pytest.FixtureRequest, database_url: str, infra: Infra, topic_prefix: str
) -> AsyncIterator[Served]:
    """One service (the test's parameter) served over HTTP, with a few records in it."""
    headers = every_role()
    app = build_app(request.param, database_url, infra, topic_prefix)
    async with served(app, _free_port()) as url:
        yield Served(request.param, url, headers, await seed(request.param, url, headers))
