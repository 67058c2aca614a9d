"""Supervised background work: a service's consumers, relay, schedulers and workers keep
running whatever kills them, and the service says so when they do not.

Each loop runs as a `Supervised` task. When it dies (any exception, not only the
infrastructure errors the loops handle themselves, or a return while the service is still
running) it is logged with its traceback, counted (`rangkui_worker_restarts_total`) and
started again after an exponential backoff with jitter. A loop is *down* from the moment it
dies until its restart has stayed up for `stable_s`: so a loop that dies again right after
each restart stays down (since its first death) instead of flickering up. The service is not
ready (`/readyz` 503, naming the loop) while any loop has been down longer than `grace_s`.
Each loop's state is the metric `rangkui_worker_state`.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum

from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.metrics import WORKER_RESTARTS, WORKER_STATE

log = get_logger(__name__)

Loop = Callable[[asyncio.Event], Awaitable[None]]
"""A background loop: runs until the event is set; may be called again after it died."""


class WorkerState(StrEnum):
    RUNNING = "running"
    RESTARTING = "restarting"  # died; waiting out its backoff
    STOPPED = "stopped"


@dataclass(frozen=True)
class RestartPolicy:
    """How soon a dead loop is started again, and what counts as up again."""

    initial_s: float = 0.5
    max_s: float = 30.0
    factor: float = 2.0
    stable_s: float = 10.0  # a restart that stays up this long ends the outage
    grace_s: float = 30.0  # down longer than this: the service is not ready

    def delay(self, failures: int, rng: random.Random) -> float:
        """The pause before restart number `failures` (1, 2, …): exponential, half jitter."""
        ceiling = min(self.max_s, self.initial_s * self.factor ** max(0, failures - 1))
        return rng.uniform(ceiling / 2, ceiling)


@dataclass
class Supervised:
    """One loop and what is known of its health (read by `/readyz` and the metrics)."""

    name: str
    loop: Loop
    state: WorkerState = WorkerState.STOPPED
    restarts: int = 0
    failures: int = 0  # consecutive deaths without a stable run between them
    started_at: float = 0.0
    down_since: float | None = None
    last_error: str | None = None  # the exception's type name: never its text
    task: asyncio.Task[None] | None = field(default=None, repr=False)

    def down_for(self, now: float, policy: RestartPolicy) -> float | None:
        """Seconds this loop has been down at `now`, or None when it is up."""
        if self.down_since is None or self.state is WorkerState.STOPPED:
            return None
        if self.state is WorkerState.RUNNING and now - self.started_at >= policy.stable_s:
            return None
        return now - self.down_since


class Supervisor:
    """Runs a service's loops and restarts the ones that die, until `stop`."""

    def __init__(
        self,
        service: str,
        policy: RestartPolicy | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.service = service
        self.policy = policy or RestartPolicy()
        self.clock = clock
        self.rng = rng or random.Random()
        self.workers: dict[str, Supervised] = {}
        self._stop = asyncio.Event()

    def spawn(self, name: str, loop: Loop) -> Supervised:
        if name in self.workers:
            raise ValueError(f"a loop named {name!r} is already supervised")
        worker = Supervised(name, loop)
        self.workers[name] = worker
        worker.task = asyncio.create_task(self._supervise(worker), name=f"{self.service}:{name}")
        return worker

    async def _supervise(self, w: Supervised) -> None:
        while not self._stop.is_set():
            w.state = WorkerState.RUNNING
            w.started_at = self.clock()
            self._publish(w)
            try:
                await w.loop(self._stop)
                if self._stop.is_set():
                    break
                error = "exited"
                log.error("worker.exited", worker=w.name)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                error = type(exc).__name__
                log.exception("worker.crashed", worker=w.name, error=repr(exc))
            now = self.clock()
            if w.down_for(now, self.policy) is None:  # it had been up: a new outage starts
                w.down_since = now
                w.failures = 0
            w.failures += 1
            w.restarts += 1
            w.last_error = error
            w.state = WorkerState.RESTARTING
            WORKER_RESTARTS.labels(self.service, w.name).inc()
            self._publish(w)
            delay = self.policy.delay(w.failures, self.rng)
            log.warning("worker.restarting", worker=w.name, restart_in_s=round(delay, 2))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), timeout=delay)
        w.state = WorkerState.STOPPED
        self._publish(w)

    def _publish(self, w: Supervised) -> None:
        WORKER_STATE.labels(self.service, w.name).state(w.state.value)

    def down(self) -> dict[str, str]:
        """The loops down longer than the grace period, each with a short category."""
        now = self.clock()
        out: dict[str, str] = {}
        for w in self.workers.values():
            down_for = w.down_for(now, self.policy)
            if down_for is not None and down_for >= self.policy.grace_s:
                out[w.name] = f"down: {w.last_error or 'unknown'}"
        return out

    def states(self) -> dict[str, str]:
        """Every loop's state, as `/readyz` shows it (`down: <error type>` past the grace)."""
        down = self.down()
        return {name: down.get(name, w.state.value) for name, w in self.workers.items()}

    async def stop(self, timeout: float = 15.0) -> None:
        """Ask every loop to stop; cancel those still running after `timeout`."""
        self._stop.set()
        tasks = [w.task for w in self.workers.values() if w.task is not None]
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=5)
        self.workers.clear()
        self._stop = asyncio.Event()
