"""The evaluator follower: when someone takes up the head-of-unit post of a unit, the open
monitoring plans of that unit get them as evaluator (a plan scheduled while the post was
vacant would otherwise have nobody to evaluate it).

A reaction on the personnel topic. It keeps its own record of head posts and holders, so a
post and its holder are matched whichever of the two events it reads first. The plans of a
unit come from the monitoring read model: a plan scheduled in the same instant as the head
arrives may be missed here, but then the planner has already seen that head.
"""

from __future__ import annotations

from rangkui_contracts.events.personnel import (
    EmployeeReassigned,
    EmployeeRegisteredV2,
    PositionEstablished,
)
from rangkui_contracts.topics import PERSONNEL
from rangkui_evaluation.domain.plan import AssignEvaluator
from rangkui_evaluation.service_layer.plan_reactions import decide_on_plan
from rangkui_eventkit.handlers import BatchContext, Reaction, Received, handles


class EvaluatorFollower(Reaction):
    name = "evaluator_follower"
    topics = (PERSONNEL,)

    @handles(PositionEstablished)
    async def on_position(self, ctx: BatchContext, e: PositionEstablished, r: Received) -> None:
        if not e.is_head_of_unit:
            return
        ctx.sql.add(
            """INSERT INTO follower_head_posts (position_id, unit_id) VALUES ($1, $2)
               ON CONFLICT (position_id) DO UPDATE SET unit_id = EXCLUDED.unit_id""",
            e.position_id,
            e.unit_id,
        )
        holders = await ctx.fetch(
            "SELECT nip FROM follower_holders WHERE position_id = $1 ORDER BY nip LIMIT 1",
            e.position_id,
        )
        for holder in holders:
            await self._assign(ctx, e.unit_id, holder["nip"], r)

    @handles(EmployeeRegisteredV2)
    async def on_registered(self, ctx: BatchContext, e: EmployeeRegisteredV2, r: Received) -> None:
        await self._took_post(ctx, e.nip, e.position_id, r)

    @handles(EmployeeReassigned)
    async def on_reassigned(self, ctx: BatchContext, e: EmployeeReassigned, r: Received) -> None:
        await self._took_post(ctx, e.nip, e.to_position_id, r)

    async def _took_post(self, ctx: BatchContext, nip: str, position_id: str, r: Received) -> None:
        ctx.sql.add(
            """INSERT INTO follower_holders (nip, position_id) VALUES ($1, $2)
               ON CONFLICT (nip) DO UPDATE SET position_id = EXCLUDED.position_id""",
            nip,
            position_id,
        )
        unit_id = await ctx.fetchval(
            "SELECT unit_id FROM follower_head_posts WHERE position_id = $1", position_id
        )
        if unit_id is not None:
            await self._assign(ctx, unit_id, nip, r)

    async def _assign(self, ctx: BatchContext, unit_id: str, head: str, r: Received) -> None:
        plans = await ctx.fetch(
            """SELECT plan_id FROM monitoring_plans
               WHERE unit_id = $1 AND status = 'ACTIVE' AND nip <> $2
                 AND evaluator_nip IS DISTINCT FROM $2
               ORDER BY plan_id""",
            unit_id,
            head,
        )
        for row in plans:
            await decide_on_plan(ctx, row["plan_id"], AssignEvaluator(head), r)
