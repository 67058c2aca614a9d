"""Reactions of personnel to other contexts' events.

`MutationEffective` -> `EmployeeReassigned`, exactly once: the kit commits the new event
with the consumer's position, and the employee decider ignores a transfer it has already
applied (or a move to where the employee already is), so a redelivered or re-published
event changes nothing.
"""

from __future__ import annotations

from rangkui_contracts.events.mutation import MutationEffective
from rangkui_contracts.topics import MUTATION
from rangkui_eventkit.handlers import BatchContext, Reaction, Received, handles
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.store import StreamWrite
from rangkui_personnel.domain.employee import ReassignEmployee, employee_decider
from rangkui_personnel.domain.position import position_decider, require_post_in_unit
from rangkui_personnel.domain.streams import employee_stream, position_stream, unit_stream
from rangkui_personnel.domain.unit import require_open_unit, unit_decider

log = get_logger(__name__)


class TransferExecution(Reaction):
    """Moves an employee when their transfer takes effect."""

    name = "transfer_execution"
    topics = (MUTATION,)

    @handles(MutationEffective)
    async def on_mutation_effective(
        self, ctx: BatchContext, e: MutationEffective, r: Received
    ) -> None:
        unit = unit_decider.fold(x.event for x in await ctx.load(unit_stream(e.to_unit_id)))
        require_open_unit(e.to_unit_id, unit, "target unit")
        post = position_decider.fold(
            x.event for x in await ctx.load(position_stream(e.to_position_id))
        )
        require_post_in_unit(e.to_position_id, post, e.to_unit_id)
        command = ReassignEmployee(
            nip=e.nip,
            to_unit_id=e.to_unit_id,
            to_position_id=e.to_position_id,
            tmt=e.tmt,
            mutation_id=e.mutation_id,
        )
        stream = employee_stream(e.nip)
        # A race with an HTTP command on the same employee surfaces as ConcurrencyConflict;
        # the kit then runs this handler again on fresh state (a savepoint per attempt).
        history = await ctx.load(stream)
        events = employee_decider.decide(command, employee_decider.fold(x.event for x in history))
        if not events:
            log.info("personnel.transfer_already_applied", nip=e.nip, mutation_id=e.mutation_id)
            return
        await ctx.append([StreamWrite(stream, len(history), events)], because_of=r)
        log.info(
            "personnel.EmployeeReassigned",
            nip=e.nip,
            mutation_id=e.mutation_id,
            stream_id=stream,
            version=len(history) + 1,
        )
