"""The effective-date scheduler: makes decreed transfers effective once their TMT has come,
and records a deemed acknowledgement where the objection window closed in silence.

It keeps no state of its own: every tick asks mutation's write-side indexes (kept in the
transaction of each decision, `adapters.facts.WriteSideIndexes`) which transfers are due, so
a restart loses nothing. It cannot fire twice: the decider refuses `MakeEffective` unless the
transfer is DECREED, and the append is optimistic on the version it read, so two replicas
racing on one transfer give one `MutationEffective` and one `ConcurrencyConflict`. A guard
that fails on the TMT holds the transfer instead of moving it (`MutationHeld`).
"""

from __future__ import annotations

import asyncio
import contextlib

from rangkui_contracts.events.mutation import MutationHeld
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import ConcurrencyConflict, RuleViolated
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import UnitOfWork
from rangkui_mutation.adapters.facts import due_for_deemed_acknowledgement, due_for_effect
from rangkui_mutation.domain.mutation import (
    DeemAcknowledged,
    MakeEffective,
    mutation_decider,
    stream_id,
)
from rangkui_mutation.service_layer.commands import Deps, existing, tmt_facts

log = get_logger(__name__)
SCHEDULER_ACTOR = "system.scheduler"


async def record_silent_acknowledgements(deps: Deps) -> list[str]:
    """Transfers whose objection window closed in silence: recorded as deemed acknowledged,
    so the decree may follow (and the employee's silence is on the record, as an event)."""
    today = deps.clock.today()
    done: list[str] = []
    for mutation_id in await due_for_deemed_acknowledgement(deps.pool, today):
        sid = stream_id(mutation_id)
        try:
            await deps.pipeline.execute(
                mutation_decider, sid, DeemAcknowledged(today=today), Cause.new(SCHEDULER_ACTOR)
            )
        except (ConcurrencyConflict, RuleViolated) as exc:
            log.info("mutation.deemed_acknowledgement_skipped", stream_id=sid, reason=str(exc))
            continue
        log.info("mutation.deemed_acknowledged", stream_id=sid)
        done.append(sid)
    return done


async def make_due_transfers_effective(deps: Deps) -> list[str]:
    """One tick: the streams made effective now (a transfer whose guards fail on its TMT is
    held instead, with the reasons, and is not in the list)."""
    await record_silent_acknowledgements(deps)
    today = deps.clock.today()
    done: list[str] = []
    for mutation_id in await due_for_effect(deps.pool, today):
        sid = stream_id(mutation_id)

        async def handler(uow: UnitOfWork, sid: str = sid) -> None:
            state = await existing(uow, sid)
            status, closed_on = await tmt_facts(deps.facts(uow), state)
            command = MakeEffective(today=today, employee_status=status, unit_closed_on=closed_on)
            uow.stage(sid, mutation_decider.decide(command, state))

        try:
            recorded = (await deps.pipeline.run(handler, Cause.new(SCHEDULER_ACTOR))).recorded
        except (ConcurrencyConflict, RuleViolated) as exc:
            # Another replica (or a cancel) got there first: nothing to do for this one.
            log.info("mutation.effective_skipped", stream_id=sid, reason=str(exc))
            continue
        if any(isinstance(r.event, MutationHeld) for r in recorded):
            log.warning("mutation.held", stream_id=sid, tmt_today=today.isoformat())
            continue
        log.info("mutation.effective", stream_id=sid, tmt_today=today.isoformat())
        done.append(sid)
    return done


class EffectiveDateScheduler:
    """The kit worker that ticks every `interval_s` until the service stops."""

    def __init__(self, deps: Deps, interval_s: float) -> None:
        self.deps = deps
        self.interval_s = interval_s

    async def run(self, stop: asyncio.Event) -> None:
        """Tick until `stop`; a failing tick (database briefly gone) is logged and retried."""
        while not stop.is_set():
            try:
                await make_due_transfers_effective(self.deps)
            except Exception as exc:  # keep the loop alive; the next tick retries everything
                log.warning("mutation.scheduler_tick_failed", error=repr(exc))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.interval_s)
