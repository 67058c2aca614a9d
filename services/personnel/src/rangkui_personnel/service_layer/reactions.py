"""Reactions of personnel to other contexts' events.

`MutationEffective` -> `EmployeeReassigned`, and `MutationRevoked` -> `EmployeeReassigned`
back to the post the person left, each exactly once: the kit commits the new event
with the consumer's position, and the employee decider ignores a transfer it has already
applied (or a move to where the employee already is), so a redelivered or re-published
event changes nothing.
"""

from __future__ import annotations

from rangkui_contracts.events.mutation import MutationEffective, MutationRevoked
from rangkui_contracts.topics import MUTATION
from rangkui_eventkit.handlers import BatchContext, Reaction, Received, handles
from rangkui_eventkit.logging import get_logger
from rangkui_eventkit.pipeline import UnitOfWork
from rangkui_personnel.domain.employee import ReassignEmployee, employee_decider
from rangkui_personnel.domain.streams import employee_stream
from rangkui_personnel.service_layer.commands import check_placement

log = get_logger(__name__)


class TransferExecution(Reaction):
    """Moves an employee when their transfer takes effect."""

    name = "transfer_execution"
    topics = (MUTATION,)

    @handles(MutationEffective)
    async def on_mutation_effective(
        self, ctx: BatchContext, e: MutationEffective, r: Received
    ) -> None:
        command = ReassignEmployee(
            nip=e.nip,
            to_unit_id=e.to_unit_id,
            to_position_id=e.to_position_id,
            tmt=e.tmt,
            mutation_id=e.mutation_id,
        )

        async def handler(uow: UnitOfWork) -> None:
            await check_placement(uow, e.to_unit_id, e.to_position_id, "target unit")
            # A race with an HTTP command on the same employee is decided again by the kit's
            # pipeline on fresh state (a savepoint per attempt).
            if not await uow.decide(employee_decider, employee_stream(e.nip), command):
                log.info("personnel.transfer_already_applied", nip=e.nip, mutation_id=e.mutation_id)

        outcome = await ctx.run(handler, because_of=r)
        for rec in outcome.recorded:
            log.info(
                "personnel.EmployeeReassigned",
                nip=e.nip,
                mutation_id=e.mutation_id,
                stream_id=rec.stream_id,
                version=rec.version,
            )

    @handles(MutationRevoked)
    async def on_mutation_revoked(
        self, ctx: BatchContext, e: MutationRevoked, r: Received
    ) -> None:
        """Back to the post the revoked transfer moved them from (if that post still exists:
        else the move back is refused like any placement, to the dead letters with why)."""
        command = ReassignEmployee(
            nip=e.nip,
            to_unit_id=e.back_to_unit_id,
            to_position_id=e.back_to_position_id,
            tmt=e.revoked_from,
            revokes_mutation_id=e.mutation_id,
        )

        async def handler(uow: UnitOfWork) -> None:
            await check_placement(uow, e.back_to_unit_id, e.back_to_position_id, "former unit")
            await uow.decide(employee_decider, employee_stream(e.nip), command)

        outcome = await ctx.run(handler, because_of=r)
        for rec in outcome.recorded:
            log.info("personnel.moved_back", nip=e.nip, mutation_id=e.mutation_id,
                     stream_id=rec.stream_id, version=rec.version)  # fmt: skip
