"""The evaluation service against the real Kafka and PostgreSQL: its overdue scheduler and a
consumer, each killed from inside by an error no loop handles, are restarted; `/readyz`
names the dead loop while it is down and is ready again once it runs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from prometheus_client import REGISTRY

from rangkui_evaluation.adapters.clock import SettableClock
from rangkui_evaluation.bootstrap import create_app
from rangkui_evaluation.settings import EvaluationSettings
from rangkui_eventkit.testing.plugin import eventually, serve_in_process

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def restarts(service: str, worker: str) -> float:
    value = REGISTRY.get_sample_value(
        "rangkui_worker_restarts_total", {"service": service, "worker": worker}
    )
    return value or 0.0


class Breaker:
    """Wraps one of a loop's steps: raises from inside it while `broken`."""

    def __init__(self, step: Any) -> None:
        self.step = step
        self.broken = True
        self.raised = 0

    async def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.broken:
            self.raised += 1
            raise LookupError("checkpoint table in an unexpected state")
        return await self.step(*args, **kwargs)


def supervised(settings: EvaluationSettings) -> EvaluationSettings:
    # No grace: a loop is reported the moment it dies; up again after 0.5 s without dying.
    return settings.model_copy(
        update={
            "worker_grace_s": 0.0,
            "worker_restart_initial_s": 0.05,
            "worker_restart_max_s": 0.2,
            "worker_stable_s": 0.5,
        }
    )


async def readiness(client: Any) -> tuple[int, dict[str, Any]]:
    r = await client.get("/readyz")
    return r.status_code, r.json()


async def is_ready(client: Any) -> bool:
    return (await readiness(client))[0] == 200


async def test_a_scheduler_that_dies_is_restarted_and_readyz_names_it_while_it_is_down(
    settings: EvaluationSettings,
) -> None:
    app = create_app(supervised(settings), clock=SettableClock(date(2026, 2, 1)))
    async with serve_in_process(app) as client:
        service = app.state.service
        name = service.name
        await eventually(lambda: is_ready(client), timeout=30)
        scheduler = service.workers["overdue-scheduler"]
        before = restarts(name, "overdue-scheduler")
        breaker = Breaker(scheduler.tick)
        scheduler.tick = breaker

        async def reported_down() -> dict[str, Any] | None:
            status, body = await readiness(client)
            return body if status == 503 else None

        body = await eventually(reported_down, timeout=30)
        assert body["status"] == "not_ready"
        assert body["workers"]["overdue-scheduler"] == "down: LookupError"
        assert body["checks"] == {"postgresql": "ok", "kafka": "ok"}  # only the loop is down
        assert "unexpected state" not in str(body)  # a category, never the error's text
        assert body["workers"]["relay"] == "running"

        breaker.broken = False
        ticks = scheduler.ticks

        async def ready_again() -> dict[str, Any] | None:
            status, body = await readiness(client)
            return body if status == 200 and scheduler.ticks > ticks else None

        body = await eventually(ready_again, timeout=30)
        assert body["workers"]["overdue-scheduler"] == "running"
        assert restarts(name, "overdue-scheduler") - before >= breaker.raised >= 1
        metrics = (await client.get("/metrics")).text
        assert 'rangkui_worker_restarts_total{service="evaluation",worker="overdue-scheduler"}' in (
            metrics
        )
        assert "rangkui_worker_state{" in metrics


async def test_a_consumer_that_dies_is_restarted_and_applies_what_arrived_meanwhile(
    settings: EvaluationSettings, publisher: Any, make: Any
) -> None:
    app = create_app(supervised(settings), clock=SettableClock(date(2026, 2, 1)))
    async with serve_in_process(app) as client:
        service = app.state.service
        pool = service.pool
        runner = next(r for r in service.runners if r.handler.name == "personnel_directory")
        loop_name = f"consumer:{runner.handler.name}"
        breaker = Breaker(runner._process)
        runner._process = breaker  # the batch step: raises from inside the running consumer
        await publisher.publish(
            make.unit("sma-sup"), make.employee(make.nip(seq=31), "sma-sup", "p")
        )

        async def reported_down() -> dict[str, Any] | None:
            status, body = await readiness(client)
            return body if status == 503 and loop_name in body["workers"] else None

        body = await eventually(reported_down, timeout=30)
        assert body["workers"][loop_name] == "down: LookupError"

        breaker.broken = False

        async def applied() -> bool:
            rows = await pool.fetchval("SELECT count(*) FROM personnel_employees")
            status, _ = await readiness(client)
            return rows == 1 and status == 200

        await eventually(applied, timeout=30)
        assert restarts(service.name, loop_name) >= 1
