"""Deciding on a plan from inside a reaction, in the consumer's transaction.

A plan's stream is also written by HTTP commands and the overdue scheduler, so a reaction
may lose a race: the kit's pipeline decides it again on the fresh stream, each try in a
savepoint of the batch's transaction, rather than dead-letter a valid event for a race.
"""

from __future__ import annotations

from rangkui_evaluation.domain.plan import Plan, PlanCommand
from rangkui_evaluation.service_layer.deciders import PLAN
from rangkui_eventkit.handlers import BatchContext, Received


async def plan_state(ctx: BatchContext, plan_id: str) -> Plan:
    return PLAN.fold(r.event for r in await ctx.load(plan_id))


async def decide_on_plan(
    ctx: BatchContext, plan_id: str, command: PlanCommand, because_of: Received
) -> int:
    """Decide `command` on the plan; return how many events it wrote."""
    return len(await ctx.execute(PLAN, plan_id, command, because_of=because_of))
