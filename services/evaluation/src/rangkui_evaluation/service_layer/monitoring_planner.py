"""The monitoring planner: a transfer that takes effect gets its monitoring plan, once; a
transfer that is cancelled loses it.

A reaction on the mutation topic. It also keeps the kind of each proposed transfer (read in
the same order as the transfer's later events, so it is there when the transfer takes
effect) and the staffing needs each transfer counted towards, for the outcome.
"""

from __future__ import annotations

from collections.abc import Sequence

from rangkui_contracts.events.mutation import (
    MutationCancelled,
    MutationEffective,
    MutationProposed,
    MutationRevoked,
    StaffingNeedFulfilled,
    StaffingNeedProgressed,
)
from rangkui_contracts.topics import MUTATION
from rangkui_evaluation.adapters.personnel_queries import head_of_unit, placement_of
from rangkui_evaluation.domain.plan import CancelMonitoring, ScheduleMonitoring, plan_id_for
from rangkui_evaluation.service_layer.plan_reactions import decide_on_plan, plan_state
from rangkui_eventkit.handlers import BatchContext, Reaction, Received, handles


class MonitoringPlanner(Reaction):
    name = "monitoring_planner"
    topics = (MUTATION,)

    def __init__(self, checkpoint_months: Sequence[int]) -> None:
        self.checkpoint_months = tuple(checkpoint_months)

    @handles(MutationProposed)
    async def on_proposed(self, ctx: BatchContext, e: MutationProposed, _: Received) -> None:
        ctx.sql.add(
            """INSERT INTO planner_mutation_kinds (mutation_id, kind) VALUES ($1, $2)
               ON CONFLICT (mutation_id) DO UPDATE SET kind = EXCLUDED.kind""",
            e.mutation_id,
            e.kind,
        )

    @handles(MutationEffective)
    async def on_effective(self, ctx: BatchContext, e: MutationEffective, r: Received) -> None:
        plan_id = plan_id_for(e.mutation_id)
        if (await plan_state(ctx, plan_id)).scheduled:
            return
        placement = await placement_of(ctx, e.to_unit_id)
        command = ScheduleMonitoring(
            mutation_id=e.mutation_id,
            nip=e.nip,
            unit_id=e.to_unit_id,
            position_id=e.to_position_id,
            tmt=e.tmt,
            checkpoint_months=self.checkpoint_months,
            evaluator_nip=await head_of_unit(ctx, e.to_unit_id, other_than=e.nip),
            kind=await ctx.fetchval(
                "SELECT kind FROM planner_mutation_kinds WHERE mutation_id = $1", e.mutation_id
            ),
            need_id=e.need_id,
            from_unit_id=e.from_unit_id,
            from_position_id=e.from_position_id,
            agency_unit_id=placement.agency_unit_id,
            region=placement.region,
        )
        await decide_on_plan(ctx, plan_id, command, r)

    @handles(MutationCancelled)
    async def on_cancelled(self, ctx: BatchContext, e: MutationCancelled, r: Received) -> None:
        plan_id = plan_id_for(e.mutation_id)
        if not (await plan_state(ctx, plan_id)).scheduled:
            return  # cancelled before it took effect: there is no plan to cancel
        command = CancelMonitoring(
            reason=f"transfer cancelled: {e.reason}", cancelled_by=e.cancelled_by
        )
        await decide_on_plan(ctx, plan_id, command, r)

    @handles(MutationRevoked)
    async def on_revoked(self, ctx: BatchContext, e: MutationRevoked, r: Received) -> None:
        """A revoked transfer is monitored no more: the person is back in their old post."""
        plan_id = plan_id_for(e.mutation_id)
        if not (await plan_state(ctx, plan_id)).scheduled:
            return
        command = CancelMonitoring(
            reason=f"transfer revoked by decree {e.revoking_sk_number}: {e.reason}",
            cancelled_by=e.revoked_by,
        )
        await decide_on_plan(ctx, plan_id, command, r)

    @handles(StaffingNeedProgressed)
    async def on_need_progressed(
        self, ctx: BatchContext, e: StaffingNeedProgressed, _: Received
    ) -> None:
        self._need_filled(ctx, e.need_id, [e.mutation_id])

    @handles(StaffingNeedFulfilled)
    async def on_need_fulfilled(
        self, ctx: BatchContext, e: StaffingNeedFulfilled, _: Received
    ) -> None:
        self._need_filled(ctx, e.need_id, e.mutation_ids)

    @staticmethod
    def _need_filled(ctx: BatchContext, need_id: str, mutation_ids: Sequence[str]) -> None:
        for mutation_id in mutation_ids:
            ctx.sql.add(
                """INSERT INTO planner_need_fills (mutation_id, need_id) VALUES ($1, $2)
                   ON CONFLICT (mutation_id) DO NOTHING""",
                mutation_id,
                need_id,
            )
