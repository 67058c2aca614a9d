"""Deciding on a plan from inside a reaction, in the consumer's transaction.

A plan's stream is also written by HTTP commands and the overdue scheduler, so a reaction
may meet `ConcurrencyConflict`. Rather than send a valid event to the dead letters for a
race, the decision is made again on the fresh stream, each try inside a savepoint so that a
failed append leaves the consumer's transaction usable.
"""

from __future__ import annotations

from rangkui_evaluation.domain.plan import Plan, PlanCommand
from rangkui_evaluation.service_layer.deciders import PLAN
from rangkui_eventkit.errors import ConcurrencyConflict
from rangkui_eventkit.handlers import BatchContext, Received
from rangkui_eventkit.store import StreamWrite

_ATTEMPTS = 3


async def plan_state(ctx: BatchContext, plan_id: str) -> Plan:
    return PLAN.fold(r.event for r in await ctx.load(plan_id))


async def decide_on_plan(
    ctx: BatchContext, plan_id: str, command: PlanCommand, because_of: Received
) -> int:
    """Load, decide and append `command` on the plan; return how many events it wrote."""
    await ctx.flush()  # earlier writes of the batch must not ride on a savepoint that may roll back
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            async with ctx.conn.transaction():
                history = await ctx.load(plan_id)
                events = PLAN.decide(command, PLAN.fold(r.event for r in history))
                recorded = await ctx.append(
                    [StreamWrite(plan_id, len(history), events)], because_of=because_of
                )
                return len(recorded)
        except ConcurrencyConflict:
            if attempt == _ATTEMPTS:
                raise
    return 0
