"""The chassis every service shares, against the real PostgreSQL and Kafka: migrations,
health and readiness, error mapping, correlation ids."""

import asyncio
import contextlib
from pathlib import Path

import asyncpg
import pytest
from fastapi import APIRouter, Depends

from rangkui_eventkit.auth import AccessTable, Role, rule
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import RuleViolated
from rangkui_eventkit.http import request_cause
from rangkui_eventkit.migrations import migrate
from rangkui_eventkit.runtime import Service
from rangkui_eventkit.settings import ServiceSettings
from rangkui_eventkit.testing.auth import bearer
from rangkui_eventkit.testing.infra import Infra
from rangkui_eventkit.testing.plugin import eventually, serve_in_process

pytestmark = pytest.mark.integration


async def test_migrations_apply_once_and_record_what_ran(database_url: str, tmp_path: Path) -> None:
    (tmp_path / "0001_things.sql").write_text("CREATE TABLE things (id int PRIMARY KEY);")
    conn = await asyncpg.connect(database_url)
    try:
        first = await migrate(conn, tmp_path)
        second = await migrate(conn, tmp_path)
        names = [r["name"] for r in await conn.fetch("SELECT name FROM schema_migrations")]
    finally:
        await conn.close()
    assert "0001_things.sql" in first
    assert any(n.startswith("kit/") for n in first)
    assert second == []
    assert sorted(names) == sorted(first)


def _app(database_url: str, infra: Infra, prefix: str):  # type: ignore[no-untyped-def]
    router = APIRouter()

    @router.post("/things")
    async def make_thing(cause: Cause = Depends(request_cause)) -> dict[str, str]:
        raise RuleViolated("no_things_today", f"{cause.actor} may not make things today")

    @router.get("/who")
    async def who(cause: Cause = Depends(request_cause)) -> dict[str, str]:
        return {"actor": cause.actor, "correlation_id": cause.correlation_id}

    settings = ServiceSettings(
        service_name="chassis",
        database_url=database_url,
        kafka_bootstrap_servers=infra.kafka_bootstrap,
        topic_prefix=prefix,
        development_mode=True,
    )
    access = AccessTable(
        {"POST /things": rule(Role.BKD_OPERATOR), "GET /who": rule(Role.BKD_OPERATOR, Role.PPK)}
    )
    return Service(settings, migrations=None).create_app([router], title="chassis", access=access)


async def test_a_ready_service_answers_health_readiness_and_metrics(
    database_url: str, infra: Infra, topic_prefix: str
) -> None:
    async with serve_in_process(_app(database_url, infra, topic_prefix)) as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        ready = await client.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["checks"] == {"postgresql": "ok", "kafka": "ok"}
        assert ready.json()["workers"] == {"relay": "running", "backlog": "running"}
        metrics = (await client.get("/metrics")).text
        assert "rangkui_outbox_backlog" in metrics
        running = 'rangkui_worker_state{rangkui_worker_state="running",service="chassis",'
        assert f'{running}worker="relay"}} 1.0' in metrics


async def test_a_rule_violation_is_a_422_that_names_the_rule_and_speaks_to_a_person(
    database_url: str, infra: Infra, topic_prefix: str
) -> None:
    async with serve_in_process(_app(database_url, infra, topic_prefix)) as client:
        r = await client.post(
            "/things", headers=bearer(roles=["bkd_operator"], username="operator.bkd")
        )
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert {k: body[k] for k in ("error", "rule", "message", "violations")} == {
        "error": "rule_violated",
        "rule": "no_things_today",
        "message": "operator.bkd may not make things today",
        "violations": [
            {"rule": "no_things_today", "message": "operator.bkd may not make things today"}
        ],
    }
    assert body["type"] == "urn:rangkui:problem:rule_violated"
    assert body["status"] == 422
    assert body["detail"] == body["message"]
    assert body["instance"] == "/things"
    assert body["correlation_id"] == r.headers["x-correlation-id"]


async def test_the_callers_correlation_id_reaches_the_command_and_comes_back(
    database_url: str, infra: Infra, topic_prefix: str
) -> None:
    flow = "6f1c2b9e-4d7a-4c35-9b1e-2a8f0d3c5e71"
    async with serve_in_process(_app(database_url, infra, topic_prefix)) as client:
        r = await client.get(
            "/who", headers={"X-Correlation-ID": flow, **bearer(roles=["ppk"], sub="ppk")}
        )
        fresh = await client.get("/who")
    assert r.json() == {"actor": "ppk", "correlation_id": flow}
    assert r.headers["X-Correlation-ID"] == flow
    assert fresh.json()["correlation_id"] == fresh.headers["X-Correlation-ID"] != flow


class Ticker:
    """A worker that counts its rounds until told to stop."""

    def __init__(self) -> None:
        self.rounds = 0
        self.stopped = False

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.rounds += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=0.01)
        self.stopped = True


async def test_workers_run_with_the_service_and_stop_with_it(
    database_url: str, infra: Infra, topic_prefix: str
) -> None:
    settings = ServiceSettings(
        service_name="chassis",
        database_url=database_url,
        kafka_bootstrap_servers=infra.kafka_bootstrap,
        topic_prefix=topic_prefix,
    )
    service = Service(settings, migrations=None, workers=lambda svc: {"ticker": Ticker()})
    app = service.create_app([], title="chassis", access=AccessTable({}))
    async with serve_in_process(app):
        ticker = service.workers["ticker"]
        assert isinstance(ticker, Ticker)
        await eventually(lambda: ticker.rounds >= 3)
    assert ticker.stopped
