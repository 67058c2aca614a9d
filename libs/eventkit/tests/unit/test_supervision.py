"""A background loop that dies of anything is restarted with backoff, counted, and reported
down (by name, with the error's type only) once it has been down past the grace period."""

from __future__ import annotations

import asyncio
import random

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from prometheus_client import REGISTRY

from rangkui_eventkit.http import health_router
from rangkui_eventkit.supervision import RestartPolicy, Supervisor, WorkerState
from rangkui_eventkit.testing.plugin import eventually

pytestmark = pytest.mark.unit

FAST = RestartPolicy(initial_s=0.01, max_s=0.05, stable_s=0.2, grace_s=0.0)


class ManualClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Faulty:
    """A loop that raises `error` from inside itself while `broken`, else runs until stop."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
        self.broken = True
        self.runs = 0

    async def run(self, stop: asyncio.Event) -> None:
        self.runs += 1
        if self.broken:
            raise self.error
        await stop.wait()


def restarts(service: str, worker: str) -> float:
    value = REGISTRY.get_sample_value(
        "rangkui_worker_restarts_total", {"service": service, "worker": worker}
    )
    return value or 0.0


def state_metric(service: str, worker: str, state: str) -> float | None:
    return REGISTRY.get_sample_value(
        "rangkui_worker_state",
        {"service": service, "worker": worker, "rangkui_worker_state": state},
    )


async def test_a_loop_that_raises_any_exception_is_restarted_and_counted() -> None:
    loop = Faulty(KeyError("no such plan"))  # not an infrastructure error
    supervisor = Supervisor("svc-a", FAST)
    supervisor.spawn("scheduler", loop.run)
    try:
        await eventually(lambda: loop.runs >= 3)
        assert restarts("svc-a", "scheduler") >= 2
        assert supervisor.workers["scheduler"].last_error == "KeyError"
        loop.broken = False
        await eventually(lambda: supervisor.workers["scheduler"].state is WorkerState.RUNNING)
        assert state_metric("svc-a", "scheduler", "running") == 1.0
    finally:
        await supervisor.stop()
    assert state_metric("svc-a", "scheduler", "stopped") == 1.0


async def test_a_loop_that_returns_while_the_service_runs_is_restarted() -> None:
    calls = 0

    async def returns_early(stop: asyncio.Event) -> None:
        nonlocal calls
        calls += 1
        if calls > 2:
            await stop.wait()

    supervisor = Supervisor("svc-b", FAST)
    supervisor.spawn("worker", returns_early)
    try:
        await eventually(lambda: calls == 3)
        assert supervisor.workers["worker"].last_error == "exited"
    finally:
        await supervisor.stop()


async def test_a_loop_is_down_from_its_first_death_until_a_restart_stays_up() -> None:
    clock = ManualClock()
    policy = RestartPolicy(initial_s=0.01, max_s=0.01, stable_s=10.0, grace_s=30.0)
    loop = Faulty(RuntimeError("boom"))
    supervisor = Supervisor("svc-c", policy, clock=clock)
    supervisor.spawn("relay", loop.run)
    try:
        await eventually(lambda: loop.runs >= 2)
        assert supervisor.down() == {}  # within the grace period
        clock.now += 31
        assert supervisor.down() == {"relay": "down: RuntimeError"}
        loop.broken = False
        runs = loop.runs
        await eventually(lambda: loop.runs > runs)
        # Restarted, but not yet up for `stable_s`: it still counts as down (no flicker).
        assert supervisor.down() == {"relay": "down: RuntimeError"}
        clock.now += 10
        assert supervisor.down() == {}
        assert supervisor.states() == {"relay": "running"}
    finally:
        await supervisor.stop()


def test_the_backoff_grows_to_its_ceiling_with_jitter() -> None:
    policy = RestartPolicy(initial_s=1.0, max_s=8.0, factor=2.0)
    rng = random.Random(7)
    delays = [policy.delay(n, rng) for n in range(1, 7)]
    ceilings = [1, 2, 4, 8, 8, 8]
    assert all(c / 2 <= d <= c for d, c in zip(delays, ceilings, strict=True))


def test_two_loops_may_not_share_a_name() -> None:
    async def scenario() -> None:
        supervisor = Supervisor("svc-d", FAST)
        supervisor.spawn("x", Faulty(RuntimeError()).run)
        try:
            with pytest.raises(ValueError, match="already supervised"):
                supervisor.spawn("x", Faulty(RuntimeError()).run)
        finally:
            await supervisor.stop()

    asyncio.run(scenario())


async def test_readyz_names_the_dead_loop_and_shows_no_error_text() -> None:
    loop = Faulty(RuntimeError("password=hunter2 at 10.0.0.7"))

    async def database_down() -> None:
        raise ConnectionRefusedError("connect to postgresql://bkd:secret@10.0.0.5 refused")

    supervisor = Supervisor("svc-e", FAST)
    app = FastAPI()
    app.include_router(health_router({"postgresql": database_down}, workers=supervisor))
    supervisor.spawn("consumer:board", loop.run)
    try:
        async with AsyncClient(transport=ASGITransport(app=app), base_url="http://s") as client:

            async def not_ready() -> dict[str, object] | None:
                r = await client.get("/readyz")
                return r.json() if r.status_code == 503 and r.json()["workers"] else None

            body = await eventually(not_ready)
            assert body["status"] == "not_ready"
            assert body["checks"] == {"postgresql": "unavailable: unreachable"}
            assert body["workers"] == {"consumer:board": "down: RuntimeError"}
            assert "hunter2" not in str(body)
            assert "secret" not in str(body)
    finally:
        await supervisor.stop()


async def test_readyz_is_ready_again_once_the_restarted_loop_stays_up() -> None:
    loop = Faulty(RuntimeError("boom"))

    async def fine() -> None:
        return None

    supervisor = Supervisor("svc-f", FAST)
    app = FastAPI()
    app.include_router(health_router({"postgresql": fine}, workers=supervisor))
    supervisor.spawn("delivery", loop.run)
    try:
        async with AsyncClient(transport=ASGITransport(app=app), base_url="http://s") as client:
            await eventually(lambda: loop.runs >= 2)
            assert (await client.get("/readyz")).status_code == 503
            loop.broken = False

            async def ready() -> bool:
                return (await client.get("/readyz")).status_code == 200

            await eventually(ready)
            body = (await client.get("/readyz")).json()
            assert body["workers"] == {"delivery": "running"}
    finally:
        await supervisor.stop()
