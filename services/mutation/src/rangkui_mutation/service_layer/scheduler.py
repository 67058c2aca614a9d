"""The effective-date scheduler: makes decreed transfers effective once their TMT has come,
and records a deemed acknowledgement where the objection window closed in silence.

It keeps no state of its own: every tick asks mutation's write-side indexes (kept in the
transaction of each decision, `adapters.facts.WriteSideIndexes`) which transfers are due, so
a restart loses nothing. It cannot fire twice: the decider refuses `MakeEffective` unless the
transfer is DECREED, and the append is optimistic on the version it read, so two replicas
racing on one transfer give one `MutationEffective` and one `ConcurrencyConflict`. A guard
that fails on the TMT holds the transfer instead of moving it (`MutationHeld`).

Batched (a province's busiest day is one TMT for thousands of transfers): the due transfers
are taken in chunks of `chunk_size`; each chunk is one unit of work with one many-stream load,
one read of the TMT facts for all of it, and one append. A transfer whose guards fail is held
in that same append while the others of its chunk take effect; one the decider refuses (it
was cancelled meanwhile) is left out of the chunk. A chunk that keeps losing races (another
writer on one of its streams, three times) is done again transfer by transfer.

Only one replica's scheduler runs at a time (`rangkui_eventkit.leader`, a PostgreSQL
advisory lock, as for the outbox relay), on a connection pool of its own so a burst does not
take HTTP's connections.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rangkui_contracts.events.mutation import MutationHeld
from rangkui_eventkit.context import Cause
from rangkui_eventkit.errors import ConcurrencyConflict, RuleViolated
from rangkui_eventkit.leader import leadership
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import PoolPipeline, UnitOfWork
from rangkui_mutation.adapters.facts import due_for_deemed_acknowledgement, due_for_effect
from rangkui_mutation.domain.mutation import (
    DeemAcknowledged,
    MakeEffective,
    mutation_decider,
    stream_id,
)
from rangkui_mutation.domain.rules import find_blackout
from rangkui_mutation.service_layer.commands import Deps

log = get_logger(__name__)
SCHEDULER_ACTOR = "system.scheduler"
CHUNK_SIZE = 500
# One TMT scheduler per database (the relay's lock is 7_245_002).
LEADER_LOCK = 7_245_003
# Rounds of one tick at most: a backlog larger than this is taken up at the next tick.
_MAX_ROUNDS = 50


@dataclass
class ChunkOutcome:
    """What one chunk did: streams made effective, streams held (with `MutationHeld`), and
    streams left as they were with the reason (refused by the decider or lost a race)."""

    effective: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

    def extend(self, other: ChunkOutcome) -> None:
        self.effective += other.effective
        self.held += other.held
        self.skipped.update(other.skipped)


async def record_silent_acknowledgements(deps: Deps, *, chunk_size: int = CHUNK_SIZE) -> list[str]:
    """Transfers whose objection window closed in silence: recorded as deemed acknowledged,
    so the decree may follow (and the employee's silence is on the record, as an event).
    In chunks, as the effects: one load and one append per chunk."""
    today = deps.clock.today()
    done: list[str] = []
    due = await due_for_deemed_acknowledgement(deps.pool, today)
    for start in range(0, len(due), chunk_size):
        outcome = await acknowledge_chunk(deps, due[start : start + chunk_size], today)
        for sid, reason in outcome.skipped.items():
            log.info("mutation.deemed_acknowledgement_skipped", stream_id=sid, reason=reason)
        if outcome.effective:
            log.info("mutation.deemed_acknowledged", transfers=len(outcome.effective))
        done += outcome.effective
    return done


async def acknowledge_chunk(deps: Deps, mutation_ids: Sequence[str], today: date) -> ChunkOutcome:
    """Deemed acknowledgements for a chunk in one unit of work (`effective`: the streams
    that got one; a transfer the decider refuses, answered meanwhile, is left out)."""
    sids = list(dict.fromkeys(stream_id(m) for m in mutation_ids))

    async def handler(uow: UnitOfWork) -> ChunkOutcome:
        outcome = ChunkOutcome()
        for sid, folded in (await uow.states(mutation_decider, sids)).items():
            try:
                events = mutation_decider.decide(DeemAcknowledged(today=today), folded.state)
            except RuleViolated as exc:
                outcome.skipped[sid] = str(exc)
                continue
            uow.stage(sid, events)
            outcome.effective.append(sid)
        return outcome

    try:
        return (await deps.pipeline.run(handler, Cause.new(SCHEDULER_ACTOR))).value
    except ConcurrencyConflict:
        if len(sids) == 1:
            return ChunkOutcome(skipped={sids[0]: "another change was saved first"})
        outcome = ChunkOutcome()
        for mutation_id in mutation_ids:
            outcome.extend(await acknowledge_chunk(deps, [mutation_id], today))
        return outcome


async def effect_chunk(deps: Deps, mutation_ids: Sequence[str], today: date) -> ChunkOutcome:
    """Make a chunk of due transfers effective in one unit of work: one load of all their
    streams, one read of their TMT facts, one append (the held ones included)."""
    sids = list(dict.fromkeys(stream_id(m) for m in mutation_ids))

    async def handler(uow: UnitOfWork) -> ChunkOutcome:
        outcome = ChunkOutcome()  # made afresh on every attempt
        folded = await uow.states(mutation_decider, sids)
        live = {s: f.state for s, f in folded.items() if f.state.status is not None}
        facts = deps.facts(uow)
        statuses, closed = await facts.tmt_facts_many(
            [st.nip or "" for st in live.values()], [st.to_unit_id or "" for st in live.values()]
        )
        # A blackout covering the TMT holds the transfer too: only on such (rare) days are
        # the target posts' types looked up.
        windows = [w for w in deps.blackouts if w.start <= today <= w.end]
        post_types: dict[str, str | None] = {}
        for st in live.values() if windows else ():
            post = await facts.position(st.to_position_id or "")
            post_types[st.to_position_id or ""] = post["jabatan_type"] if post else None
        for sid in sids:
            state = live.get(sid)
            if state is None:
                outcome.skipped[sid] = "unknown transfer"
                continue
            blackout = find_blackout(
                windows, today, post_type=post_types.get(state.to_position_id or ""),
                kind=state.kind,
            ) if windows else None  # fmt: skip
            command = MakeEffective(
                today=today,
                employee_status=statuses.get(state.nip or "", "ACTIVE"),
                unit_closed_on=closed.get(state.to_unit_id or ""),
                blackout=blackout,
            )
            try:
                events = mutation_decider.decide(command, state)
            except RuleViolated as exc:  # cancelled or already effective meanwhile
                outcome.skipped[sid] = str(exc)
                continue
            uow.stage(sid, events)
            held = any(isinstance(e, MutationHeld) for e in events)
            (outcome.held if held else outcome.effective).append(sid)
        return outcome

    try:
        return (await deps.pipeline.run(handler, Cause.new(SCHEDULER_ACTOR))).value
    except ConcurrencyConflict:
        if len(sids) == 1:
            return ChunkOutcome(skipped={sids[0]: "another change was saved first"})
        # One stream of the chunk keeps moving under us: the others should not wait for it.
        log.info("mutation.effective_chunk_one_by_one", transfers=len(sids))
        outcome = ChunkOutcome()
        for mutation_id in mutation_ids:
            outcome.extend(await effect_chunk(deps, [mutation_id], today))
        return outcome


async def make_due_transfers_effective(deps: Deps, *, chunk_size: int = CHUNK_SIZE) -> list[str]:
    """One tick: the streams made effective now (a transfer whose guards fail on its TMT is
    held instead, with the reasons, and is not in the list)."""
    await record_silent_acknowledgements(deps, chunk_size=chunk_size)
    today = deps.clock.today()
    done: list[str] = []
    batch = chunk_size * 4
    for _ in range(_MAX_ROUNDS):
        due = await due_for_effect(deps.pool, today, limit=batch)
        progressed = 0
        for start in range(0, len(due), chunk_size):
            outcome = await effect_chunk(deps, due[start : start + chunk_size], today)
            for sid in outcome.held:
                log.warning("mutation.held", stream_id=sid, tmt_today=today.isoformat())
            for sid, reason in outcome.skipped.items():
                log.info("mutation.effective_skipped", stream_id=sid, reason=reason)
            if outcome.effective:
                log.info(
                    "mutation.effective",
                    transfers=len(outcome.effective),
                    first=outcome.effective[0],
                    tmt_today=today.isoformat(),
                )
            done += outcome.effective
            progressed += len(outcome.effective) + len(outcome.held)
        if len(due) < batch or progressed == 0:
            break
    return done


class EffectiveDateScheduler:
    """The kit worker that ticks every `interval_s` until the service stops, while this
    replica leads (`LEADER_LOCK`), on the pool `pool_factory` opens (HTTP's pool if None)."""

    def __init__(
        self,
        deps: Deps,
        interval_s: float,
        *,
        chunk_size: int = CHUNK_SIZE,
        pool_factory: Callable[[], Awaitable[Any]] | None = None,
        leader_lock: int = LEADER_LOCK,
    ) -> None:
        self.deps = deps
        self.interval_s = interval_s
        self.chunk_size = chunk_size
        self.pool_factory = pool_factory
        self.leader_lock = leader_lock
        self.leading = False
        self.ticks = 0

    async def _own_deps(self) -> tuple[Deps, Any]:
        if self.pool_factory is None:
            return self.deps, None
        pipeline = self.deps.pipeline
        if not isinstance(pipeline, PoolPipeline):
            raise TypeError("a scheduler with a pool of its own needs a PoolPipeline")
        pool = await self.pool_factory()
        return replace(self.deps, pipeline=pipeline.with_pool(pool), pool=pool), pool

    async def run(self, stop: asyncio.Event) -> None:
        """Lead and tick until `stop`; a failing tick (database briefly gone) is logged and
        the replica stands for leadership again."""
        deps, own_pool = await self._own_deps()
        try:
            while not stop.is_set():
                try:
                    await self._lead(deps, stop)
                except Exception as exc:  # keep the loop alive; the next tick retries everything
                    log.warning("mutation.scheduler_tick_failed", error=repr(exc))
                finally:
                    self.leading = False
                await _sleep_or_stop(stop, self.interval_s)
        finally:
            if own_pool is not None:
                await own_pool.close()

    async def _lead(self, deps: Deps, stop: asyncio.Event) -> None:
        async with leadership(
            deps.pool, self.leader_lock, stop, retry_s=max(self.interval_s, 1.0), name="tmt"
        ) as lead:
            if lead is None:
                return
            self.leading = True
            while not stop.is_set():
                await lead.check()
                await make_due_transfers_effective(deps, chunk_size=self.chunk_size)
                self.ticks += 1
                await _sleep_or_stop(stop, self.interval_s)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


__all__ = [
    "CHUNK_SIZE",
    "ChunkOutcome",
    "EffectiveDateScheduler",
    "acknowledge_chunk",
    "effect_chunk",
    "make_due_transfers_effective",
    "record_silent_acknowledgements",
]
