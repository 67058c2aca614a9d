"""The induction after a decree: scheduled by a reaction to `MutationDecreed`, recorded by the
BKD (swearing-in, SPMT), cancelled with the transfer, and flagged overdue by a watch worker
once its working-day deadline has passed (the BKD and the new unit's head are then told)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import date
from typing import Any

from rangkui_contracts.events.mutation import (
    InductionCancelled,
    InductionOverdue,
    InductionScheduled,
    MutationCancelled,
    MutationDecreed,
    MutationDutyTaken,
    MutationRevoked,
    MutationSwornIn,
)
from rangkui_contracts.topics import MUTATION
from rangkui_eventkit.context import Cause
from rangkui_eventkit.handlers import BatchContext, Projection, Reaction, Received, handles
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import UnitOfWork
from rangkui_eventkit.store import Recorded
from rangkui_mutation.domain.induction import (
    CancelInduction,
    FlagOverdue,
    InductionCommand,
    RecordDutyTaken,
    RecordSwearingIn,
    ScheduleInduction,
    WorkingDays,
    induction_decider,
    induction_stream_id,
)
from rangkui_mutation.domain.mutation import mutation_decider, stream_id
from rangkui_mutation.service_layer.commands import Deps
from rangkui_mutation.service_layer.ports import MutationFacts
from rangkui_mutation.settings import MutationSettings

log = get_logger(__name__)
WATCH_ACTOR = "system.induction-watch"


def induction_basis(settings: MutationSettings) -> str:
    return (
        f"{settings.induction_working_days} hari kerja sejak tanggal SK (Peraturan BKN 5/2019); "
        f"pelantikan untuk jabatan {', '.join(settings.swearing_in_post_types) or '-'}"
    )


class InductionPlanner(Reaction):
    """A decree schedules its transfer's induction (due by working days after the SK date;
    a swearing-in where the new post's type requires it); a cancellation or revocation
    cancels it."""

    name = "induction_planner"
    topics = (MUTATION,)

    def __init__(self, settings: MutationSettings, facts: Callable[[Any], MutationFacts]) -> None:
        self.settings = settings
        self.facts = facts
        self.calendar = WorkingDays.of(settings.non_working_days)

    @handles(MutationDecreed)
    async def on_decreed(self, ctx: BatchContext, e: MutationDecreed, r: Received) -> None:
        async def handler(uow: UnitOfWork) -> None:
            transfer = (await uow.state(mutation_decider, stream_id(e.mutation_id))).state
            post = await self.facts(uow.conn).position(transfer.to_position_id)
            post_type = post["jabatan_type"] if post else None
            command = ScheduleInduction(
                mutation_id=e.mutation_id,
                nip=e.nip,
                to_unit_id=transfer.to_unit_id,
                to_position_id=transfer.to_position_id,
                sk_date=e.sk_date,
                swearing_in_required=post_type in self.settings.swearing_in_post_types,
                working_days=self.settings.induction_working_days,
                calendar=self.calendar,
                basis=induction_basis(self.settings),
            )
            await uow.decide(induction_decider, induction_stream_id(e.mutation_id), command)

        await ctx.run(handler, because_of=r)

    @handles(MutationCancelled, MutationRevoked)
    async def on_ended(self, ctx: BatchContext, e: Any, r: Received) -> None:
        sid = induction_stream_id(e.mutation_id)

        async def handler(uow: UnitOfWork) -> None:
            if (await uow.state(induction_decider, sid)).state.scheduled is None:
                return  # cancelled before its decree: nothing was scheduled
            await uow.decide(induction_decider, sid, CancelInduction(e.reason))

        await ctx.run(handler, because_of=r)


class InductionBoard(Projection):
    """Inductions with their deadline and progress, for the BKD and the overdue watch."""

    name = "induction_board"
    topics = (MUTATION,)
    tables = ("inductions",)

    @handles(InductionScheduled)
    async def on_scheduled(self, ctx: BatchContext, e: InductionScheduled, r: Received) -> None:
        ctx.sql.add(
            """INSERT INTO inductions (mutation_id, nip, to_unit_id, swearing_in_required,
                   due_by, status, version)
               VALUES ($1, $2, $3, $4, $5, 'DUE', $6) ON CONFLICT (mutation_id) DO NOTHING""",
            e.mutation_id, e.nip, e.to_unit_id, e.swearing_in_required, e.due_by,
            r.envelope.streamversion or 0,
        )  # fmt: skip

    @handles(MutationSwornIn, MutationDutyTaken, InductionOverdue, InductionCancelled)
    async def on_progress(self, ctx: BatchContext, e: Any, r: Received) -> None:
        ctx.sql.add(
            """UPDATE inductions SET
                   sworn_in_on = coalesce($2, sworn_in_on),
                   duty_from = coalesce($3, duty_from),
                   spmt_number = coalesce($4, spmt_number),
                   status = CASE
                       WHEN $5 THEN 'CANCELLED'
                       WHEN coalesce($3, duty_from) IS NOT NULL
                            AND (NOT swearing_in_required
                                 OR coalesce($2, sworn_in_on) IS NOT NULL) THEN 'DONE'
                       WHEN $6 THEN 'OVERDUE'
                       ELSE status END,
                   version = $7
               WHERE mutation_id = $1 AND version < $7""",
            e.mutation_id,
            getattr(e, "sworn_in_on", None),
            getattr(e, "duty_from", None),
            getattr(e, "spmt_number", None),
            isinstance(e, InductionCancelled),
            isinstance(e, InductionOverdue),
            r.envelope.streamversion or 0,
        )


async def record_induction_step(
    deps: Deps, mutation_id: str, command: InductionCommand, *, cause: Cause
) -> list[Recorded]:
    """The swearing-in or the SPMT, recorded by the BKD on the induction's stream."""
    sid = induction_stream_id(mutation_id)

    async def handler(uow: UnitOfWork) -> None:
        decided = command
        if isinstance(command, RecordDutyTaken):
            transfer = (await uow.state(mutation_decider, stream_id(mutation_id))).state
            decided = RecordDutyTaken(
                command.actor, command.spmt_number, command.duty_from, command.today, transfer.tmt
            )
        await uow.decide(induction_decider, sid, decided)

    return (await deps.pipeline.run(handler, cause)).recorded


async def flag_overdue_inductions(deps: Deps, today: date, *, limit: int = 500) -> list[str]:
    """One sweep: the inductions past their deadline with steps missing, flagged once, in
    one unit of work (one load of their streams, one append)."""
    rows = await deps.pool.fetch(
        """SELECT mutation_id FROM inductions WHERE status = 'DUE' AND due_by < $1
           ORDER BY due_by, mutation_id LIMIT $2""",
        today,
        limit,
    )
    sids = [induction_stream_id(r["mutation_id"]) for r in rows]

    async def handler(uow: UnitOfWork) -> None:
        for sid, folded in (await uow.states(induction_decider, sids)).items():
            uow.stage(sid, induction_decider.decide(FlagOverdue(today), folded.state))

    if not sids:
        return []
    recorded = (await deps.pipeline.run(handler, Cause.new(WATCH_ACTOR))).recorded
    return [r.stream_id.removeprefix("induction-") for r in recorded]


class InductionWatch:
    """The kit worker that flags overdue inductions every `interval_s`."""

    def __init__(self, deps: Callable[[], Deps], interval_s: float) -> None:
        self.deps = deps
        self.interval_s = interval_s

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            deps = self.deps()
            try:
                flagged = await flag_overdue_inductions(deps, deps.clock.today())
                if flagged:
                    log.info("mutation.induction_overdue", count=len(flagged))
            except Exception as exc:  # keep the loop alive; the next sweep retries
                log.warning("mutation.induction_watch_failed", error=repr(exc))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.interval_s)


__all__ = [
    "InductionBoard",
    "InductionPlanner",
    "InductionWatch",
    "RecordDutyTaken",
    "RecordSwearingIn",
    "flag_overdue_inductions",
    "record_induction_step",
]
