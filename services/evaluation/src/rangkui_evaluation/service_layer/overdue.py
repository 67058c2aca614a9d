"""The overdue scheduler: checkpoints whose due date passed without an evaluation get one
`MonitoringOverdue` each, so that the evaluator can be reminded.

Exactly once, also across restarts and replicas: the read model only nominates candidates;
the plan's decider, over the plan's own stream, decides, and refuses a checkpoint that is
already flagged or evaluated. Two schedulers racing on one plan meet at the store's version
check; the loser retries on the next tick and then finds nothing left to flag.
"""

from __future__ import annotations

import asyncio
import contextlib

import asyncpg

from rangkui_evaluation.adapters.clock import Clock
from rangkui_evaluation.domain.plan import MarkOverdue
from rangkui_evaluation.service_layer.deciders import PLAN
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import Pipeline

log = get_logger(__name__)

SCHEDULER_ACTOR = "evaluation-scheduler"


class OverdueScheduler:
    def __init__(
        self,
        pool: asyncpg.Pool,
        pipeline: Pipeline,
        clock: Clock,
        *,
        grace_days: int = 0,
        interval_s: float = 60.0,
    ) -> None:
        self.pool = pool
        self.pipeline = pipeline
        self.clock = clock
        self.grace_days = grace_days
        self.interval_s = interval_s
        self.ticks = 0  # completed ticks, for operators and tests

    async def tick(self) -> int:
        """Flag what is overdue today; return how many checkpoints were flagged."""
        today = self.clock.today()
        plan_ids = await self.pool.fetch(
            """SELECT DISTINCT c.plan_id FROM monitoring_checkpoints c
               JOIN monitoring_plans p ON p.plan_id = c.plan_id
               WHERE c.status = 'DUE' AND p.status = 'ACTIVE' AND c.due_date < $1::date - $2::int
               ORDER BY c.plan_id""",
            today,
            self.grace_days,
        )
        flagged = 0
        for row in plan_ids:
            cause = Cause.new(SCHEDULER_ACTOR)
            command = MarkOverdue(today=today, grace_days=self.grace_days)
            try:
                recorded = await self.pipeline.execute(PLAN, row["plan_id"], command, cause)
            except ConcurrencyConflict:
                log.info("overdue.conflict_retry_next_tick", stream_id=row["plan_id"])
                continue
            flagged += len(recorded)
            for r in recorded:
                log.info("overdue.flagged", stream_id=r.stream_id, version=r.version)
        self.ticks += 1
        return flagged

    async def run(self, stop: asyncio.Event) -> None:
        """Tick until `stop`; a failed tick is logged and retried on the next one."""
        while not stop.is_set():
            try:
                await self.tick()
            except (asyncpg.PostgresError, OSError, asyncpg.InterfaceError) as exc:
                log.warning("overdue.tick_failed", error=repr(exc))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.interval_s)
